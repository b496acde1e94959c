import { readLineLabel } from './part-ids.js';

/**
 * A person's part-by-part check of the model's answers, written as a list under the chat
 * (`a) correct`, `(b) ✗ forgot the bias`, `4c: wrong, it caved`): each line names a part and then
 * judges it. A person reads it as the student's marking, not as answers; read as the model's, the
 * verdict words would be graded as the parts' answers. A list whose lines mostly open on a
 * judgement is one, whatever its heading says; one judged line among answers is not.
 */

/** The words a person judges an answer with (`correct`, `wrong`, `ok`), for every reader of a person's marks. */
export const JUDGEMENT_WORDS = 'correct|incorrect|right|wrong|ok(?:ay)?|fine';

/** A judgement's word, tick or cross, as a verdict list writes them. */
const JUDGEMENT = `(?:${JUDGEMENT_WORDS}|agrees?|matches|✓|✔|✅|☑|✗|✘|❌|×)`;

/** A judgement of an answer at the start of a part's line: a word or a tick or cross. */
const VERDICT = new RegExp(`^(?:\\*\\*|_)?${JUDGEMENT}(?![\\p{L}\\p{N}])`, 'iu');

/** A judgement within a short label's reach of a line's start. */
const JUDGED_NEAR_START = new RegExp(`^.{1,16}?${JUDGEMENT}`, 'iu');

/** Whether a paragraph is a list of verdicts on the model's parts: two lines that name a part and judge it, and no line that names a part and does not. */
export function isVerdictList(paragraph: string): boolean {
  // Cheap test first (every block of every write-up is asked): two lines with a judgement near their start.
  const lines = paragraph.split('\n');
  if (lines.filter((l) => JUDGED_NEAR_START.test(l)).length < 2) return false;
  let judged = 0;
  let answered = 0;
  for (const line of lines) {
    const label = readLineLabel(line);
    if (!label?.part) continue;
    const rest = line
      .slice(label.length)
      .replace(/^[\s:.)\]=—–-]+/, '')
      .trim();
    if (VERDICT.test(rest)) judged++;
    // (`I pushed it to LK, it agreed`: the person's own words about a part, first-person.)
    else if (!/^(?:I|I'm|I've|my|we|it|its|it's|the model|they)\b/i.test(rest)) answered++;
  }
  return judged >= 2 && answered === 0;
}
