import { answerCandidates, type Candidate } from '../check/extract.js';

const FOUND = new Map<string, readonly Candidate[]>();

/**
 * The candidates of a response, found once: a part with several named answers looks in the same
 * reply for each (and first asks which reply states it), and a reply several parts share is read
 * for each of them. Callers never change the list.
 */
export function foundIn(text: string): readonly Candidate[] {
  let found = FOUND.get(text);
  if (!found) {
    // A few responses at a time are being graded; an unbounded cache would hold a whole batch.
    if (FOUND.size >= 16) FOUND.clear();
    found = answerCandidates(text);
    FOUND.set(text, found);
  }
  return found;
}
