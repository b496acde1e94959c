import type { Confidence, PartVerdict } from '../model/grade.js';
import type { CheckResult } from '../model/verdict.js';
import type { PartResponse } from '../model/submission.js';

/** Below this overall confidence a decided verdict becomes `needs-review` (with its candidates listed). */
export const REVIEW_BELOW = 0.5;

/** What confidence is computed from, for one answer of a part. */
export interface AnswerEvidence {
  result: CheckResult;
  /** Where the answer was found (`boxed`, `marker`, `display`, `inline`, `table`, `line`); none for choices, tables and text. */
  how?: string;
  /** Other candidates of the response that fit, with their verdicts. */
  others?: { verdict: CheckResult['verdict'] }[];
  /** The response states other final answers (boxed, after "Answer:") with another verdict. */
  conflict?: boolean;
}

const BY_PLACE: Record<string, number> = { boxed: 1, marker: 0.9, display: 0.85, table: 0.8, inline: 0.7, line: 0.55 };
const BY_CHECK: Record<string, number> = { structural: 1, exact: 1, elementwise: 1, tolerance: 1, numeric: 0.9, cas: 0.9, choice: 0.85, parse: 0.6, limits: 0.2, none: 0.2 };
const BY_ALIGNMENT: Record<PartResponse['alignedBy'], number> = { number: 1, title: 0.85, order: 0.75, content: 0.6 };

/**
 * How sure a part's verdict is, stage by stage. Reading: lower when the submission drew a
 * warning, lowest when the part's answer has two readings. Alignment: by number, title, or turn order; doubtful when another question's text
 * matches nearly as well. Extraction: where the answer was found,
 * and much lower when other fitting candidates of the response get another verdict (the
 * response does not commit to one answer). Check: the stage that decided; an undecided check
 * is no decision. Found by content rather than under a label: less sure than any label, still a decision.
 */
export function confidenceOf(answers: AnswerEvidence[], alignedBy: PartResponse['alignedBy'], readingWarnings: number, alignmentDoubt?: string, readingDoubt?: string): Confidence {
  // A formula whose words have two readings: which one the checker was given is a guess.
  const reading = readingDoubt ? 0.45 : readingWarnings ? 0.6 : 1;
  // Aligned by text with another question nearly as close: the part graded may not be the one answered.
  const alignment = alignmentDoubt ? 0.45 : BY_ALIGNMENT[alignedBy];
  let extraction = 1;
  let check = 1;
  for (const a of answers) {
    let e = a.how ? (BY_PLACE[a.how] ?? 0.7) : 0.85;
    // A last line of prose taken for the answer while formulas that fit say otherwise: a guess.
    const disagree = (a.others ?? []).some((o) => o.verdict !== a.result.verdict);
    if (disagree && a.how === 'line') e = Math.min(e, 0.4);
    // Two final answers with different verdicts: which one the writer meant is a person's call.
    if (a.conflict) e = Math.min(e, 0.4);
    if (a.result.category === 'incomplete') e = Math.min(e, 0.7);
    extraction = Math.min(extraction, e);
    const c = a.result.verdict === 'undecided' ? 0.2 : (BY_CHECK[a.result.check] ?? 0.7);
    check = Math.min(check, c);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return { reading: round(reading), alignment: round(alignment), extraction: round(extraction), check: round(check), overall: round(Math.min(reading, alignment, extraction, check)) };
}

/** A decided verdict that is not sure enough becomes `needs-review`; undecided and missing stay as they are. */
export function settle(verdict: PartVerdict, confidence: Confidence): PartVerdict {
  if ((verdict === 'correct' || verdict === 'incorrect' || verdict === 'partial') && confidence.overall < REVIEW_BELOW) return 'needs-review';
  return verdict;
}
