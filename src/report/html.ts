import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PartGrade, SubmissionGrade } from '../model/grade.js';
import type { Message, PartResponse } from '../model/submission.js';
import { escapeHtml, renderMarkdown, typesetAnswer } from './markdown-math.js';
import { segmentsHtml, type TextSegment } from './segments.js';

export { escapeHtml } from './markdown-math.js';

/** What the annotated page needs of a submission: its text, and where each part's answer is. */
export interface AnnotatedSubmission {
  name: string;
  text: string;
  messages?: Message[];
  responses: PartResponse[];
}

/** What a page shows of the key: everything, or (before staff release it) verdicts and points only. */
export interface PageOptions {
  /** Hide expected answers, the key's feedback and the check's reasons (they quote the key). */
  hideKey?: boolean;
  /** Staff comments by part id (overrides), shown in the callout. */
  comments?: Map<string, string>;
  /** The page region each part was read from (a PNG data URL), for submissions read from a PDF. */
  sources?: Map<string, string>;
}

/** The colour of each verdict, shared by the static pages and the review app. */
export const VERDICT_COLORS: Record<PartGrade['verdict'], string> = {
  correct: '#1a7f37',
  partial: '#9a6700',
  incorrect: '#cf222e',
  missing: '#6e7781',
  unparseable: '#8250df',
  undecided: '#8250df',
  'needs-review': '#0969da',
};

let katexCss: string | undefined;

/** KaTeX's stylesheet with its fonts inlined, so a report opens anywhere, offline. */
function inlineKatexCss(): string {
  if (katexCss !== undefined) return katexCss;
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('katex/dist/katex.min.css'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  katexCss = css.replace(/url\((fonts\/[^)]+?\.woff2)\)\s*format\("woff2"\)(?:,url\([^)]+\)\s*format\("[^"]+"\))*/g, (_m, file: string) => {
    const data = readFileSync(join(dist, file)).toString('base64');
    return `url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return katexCss;
}

/** The verdict box shown after a part's answer (static pages and the review app alike). */
export function callout(p: PartGrade, options: PageOptions = {}): string {
  const color = VERDICT_COLORS[p.verdict];
  const first = p.first ? `<div class="first">first answer: ${escapeHtml(p.first.verdict)}${p.first.answer ? ` — ${typesetAnswer(p.first.answer)}` : ''}</div>` : '';
  const comment = options.comments?.get(p.id);
  const source = options.sources?.get(p.id);
  return `<aside class="callout" style="border-color:${color}" id="part-${escapeHtml(p.id)}">
<div class="head"><span class="badge" style="background:${color}">${escapeHtml(p.verdict)}</span> <strong>${escapeHtml(p.id)}</strong> · ${p.points}/${p.maxPoints} pt${p.graded ? '' : ' (not graded)'}${p.category && !options.hideKey ? ` · ${escapeHtml(p.category)}` : ''}</div>
${p.answer ? `<div class="answer">answer: ${typesetAnswer(p.answer)}</div>` : ''}
${options.hideKey ? '' : `<div class="expected">expected: ${typesetAnswer(p.expected)}</div>\n<div class="feedback">${escapeHtml(p.feedback)}</div>`}${comment ? `<div class="comment">staff: ${escapeHtml(comment)}</div>` : ''}${first}${source ? `\n<div class="source">read from: <img alt="the page region of ${escapeHtml(p.id)}" src="${source}" style="max-width:100%;border:1px solid #d0d7de"></div>` : ''}
</aside>`;
}

export const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.4rem} table{border-collapse:collapse} td,th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:center}
.callout{border-left:5px solid;background:#f6f8fa;padding:.5rem .8rem;margin:1rem 0;border-radius:4px}
.callout code{white-space:pre-wrap} .badge{color:#fff;border-radius:3px;padding:0 .4rem;font-size:.85em}
.feedback{color:#57606a} .first{color:#57606a;font-style:italic} .remark{background:#fff8c5} .comment{color:#0969da}
.msg{border-top:1px solid #d0d7de;padding-top:.5rem} .role{font-weight:600;color:#57606a;text-transform:uppercase;font-size:.8em}
.note{background:#fff8c5;padding:.3rem .6rem} .katex-display{overflow-x:auto;overflow-y:hidden}
pre{background:#f6f8fa;padding:.5rem;overflow-x:auto} th a{font-weight:normal}
a{color:#0969da}`;

/** A self-contained page: KaTeX's CSS and fonts inlined, no request beyond itself. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<style>${inlineKatexCss()}</style><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

/** 1-based first and last lines of a part's final answer in the submission's text. */
export interface AnswerSpan {
  start: number;
  end: number;
}

/**
 * Where each part's final answer stands in the text: from the line its attempt starts on to
 * the line holding the attempt's last line of text, looked for before the next attempt (or
 * the next message) starts. A callout goes right after `end`, so it follows the answer and
 * never the next part's heading.
 */
export function answerSpans(sub: AnnotatedSubmission): Map<string, AnswerSpan> {
  const lines = sub.text.split(/\r?\n/);
  const starts = [...new Set([...(sub.messages ?? []).map((m) => m.line ?? 0), ...sub.responses.flatMap((r) => r.attempts.map((a) => a.line ?? 0))].filter((l) => l > 0))].sort((a, b) => a - b);
  const spans = new Map<string, AnswerSpan>();
  for (const r of sub.responses) {
    const start = r.final.line;
    if (!start) continue;
    const limit = (starts.find((s) => s > start) ?? lines.length + 1) - 1;
    const own = r.final.text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const last = own[own.length - 1];
    const expected = Math.min(limit, start + Math.max(0, r.final.text.split(/\r?\n/).length - 1));
    let end = expected;
    if (last) {
      // The line that holds the answer's last line, nearest to where its length puts it.
      let best = Infinity;
      for (let i = start; i <= limit; i++) {
        if (lines[i - 1]?.includes(last) && Math.abs(i - expected) < best) {
          best = Math.abs(i - expected);
          end = i;
        }
      }
    }
    spans.set(r.partId, { start, end: Math.max(start, end) });
  }
  return spans;
}

/**
 * The submission's text as HTML, with `after(partIds)` put right after the line where those
 * parts' answers end (or, for JSON transcripts, after the message that answers them).
 * Returns the HTML and the parts that found no place.
 */
export function annotatedText(sub: AnnotatedSubmission, after: (partIds: string[]) => string): { html: string; placed: Set<string> } {
  const placed = new Set<string>();
  let html = '';
  if (sub.messages?.length && sub.messages.every((m) => m.line === undefined)) {
    sub.messages.forEach((m, turn) => {
      html += `<div class="msg ${escapeHtml(m.role)}"><div class="role">${escapeHtml(m.role)}</div>${renderMarkdown(m.text)}</div>`;
      const here = sub.responses
        .filter((x) => x.final.turn === turn)
        .map((r) => r.partId)
        .filter((id) => !placed.has(id));
      here.forEach((id) => placed.add(id));
      if (here.length) html += after(here);
    });
    return { html, placed };
  }
  const lines = sub.text.split(/\r?\n/);
  const at = new Map<number, string[]>();
  for (const [id, span] of answerSpans(sub)) at.set(span.end, [...(at.get(span.end) ?? []), id]);
  let chunk: string[] = [];
  let pending: string[] = [];
  lines.forEach((l, i) => {
    chunk.push(l);
    pending.push(...(at.get(i + 1) ?? []));
    // Never cut a code block or a display formula in two: the callout waits for its end.
    if (!pending.length || opensBlock(chunk)) return;
    const here = pending.filter((id) => !placed.has(id));
    pending = [];
    if (here.length) {
      html += renderMarkdown(chunk.join('\n'));
      chunk = [];
      here.forEach((id) => placed.add(id));
      html += after(here);
    }
  });
  if (chunk.length) html += renderMarkdown(chunk.join('\n'));
  const rest = pending.filter((id) => !placed.has(id));
  rest.forEach((id) => placed.add(id));
  if (rest.length) html += after(rest);
  return { html, placed };
}

/** Whether a run of lines leaves a fenced code block or a `$$` formula open. */
function opensBlock(lines: string[]): boolean {
  let fences = 0;
  let dollars = 0;
  for (const l of lines) {
    if (/^\s*(```|~~~)/.test(l)) fences++;
    else if (fences % 2 === 0) dollars += (l.match(/(?<!\\)\$\$/g) ?? []).length;
  }
  return fences % 2 === 1 || dollars % 2 === 1;
}

/**
 * The submission's own text with a verdict callout after each part's answer, like the
 * remarks people write by hand on a transcript.
 */
export function submissionHtml(sub: AnnotatedSubmission, grade: SubmissionGrade, options: PageOptions = {}): string {
  const byPart = new Map(grade.parts.map((p) => [p.id, p]));
  const header = `<h1>${escapeHtml(sub.name)} — ${grade.total}/${grade.max}</h1>
<p>${grade.parts.map((p) => `<a href="#part-${escapeHtml(p.id)}" style="color:${VERDICT_COLORS[p.verdict]}">${escapeHtml(p.id)}</a>`).join(' · ')}</p>`;
  const { html, placed } = annotatedText(sub, (ids) =>
    ids
      .map((id) => byPart.get(id))
      .filter((g): g is PartGrade => g !== undefined)
      .map((g) => callout(g, options))
      .join('\n'),
  );
  const rest = grade.parts.filter((p) => !placed.has(p.id));
  const tail = rest.length ? `<h2>Parts with no answer in the text</h2>${rest.map((p) => callout(p, options)).join('\n')}` : '';
  return page(`${sub.name} — partcredit`, header + html + tail);
}

/** The part ids of a set of grades, in first-seen order. */
export function partIds(grades: SubmissionGrade[]): string[] {
  const ids = new Set<string>();
  for (const g of grades) for (const p of g.parts) ids.add(p.id);
  return [...ids];
}

/**
 * The summary page: a row per submission (so 40 students stay one screen wide), a column per
 * part coloured by verdict, totals, and a last row with how many got each part right.
 */
export function summaryHtml(grades: SubmissionGrade[], title: string, links: Map<string, string> = new Map()): string {
  const ids = partIds(grades);
  const head = `<tr><th>submission</th>${ids.map((id) => `<th>${escapeHtml(id)}</th>`).join('')}<th>total</th></tr>`;
  const rows = grades.map((g) => {
    const byId = new Map(g.parts.map((p) => [p.id, p]));
    const name = links.has(g.submission) ? `<a href="${escapeHtml(links.get(g.submission)!)}">${escapeHtml(g.submission)}</a>` : escapeHtml(g.submission);
    const cells = ids.map((id) => {
      const p = byId.get(id);
      if (!p) return '<td></td>';
      const c = VERDICT_COLORS[p.verdict];
      return `<td style="background:${c}22;color:${c}" title="${escapeHtml(`${p.verdict}: ${p.feedback}`)}">${p.points}${p.first ? '<sup>*</sup>' : ''}</td>`;
    });
    return `<tr><th>${name}</th>${cells.join('')}<th>${g.total}/${g.max}</th></tr>`;
  });
  const right = `<tr><th>right</th>${ids.map((id) => `<td>${grades.filter((g) => g.parts.find((x) => x.id === id)?.verdict === 'correct').length}/${grades.length}</td>`).join('')}<td></td></tr>`;
  const legend = Object.entries(VERDICT_COLORS)
    .map(([v, c]) => `<span style="color:${c}">■ ${v}</span>`)
    .join(' ');
  return page(
    `${title} — partcredit`,
    `<h1>${escapeHtml(title)}</h1><p>${grades.length} submissions, ${ids.length} parts; points per part, coloured by verdict. <sup>*</sup> the first answer had another verdict.</p><p>${legend}</p><table>${head}${rows.join('')}${right}</table>`,
  );
}

/**
 * The submission's text cut where one part's final answer is: the lines of the answer, or the
 * message that gives it, is the segment marked `answer`.
 */
export function answerSegments(sub: AnnotatedSubmission, partId: string): TextSegment[] {
  const response = sub.responses.find((r) => r.partId === partId);
  if (sub.messages?.length && sub.messages.every((m) => m.line === undefined)) {
    return sub.messages.map((m, turn) => ({ markdown: m.text, role: m.role, ...(response?.final.turn === turn ? { answer: true } : {}) }));
  }
  const span = answerSpans(sub).get(partId);
  if (!span) return [{ markdown: sub.text }];
  const lines = sub.text.split(/\r?\n/);
  return [{ markdown: lines.slice(0, span.start - 1).join('\n') }, { markdown: lines.slice(span.start - 1, span.end).join('\n'), answer: true }, { markdown: lines.slice(span.end).join('\n') }];
}

/**
 * The submission's text with one part's final answer marked (`<div class="answer-here">`),
 * for the review app's part view: the lines of the answer, or the message that gives it.
 */
export function highlightedText(sub: AnnotatedSubmission, partId: string): string {
  return segmentsHtml(answerSegments(sub, partId));
}
