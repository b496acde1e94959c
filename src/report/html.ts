import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import type { PartGrade, SubmissionGrade } from '../model/grade.js';
import type { Message, PartResponse } from '../model/submission.js';

/** What the annotated page needs of a submission: its text, and where each part's answer is. */
export interface AnnotatedSubmission {
  name: string;
  text: string;
  messages?: Message[];
  responses: PartResponse[];
}

const COLORS: Record<PartGrade['verdict'], string> = {
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

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderMath(tex: string, display: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: false, strict: 'ignore', maxSize: 50, maxExpand: 200, trust: false });
  } catch {
    return `<code>${escapeHtml(tex)}</code>`;
  }
}

/** Text with LaTeX (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`) and light Markdown, as HTML. */
export function renderText(text: string): string {
  const out: string[] = [];
  const re = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$])\$([^$\n]+?)\$/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push(inline(text.slice(last, m.index)));
    const display = m[1] ?? m[2];
    out.push(renderMath((display ?? m[3] ?? m[4] ?? '').trim(), display !== undefined));
    last = m.index! + m[0].length;
  }
  out.push(inline(text.slice(last)));
  return out
    .join('')
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function inline(s: string): string {
  return escapeHtml(s)
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(#\)/g, '<span class="remark">$1</span>');
}

function callout(p: PartGrade): string {
  const color = COLORS[p.verdict];
  const first = p.first ? `<div class="first">first answer: ${escapeHtml(p.first.verdict)}${p.first.answer ? ` — ${escapeHtml(p.first.answer)}` : ''}</div>` : '';
  return `<aside class="callout" style="border-color:${color}" id="part-${escapeHtml(p.id)}">
<div class="head"><span class="badge" style="background:${color}">${escapeHtml(p.verdict)}</span> <strong>${escapeHtml(p.id)}</strong> · ${p.points}/${p.maxPoints} pt${p.graded ? '' : ' (not graded)'}${p.category ? ` · ${escapeHtml(p.category)}` : ''}</div>
${p.answer ? `<div>answer: <code>${escapeHtml(p.answer)}</code></div>` : ''}
<div>expected: <code>${escapeHtml(p.expected)}</code></div>
<div class="feedback">${escapeHtml(p.feedback)}</div>${first}
</aside>`;
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.4rem} table{border-collapse:collapse} td,th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:center}
.callout{border-left:5px solid;background:#f6f8fa;padding:.5rem .8rem;margin:1rem 0;border-radius:4px}
.callout code{white-space:pre-wrap} .badge{color:#fff;border-radius:3px;padding:0 .4rem;font-size:.85em}
.feedback{color:#57606a} .first{color:#57606a;font-style:italic} .remark{background:#fff8c5}
.msg{border-top:1px solid #d0d7de;padding-top:.5rem} .role{font-weight:600;color:#57606a;text-transform:uppercase;font-size:.8em}
.note{background:#fff8c5;padding:.3rem .6rem}
a{color:#0969da}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${inlineKatexCss()}</style><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

/**
 * The submission's own text with a verdict callout at each part, like the remarks people
 * write by hand on a transcript. Callouts stand where the part's final answer begins.
 */
export function submissionHtml(sub: AnnotatedSubmission, grade: SubmissionGrade): string {
  const byPart = new Map(grade.parts.map((p) => [p.id, p]));
  const header = `<h1>${escapeHtml(sub.name)} — ${grade.total}/${grade.max}</h1>
<p>${grade.parts.map((p) => `<a href="#part-${escapeHtml(p.id)}" style="color:${COLORS[p.verdict]}">${escapeHtml(p.id)}</a>`).join(' · ')}</p>`;
  const placed = new Set<string>();
  let body = '';
  if (sub.messages?.length && sub.messages.every((m) => m.line === undefined)) {
    // JSON transcripts: messages in order, callouts after the message with the part's final answer.
    sub.messages.forEach((m, turn) => {
      body += `<div class="msg ${m.role}"><div class="role">${m.role}</div>${renderText(m.text)}</div>`;
      for (const r of sub.responses.filter((x) => x.final.turn === turn)) {
        const g = byPart.get(r.partId);
        if (g) {
          body += callout(g);
          placed.add(r.partId);
        }
      }
    });
  } else {
    const lines = sub.text.split(/\r?\n/);
    // A callout follows its part's answer, as a person's remark does: before the next answer starts.
    // In a transcript, right after the message that answers; in a write-up, before the next part's label.
    const boundaries = sub.messages?.length ? sub.messages.map((m) => m.line ?? 0) : sub.responses.flatMap((r) => r.attempts.map((a) => a.line ?? 0));
    const starts = [...new Set(boundaries.filter(Boolean))].sort((a, b) => a - b);
    const at = new Map<number, PartResponse[]>();
    for (const r of sub.responses) {
      const line = r.final.line ?? r.first.line;
      if (!line) continue;
      const next = starts.find((s) => s > line) ?? lines.length + 1;
      at.set(next, [...(at.get(next) ?? []), r]);
    }
    let chunk: string[] = [];
    const flush = () => {
      if (chunk.length) body += renderText(chunk.join('\n'));
      chunk = [];
    };
    [...lines, ''].forEach((l, i) => {
      const here = at.get(i + 1);
      if (here) {
        flush();
        for (const r of here) {
          const g = byPart.get(r.partId);
          if (g && !placed.has(r.partId)) {
            body += callout(g);
            placed.add(r.partId);
          }
        }
      }
      chunk.push(l);
    });
    flush();
  }
  const rest = grade.parts.filter((p) => !placed.has(p.id));
  if (rest.length) body += `<h2>Parts with no answer in the text</h2>${rest.map(callout).join('\n')}`;
  return page(`${sub.name} — partcredit`, header + body);
}

/** The summary page: parts × submissions, coloured by verdict, with totals and links. */
export function summaryHtml(grades: SubmissionGrade[], title: string, links: Map<string, string> = new Map()): string {
  const ids: string[] = [];
  for (const g of grades) for (const p of g.parts) if (!ids.includes(p.id)) ids.push(p.id);
  const head = `<tr><th>part</th>${grades.map((g) => `<th>${links.has(g.submission) ? `<a href="${escapeHtml(links.get(g.submission)!)}">${escapeHtml(g.submission)}</a>` : escapeHtml(g.submission)}</th>`).join('')}<th>right</th></tr>`;
  const rows = ids.map((id) => {
    const cells = grades.map((g) => {
      const p = g.parts.find((x) => x.id === id);
      if (!p) return '<td></td>';
      return `<td style="background:${COLORS[p.verdict]}22;color:${COLORS[p.verdict]}" title="${escapeHtml(`${p.verdict}: ${p.feedback}`)}">${escapeHtml(p.verdict)}${p.first ? '<sup>*</sup>' : ''}</td>`;
    });
    const right = grades.filter((g) => g.parts.find((x) => x.id === id)?.verdict === 'correct').length;
    return `<tr><th>${escapeHtml(id)}</th>${cells.join('')}<td>${right}/${grades.length}</td></tr>`;
  });
  const totals = `<tr><th>total</th>${grades.map((g) => `<th>${g.total}/${g.max}</th>`).join('')}<th></th></tr>`;
  return page(`${title} — partcredit`, `<h1>${escapeHtml(title)}</h1><p>${grades.length} submissions, ${ids.length} parts. <sup>*</sup> the first answer had another verdict.</p><table>${head}${rows.join('')}${totals}</table>`);
}
