/**
 * A report's remark on an answer, opened by a verdict's mark and said in the writer's own voice
 * (`🟡 I was not sure about this one (the forum says "explode"?) but I'm counting it`, `✅ I'd accept
 * this`, `⚠️ My TA disagrees`): the person's judgement of the answer above it, never an answer. Read
 * as one, the words it quotes or doubts with (`explode`) are graded as the part's. A model's own
 * mark before its answer (`✅ Final answer: α = 1`, `✅ We get α = 1`) is no remark, and stays. Blanked, so
 * lines keep their numbers.
 */

/** A verdict's mark: a traffic light, a tick or a cross, a warning or a question sign. */
const MARK = '(?:🟡|🟢|🔴|🟠|✅|❌|❎|⚠️?|✔️?|✖️?|✓|✗|✘|❓|❔)';

/** Cheap test first: a verdict's mark, then the writer's first person, somewhere in the text. */
const MAY_HAVE = new RegExp(`${MARK}\\s*(?:\\*\\*)?(?:I|I['’](?:m|d|ve|ll)|[Mm]y)\\b`, 'u');

/** A remark's first line: the mark opening it, perhaps in emphasis, then the writer's first person. */
const OPENS_REMARK = new RegExp(`^[ \\t]*(?:[-*+][ \\t]+)?(?:\\*\\*|_|\\*)?${MARK}[ \\t]*(?:\\*\\*|_|\\*)?[ \\t]*(?:I|I['’](?:m|d|ve|ll)|[Mm]y)\\b`, 'u');

/** The text with every remark of this shape blanked, to the end of its paragraph; unchanged when it has none. */
export function withoutMarkedRemarks(text: string): string {
  if (!MAY_HAVE.test(text)) return text;
  const lines = text.split('\n');
  let inRemark = false;
  return lines
    .map((line) => {
      if (!line.trim()) inRemark = false;
      else if (OPENS_REMARK.test(line)) inRemark = true;
      return inRemark ? '' : line;
    })
    .join('\n');
}
