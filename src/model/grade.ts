import type { CheckVerdict, MistakeCategory } from './verdict.js';
import type { SubmissionFormat } from './submission.js';

/** A part's verdict: the checker's, or `missing` when the submission has no answer for it. */
export type PartVerdict = CheckVerdict | 'missing';

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
  /** Where the answer came from (`boxed`, `display`, ...) and which label or turn. */
  source?: string;
  /** The check that decided (`exact`, `numeric`, ...). */
  check?: string;
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
