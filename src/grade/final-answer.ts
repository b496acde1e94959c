import { boxedContents } from '../math/latex/braces.js';

/** A place in a response that may hold the final answer, with how it was found. */
export interface Candidate {
  text: string;
  how: 'boxed' | 'marker' | 'display' | 'inline' | 'table' | 'line';
}

/** `a = b = c ≈ d` → `c`: the last side before any `≈`, cut at top-level relation signs. */
export function lastSide(latex: string): string {
  const cut = latex.split(/\\approx|≈/)[0]!;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cut.length; i++) {
    const c = cut[i]!;
    if (c === '\\') {
      if (/^\\begin\b/.test(cut.slice(i))) depth++;
      if (/^\\end\b/.test(cut.slice(i))) depth--;
      const m = /^\\(?:Rightarrow|implies|therefore|to|rightarrow)\b/.exec(cut.slice(i));
      if (depth === 0 && m) start = i + m[0].length;
      i++;
      continue;
    }
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    else if (c === '=' && depth === 0 && cut[i - 1] !== '<' && cut[i - 1] !== '>' && cut[i - 1] !== '!' && cut[i - 1] !== ':') start = i + 1;
  }
  return cut.slice(start).trim().replace(/[.,;]\s*$/, '');
}

/** The sides of a formula cut at its top-level `=` signs (`a = b = c` → a, b, c); braces, brackets and environments stay whole. */
export function sides(latex: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i]!;
    if (c === '\\') {
      if (latex.startsWith('\\begin', i)) depth++;
      if (latex.startsWith('\\end', i)) depth--;
      i++;
      continue;
    }
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    else if (c === '=' && depth === 0 && !'<>!:'.includes(latex[i - 1] ?? '')) {
      out.push(latex.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(latex.slice(start).trim());
  return out.filter(Boolean);
}

/** `\|\Delta W\|_2 \le \sqrt{d_{out}}` → `\sqrt{d_{out}}`: the value a bound gives, when a value is asked for. */
export function boundSide(latex: string): string[] {
  const m = /^(?:[^{}()[\]]|\{[^{}]*\}|\([^()]*\))*?(?:\\leq?|\\geq?|≤|≥|<|>)(?![a-z])\s*([\s\S]+)$/.exec(latex);
  if (!m) return [];
  const rest = m[1]!.trim().replace(/[.,;]\s*$/, '');
  return rest && !/\\leq?|\\geq?|≤|≥|<|>/.test(rest) ? [rest] : [];
}

/** The equations a chain states: `y_2[n] = y[n-5] = \begin{cases}...` → `y_2[n] = y[n-5]`, `y_2[n] = \begin{cases}...`. */
export function chainEquations(latex: string): string[] {
  const s = sides(latex.split(/\\approx|≈/)[0]!);
  if (s.length < 3) return [];
  return s.slice(1, 5).map((rhs) => `${s[0]} = ${rhs.replace(/[.,;]\s*$/, '')}`);
}

const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\begin\{(equation|align|gather)\*?\}([\s\S]+?)\\end\{\3\*?\}|(?<![\\$])\$([^$\n]+?)\$|\\\(([\s\S]+?)\\\)/g;

/** The pieces of a formula written side by side: `A \quad , \quad B = ...` → A, B = .... */
export function pieces(formula: string): string[] {
  const parts = formula.split(/\\q?quad|\\text\{\s*(?:and|where|with)\s*\}/).map((p) => p.trim().replace(/^[,;.]+|[,;.]+$/g, '').trim()).filter(Boolean);
  return parts.length > 1 ? parts : [];
}

/** Display and inline formulas of a text, in order, with their kind. */
export function formulas(text: string): { text: string; display: boolean; index: number }[] {
  const out: { text: string; display: boolean; index: number }[] = [];
  for (const m of text.matchAll(MATH)) {
    const display = m[1] ?? m[2] ?? m[4];
    out.push({ text: (display ?? m[5] ?? m[6] ?? '').trim(), display: display !== undefined, index: m.index! });
  }
  // A line of bare LaTeX outside any delimiters (converters put math in code blocks, people
  // forget the dollars): commands and few words make it a display formula.
  // Spans are in order, so one pointer walks them beside the lines (linear in the text).
  const spans = out.map((f) => [f.index, f.index + f.text.length + 4] as const);
  let span = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const t = line.replace(/^\s*(?:[-*]\s+)?(?:\([a-h]\)|[a-h]\)|\([ivx]+\))\s*/, '').trim();
    while (span < spans.length && spans[span]![1] <= offset) span++;
    const inside = span < spans.length && offset >= spans[span]![0] && offset < spans[span]![1];
    const words = t.replace(/\\[A-Za-z]+/g, ' ').match(/[A-Za-z]{4,}/g)?.length ?? 0;
    if (t && !inside && !/[$`]|\\\(|\\\[/.test(t) && /\\[A-Za-z]+/.test(t) && words <= 2) out.push({ text: t, display: true, index: offset });
    offset += line.length + 1;
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Words after which a formula is the conclusion: "Answer:", "Therefore", "Thus". */
const CONCLUSION = /(?:final\s+answer|answer|result|sol(?:ution)?)\s*(?:is\b|:|=)|(?:^|[\s*$])(?:thus|therefore|hence|so|∴|\\therefore)\b[,:\s]/gi;
/** A result line: a short label and a colon before a formula (`Total updated runtime per iteration: $...$`). */
const RESULT_LINE = /^\s*(?:[-*]\s+)?(?:\*\*)?([A-Za-z][\w\s()'-]{2,60}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?=\$)/gm;
/** Words that make a label name a result (`Output shape:`, `Total runtime:`, `Receptive field:`). */
const RESULT_WORDS = /\b(?:answer|result|final|total|runtime|time|cost|shape|size|dimensions?|output|value|count|number|parameters?|weights|flops?|field|bound|rate|mean|variance|norm|constant|gradient|probability|solution)s?\b/i;
/** Labels that introduce a setup, not a result (`Given:`, `Forward:`, `Step 2:`). */
const SETUP_WORDS = /^(?:given|where|let|note|step|forward|backward|hint|recall|since|because|assume|assuming|with|using|for|if|constraint|goal|method|definition|input|setup|example|analysis|proof|derivation|why|how|key)\b/i;

/**
 * Places in a part's response that may hold its final answer, best first. Each formula scores
 * by its strongest reason — boxed (100), right after "Answer:" (50), a "Total ..." line (30),
 * after "Therefore" / "Thus" (20), after a result label such as "Receptive field:" (15), a
 * display formula (10) — plus up to 10 for coming later. Then a Markdown table and the last line.
 */
export function answerCandidates(response: string): Candidate[] {
  const scored = new Map<string, Candidate & { score: number }>();
  const push = (text: string, how: Candidate['how'], score: number) => {
    const t = text.trim();
    if (!t) return;
    const existing = scored.get(t);
    if (existing) existing.score = Math.max(existing.score, score);
    else scored.set(t, { text: t, how, score });
  };
  const lineAfter = (from: number) => {
    const end = response.indexOf('\n', from);
    return response.slice(from, end < 0 ? undefined : end);
  };
  boxedContents(response).map((b) => b.trim()).forEach((b, i, list) => push(b, 'boxed', 100 + (10 * (i + 1)) / list.length));
  const all = formulas(response);
  const reason = new Map<number, number>();
  const mark = (index: number, score: number) => {
    // The first formula at or after the marker (binary search: formulas are in order).
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.index >= index) hi = mid;
      else lo = mid + 1;
    }
    const f = all[lo];
    if (!f || f.index - index > 200) return;
    // Only a formula in the marker's own sentence: "Thus 3*(11*11+1) = 366. Next, $1 \times 1$" marks nothing.
    const between = response.slice(index, f.index);
    // "Thus the output shape is:" then the formula on its own after a blank line: still its formula.
    const introduces = /:\s*(?:\*\*)?\s*$/.test(between);
    if (/[.!?]\s/.test(between) || (!introduces && /\n\s*\n/.test(between))) return;
    reason.set(lo, Math.max(reason.get(lo) ?? 0, score));
  };
  for (const m of response.matchAll(CONCLUSION)) {
    const strong = /answer|result|sol/i.test(m[0]);
    mark(m.index! + m[0].length - 1, strong ? 50 : 20);
    // `SOL: (8,30,30)`: an answer in plain text on the marker's own line.
    const rest = lineAfter(m.index! + m[0].length).replace(/\*\*|TO BE GRADED:?|#+/gi, '').trim();
    if (strong && rest && !rest.includes('$') && rest.length < 80 && /[\d(\\]/.test(rest)) push(rest.replace(/[.]\s*$/, ''), 'marker', 55);
  }
  for (const m of response.matchAll(/(?:^|\n)\s*(?:[-*]\s+)?(?:\*\*)?total\b[^$\n]{0,60}(?=\$)/gi)) mark(m.index! + m[0].length, 30);
  for (const m of response.matchAll(RESULT_LINE)) {
    const label = m[1]!.trim();
    if (SETUP_WORDS.test(label) || label.split(/\s+/).length > 6 || !RESULT_WORDS.test(label) || /\b(?:rule|step|formula|definition|idea|approach|method|analysis|property)\s*$/i.test(label)) continue;
    mark(m.index! + m[0].length, /\b(?:answer|result|final)\b/i.test(label) ? 50 : /\btotal\b/i.test(label) ? 30 : 15);
  }
  const at = (offset: number) => (10 * (offset + 1)) / Math.max(1, response.length);
  all.forEach((f, i) => {
    const position = at(f.index);
    const marked = reason.get(i) ?? 0;
    const score = Math.max(marked, f.display ? 10 : 0) + position;
    const how: Candidate['how'] = marked ? 'marker' : f.display ? 'display' : 'inline';
    push(f.text, how, score);
    pieces(f.text).forEach((p) => push(p, how, score - 0.5));
  });
  // A conclusion in prose: "The output shape is (64, 56, 56).", "the total is 366+256=622".
  const prose = response.replace(MATH, ' ');
  const sentences = [...prose.matchAll(/\b(?:is|are|equals|gives)\s+(?:approximately\s+|about\s+)?([-(\d][-\d.,\s()×x*+/=]*\d\)?(?:\s*[kKMG](?:\s*FLOPs?)?)?)\s*(?:[.;]|$)/gm)];
  sentences.forEach((m) => push(m[1]!.trim(), 'marker', 20 + at(m.index!)));
  const table = response.split('\n').filter((l) => l.trim().startsWith('|'));
  if (table.length >= 2) push(table.join('\n'), 'table', 5);
  const lines = response.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length) push(lines[lines.length - 1]!.replace(/^[-*]\s+/, ''), 'line', -1);
  if (!all.length) {
    // No formulas: a plain-text answer after a conclusion word.
    let end = -1;
    for (const m of response.matchAll(CONCLUSION)) end = m.index! + m[0].length;
    const tail = end >= 0 ? lineAfter(end).replace(/^[\s:]+/, '').replace(/[.]\s*$/, '') : '';
    if (tail && tail.length < 120) push(tail, 'marker', 20);
  }
  return [...scored.values()].sort((a, b) => b.score - a.score).map(({ text, how }) => ({ text, how }));
}
