import type { AnswerSpec, AnswerType, Tolerance } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import type { CheckVerdict, DecidingCheck, MisfitCode, MistakeCategory } from '../model/verdict.js';
import type { Node } from '../math/latex/ast.js';
import type { Cas } from './equivalence.js';
import type { ReadContext } from '../math/latex/parse.js';
import type { WorkBudget } from '../math/evaluate.js';

/** Everything a type checker needs beside the two trees. */
export interface CheckContext {
  spec: AnswerSpec;
  type: AnswerType;
  symbols: SymbolTable;
  read: ReadContext;
  cas?: Cas;
  /** The candidate's text after extraction, for checkers that read notation (sig figs, `72.8M`). */
  answerText: string;
  /** Sum and product terms this check may still evaluate (shared with nested checks). */
  budget: WorkBudget;
}

/** What a type checker decides; the dispatcher adds the normalized texts and timing. */
export interface TypeVerdict {
  verdict: CheckVerdict;
  score?: number;
  check: DecidingCheck;
  reason: string;
  category?: MistakeCategory;
  /** Set when the answer is not one of the kind asked for (a bound on another quantity), so callers look on. */
  misfit?: MisfitCode;
}

/** A type checker: the expected tree against the candidate's tree. */
export type TypeChecker = (expected: Node, answer: Node, ctx: CheckContext) => TypeVerdict;

/** The key's default tolerance when a spec gives none (KEY-FORMAT.md, `defaults.tolerance`). */
export const DEFAULT_TOLERANCE: Required<Tolerance> = { rel: 1e-6, abs: 1e-12 };

export const correct = (check: DecidingCheck, reason: string): TypeVerdict => ({ verdict: 'correct', score: 1, check, reason });
export const incorrect = (check: DecidingCheck, reason: string, category?: MistakeCategory): TypeVerdict => ({
  verdict: 'incorrect',
  score: 0,
  check,
  reason,
  ...(category ? { category } : {}),
});
export const undecided = (check: DecidingCheck, reason: string): TypeVerdict => ({ verdict: 'undecided', score: 0, check, reason });
export const unparseable = (reason: string): TypeVerdict => ({ verdict: 'unparseable', score: 0, check: 'parse', reason });
