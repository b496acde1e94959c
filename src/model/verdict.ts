import type { AnswerType } from './answer-spec.js';

/**
 * The checker's decision on one answer.
 * - `correct` / `incorrect`: decided.
 * - `partial`: some of a multi-cell answer is right (the score says how much).
 * - `unparseable`: an answer was found but could not be read.
 * - `undecided`: the checker could not decide (time limit, a value too large to compare, ...).
 * - `needs-review`: a part only a person or a judge can grade (free text).
 */
export type CheckVerdict = 'correct' | 'partial' | 'incorrect' | 'unparseable' | 'undecided' | 'needs-review';

/** Which stage of the checker decided. */
export type DecidingCheck =
  | 'structural' // same canonical tree
  | 'exact' // exact rational arithmetic / polynomial normal form
  | 'numeric' // seeded random points
  | 'cas' // computer algebra (compute-engine) simplification
  | 'tolerance' // a number within tolerance
  | 'elementwise' // matrices, tuples, shapes, sets, tables: element by element
  | 'choice'
  | 'limits' // a limit on size or time stopped the check
  | 'parse'
  | 'none';

/**
 * The checker's stages, in order: `prepare` compiles the key's answer (a key problem stops
 * there), `extract` finds the answer in the text, `read` parses it, `normalise` sets notation and
 * symbols aside (an undefined symbol, an identical answer), `compare` decides by the answer type.
 */
export type CheckStage = 'prepare' | 'extract' | 'read' | 'normalise' | 'compare';

/** A category for a wrong answer, where the checker can tell (KEY-FORMAT.md). */
export type MistakeCategory = 'convention' | 'arithmetic' | 'misread-input' | 'hallucinated-data' | 'incomplete' | 'wrong-method' | 'format';

/**
 * Why a candidate is not an answer to the question at all (as opposed to a wrong answer), for
 * callers that choose among candidates: it could not be read, it is another kind of object
 * than the one asked for (a number for a matrix, a bare value for an equation), or it uses a
 * symbol the question does not define.
 */
export type MisfitCode = 'unreadable' | 'wrong-kind' | 'undefined-symbol';

/** The result of checking one candidate answer against one expected answer. */
export interface CheckResult {
  verdict: CheckVerdict;
  /** In [0, 1]; 1 for correct, 0 for incorrect, the share right for partial. */
  score: number;
  /** The answer type the check used (declared or inferred). */
  type: AnswerType;
  /** The candidate answer after extraction and normalization, as the checker read it. */
  answer: string;
  /** The expected answer, normalized. */
  expected: string;
  /** The stage that decided. */
  check: DecidingCheck;
  /** Why, in plain words a student understands. */
  reason: string;
  category?: MistakeCategory;
  /** Time spent, in milliseconds. */
  ms?: number;
  /** Set when the candidate is not an answer of the question's kind (see MisfitCode). */
  misfit?: MisfitCode;
  /** The checker's stage that decided (see CheckStage). */
  stage?: CheckStage;
  /** Free symbols of the answer and of the expected value, for callers that choose among candidate answers. */
  symbols?: { answer: string[]; expected: string[] };
}
