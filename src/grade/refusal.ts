/**
 * A response that says it cannot see the question's material ("I can't read the matrices from the
 * screenshot", "I'd need the figure to determine g3") and does not go on to answer under an
 * assumption. A TA gives such a part no credit even when values restated from the question match
 * the key (4f's g3 equals the given g2): the response did not answer it.
 */
const CANNOT_SEE =
  /\bI(?:\s+(?:can(?:'|’)?t|cannot|can\s+not|am\s+unable\s+to|(?:'|’)m\s+unable\s+to|am\s+not\s+able\s+to|(?:'|’)m\s+not\s+able\s+to|could\s*n(?:'|’)?o?t)\s+(?:quite\s+|clearly\s+|actually\s+)?(?:see|read|view|access|open|make\s+out|extract)\b(?!\s+(?:why|how|any\s+reason|a\s+way))|(?:'|’)d\s+need\s+(?:the|to\s+see|you\s+to\s+(?:paste|share|upload|provide)))/i;

/** "I can't determine the result without the matrix values": an answer withheld for want of the material. */
const WITHOUT_MATERIAL =
  /\b(?:can(?:'|’)?t|cannot|unable\s+to|not\s+able\s+to)\s+(?:determine|compute|evaluate|calculate|give|tell)\b[^.\n]{0,80}\bwithout\s+(?:the\s+|seeing\s+(?:the\s+)?)?(?:figure|image|screenshot|picture|matri(?:x|ces)|values?|numbers|entries|data)\b/i;

/** "The screenshot didn't come through", "the matrices aren't visible": the material did not reach the response. */
const MATERIAL_MISSING =
  /\b(?:image|screenshot|figure|attachment|picture|matri(?:x|ces))\s+(?:you\s+(?:attached|shared|uploaded|sent)\s+)?(?:did|does|is|are|was|were)\s*n(?:'|’)?o?t\s+(?:come\s+through|load|show\s+up|visible|readable|legible|included|attached)\b/i;

/** Words that answer anyway: "assuming x3 is a shifted vertical edge, ...". */
const ANSWERS_ANYWAY = /\b(?:assum(?:e|ing)|suppos(?:e|ing)|presumably|if\s+(?:we|I)\s+(?:take|read|guess)|let(?:'|’)s\s+say|my\s+best\s+guess)\b/i;

/** Where a response says it cannot see what the question gives, and answers nothing after it under an assumption; -1 when it does not. */
export function declinedAt(text: string): number {
  const m = CANNOT_SEE.exec(text) ?? WITHOUT_MATERIAL.exec(text) ?? MATERIAL_MISSING.exec(text);
  if (!m) return -1;
  return ANSWERS_ANYWAY.test(text.slice(m.index)) ? -1 : m.index;
}

/**
 * A write-up's note in place of an answer: the part was left undone (`did not finish`, `not attempted`,
 * `ran out of time`) or answered somewhere the grader cannot see (`done on paper, attached separately`).
 * Only a short note with no mathematics in it: `skipped the proof, but c = 1/sqrt(d_in)` answers.
 */
const NOT_ANSWERED_HERE =
  /^(?:(?:I\s+)?(?:did\s*n[o'’]?t|could\s*n[o'’]?t|have\s*n[o'’]?t)\s+(?:finish|attempt|do|get\s+(?:to|it|how|what|why|this)|figure\s+(?:it\s+|this\s+)?out|understand|answer|solve)\b|(?:I\s+)?(?:gave\s+up|(?:do\s*n[o'’]?t|do\s+not)\s+know|have\s+no\s+idea)\b|(?:no\s+idea|idk)\b|(?:not|never)\s+(?:attempted|done|finished|answered|solved)\b|(?:skipped|unanswered|unfinished|left\s+blank|no\s+answer|ran\s+out\s+of\s+time)\b|(?:done|worked|answered|solved|written|drawn|plotted)\s+(?:by\s+hand\s+)?on\s+(?:paper|a\s+separate\s+sheet)\b|(?:see|on)\s+(?:the\s+)?(?:attached|separate)\s+(?:sheet|page|paper|pdf|scan|photo)s?\b)/i;

/** Words after a note that give the answer anyway: `but`, `the answer is`, `I got`. */
const GOES_ON_TO_ANSWER = /\b(?:but|though|anyway|answer\s+(?:is|was|would\s+be)|(?:I|we)\s+(?:get|got|think|guess))\b/i;

/**
 * A word every note of NOT_ANSWERED_HERE has: tested first, since most parts' answers are short
 * enough to be tried and the note's trimming and patterns were 2% of grading.
 */
const NOTE_WORD = /n[o'’]?t\b|never|skipped|unanswered|unfinished|blank|no\s+(?:answer|idea)|idk|gave\s+up|ran\s+out|paper|separate|attached/i;

/**
 * Numbers that name a thing rather than state a value: a digit inside a word (`HW4`, `2c`, `Q3`), a number
 * joined to a word by a hyphen (`rank-1`, `3-layer`), or set after a noun that numbers the things of a course
 * or of a matrix (`rank 1`, `lecture 9`, `slide 12`, `section 3`). After any other word a number is a value
 * (`skipped, roughly 1470`, `no idea, about 40`: a guess is still an answer).
 */
const NAMING_NUMBER =
  /\b(?:\d+\p{L}+|\p{L}+\d+|\p{L}{3,}-\d+|\d+-\p{L}{3,})[\p{L}\d]*\b|\b(?:rank|lectures?|slides?|sections?|chapters?|pages?|p|pp|steps?|problems?|questions?|parts?|weeks?|eqs?|equations?|fig|figures?|tables?|lines?|homework|hw|labs?|exercises?|examples?|theorems?|lemmas?|appendix|days?|units?|modules?|quiz|exams?|midterm|discussion|notes|version|v|layers?)\.? \d+\b(?![.,/]\d|\s*[x×*/^])/giu;

/** An open to-do item's line, as note apps and Markdown write it (`- [ ] ...`, `☐ ...`), and its words. */
const OPEN_TODO = /^\s*(?:[-*+•]\s+)?(?:\[\s\]|☐)\s+(\S.*)$/;

/**
 * `## f) Circular padding` over `- [ ] ask in section on Friday`: a part whose one statement is an open
 * to-do, in any language, is left to do. Every other line must be a title or a rule, with no value in
 * it (no relation, formula mark or number alone); the to-do's words none either. Its words, else undefined.
 */
function openToDoOnly(text: string): string | undefined {
  if (text.length > 300 || !/\[\s\]|☐/.test(text)) return undefined;
  const lines = text.split('\n').filter((l) => l.trim());
  const todos = lines.filter((l) => OPEN_TODO.test(l));
  if (todos.length !== 1) return undefined;
  const words = OPEN_TODO.exec(todos[0]!)![1]!.trim();
  return valueFree(words) && lines.every((l) => l === todos[0] || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(l) || valueFree(l.trim())) ? words : undefined;
}

/** A short line with no value in it: no relation, formula mark or number alone (`rank-1`, `3-layer`: a number joined to a word by a hyphen names a kind of thing). */
function valueFree(line: string): boolean {
  return line.length <= 80 && !/[=<>≤≥^_\\$√∑{}]/.test(line) && !/\d/.test(line.replace(NAMING_NUMBER, ''));
}

/**
 * A line the writer marked as work left to do: `TODO`, `FIXME`, `TBD` leading it (perhaps after a bullet or a
 * comment sign); typed in lower case in a note or a card (`todo — see the slides`), a dash or colon after it.
 */
const TODO_MARK = /^\s*(?:[-*+•]\s+|\/\/\s*|#\s*)?(?:\*\*)?(?:(?:TODO|FIXME|TBD)\b|(?:[Tt]odo|[Ff]ixme|[Tt]bd)(?=\s*[—–:-]))/;

/** Words saying the work is not done yet: `haven't written it up yet`, `not finished`, `still need to`. */
const NOT_DONE_YET =
  /\b(?:(?:have|has|did|do)\s*n[o'’]?t|not)\s+(?:yet\s+)?(?:written|write|done|do|finished|finish|started|start|attempted|solved|worked|typed)\b|\b(?:not|n[o'’]t)\s+(?:done|finished|there)\s+yet\b|\bstill\s+(?:need|have)\s+to\b/i;

/**
 * A part whose one statement is the writer's to-do line (`TODO`, `FIXME`, `TBD` leading it) and whose
 * words pass `undone`: its words, else undefined. Two readings use it:
 * - `TODO (b) — shift by N = 5, haven't written it up yet.`: the to-do says the work is not done
 *   (NOT_DONE_YET). What it names (the question's own `N = 5`, the plan) is no answer.
 * - `TODO — ask in office hours`: the to-do holds no value at all (valueFree).
 * A to-do beside an answer (`TODO double-check: c = 1/sqrt(d_in)`) says nothing is missing, and stays an answer.
 */
function markedToDo(text: string, undone: (line: string) => boolean): string | undefined {
  if (text.length > 300 || !/todo|fixme|tbd/i.test(text)) return undefined;
  const lines = text.split('\n').filter((l) => l.trim());
  const todo = lines.filter((l) => TODO_MARK.test(l));
  // (`Muon α` over `todo — see the slides`: the part's own caption, a title or a card's term, states nothing.)
  return todo.length === 1 && lines.every((l) => l === todo[0] || isCaption(l)) && undone(todo[0]!.trim()) ? todo[0]!.trim() : undefined;
}

const saysNotDoneYet = (line: string) => NOT_DONE_YET.test(line);

/** The note a response gives instead of an answer (see NOT_ANSWERED_HERE, openToDoOnly, markedToDo), or undefined when it may answer. */
export function notAnsweredHere(text: string): string | undefined {
  // (A to-do of no value is read after the notes: `TODO: skipped until ...` reads as its note's words.)
  return openToDoOnly(text) ?? markedToDo(text, saysNotDoneYet) ?? noteInstead(text) ?? markedToDo(text, valueFree);
}

/** The note of NOT_ANSWERED_HERE a response gives, perhaps under its caption, or undefined. */
function noteInstead(text: string): string | undefined {
  // (A dash alone where the answer would be, a summary row's `—`: nothing is there. `—40` and `− 1/√d` hold a value.)
  if (/^[\s—–-]+$/.test(text) && /[—–-]/.test(text)) return text.trim();
  // (Most responses are longer than any such note and a caption: refused before any pattern is tried.)
  if (text.length > 200 || !NOTE_WORD.test(text)) return undefined;
  const lines = text.split('\n').filter((l) => l.trim());
  // `ii. stride 2, pad 1` over `(ran out of time ...)`: the part's own caption (its setting restated, a
  // title) above or below the note states nothing; the note is still all the part has.
  const note = lines.length > 1 ? lines.find((l) => noteAfterCaption(l)) : undefined;
  if (note) return lines.every((l) => l === note || isCaption(l)) ? noteAfterCaption(note) : undefined;
  return text.length > 120 ? undefined : noteAfterCaption(text);
}

/**
 * `(stride 2) — ran out of time`, `stride 2, pad 1: skipped`: the same caption on the note's own
 * line, set off by its brackets or by a dash or colon before the note: the note alone is read.
 * A head that is no caption (`y = 40 — not finished`) keeps the line an answer.
 */
function noteAfterCaption(line: string): string | undefined {
  const whole = noteAlone(line);
  if (whole || line.length > 120) return whole;
  // (`Answer:: — skipped`: an outliner's field, `::`, and a dash after it set the note off as well.)
  const m = /^\s*(?:\(([^()\n]{1,46})\)\s*(?:[—–:-]+\s*)?|([^()\n—–:]{1,46}?)(?:\s*:{1,2}(?:\s*(?:—|–|--?)(?=\s))?|\s+(?:—|–|--?))\s+)(\S.*)$/.exec(line.trim());
  if (!m || !isCaption(m[1] ?? m[2]!)) return undefined;
  return noteAlone(m[3]!);
}

/**
 * A text that is a note of NOT_ANSWERED_HERE alone, as said. Marks around it are off: brackets,
 * emphasis, and whatever a writer sets between a part's label and its note (`e) — ran out of time`,
 * `(c): skipped`, `→ not attempted`); the note must be words only, so no value is taken for one.
 */
function noteAlone(text: string): string | undefined {
  // (An outliner's to-do mark before the note, `{{[[TODO]]}} skipped for now`, marks the same: the note is read after it.)
  const t = text
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/^todo\b[^\p{L}\p{N}]*/iu, '');
  // (A digit inside a word names something, `the 2D lecture`, `HW4`, `Q3`, `rank-1`: no value. A size, `3x3`, is one.)
  if (t.length > 90 || /[=^_\\$√∑]|\d\s*[x×]\s*\d/.test(t) || /\d/.test(t.replace(NAMING_NUMBER, ''))) return undefined;
  // (`skipped the proof, but the answer is sqrt(d_out)`: a note that goes on to an answer is none.)
  return NOT_ANSWERED_HERE.test(t) && !GOES_ON_TO_ANSWER.test(t) ? t : undefined;
}

/**
 * A short line of words and plain numbers (`stride 2, pad 1`, `Padding and stride`): a caption, with no
 * relation, operator, bracket or formula mark that an answer would have, and a word in it (`40` alone
 * answers). A colon or a verb of value says what something is (`Answer: 40`, `y is 40`): that answers.
 */
function isCaption(line: string): boolean {
  const t = line.trim();
  return t.length <= 48 && /[A-Za-z]{3}/.test(t) && !/[=<>≤≥→×*/^_\\$√∑[\]{}()|+−:]/.test(t) && !/\b(?:is|are|equals?|gives?|get|got)\b/i.test(t);
}
