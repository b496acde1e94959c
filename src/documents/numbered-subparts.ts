/**
 * Online assignment pages (Gradescope's "Q2.2 Forward scalar c", an LMS quiz's "Question 7.1")
 * number a question's parts `N.1`, `N.2`, ... where the homework letters them (a), (b), ...: the
 * k-th number is the question's k-th lettered part. A dotted number at a line's start is that only
 * on evidence, since the same shape is a report's section (`4.1 Results`), a book's exercise or a
 * value (`2.2 kg`): either a question's word before every such line of the question and two or
 * more of them in rising order, or each line's title in the words of the part it would name. A
 * number past the question's lettered parts is not the key's numbering, and none of the question's
 * lines is read as a part then.
 */
import { nearestStatements, type QuestionOutline } from './segment.js';

/**
 * `Q2.2 Forward scalar c`, `**Question 7.1:** ...`, `3.4.2 Stride two`: a line's lead, an optional
 * question word, the question's number, the part's number and perhaps a subpart's, then a title or
 * the line's end (never more digits: `2.25`, `2.2.2019`).
 */
const DOTTED =
  /^([ \t]*(?:[-*+][ \t]+)?(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*)((?:q|question|problem|exercise|task)[ \t]*)?(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?(?![\d,]|\.\d)\.?((?:\*\*|__)?[ \t]*[:.)]?(?:\*\*|__)?(?:[ \t]+(\S[^\n]*)|[ \t]*$))/gim;

/** The cheap refusal: no line opens on a dotted number (after Markdown's marks or a question's word). */
const MAY_HAVE = /^[ \t>#*_+-]*(?:[a-z]{1,8}[ \t]*)?\d{1,2}\.\d/im;

interface Candidate {
  at: number;
  length: number;
  lead: string;
  word: string;
  question: string;
  part: number;
  sub?: number;
  rest: string;
  title: string;
}

/** A question's lettered parts, in order, each with its subparts (`d` → `i`, `ii`). */
function lettersOf(q: QuestionOutline): { letter: string; subs: string[] }[] {
  const out: { letter: string; subs: string[] }[] = [];
  for (const id of q.parts) {
    const [, letter, sub] = id.split('.');
    if (!letter || !/^[a-z]$/.test(letter)) continue;
    let entry = out.find((e) => e.letter === letter);
    if (!entry) out.push((entry = { letter, subs: [] }));
    if (sub) entry.subs.push(sub);
  }
  return out;
}

/** The part id a candidate would name, if the question has it. */
function idOf(c: Candidate, q: QuestionOutline): string | undefined {
  const entry = lettersOf(q)[c.part - 1];
  if (!entry) return undefined;
  if (c.sub === undefined) return `${q.number}.${entry.letter}`;
  const sub = entry.subs[c.sub - 1];
  return sub ? `${q.number}.${entry.letter}.${sub}` : undefined;
}

/** A title's trailing points column (`1 Point`, `2 pts`) is the page's, not the part's words. */
const POINTS = /\s+\d+(?:\.\d+)?\s*(?:points?|pts?\.?)\s*$/i;

/** Whether a candidate's title is in the words of the part it would name (its nearest statement, no rival within three quarters). */
function titleFits(c: Candidate, id: string, outline: QuestionOutline[]): boolean {
  const title = c.title.replace(POINTS, '').trim();
  if (!title || !outline.some((o) => o.stated)) return false;
  const near = nearestStatements(title, outline, 0.2);
  return near.tied.length === 1 && near.tied[0] === id;
}

/**
 * The text with each dotted number that names a question's part (see the file's comment) written
 * as the readers of labels know it (`Q2.2 Forward scalar c` → `Q2(b) Forward scalar c`); the text
 * as it is when there is none.
 */
export function numberedSubparts(text: string, outline: QuestionOutline[]): string {
  if (!MAY_HAVE.test(text)) return text;
  const byQuestion = new Map<string, Candidate[]>();
  for (const m of text.matchAll(DOTTED)) {
    const question = String(Number(m[3]));
    if (!outline.some((o) => o.number === question)) continue;
    const c: Candidate = {
      at: m.index,
      length: m[0].length,
      lead: m[1]!,
      word: m[2] ?? '',
      question,
      part: Number(m[4]),
      ...(m[5] ? { sub: Number(m[5]) } : {}),
      rest: m[6]!,
      title: m[7] ?? '',
    };
    byQuestion.set(question, [...(byQuestion.get(question) ?? []), c]);
  }
  const rewrites: { c: Candidate; id: string }[] = [];
  for (const [number, run] of byQuestion) {
    const q = outline.find((o) => o.number === number)!;
    const ids = run.map((c) => idOf(c, q));
    if (ids.some((id) => !id)) continue;
    const rising = run.every((c, i) => i === 0 || c.part > run[i - 1]!.part || (c.part === run[i - 1]!.part && (c.sub ?? 0) > (run[i - 1]!.sub ?? 0)));
    const named = run.length >= 2 && rising && run.every((c) => c.word);
    if (named || run.every((c, i) => titleFits(c, ids[i]!, outline))) run.forEach((c, i) => rewrites.push({ c, id: ids[i]! }));
  }
  if (!rewrites.length) return text;
  rewrites.sort((x, y) => x.c.at - y.c.at);
  let out = '';
  let from = 0;
  for (const { c, id } of rewrites) {
    const [, letter, sub] = id.split('.');
    out += `${text.slice(from, c.at)}${c.lead}${c.word}${c.question}(${letter})${sub ? `(${sub})` : ''}${c.rest}`;
    from = c.at + c.length;
  }
  return out + text.slice(from);
}
