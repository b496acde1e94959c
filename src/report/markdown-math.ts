import MarkdownIt from 'markdown-it';
import markdownItKatexModule from '@vscode/markdown-it-katex';
import katex from 'katex';

/**
 * KaTeX's options for text that comes from submissions and keys: `trust: false` turns
 * `\href{javascript:...}`, `\url` and `\htmlData` into plain red source text, and the size
 * and macro-expansion limits keep a hostile formula from blowing up the page.
 */
export const KATEX_OPTIONS = { throwOnError: false, strict: 'ignore', trust: false, maxSize: 50, maxExpand: 200 } as const;

/**
 * Markdown as submissions write it, with LaTeX: raw HTML is shown as text (`html: false`),
 * links go through markdown-it's own check (no `javascript:`, `vbscript:`, `file:` or
 * non-image `data:` URLs), and line breaks inside a paragraph stay line breaks, as in a
 * write-up.
 */
const md = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });
// A CommonJS module whose function is its `default` export.
type KatexPlugin = (md: InstanceType<typeof MarkdownIt>, options: object) => void;
const markdownItKatex = (markdownItKatexModule as unknown as { default: KatexPlugin }).default;
md.use(markdownItKatex, KATEX_OPTIONS);
// Every link a submission writes opens apart from the report and leaks no referrer.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
  tokens[idx]!.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * `\(...\)` and `\[...\]` (ChatGPT's delimiters) as `$...$` and `$$...$$`, which the KaTeX
 * plugin reads; code spans and fenced blocks are left as written.
 */
function dollarDelimiters(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/\\\[([\s\S]+?)\\\]/g, (_m, tex: string) => `$$${tex}$$`).replace(/\\\(([\s\S]+?)\\\)/g, (_m, tex: string) => `$${tex.trim()}$`)))
    .join('');
}

/** Markdown with LaTeX as safe HTML: every character of the input is escaped or typeset. */
export function renderMarkdown(text: string): string {
  return md.render(dollarDelimiters(text));
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One formula typeset by KaTeX; what KaTeX cannot read is shown as code, never dropped. */
export function renderMath(tex: string, display = false): string {
  try {
    const html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
    return html.includes('katex-error') ? `<code>${escapeHtml(tex)}</code>` : html;
  } catch {
    return `<code>${escapeHtml(tex)}</code>`;
  }
}

/**
 * An answer or expected value, typeset when it reads as mathematics (`c = 1/\sqrt{d_{in}}`,
 * `28 × 28 × 16`, `[4, 4; 4, 4]`) and shown as text when it is prose ("To the maximum: ...").
 */
export function typesetAnswer(answer: string): string {
  if (!answer) return '';
  // Words that are not commands, subscripts or function names make it prose (`maximum | argmax`).
  const bare = answer
    .replace(/\\[A-Za-z]+/g, '')
    .replace(/_\{[^{}]*\}|_[A-Za-z0-9]+/g, '')
    .replace(/\b(sqrt|exp|log|sin|cos|tan|max|min|det|tr)\b/g, '');
  const prose = /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(bare) || /[A-Za-z]{4,}/.test(bare);
  if (prose || answer.length > 300) return `<span class="answer-text">${escapeHtml(answer)}</span>`;
  // The checker prints readable forms: make them LaTeX KaTeX knows.
  const tex = answer
    .replace(/×/g, '\\times ')
    .replace(/·/g, '\\cdot ')
    .replace(/\bsqrt\(([^()]*)\)/g, '\\sqrt{$1}')
    .replace(/(?<![\\A-Za-z])([A-Za-z])_([A-Za-z0-9]{2,})/g, '$1_{$2}')
    .replace(/\^\(([^()]*)\)/g, '^{$1}')
    .replace(
      /\[([^\][]*;[^\][]*)\]/g,
      (_m, body: string) =>
        `\\begin{bmatrix}${body
          .split(';')
          .map((r) => r.split(',').join(' & '))
          .join(' \\\\ ')}\\end{bmatrix}`,
    );
  return renderMath(tex);
}
