/**
 * What a table's header says of its columns, in a grading sheet (CSV, TSV) and in a report's or a
 * page's table alike: which columns are the person's (their own or the key's solution, the
 * model's working, their verdict and notes, the prompt they asked with) and which names an answer.
 * A person grading from such a table reads the model's answer column and skips the rest.
 */

const PERSON_COLUMN =
  /\b(?:our|my|own|expected|key|reference|official|solutions?|reasoning|excerpts?|working|steps|derivation|explanations?|verdicts?|grades?|graded|scores?|points|marks|notes?|comments?|remarks?|asked|prompts?|questions?|inputs?|status|checked|correct\s+answer)\b|\b(?:correct|ok|right)\s*\?/i;

const ANSWER_COLUMN = /\b(?:answers?|final|results?|outputs?|responses?|repl(?:y|ies)|gave|says)\b/i;

/** A header cell naming a column of the person's, not the model's answer: `Our solution`, `Verdict / notes`, `What we asked`. */
export function isPersonColumn(header: string): boolean {
  return PERSON_COLUMN.test(header);
}

/** A header cell naming an answer: `Model's final answer`, `Response`, `Output`, `Result`. */
export function isAnswerColumn(header: string): boolean {
  return ANSWER_COLUMN.test(header);
}
