/**
 * Web pages people hand in: a chat saved from the browser ("Save page as"), an exporter's HTML,
 * a write-up converted by pandoc or Jupyter. Rebuilt as the Markdown + LaTeX every reader of the
 * project takes: formulas from the TeX the page keeps (KaTeX's and pandoc's `<annotation>`,
 * MathJax 2's `<script type="math/tex">`, `\(...\)` left as written) or else from its MathML,
 * and from the TeX an equation editor keeps in the picture it draws (equation-images.ts);
 * the turns of a chat from its markup (see roles.ts); the page's furniture (navigation, buttons,
 * text only screen readers get, rendered glyphs beside their TeX) left out. (HTML fragments left
 * inside a text transcript are read by html-text.ts, which keeps the Markdown around them.)
 */
import { parseDocument } from 'htmlparser2';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { formatCounter } from '../counters.js';
import { markdownTable } from '../markdown-table.js';
import { descendants, textOf } from '../dom.js';
import { latexOf } from '../mathml.js';
import { type Role, roleOf } from './roles.js';
import { equationImageTex, texOfMathmlAttribute } from './equation-images.js';

/** A page read as Markdown. */
export interface HtmlReading {
  text: string;
  /** The page is a chat whose turns its markup marks (written as `**User:**` / `**Assistant:**`). */
  chat: boolean;
  warnings: string[];
}

/** Elements that are the page's furniture or code, never its content. */
const SKIPPED = new Set(['head', 'style', 'noscript', 'template', 'svg', 'button', 'nav', 'aside', 'select', 'input', 'textarea', 'iframe', 'canvas', 'video', 'audio', 'title', 'meta', 'link']);
/** Rendered formulas beside the TeX or MathML they were made from. */
const RENDERED = /^(?:katex-html|MathJax|MathJax_Display|MathJax_Preview|MathJax_SVG|MathJax_SVG_Display|MathJax_CHTML|MJX_Assistive_MathML)$/;
/** Text only a screen reader gets ("You said:", "Copy code"): the chat's own labels, not its content. */
const UNSEEN = /^(?:sr-only|visually-hidden|cdk-visually-hidden|screen-reader-only|screenreader-only|a11y-hidden)$/;
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'figure',
  'figcaption',
  'details',
  'summary',
  'dl',
  'dd',
  'dt',
  'address',
  'body',
  'html',
  'center',
  'form',
  'fieldset',
  'user-query',
  'model-response',
]);

interface Context {
  role?: Role;
  /** Inside text shown as typed (`white-space: pre-wrap`, as chat apps show a person's message): its line breaks are kept. */
  typed?: boolean;
  /** Roles are written only where the page marks both a person's and a model's turns. */
  chat: boolean;
  /** Counts for the whole page, shared by every context made from the first. */
  tally: { depth: number; pictures: number; unreadFormulas: number; flattened: number };
}

const classes = (el: Element): string[] => (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
const block = (s: string) => (s.trim() ? `\n\n${s.trim()}\n\n` : '');

function isHidden(el: Element): boolean {
  const a = el.attribs;
  return a.hidden !== undefined || a['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '') || classes(el).some((c) => UNSEEN.test(c) || RENDERED.test(c));
}

function isTyped(el: Element): boolean {
  return /white-space\s*:\s*pre/i.test(el.attribs.style ?? '') || classes(el).some((c) => /^(?:whitespace-pre(?:-wrap|-line)?|pre-wrap|preserve-whitespace)$/.test(c));
}

/** The TeX a formula element carries, or its MathML as LaTeX. */
function formulaOf(math: Element): string {
  const tex = descendants(math, 'annotation').find((a) => /^(?:application\/x-tex|TeX|LaTeX)$/i.test(a.attribs.encoding ?? ''));
  if (tex) return textOf(tex).trim();
  try {
    return latexOf(math).trim();
  } catch (e) {
    // MathML nested past the stack (no real formula is): the formula is not read, and the page goes on.
    if (e instanceof RangeError) return '';
    throw e;
  }
}

const inlineMath = (tex: string) => (tex ? `$${tex}$` : '');
const displayMath = (tex: string) => (tex ? block(`$$${tex}$$`) : '');

/** A formula element (KaTeX, MathJax, bare MathML), as Markdown math; undefined for any other element. */
function formula(el: Element, ctx: Context): string | undefined {
  const cls = classes(el);
  // The TeX a front end keeps on the formula's element (Gemini's `data-math`), whatever it renders inside.
  const kept = el.attribs['data-math'] ?? el.attribs['data-tex'] ?? el.attribs['data-latex'];
  if (kept?.trim()) return cls.some((c) => /block|display/.test(c)) || el.attribs['data-display'] === 'true' ? displayMath(kept.trim()) : inlineMath(kept.trim());
  if (cls.includes('katex-display')) {
    const math = descendants(el, 'math')[0];
    return math ? displayMath(formulaOf(math)) : '';
  }
  if (cls.includes('katex')) {
    const math = descendants(el, 'math')[0];
    return math ? inlineMath(formulaOf(math)) : '';
  }
  // pandoc's markup for TeX a script typesets in the browser: `\(..\)` (MathJax) or bare (KaTeX).
  if (cls.includes('math') && (cls.includes('inline') || cls.includes('display')) && el.children.every(isText)) {
    const tex = textOf(el).replace(/\s+/g, ' ').trim();
    if (/^\\[([][\s\S]*\\[)\]]$/.test(tex)) return cls.includes('display') ? block(tex) : tex;
    return cls.includes('display') ? displayMath(tex) : inlineMath(tex);
  }
  if (el.name === 'math') return el.attribs.display === 'block' ? displayMath(formulaOf(el)) : inlineMath(formulaOf(el));
  if (el.name === 'mjx-container') {
    const math = descendants(el, 'math')[0];
    if (!math) {
      ctx.tally.unreadFormulas++;
      return '';
    }
    return el.attribs.display === 'true' || el.attribs.display === 'block' ? displayMath(formulaOf(math)) : inlineMath(formulaOf(math));
  }
  if (el.name === 'img') {
    const tex = equationImageTex(el);
    return tex ? (aloneInBlock(el) ? displayMath(tex) : inlineMath(tex)) : undefined;
  }
  // MathJax 2's rendered formula whose TeX script was left behind (copied through an editor): its MathML.
  if (cls.some((c) => MATHJAX_FRAME.test(c)) && !texScriptAfter(el)) {
    const inside = descendants(el, 'math')[0];
    const math = texOfMathmlAttribute(el.attribs['data-mathml']) ?? (inside ? formulaOf(inside) : undefined);
    const display = el.parent?.type === 'tag' && classes(el.parent as Element).includes('MathJax_Display');
    if (math) return display ? displayMath(math) : inlineMath(math);
  }
  if (el.name === 'script') {
    const type = el.attribs.type ?? '';
    if (!/^math\/tex/i.test(type)) return '';
    const tex = textOf(el).trim();
    return /mode\s*=\s*display/i.test(type) ? displayMath(tex) : inlineMath(tex);
  }
  return undefined;
}

/** MathJax 2's frames around a rendered formula (its TeX in the `<script>` after them, its MathML in `data-mathml` or inside). */
const MATHJAX_FRAME = /^(?:MathJax|MathJax_SVG|MathJax_CHTML)$/;

/** Whether MathJax's TeX script follows a rendered formula (then the script is read, not the rendering). */
function texScriptAfter(el: Element): boolean {
  let n = el.next;
  while (n && !isTag(n)) n = n.next;
  return !!n && isTag(n) && n.name === 'script' && /^math\/tex/i.test(n.attribs.type ?? '');
}

/** Whether a picture is all its paragraph holds (an equation set on its own line, as a display). */
function aloneInBlock(el: Element): boolean {
  const parent = el.parent?.type === 'tag' ? (el.parent as Element) : undefined;
  if (!parent || !['p', 'div', 'center', 'figure'].includes(parent.name)) return false;
  return parent.children.every((c) => c === el || (isText(c) && !c.data.replace(/\u00a0/g, ' ').trim()) || (isTag(c) && c.name === 'br'));
}

/**
 * A file name for a picture, which may name the question (`q2b.png`): the alt text when it is a
 * file's name (apps write the uploaded file's name there), else the source's last segment when it
 * is one, else the alt text, else the picture's place.
 */
function pictureName(el: Element, ctx: Context): string {
  const isFile = (s: string) => /^[^/\\]{1,120}\.[A-Za-z0-9]{2,5}$/.test(s);
  const alt = el.attribs.alt?.trim() ?? '';
  const src = el.attribs.src ?? '';
  let last = '';
  try {
    last = src.startsWith('data:') ? '' : decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '');
  } catch {
    // A malformed escape in the address: the name comes from elsewhere.
  }
  return [alt, last].find(isFile) ?? (alt || `image-${ctx.tally.pictures}.png`);
}

/** Nesting deeper than any page a person saves: below it, the text is read plainly, so a hostile page cannot exhaust the stack. */
const MAX_DEPTH = 256;

function children(el: Element, ctx: Context): string {
  if (ctx.tally.depth >= MAX_DEPTH) {
    ctx.tally.flattened++;
    return ` ${plainText(el)} `;
  }
  ctx.tally.depth++;
  try {
    return el.children.map((c) => render(c, ctx)).join('');
  } finally {
    ctx.tally.depth--;
  }
}

/** The text under an element, however deep, its furniture left out (without recursion). */
function plainText(el: Element): string {
  const out: string[] = [];
  const stack: ChildNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) out.push(n.data);
    else if (isTag(n) && !SKIPPED.has(n.name) && !isHidden(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** CSS's list styles and HTML's `type` letters, as the counter formats they print. */
const COUNTERS: Record<string, string> = {
  a: 'lowerLetter',
  A: 'upperLetter',
  i: 'lowerRoman',
  I: 'upperRoman',
  'lower-alpha': 'lowerLetter',
  'lower-latin': 'lowerLetter',
  'upper-alpha': 'upperLetter',
  'upper-latin': 'upperLetter',
  'lower-roman': 'lowerRoman',
  'upper-roman': 'upperRoman',
};

/**
 * The marker of an ordered list's n-th item: numbers, or letters and roman numerals as parts are
 * labelled (`(a)`, `(ii)`), when the list says so (`type="a"`, `list-style-type: lower-alpha`).
 */
function orderedMarker(el: Element, n: number): string {
  const style = /list-style(?:-type)?\s*:\s*([a-z-]+)/i.exec(el.attribs.style ?? '')?.[1]?.toLowerCase();
  const format = COUNTERS[el.attribs.type ?? ''] ?? COUNTERS[style ?? ''];
  return format ? `(${formatCounter(n, format)}) ` : `${n}. `;
}

function list(el: Element, ctx: Context): string {
  let n = Number(el.attribs.start ?? 1) || 1;
  const items = el.children.filter((c): c is Element => isTag(c) && c.name === 'li');
  return block(
    items
      .map((li) => {
        const marker = el.name === 'ol' ? orderedMarker(el, n++) : '- ';
        const body = children(li, ctx)
          .trim()
          .replace(/\n{2,}/g, '\n')
          .split('\n');
        return [marker + body[0], ...body.slice(1).map((l) => (l ? ' '.repeat(marker.length) + l : l))].join('\n');
      })
      .join('\n'),
  );
}

function tableRows(el: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isTag(c) || c.name === 'table') continue;
      if (c.name === 'tr') rows.push(c);
      else walk(c);
    }
  };
  walk(el);
  return rows;
}

function table(el: Element, ctx: Context): string {
  const rows = tableRows(el).map((tr) =>
    tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th')).map((cell) => children(cell, ctx).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')),
  );
  return block(markdownTable(rows));
}

function code(el: Element): string {
  const inner = descendants(el, 'code')[0];
  const named = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(inner?.attribs.class ?? el.attribs.class ?? '')?.[1] ?? '';
  // (An editor that names a block by its MIME type, as Trilium's does, writes `text-x-python` and `text-plain`: the language is `python`, plain `text`.)
  const language = named.replace(/^text-plain$/i, 'text').replace(/^(?:text|application)-(?:x-)?(?=\w)/i, '');
  const text = textOf(inner ?? el).replace(/\n$/, '');
  return block(`\`\`\`${language}\n${text}\n\`\`\``);
}

/** Bold or italic around inline content, its spaces kept outside the marks. */
function emphasis(inner: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : inner;
}

function render(node: ChildNode, ctx: Context): string {
  if (isText(node)) return ctx.typed ? node.data.replace(/[ \t\f\r]+/g, ' ') : node.data.replace(/\s+/g, ' ');
  if (!isTag(node)) return '';
  const el = node;
  const math = formula(el, ctx);
  if (math !== undefined) return math;
  if (SKIPPED.has(el.name) || isHidden(el)) return '';
  if (!ctx.typed && isTyped(el)) return block(children(el, { ...ctx, typed: true }));
  const role = ctx.chat && !ctx.role ? roleOf(el) : undefined;
  if (role) return block(`**${role === 'user' ? 'User' : 'Assistant'}:**\n\n${children(el, { ...ctx, role })}`);
  const heading = /^h([1-6])$/.exec(el.name);
  if (heading) return block(`${'#'.repeat(Number(heading[1]))} ${children(el, ctx).replace(/\s+/g, ' ').trim()}`);
  switch (el.name) {
    case 'br':
      return '\n';
    case 'hr':
      return '\n\n';
    case 'ul':
    case 'ol':
      return list(el, ctx);
    case 'li':
      return block(`- ${children(el, ctx).trim()}`);
    case 'table':
      return table(el, ctx);
    case 'pre':
      return code(el);
    case 'code':
      return `\`${textOf(el)}\``;
    case 'strong':
    case 'b':
      return emphasis(children(el, ctx), '**');
    case 'em':
    case 'i':
      return emphasis(children(el, ctx), '*');
    case 'sub':
      return `_{${children(el, ctx).trim()}}`;
    case 'sup':
      return `^{${children(el, ctx).trim()}}`;
    case 'blockquote':
      return block(
        children(el, ctx)
          .trim()
          .replace(/\n{3,}/g, '\n\n')
          .split('\n')
          .map((l) => `> ${l}`.trimEnd())
          .join('\n'),
      );
    case 'img':
      // A picture the person posted (a screenshot of the question) is their turn's attachment, as
      // in a PDF export; a figure in a reply or a write-up is no answer text.
      ctx.tally.pictures++;
      return ctx.role === 'user' ? block(`[File]: ${pictureName(el, ctx)}`) : '';
    default:
      return BLOCKS.has(el.name) ? block(children(el, ctx)) : children(el, ctx);
  }
}

/**
 * Lines as Markdown wants them: no trailing spaces, no space a collapsed line break left at a
 * line's start (list items' indents are two or more), one blank line between blocks; code as written.
 */
function tidyLines(text: string): string {
  let fenced = false;
  const lines = text.split('\n').map((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return fenced ? line : line.replace(/[ \t]+$/, '').replace(/^ (?=\S)/, '');
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The roles the page's markup gives its outermost message containers. */
function rolesIn(nodes: ChildNode[]): Set<Role> {
  const found = new Set<Role>();
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n) || SKIPPED.has(n.name)) continue;
    const role = roleOf(n);
    if (role) found.add(role);
    else stack.push(...n.children);
  }
  return found;
}

/** Reads an HTML page as Markdown + LaTeX (see the module's comment). */
export function htmlToMarkdown(html: string, path: string): HtmlReading {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const chat = rolesIn(doc.children).size === 2;
  const ctx: Context = { chat, tally: { depth: 0, pictures: 0, unreadFormulas: 0, flattened: 0 } };
  const text = tidyLines(doc.children.map((c) => render(c, ctx)).join(''));
  const { unreadFormulas, flattened } = ctx.tally;
  const warnings = [
    ...(unreadFormulas
      ? [
          `${path}: ${unreadFormulas} formula${unreadFormulas === 1 ? ' is' : 's are'} drawn as pictures (MathJax SVG without its MathML) and cannot be read; export the page as PDF or with MathML kept`,
        ]
      : []),
    ...(flattened ? [`${path}: the page nests elements more than ${MAX_DEPTH} deep; what lies deeper is read as plain text`] : []),
  ];
  return { text: text ? `${text}\n` : '', chat, warnings };
}
