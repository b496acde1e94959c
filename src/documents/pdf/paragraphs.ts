import type { TextLine } from './layout.js';

/**
 * Paragraph breaks told by the space between two lines. A reply of one-line paragraphs ("(a) ...",
 * "(b) ...", "Answer: ...") has more paragraph steps than line steps, so no figure taken from its
 * own steps tells the two apart: the line step is the document's, for text of that size set alike
 * (a bubble's text is set apart from the replies'), and each pair of lines is measured against it.
 */

/** Where a line's text stands: its baseline (its box's bottom is lower when it holds a tall formula). */
export const baseOf = (l: TextLine): number => l.base ?? l.box.y0 + 0.25 * l.size;

const proseOf = (l: TextLine) => l.font?.size ?? l.proseSize ?? l.size;
const plain = (l: TextLine) => !l.display && !l.mono && !l.table && !l.image;
/** Text set alike: in one font (a reader's typed remarks on the pages are set otherwise), in the person's bubble or not. */
const kindOf = (l: TextLine) => `${l.font?.family ?? ''} ${proseOf(l).toFixed(1)}|${l.bubble ? 'b' : ''}`;
/** No taller than prose beside inline formulas a little larger than it (KaTeX's 1.21 em): the line step is its own. */
const flat = (l: TextLine) => l.box.y1 - l.box.y0 <= 1.4 * proseOf(l);

/** Line steps measured in a document, by kind of text: where each was measured, and how large it is. */
export type LineSteps = ReadonlyMap<string, readonly { page: number; y: number; step: number }[]>;

/**
 * The steps (points, baseline to baseline) from each flat line of prose that fills its column to
 * the next line of its kind, as a paragraph's wrapped lines step, kept by kind of text.
 */
export function lineSteps(lines: TextLine[]): LineSteps {
  // The right edge of each page's text of each kind: a line reaching it was wrapped by the page,
  // and the line after it stands one line step below (a heading or a short paragraph does not).
  const edges = new Map<string, number>();
  for (const l of lines) if (plain(l) && !l.cut) edges.set(`${l.page}|${kindOf(l)}`, Math.max(edges.get(`${l.page}|${kindOf(l)}`) ?? -Infinity, l.box.x1));
  const steps = new Map<string, { page: number; y: number; step: number }[]>();
  lines.slice(1).forEach((l, i) => {
    const p = lines[i]!;
    if (p.page !== l.page || !plain(p) || !plain(l) || kindOf(p) !== kindOf(l) || !flat(p) || !flat(l)) return;
    if (p.box.x1 < edges.get(`${p.page}|${kindOf(p)}`)! - 4 * proseOf(p)) return;
    const d = baseOf(p) - baseOf(l);
    // Pieces of one line read apart, or lines further apart than double spacing, say nothing of the step.
    if (d < 1.05 * proseOf(l) || d > 2.1 * proseOf(l)) return;
    steps.set(kindOf(l), [...(steps.get(kindOf(l)) ?? []), { page: l.page, y: baseOf(l), step: d }]);
  });
  return steps;
}

/** How many of the nearest measured steps tell the line step of the text around a pair. */
const AROUND = 6;

/**
 * The line step of `l`'s kind of text around it: the smallest step that recurs among the steps
 * measured nearest to it (a quoted problem set more tightly than the reply around it has its own),
 * else in the whole document, else the one step measured. Undefined when none is.
 */
function lineStepAt(steps: LineSteps, l: TextLine): number | undefined {
  const all = steps.get(kindOf(l)) ?? [];
  const recurring = (ds: number[]) => {
    ds.sort((a, b) => a - b);
    return ds.find((d, i) => (ds[i + 1] ?? Infinity) - d < Math.max(0.3, 0.02 * d));
  };
  // A page apart weighs as a page's height.
  const far = (s: { page: number; y: number }) => 1000 * Math.abs(s.page - l.page) + Math.abs(s.y - baseOf(l));
  const near = [...all].sort((a, b) => far(a) - far(b)).slice(0, AROUND);
  // A chat of short replies may wrap one line only: its step is all there is to go by.
  return recurring(near.map((s) => s.step)) ?? recurring(all.map((s) => s.step)) ?? (all.length === 1 ? all[0]!.step : undefined);
}

/**
 * Whether a paragraph break stands between `prev` and `next`, two lines of prose of one kind whose
 * line step is known: their baselines are further apart than a line step by more than a margin,
 * and by more than their formulas' ink reaching past the prose's could have pushed them (a line
 * grows only where its ink would come nearer the next line's than the leading leaves), and the
 * sentence does not go on (pdflatex sets text apart, `In short,` / `large ... converges faster`,
 * as a display in the sentence). Undefined when the pair is not one to measure so.
 */
export function paragraphGap(prev: TextLine, next: TextLine, steps: LineSteps): boolean | undefined {
  if (prev.page !== next.page || !plain(prev) || !plain(next) || kindOf(prev) !== kindOf(next)) return undefined;
  const step = lineStepAt(steps, next);
  if (step === undefined) return undefined;
  const size = proseOf(next);
  const extra = baseOf(prev) - baseOf(next) - step;
  const below = Math.max(0, baseOf(prev) - prev.box.y0 - 0.25 * proseOf(prev));
  const above = Math.max(0, next.box.y1 - baseOf(next) - 0.75 * size);
  const grown = Math.max(0, below + above - (step - size));
  // A line set in or out from the one above enters or leaves a list or a quote: a margin narrower
  // than a paragraph's parts them (a wrapped line stands one line step below, however indented).
  const margin = (Math.abs(next.box.x0 - prev.box.x0) > 0.5 * size ? 0.1 : 0.3) * step;
  if (extra <= Math.max(margin, 0.8 * margin + grown)) return false;
  // pdflatex sets text apart in a sentence (`In short,` / a centred `large ... converges faster`):
  // the sentence goes on in lower case into or out of a line set in from it. Two lines at one left
  // edge with a gap between them are two paragraphs whatever the case of the second (a page of
  // text typed with a blank line before `solve this ...`).
  const setApart = Math.abs(next.box.x0 - prev.box.x0) > 0.5 * size;
  return !(setApart && /^\p{Ll}\p{L}/u.test(next.text) && !/[.!?]\**$/.test(prev.text.trim()));
}

/**
 * Whether a paragraph break stands between two lines of prose set in sizes far apart (a heading
 * and the text before or after it), a pair no line step measures: their baselines are further
 * apart than lines of the larger size would stand in one paragraph (the smaller kind's measured
 * step, scaled to the larger size) by a margin. A page of short paragraphs and headings has as many
 * paragraph steps as line steps, so the steps of the message around them do not tell it either.
 */
export function headingGap(prev: TextLine, next: TextLine, steps: LineSteps): boolean {
  if (prev.page !== next.page || !sizesApart(prev, next)) return false;
  const [small, large] = proseOf(prev) < proseOf(next) ? [prev, next] : [next, prev];
  const step = lineStepAt(steps, small);
  if (step === undefined) return false;
  return baseOf(prev) - baseOf(next) > 1.3 * step * (proseOf(large) / proseOf(small));
}

/**
 * Two lines of prose (in a bubble both or neither) set in sizes far apart: a heading and text, never
 * one paragraph's lines (a formula's larger font is not the prose's size). A page turn shows no gap
 * between them, and the heading opening a page (or closing one) is a paragraph of its own still.
 */
export function sizesApart(prev: TextLine, next: TextLine): boolean {
  if (!plain(prev) || !plain(next) || !!prev.bubble !== !!next.bubble) return false;
  return Math.max(proseOf(prev), proseOf(next)) >= 1.15 * Math.min(proseOf(prev), proseOf(next));
}
