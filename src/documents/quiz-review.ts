/**
 * A learning platform's review of a quiz attempt, copied as text (Moodle's, Canvas's, Blackboard's,
 * Brightspace's): blocks headed `Question 1`, `Question 2`, ... in the quiz's own order, each with the
 * platform's lines (its status and marks: `Complete`, `Marked out of 2.00`, `2 / 2 pts`, `0 out of 1
 * points`, `Flag question`), the question's text, the person's response (perhaps under `Your Answer:`
 * or `Selected Answer:`), and often the platform's verdict and right answer or feedback (`The correct
 * answer is: ...`, `Correct Answer:`, `Response Feedback:`).
 *
 * A block's number is the quiz's slot, not the key's question: a block is headed by the part its
 * question text names (`HW4 Problem 1(a). ...` → `## Problem 1(a)`) or whose statement it copies, and
 * keeps the page's number only when neither tells. The platform's lines, its verdict, its right answer
 * and its feedback are nobody's answer (the key's mathematics decides), and a question's text is what
 * was asked: all are blanked, and the response is what stays. A page is one only on evidence: two
 * blocks or more in rising order, each of two at least opening on a status or mark of the platform's
 * right under its number; a write-up with `Question 2` headings and `The correct answer is` in its
 * prose has none. Lines keep their numbers.
 */
import { HOMEWORK_NAME, readLineLabel } from './part-ids.js';
import { pastedPart } from './pasted-statements.js';
import { asksSomething, type QuestionOutline } from './segment.js';

/** `Question 3`, `**Question 3**`, `## Question 3`, perhaps with the platform's fields after it (`Question 3\t0 out of 1 points`). */
const HEAD = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Question[ \t]+(\d{1,3})(?:\*\*)?[ \t]*[:.]?[ \t]*(.*)$/i;

/** A status of the question's attempt or a control of the page: what the platform shows over every question. */
const STATUS =
  /^(?:complete|not complete|incomplete|not answered|unanswered|not yet answered|answer saved|answered|finished|not yet graded|needs grading|requires grading|pending review|ungraded|graded|flag question|flagged|remove flag|question text|edit question|correct!?|incorrect|partially correct|wrong)$/i;

/**
 * Lines a person may also write (a verdict as their remark, a homework's points in its heading, `Question
 * 2 (5 points)`): the platform's only inside a page known to be one, never the evidence that it is one.
 */
const NOT_EVIDENCE = /^(?:correct!?|incorrect|partially correct|wrong|complete|answered|\(?[\d.]+[ \t]*(?:pts?|points?|marks?)\)?)$/i;

/**
 * A mark: `Marked out of 2.00`, `Mark 1.00 out of 1.00`, `2 / 2 pts`, `-- / 1 pts`, `0 out of 1 points`,
 * `(2 points)`, `Points: 1/2`, `Score: 0 / 1`. (Always with a word of marks: `1/2` alone is an answer.)
 */
const MARK =
  /^(?:mark(?:ed)?[ \t]+(?:[\d.]+[ \t]+)?out[ \t]+of[ \t]+[\d.]+|(?:points?|score|marks?|grade)[ \t]*:?[ \t]*(?:[\d.]+|--?)[ \t]*(?:\/|out[ \t]+of)[ \t]*[\d.]+(?:[ \t]*(?:pts?|points?|marks?))?|(?:[\d.]+|--?|not yet graded)[ \t]*(?:\/|out[ \t]+of)[ \t]*[\d.]+[ \t]*(?:pts?|points?|marks?)|\(?[\d.]+[ \t]*(?:pts?|points?|marks?)\)?|your answer is (?:correct|incorrect|partially correct))\.?$/i;

/**
 * The platform's label over the person's response (`Your Answer:`, `You Answered`, `Selected Answer:`,
 * `Answer:`), the response perhaps after it on the same line. `Answer` and `Response` alone are weak:
 * a person's working may end on its own `Answer: ...`.
 */
const RESPONSE_LABEL =
  /^[ \t]*(?:\*\*)?(?:(your[ \t]+answer|you[ \t]+answered|selected[ \t]+answers?|given[ \t]+answers?|your[ \t]+response|student[ \t]+(?:answer|response)|submitted[ \t]+answer)|(answer|response))(?:\*\*)?[ \t]*(?::(?:\*\*)?[ \t]*|$)/i;

/**
 * The platform's right answer or feedback, alone on its line or before a colon: `The correct answer is:
 * 6`, `Correct Answer`, `Correct answers:`, `Right answer:`, `Response Feedback:`, `General feedback`,
 * `Comment:`. What it heads runs to the next response label or the block's end.
 */
const KEY_LABEL =
  /^[ \t]*(?:\*\*)?(?:the[ \t]+correct[ \t]+answers?[ \t]+(?:is|are)|correct[ \t]+answers?(?:[ \t]*\(s\))?|right[ \t]+answers?|expected[ \t]+answers?|model[ \t]+answer|sample[ \t]+answer|answer[ \t]+key|more[ \t]+answers|possible[ \t]+answers|(?:general|specific|response|overall)[ \t]+feedback|feedback|comments?|(?:instructor|grader|teacher)[ \t]+comments?)(?:\*\*)?[ \t]*(?::|$)/i;

/** The cheap refusal: no line opens on a question's number, or nothing has the shape of a platform's mark or status. */
const MAY_HAVE_HEAD = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?question[ \t]+\d/im;
const MAY_HAVE_MARK = /out[ \t]+of[ \t]+\d|\/[ \t]*\d+(?:\.\d+)?[ \t]*(?:pts?|points?)\b|\bflag question\b|\bnot answered\b|\bneeds grading\b|\(\d+(?:\.\d+)?[ \t]*points?\)/i;

const bare = (line: string) =>
  line
    .trim()
    .replace(/^\*\*|\*\*$/g, '')
    .trim();

/** A line's cells (`Question 3\t0 out of 1 points  Needs Grading` is three), bold marks left out. */
const cellsOf = (line: string) =>
  line
    .split(/\t|[ \t]{2,}/)
    .map(bare)
    .filter(Boolean);

/** Whether a line is the platform's: a status, a mark, or cells of them. */
function isPlatformLine(line: string): boolean {
  const cells = cellsOf(line);
  return cells.length > 0 && cells.every((c) => STATUS.test(c) || MARK.test(c));
}

/** A platform line with a cell only the platform writes (see NOT_EVIDENCE). */
function isPlatformEvidence(line: string): boolean {
  return isPlatformLine(line) && cellsOf(line).some((c) => !NOT_EVIDENCE.test(c));
}

interface Block {
  /** Index of the head line. */
  head: number;
  /** Index past the block's last line. */
  end: number;
  number: number;
}

/** The page's question blocks, when the text is a quiz review (see the file's comment); undefined otherwise. */
function blocksOf(lines: string[]): Block[] | undefined {
  const heads: { at: number; number: number }[] = [];
  for (const [at, line] of lines.entries()) {
    const m = HEAD.exec(line);
    if (m && (!m[2]!.trim() || isPlatformLine(m[2]!))) heads.push({ at, number: Number(m[1]) });
  }
  if (heads.length < 2 || heads.some((h, i) => i > 0 && h.number <= heads[i - 1]!.number)) return undefined;
  const blocks = heads.map((h, i) => ({ head: h.at, end: heads[i + 1]?.at ?? lines.length, number: h.number }));
  // The platform's own lines right under a number (or on its line): a write-up's `Question 2` heading has none.
  const marked = blocks.filter((b) => {
    const rest = HEAD.exec(lines[b.head]!)![2]!;
    if (rest.trim() && isPlatformEvidence(rest)) return true;
    for (let i = b.head + 1; i < Math.min(b.end, b.head + 6); i++) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      if (isPlatformEvidence(line)) return true;
      if (!isPlatformLine(line)) return false;
    }
    return false;
  });
  return marked.length >= 2 ? blocks : undefined;
}

/** The part a question's text names at its start (`HW4 Problem 1(a). ...`, `(b) Now ...`), as a heading the readers of labels know. */
function namedHeading(question: string, outline: QuestionOutline[]): string | undefined {
  const first = question.trim().split('\n')[0] ?? '';
  const label = readLineLabel(first.replace(HOMEWORK_NAME, ''));
  const [number, part, sub] = label && (label.question || label.part) ? [label.question, label.part, label.part && label.subpart] : (pastedPart(question, outline)?.split('.') ?? []);
  if (!number && !part) return undefined;
  return `${number ? `Problem ${number}` : ''}${part ? `(${part})` : ''}${sub ? `(${sub})` : ''}`;
}

/**
 * Where a block's question text ends (an index into lines), given where it starts: at a strong response
 * label wherever it stands; at a weak one or at the platform's right answer only in or right under the
 * question's first paragraph (`Answer: 6` of a short answer, Canvas's `Unanswered` / `Correct Answer`),
 * since an essay's response comes before its feedback; else after that paragraph when it is the
 * question (labelled so, or asking), or nowhere.
 */
function questionEnd(lines: string[], from: number, end: number, labelled: boolean): number {
  let paragraphEnd = from;
  while (paragraphEnd < end && lines[paragraphEnd]!.trim()) paragraphEnd++;
  let near = true;
  for (let i = from; i < end; i++) {
    const line = lines[i]!;
    const label = RESPONSE_LABEL.exec(line);
    if (label?.[1] || (near && (label || KEY_LABEL.test(line)))) return i;
    if (i >= paragraphEnd && line.trim()) near = false;
  }
  const paragraph = lines.slice(from, paragraphEnd).join('\n');
  return labelled || asksSomething(paragraph) ? paragraphEnd : from;
}

/**
 * One block rewritten in place: its head as the part its question names (or as it is), the platform's
 * lines and the question's text blanked, each response label cut from its line, and what a key or
 * feedback label heads blanked up to the next response label.
 */
function rewriteBlock(lines: string[], block: Block, outline: QuestionOutline[]): void {
  let i = block.head + 1;
  // (Moodle's `Question text` label says the next paragraph is the question, asking or not.)
  let labelled = false;
  for (; i < block.end && (!lines[i]!.trim() || isPlatformLine(lines[i]!)); i++) {
    if (/^question text$/i.test(bare(lines[i]!))) labelled = true;
    lines[i] = '';
  }
  const from = i;
  const to = questionEnd(lines, from, block.end, labelled);
  const question = lines.slice(from, to).join('\n');
  const heading = question.trim() ? namedHeading(question, outline) : undefined;
  if (heading) {
    lines[block.head] = `## ${heading}`;
    for (let k = from; k < to; k++) lines[k] = '';
  } else {
    lines[block.head] = `## Question ${block.number}`;
    // (Named by nothing but its number: its text stays, quoted, for what aligns a part by its words.)
    for (let k = from; k < to; k++) if (lines[k]!.trim()) lines[k] = `> ${lines[k]}`;
  }
  let key = false;
  for (let k = to; k < block.end; k++) {
    const line = lines[k]!;
    const response = RESPONSE_LABEL.exec(line);
    // (A weak `Answer:` is the platform's only where the response starts: inside feedback it is the feedback's.)
    if (response && (response[1] || k === to)) {
      key = false;
      lines[k] = line.slice(response[0].length);
    } else if (KEY_LABEL.test(line)) {
      key = true;
      lines[k] = '';
    } else if (key || isPlatformLine(line)) lines[k] = '';
  }
}

/**
 * The text with a learning platform's quiz review (see the file's comment) read as a write-up: each
 * question block headed by the part its question names, only the person's responses left under the
 * headings. Any other text as it is.
 */
export function quizReviewAsWriteup(text: string, outline: QuestionOutline[]): string {
  if (!MAY_HAVE_HEAD.test(text) || !MAY_HAVE_MARK.test(text)) return text;
  const lines = text.split('\n');
  const blocks = blocksOf(lines);
  if (!blocks) return text;
  for (const block of blocks) rewriteBlock(lines, block, outline);
  return lines.join('\n');
}
