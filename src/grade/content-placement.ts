import type { KeyPart } from '../model/key.js';
import type { PartGrade, PartVerdict } from '../model/grade.js';
import type { Submission } from '../model/submission.js';
import type { Assignment } from '../documents/assignment.js';
import { HOLDS_MATH, asksSomething, nearestStatements, partByContent } from '../documents/segment.js';
import { foldLabelWords } from '../documents/label-words.js';
import { type Restated, restatedPart } from '../documents/restatement.js';
import {
  type GradeResponse,
  type Stretch,
  answerForms,
  formulaAnswers,
  gradeStretch,
  namedQuestions,
  placeOf,
  problemText,
  sharedKeyAnswer,
  squeezed,
  unalignedStretches,
} from './content-fallback.js';

/**
 * The last resort for a submission the reader recognised (almost) no part of: an app, a medium or a
 * numbering nobody has taught it. A TA still finds the answers, by what each passage contains: the
 * words of a part's statement (in the passage, or in the question asked just before it), and an
 * answer of the kind the key expects. Each answer placed so goes to a person (`needs-review`, its
 * alignment in doubt): a placement by content is a reading, never a verdict. A submission whose
 * parts were recognised is left as it is; so is a passage with no formula or number, and a passage
 * that asks (the question restated, not its answer).
 */

/** At most this many recognised parts leave a submission to be read by content: one label found by chance reads nothing of the rest. */
const FEW_RECOGNISED = 1;
/** How near a passage's words must come to a part's statement to name it (the scale of `partByContent`). */
const NAMES_PART = 0.25;
/** How far ahead of every other part a retyped request must stand to name its part without asking, or to give a verdict. */
const CLEAR_MARGIN = 2;
/** How many of a statement's words and symbols a paragraph that does not ask must retype to start a question: an answer's working quotes a few. */
const ORDER_WORDS = 5;
/** A block grows no longer than this: a run of lines past it is cut, as no one answer runs so long. */
const MAX_BLOCK_CHARS = 4000;

/** One paragraph of unaligned text, with the part its words (or the question asked before it) name. */
interface Block {
  text: string;
  turn?: number;
  line?: number;
  /** The stretch it belongs to: parts named in one stretch carry on to its next paragraphs, never across. */
  stretch: number;
  /** The part its own words name, or the one the question before it asked. */
  named?: string;
  /** The request that retyped its part, when one did. */
  restated?: Restated;
}

/** A paragraph that bears an answer: a formula, an equation, or a number. */
const bearsAnswer = (text: string): boolean => HOLDS_MATH.test(text) || /\d/.test(text) || /[×·√≤≥∑∏ᵀ²³]/u.test(text);

/** The part a text names by its words, when one part stands out (none when two fit about equally). */
function namedPart(text: string, assignment: Assignment, prefer?: string): string | undefined {
  const one = partByContent(text, assignment.outline, { min: NAMES_PART, ...(prefer ? { prefer } : {}) });
  return one && !one.doubt ? one.id : undefined;
}

/** The question a person's turn before a reply asks, as a part id when its words name one part. */
function askedBefore(submission: Submission, turn: number, assignment: Assignment, prefer?: string): { part?: string; question?: string; restated?: Restated } {
  const messages = submission.messages ?? [];
  let asking = turn - 1;
  while (asking >= 0 && messages[asking]!.role !== 'user') asking--;
  if (asking < 0) return {};
  const text = messages[asking]!.text;
  // The person's turn as a whole retypes a part (its sizes, numbers, symbols): the reply answers it.
  const restated = restatedPart(text, assignment, prefer);
  if (restated) return { part: restated.id, question: restated.question, restated };
  const part = namedPart(text, assignment);
  const question = part?.split('.')[0] ?? nearestStatements(text, assignment.outline).question;
  return { ...(part ? { part } : {}), ...(question ? { question } : {}) };
}

/** A letter that opens a paragraph as a part's label (`(b)`, `*(a)*`, `b)`, `**c.**`): which part of the question under way it answers. */
const OPENING_LETTER = /^[\s*_#>•-]{0,6}(?:part\s*)?\(?([a-h])\)(?=[\s*_:.]|\((?:i{1,3}|iv|vi{0,3})\)|$)|^[\s*_#>•-]{0,6}(?:part\s*)?([a-h])[.:](?=[\s*_]|$)/i;

/** A subpart's numeral right after a part's letter (`(d)(ii)`, `d.ii`, `(d) ii.`). */
const SUBPART_NUMERAL = /^[\s*_]*(?:\(\s*(i{1,3}|iv|vi{0,3})\s*\)|\.?(i{1,3}|iv|vi{0,3})[.):])/i;

/** The part a letter opening a paragraph labels, in the question under way (none when that question has no such part); its subpart when a numeral follows. */
function letteredPart(text: string, question: string | undefined, assignment: Assignment): string | undefined {
  if (!question) return undefined;
  const m = OPENING_LETTER.exec(text);
  const letter = (m?.[1] ?? m?.[2])?.toLowerCase();
  const id = letter && `${question}.${letter}`;
  const parts = order(assignment, question);
  if (!id || !parts.some((p) => p === id || p.startsWith(`${id}.`))) return undefined;
  const n = SUBPART_NUMERAL.exec(text.slice(m!.index + m![0].length));
  const sub = n && `${id}.${(n[1] ?? n[2])!.toLowerCase()}`;
  return sub && parts.includes(sub) ? sub : id;
}

/** One line of unaligned text, with the part it answers, its paragraph and its stretch. */
interface Line {
  text: string;
  stretch: number;
  paragraph: number;
  turn?: number;
  line?: number;
  named?: string;
  /** The request that retyped the part this line answers (see `restatedPart`), when one did. */
  restated?: Restated;
  /** Opened by a label of a part the request asked (`(d)(ii)`): the answer as written starts here, after the working. */
  labelled?: boolean;
}

/** A question's part ids in the problem set's order. */
const order = (assignment: Assignment, question: string): string[] => assignment.outline.find((q) => q.number === question)?.parts ?? [];

/** A stretch's paragraphs: runs of non-blank lines, each with the index of its first line. */
function paragraphsOf(text: string): { lines: string[]; start: number }[] {
  const out: { lines: string[]; start: number }[] = [];
  let last: { lines: string[]; start: number } | undefined;
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) {
      last = undefined;
      return;
    }
    if (!last) out.push((last = { lines: [], start: i }));
    last.lines.push(line);
  });
  return out;
}

/**
 * A restatement the paragraph's words contradict: where its plain words (`receptive field ...
 * kernel size K`) fit other parts of the same question about as well, those parts are asked too,
 * the first in the problem's order leads, and no verdict follows (two statements sharing words
 * leave the part to a person).
 */
function doubted(restated: Restated | undefined, text: string, assignment: Assignment): Restated | undefined {
  if (!restated) return undefined;
  const { tied } = nearestStatements(text, assignment.outline);
  const others = tied.filter((id) => id.split('.')[0] === restated.question && !restated.parts.includes(id));
  if (!others.length) return restated;
  const parts = order(assignment, restated.question).filter((id) => restated.parts.includes(id) || others.includes(id));
  return { ...restated, id: parts[0]!, parts, margin: 1 };
}

/** Where the answer starts in a paragraph that asks: after its last line that asks (none when that is its last line, or no one line asks alone). */
function answerFrom(lines: string[]): number {
  const last = lines.findLastIndex((l) => asksSomething(l));
  return last < 0 ? lines.length : last + 1;
}

/**
 * The unaligned text line by line, each with the part it answers as a TA would tell: a letter
 * opening it in the question under way, else its own words, else the part the line before it in
 * the same stretch answered. A line that asks in the problem's words is the question restated (a
 * person's turn the reader did not tell apart): it sets the question under way and answers
 * nothing. In a chat, the person's turn before a reply sets it first. A request that retypes a
 * part as a whole (the person's turn, or a paragraph of a write-up that asks) names the part its
 * reply answers, whatever that reply's own lines mention in passing, until the next request:
 * only a label of one of the parts it asked moves on.
 */
function linesOf(stretches: Stretch[], submission: Submission, assignment: Assignment): Line[] {
  const out: Line[] = [];
  const seen = new Set<string>();
  let paragraph = 0;
  let underWay: string | undefined;
  stretches.forEach((s, stretch) => {
    const asked = s.turn !== undefined ? askedBefore(submission, s.turn, assignment, underWay) : {};
    let current = asked.part;
    let question = asked.question;
    let request = asked.restated;
    paragraph++;
    for (const para of paragraphsOf(s.text)) {
      paragraph++;
      let from = 0;
      if (s.turn === undefined) {
        // A paragraph that asks and retypes a part is the request (answering nothing): what follows
        // answers it. One that retypes a part of another question in many of its words, clearly,
        // without asking starts that question (an order in the imperative; its lines may be the
        // answer's first); within the question under way it is the answer's working, quoting the
        // problem's numbers.
        const whole = para.lines.join('\n');
        const asks = asksSomething(whole);
        const restated = doubted(restatedPart(whole, assignment, question ?? underWay), whole, assignment);
        const retypes = restated && restated.margin >= CLEAR_MARGIN && restated.words >= ORDER_WORDS && restated.question !== request?.question;
        if (restated && (asks || retypes)) {
          request = restated;
          current = restated.id;
          question = underWay = restated.question;
          for (const id of restated.parts) seen.add(id);
          if (asks) from = answerFrom(para.lines);
        } else if (request && asks && !para.lines.some((l) => letteredPart(l.trim(), question, assignment))) {
          // A new request the words place nowhere (`same x, now with padding?`, `thanks! next one?`):
          // what follows answers it, not the part asked before.
          request = undefined;
          current = undefined;
          from = answerFrom(para.lines);
        }
      }
      para.lines.forEach((raw, j) => {
        if (j < from) return;
        const text = raw.trim();
        const i = para.start + j;
        let labelled = false;
        if (request) {
          // Under a retyped request, a label of a part it asked moves on; nothing else does.
          const lettered = letteredPart(text, question, assignment);
          const asked = lettered && request.parts.find((id) => id === lettered || id.startsWith(`${lettered}.`));
          if (asked) {
            current = lettered!.split('.').length >= asked.split('.').length ? lettered : asked;
            labelled = true;
          }
        } else {
          const own = namedPart(text, assignment, question);
          if (asksSomething(text)) {
            const nearest = own ? undefined : nearestStatements(text, assignment.outline);
            const near = own?.split('.')[0] ?? nearest?.question;
            if (near) {
              question = near;
              // Words that fit two parts of the question about equally (`receptive field` in two
              // parts) ask the first of them not yet asked: questions are asked in their order.
              current = own ?? order(assignment, near).find((id) => nearest!.tied.includes(id) && !seen.has(id));
              if (current) seen.add(current);
              paragraph++;
              return;
            }
          }
          const lettered = letteredPart(text, question, assignment);
          if (lettered ?? own) {
            current = lettered ?? own;
            question = current!.split('.')[0];
            seen.add(current!);
          }
        }
        if (question) underWay = question;
        out.push({
          text,
          stretch,
          paragraph,
          ...(s.turn !== undefined ? { turn: s.turn } : {}),
          ...(s.line ? { line: s.line + i } : {}),
          ...(current ? { named: current } : {}),
          ...(request && current ? { restated: request } : {}),
          ...(labelled ? { labelled } : {}),
        });
      });
    }
  });
  return out;
}

/** Lines joined into blocks where `same` holds between neighbours; only blocks that bear an answer. */
function joined(lines: Line[], same: (a: Line, b: Line) => boolean): Block[] {
  const out: Block[] = [];
  let last: Block | undefined;
  let end: Line | undefined;
  for (const l of lines) {
    if (last && end && same(end, l) && last.text.length < MAX_BLOCK_CHARS) {
      last.text += `\n${l.text}`;
      end = l;
      continue;
    }
    end = l;
    last = {
      text: l.text,
      stretch: l.stretch,
      ...(l.turn !== undefined ? { turn: l.turn } : {}),
      ...(l.line ? { line: l.line } : {}),
      ...(l.named ? { named: l.named } : {}),
      ...(l.restated ? { restated: l.restated } : {}),
    };
    out.push(last);
  }
  return out.filter((b) => bearsAnswer(b.text));
}

/** The unaligned text's answers: runs of lines answering one part (`byPart`), and its paragraphs (`paragraphs`). */
export function blocksOf(stretches: Stretch[], submission: Submission, assignment: Assignment): { byPart: Block[]; paragraphs: Block[] } {
  const lines = linesOf(stretches, submission, assignment);
  const size = new Map<number, number>();
  for (const l of lines) size.set(l.paragraph, (size.get(l.paragraph) ?? 0) + 1);
  return {
    byPart: joined(lines, (a, b) => a.stretch === b.stretch && a.named === b.named && b.named !== undefined && !b.labelled),
    // Paragraphs, then the lines of those of several lines (a list of bare results, one a line).
    paragraphs: [
      ...joined(lines, (a, b) => a.paragraph === b.paragraph),
      ...joined(
        lines.filter((l) => (size.get(l.paragraph) ?? 0) > 1),
        () => false,
      ),
    ],
  };
}

/** Runs of one stretch's lines named for the same part: one answer, as written. */
const runsNamed = (blocks: Block[], id: string): Block[] => blocks.filter((b) => b.named === id);

/** How near one line of a submission must come to a part's statement for its words to show the submission is about this problem set. */
const ABOUT_THE_SET = 0.35;

/**
 * Whether a submission's words are about this problem set at all: some line comes close to a
 * part's statement. Common words (`how many`, `what is`) bring another course's homework about as
 * near as a loose paraphrase of this one; a line that restates a part does not happen by chance.
 * Neither words nor a formula that equals a key answer place anything in a submission not about
 * the set (a formula as common as `2c d_out^2 d_in` may answer another course's question).
 */
function aboutTheSet(stretches: Stretch[], assignment: Assignment): boolean {
  return stretches.some((s) => s.text.split('\n').some((l) => l.trim() && partByContent(l, assignment.outline, { min: ABOUT_THE_SET }) !== undefined));
}

/** The verdict a grade holds: its own, or the one held back for review. */
const held = (g: PartGrade): PartVerdict => (g.verdict === 'needs-review' ? (g.candidates?.[0]?.verdict ?? 'needs-review') : g.verdict);

/** Whether a grade read an answer of the part's kind (right or wrong), not nothing or something unreadable. */
const fits = (g: PartGrade): boolean => Boolean(g.answer) && ['correct', 'partial', 'incorrect'].includes(held(g));

const PLACED = 'placed by its content, in a submission where no label of the key was recognised';
const RETYPED = 'answers the request before it, which retypes this part’s statement and no other’s';

/**
 * Whether a run answers a request that retyped its part alone, far ahead of every other part (see
 * `CLEAR_MARGIN`): read as a TA reads a reply under a question pasted above it, for a verdict. A
 * request near two parts, or retyping a part only a little more than another, stays a placement
 * for a person to review; so does one in a write-up, whose paragraphs may hold an answer as well as
 * the words of the question (`(b) Gram matrix first: $2c\,d_{out} d_{in}^2$.`): only a person's own turn
 * in a chat is a request and nothing else.
 */
const retypedClearly = (b: Block): boolean => b.turn !== undefined && b.restated !== undefined && b.restated.parts.length === 1 && b.restated.id === b.named && b.restated.margin >= CLEAR_MARGIN;

/**
 * The grades with the missing parts of a submission the reader recognised (almost) nothing of
 * placed by content, each for a person to review; the same array when the reader recognised parts
 * (the common case costs one count).
 */
export function placeByContent(parts: PartGrade[], submission: Submission, assignment: Assignment, grade: GradeResponse): PartGrade[] {
  const recognised = parts.filter((p) => p.verdict !== 'missing').length;
  if (recognised > FEW_RECOGNISED || !submission.text.trim()) return parts;
  const stretches = unalignedStretches(submission);
  if (!stretches.length) return parts;
  const { byPart, paragraphs } = blocksOf(stretches, submission, assignment);
  if (!byPart.length && !paragraphs.length) return parts;
  const problems = problemText(assignment);
  const keyParts = new Map(assignment.key.parts.map((p) => [p.id, p]));
  // Parts placed by their words: a paragraph about one of them is no other part's answer.
  const taken = new Set<string>();
  const tryBlock = (part: KeyPart, b: Block, how: string): PartGrade => gradeStretch(grade, part, b, `${PLACED} (${how}, ${placeOf(b)})`);
  // First the parts the words name (the passage's own, or the question asked before it): the last
  // answer of the kind the key expects among them, as a revised answer is read.
  const placed = new Map<string, PartGrade>();
  // A request that retyped a part is as sure a sign as a line in the problem's own words.
  const about = byPart.some((b) => b.restated) || aboutTheSet(stretches, assignment);
  for (const p of about ? parts : []) {
    const part = keyParts.get(p.id);
    if (p.verdict !== 'missing' || !part || !part.answers.length) continue;
    for (const run of runsNamed(byPart, p.id).reverse()) {
      const g = retypedClearly(run) ? gradeStretch(grade, part, run) : tryBlock(part, run, 'its words name the part');
      if (!fits(g)) continue;
      placed.set(p.id, retypedClearly(run) ? { ...g, feedback: `${RETYPED} (${placeOf(run)}): ${g.feedback}` } : g);
      taken.add(p.id);
      break;
    }
  }
  // Then an answer the key's own answer is found in, where no words name another part: a formula
  // the problem set does not state, no other part's key shares, and no placed part read.
  // A submission that names the questions it answers (`Q1 and Q3`, `문제 5`): a formula that fits
  // another question's key is no answer to it, whatever it happens to equal.
  const named = namedQuestions(foldLabelWords(submission.text));
  const used = new Set<Block>();
  const read = new Set([...placed.values()].flatMap((g) => answerForms(g.answer)));
  for (const p of about ? parts : []) {
    const part = keyParts.get(p.id);
    if (p.verdict !== 'missing' || placed.has(p.id) || !part || !formulaAnswers(part) || sharedKeyAnswer(part, assignment)) continue;
    if (named.size && !named.has(p.id.split('.')[0]!)) continue;
    for (const b of paragraphs) {
      if ((b.named && (taken.has(b.named) || b.named.split('.')[0] !== p.id.split('.')[0])) || used.has(b)) continue;
      const g = tryBlock(part, b, 'it holds the part’s answer');
      if (held(g) !== 'correct' || !g.answer) continue;
      const found = squeezed(g.answer);
      if (read.has(found) || (found.length >= 3 && problems.includes(found))) continue;
      read.add(found);
      used.add(b);
      placed.set(p.id, g);
      break;
    }
  }
  if (!placed.size) return parts;
  return parts.map((p) => {
    const g = placed.get(p.id);
    return g ? (g.feedback.startsWith(RETYPED) ? g : settlePlacement(p, g)) : p;
  });
}

/**
 * What a placement makes of a missing part. An answer the key accepts goes to a person: it may be
 * this part's, and the part would otherwise lose its points unseen. One the key does not accept
 * changes nothing (the part scores nothing either way, and a placement is too weak to call an
 * answer wrong): the part stays `missing`, saying what was found where, for a person to look at.
 */
function settlePlacement(missing: PartGrade, placed: PartGrade): PartGrade {
  if (held(placed) === 'correct') return placed;
  const source = placed.source ?? '';
  return {
    ...missing,
    feedback: `${missing.feedback}; ${PLACED}, ${source ? `${source} ` : ''}reads ${placed.answer.slice(0, 80)}, which would be ${held(placed)} if it answers this part`,
    ...(placed.candidates ? { candidates: placed.candidates } : {}),
  };
}
