import type { CheckVerdict, MistakeCategory } from './verdict.js';
import type { SubmissionFormat } from './submission.js';

/** A part's verdict: the checker's, or `missing` when the submission has no answer for it. */
export type PartVerdict = CheckVerdict | 'missing';

/**
 * How sure grading is of a part's verdict, stage by stage, each in [0, 1]: reading the file,
 * aligning the response to the part, choosing its final answer, and the check itself.
 * `overall` is the least of them; a verdict below the review threshold becomes `needs-review`.
 */
export interface Confidence {
  reading: number;
  alignment: number;
  extraction: number;
  check: number;
  overall: number;
}

/** A candidate final answer that was weighed, with the verdict it would get. */
export interface AnswerCandidate {
  answer: string;
  verdict: PartVerdict;
  /** Where it was found (`boxed`, `marker`, `display`, ...). */
  how?: string;
}

/**
 * Why a part went to review: two final answers with different verdicts, an alignment by text
 * another question matches nearly as well, a reply shared with another part whose answer was
 * taken for this one, or confidence low for another reason.
 */
export type ReviewReason = 'conflicting-answers' | 'doubtful-alignment' | 'shared-reply' | 'low-confidence';

/** The grade of one part (KEY-FORMAT.md, "What grading returns, per part"). */
export interface PartGrade {
  id: string;
  verdict: PartVerdict;
  score: number;
  points: number;
  maxPoints: number;
  /** false: shown in reports, not counted in the total. */
  graded: boolean;
  category?: MistakeCategory;
  /** The answer extracted from the submission, as the checker read it. */
  answer: string;
  expected: string;
  feedback: string;
  /** The first answer's verdict, when the submission answered the part more than once. */
  first?: { verdict: PartVerdict; answer: string };
  /** How sure the first answer's verdict is, when `first` is given (apart from it: `first` keeps its printed shape). */
  firstConfidence?: Confidence;
  /** Where the answer came from (`boxed`, `display`, ...) and which label or turn. */
  source?: string;
  /** The check that decided (`exact`, `numeric`, ...). */
  check?: string;
  /** How sure the verdict is, by stage. */
  confidence?: Confidence;
  /** For `needs-review`: the candidates that disagreed, so a person decides between them. */
  candidates?: AnswerCandidate[];
  /** For `needs-review`: why (a structured code; `feedback` says it in words). */
  review?: ReviewReason;
}

/** The grade of one submission. */
export interface SubmissionGrade {
  submission: string;
  format?: SubmissionFormat;
  parts: PartGrade[];
  total: number;
  max: number;
  warnings?: string[];
}
