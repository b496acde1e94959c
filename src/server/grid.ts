import type { PartGrade, PartVerdict } from '../model/grade.js';
import type { ReviewedPart } from '../store/overrides.js';

/** The verdicts a grid cell can show, in the order the grid encodes them. */
export const VERDICTS: PartVerdict[] = ['correct', 'partial', 'incorrect', 'missing', 'unparseable', 'undecided', 'needs-review'];
export const CONFIDENCE = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/**
 * How sure partcredit is of a verdict: low when it could not decide or read the answer, or
 * found no answer of the expected kind; medium when only random points (or a tolerance)
 * decided, or the first answer was graded otherwise; high when a proof or a structural match did.
 */
export function confidenceOf(p: PartGrade): Confidence {
  if (p.verdict === 'needs-review' || p.verdict === 'undecided' || p.verdict === 'unparseable' || p.category === 'incomplete') return 'low';
  if (p.verdict === 'missing') return 'high';
  if (p.check === 'numeric' || p.check === 'tolerance' || p.check === 'limits' || p.first) return 'medium';
  return 'high';
}

/** Cell flags in the grid. */
export const FLAG = { overridden: 1, conflict: 2, firstDiffers: 4 } as const;

/** A grid cell: `[verdict index, points, category or null, confidence index, flags]`, or `[]` for a part the submission lacks. */
export type Cell = (number | string | null)[];

/** One part's cell, compact for 1,500 × 30. */
export function cellOf(p: ReviewedPart | undefined): Cell {
  if (!p) return [];
  const flags = (p.override ? FLAG.overridden : 0) | (p.conflict ? FLAG.conflict : 0) | (p.first ? FLAG.firstDiffers : 0);
  // Staff decided an overridden part: it needs no review unless a regrade contradicts it.
  const confidence = p.override ? 'high' : confidenceOf(p);
  return [VERDICTS.indexOf(p.verdict), p.points, p.category ?? null, CONFIDENCE.indexOf(confidence), flags];
}
