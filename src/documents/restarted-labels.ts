/**
 * A bare part letter that names a part already answered under the current question (`(b)` after
 * `(b)`) is, far more often than not, the same part again: a person's pasted statement and then the
 * model's answer to it, a recap list after the answers, a remark on one part, a correction. Only the
 * shape of a new question's run says the write-up went on to the next question without writing its
 * number (a student who left that question's first part blank): the letters went through the
 * current question's last part, with answers, and then start again from an earlier letter, with
 * working of their own rather than one line apiece.
 */

/** What the reader knows of a repeated letter when it decides. */
export interface RepeatedLetter {
  /** The repeated label's letter (`b`). */
  letter: string;
  /** The letter labelled just before it under the current question, if any. */
  previous?: string;
  /** Whether the current question's last lettered part was answered (not only stated) since its heading. */
  lastAnswered: boolean;
  /** Whether the part was only stated so far: each of its segments asked in words (a pasted statement), none answered it. */
  statedOnly: boolean;
  /** The repeated label's own text (the line after the label and what follows it up to the next label). */
  text: string;
  /** Whether the part's earlier answer took more than one line. */
  longer: boolean;
}

/** Whether a repeated letter starts the next question (see the file's comment); false keeps it the same part. */
export function restartsQuestion(r: RepeatedLetter): boolean {
  // The part's statement came first: this is its answer.
  if (r.statedOnly) return false;
  // The same letter again, or a later one: more of the part, not a new run.
  if (r.previous === undefined || r.letter >= r.previous) return false;
  // A run that stopped before the question's end is being gone back over, not begun again.
  if (!r.lastAnswered) return false;
  // One line for a part answered at more length before (a recap's row or item, a remark on it): a
  // restatement, not an answer; one line again after one-line answers is the next run's answer.
  return r.text.trim().includes('\n') || !r.longer;
}
