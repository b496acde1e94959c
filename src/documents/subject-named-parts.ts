import type { LineLabel } from './part-ids.js';
import type { QuestionOutline } from './segment.js';

/**
 * Under a heading that lists several parts (`2(c), 2(d), 2(e) — update sizes`), a writer often
 * goes through them in one paragraph, naming each by its subject rather than its letter: `For
 * (c) it got ... For SignSGD it used ... For Muon it first said ...`. A sentence that opens on
 * such a name (`For`, `As for`, `On`, `About`, `Regarding` and a word that, of the listed parts'
 * statements, only one has) starts that part's answer, as its letter would.
 */

/** The shape of a write-up's segment this pass needs (segment.ts's own type). */
interface Labelled {
  label?: LineLabel;
  also?: string[];
  text: string;
  line: number;
}

/** A sentence's opening words that turn to a subject, and the (up to two) words after them. */
const TURNS_TO = /(^|[.!?;:]\s+|\n\s*)(?:\*\*)?(?:for|as for|on|about|regarding)\s+(?:the\s+)?([\p{L}][\p{L}\p{N}-]*)(?:\s+([\p{L}][\p{L}\p{N}-]*))?/giu;

/**
 * Words a part's statement shares with prose in general, and the words of set phrases that open
 * sentences (`For example`, `On the other hand`, `About half`): no subject of their own.
 */
const COMMON = new Set(
  'this that then they them their there these those with from what which when where while case part question answer same other first second last next each both some more most less also only just into over under about after before because since such than very well much many example instance average general comparison reference simplicity convenience clarity brevity completeness hand thought half whole rest record moment'.split(
    ' ',
  ),
);

/** A statement's words, lower-cased, split at anything that is not a letter or a digit (`Muon-style` → muon, style). */
function wordsOf(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\\[a-z]+/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 && !COMMON.has(w)),
  );
}

/** The one part of `ids` whose statement alone has one of `words`, if exactly one part is named so. */
function partNamed(words: string[], ids: string[], statements: Map<string, Set<string>>): string | undefined {
  const named = new Set<string>();
  for (const w of words) {
    const having = ids.filter((id) => statements.get(id)?.has(w));
    if (having.length === 1) named.add(having[0]!);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/** `text` cut where its sentences turn to another of `ids` by subject: [part, text] pieces, the first the segment's own (part undefined). */
function cutBySubject(text: string, ids: string[], statements: Map<string, Set<string>>): [string | undefined, string][] {
  const out: [string | undefined, string][] = [];
  let from = 0;
  let current: string | undefined;
  for (const m of text.matchAll(TURNS_TO)) {
    const words = [m[2], m[3]].filter((w): w is string => !!w).map((w) => w.toLowerCase().replace(/-.*$/, ''));
    const id = partNamed(words, ids, statements);
    if (!id || id === current) continue;
    const at = m.index + m[1]!.length;
    out.push([current, text.slice(from, at)]);
    from = at;
    current = id;
  }
  out.push([current, text.slice(from)]);
  return out;
}

/** After a label `2(c)`, the further parts of its question its line lists with their number: `, 2(d), 2(e) — update sizes`. */
const LISTED_WITH_NUMBER = /^\s*(?:(?:,|and|&|\/)\s*)?(\d{1,2})\s*\(([a-h])\)/i;

/** The further part letters a segment's label names: those the label reader found, else those listed with the question's number. */
function alsoListed(seg: Labelled): string[] {
  if (seg.also?.length) return seg.also;
  const q = seg.label?.question;
  if (!q || !seg.label?.part) return [];
  const out: string[] = [];
  let rest = seg.text;
  for (let m = LISTED_WITH_NUMBER.exec(rest); m && m[1] === q; m = LISTED_WITH_NUMBER.exec(rest)) {
    out.push(m[2]!.toLowerCase());
    rest = rest.slice(m[0].length);
  }
  return out;
}

/**
 * The segments with each one under a heading of several parts cut where a sentence names another
 * of those parts by its subject (see the file's comment); other segments as they are.
 */
export function withPartsNamedBySubject<S extends Labelled>(segs: S[], outline: QuestionOutline[]): S[] {
  const listed = segs.map(alsoListed);
  // (Cheap bail-out: no heading lists several parts.)
  if (!listed.some((l) => l.length)) return segs;
  const out: S[] = [];
  let question: string | undefined;
  let covered: string[] = [];
  let statements = new Map<string, Set<string>>();
  for (const [k, seg] of segs.entries()) {
    const l = seg.label;
    if (l?.question) question = l.question;
    if (l?.part && listed[k]!.length && question) {
      const q = outline.find((o) => o.number === question);
      covered = [l.part, ...listed[k]!].map((p) => `${question}.${p}`).filter((id) => q?.parts.includes(id));
      statements = new Map(covered.map((id) => [id, wordsOf(q?.partTexts?.[id] ?? '')]));
    } else if (l && !(l.part && !l.subpart && (!l.question || l.question === question) && covered.includes(`${question}.${l.part}`))) covered = [];
    if (covered.length < 2 || !l?.part) {
      out.push(seg);
      continue;
    }
    const pieces = cutBySubject(seg.text, covered, statements);
    out.push({ ...seg, text: pieces[0]![1] });
    for (const [id, text] of pieces.slice(1)) {
      const part = id!.split('.')[1]!;
      out.push({ ...seg, label: { part, length: 0, strong: false }, also: undefined, text });
    }
  }
  return out;
}
