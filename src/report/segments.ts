import { escapeHtml, renderMarkdown } from './markdown-math.js';

/** A piece of a submission's text in the part view: its Markdown, a chat turn's role, and whether it holds the part's answer. */
export interface TextSegment {
  markdown: string;
  role?: string;
  answer?: boolean;
}

/**
 * Segments as HTML: each rendered (Markdown + KaTeX, raw HTML escaped), a chat turn in its
 * role's box, the answer's piece wrapped in `<div class="answer-here">`. The server uses it
 * for reports; the review app's UI runs it in the browser, so a team server does not typeset
 * a whole submission for every part a reviewer opens.
 */
export function segmentsHtml(segments: TextSegment[]): string {
  return segments
    .map((s) => {
      const body = s.role === undefined ? renderMarkdown(s.markdown) : `<div class="msg ${escapeHtml(s.role)}"><div class="role">${escapeHtml(s.role)}</div>${renderMarkdown(s.markdown)}</div>`;
      return s.answer ? `<div class="answer-here" id="answer-here">${body}</div>` : body;
    })
    .join('');
}
