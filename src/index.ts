/** partcredit: grade answers to STEM problem sets part by part. */
export * from './model/index.js';
export { checkAnswer, type CheckOptions } from './check/check.js';
export { parseMath, ParseError, type ReadContext } from './math/latex/parse.js';
export type { Node } from './math/latex/ast.js';
export { printMath } from './math/latex/print.js';
export { extractAnswer, type Extracted } from './check/extract.js';
export { inferType } from './check/infer.js';
export { LIMITS } from './math/limits.js';
export type { Cas } from './check/equivalence.js';
export { CheckPool, type CheckPoolOptions, type CheckTask } from './check/pool.js';
export { loadCas } from './check/cas.js';
export * from './compute/index.js';
export { loadKey, formatKeyProblem, type KeyProblem } from './documents/key.js';
export { parseProblemSet, leafParts } from './documents/problem-set.js';
export { readSubmission, outlineOf } from './documents/submission.js';
export { gradeSubmission, gradePart } from './grade/grade.js';
export { gradeFiles, regradeRun } from './run/grading.js';
export { Store } from './store/db.js';
