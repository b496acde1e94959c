import type { KeyPart } from '../model/key.js';
import type { PartGrade } from '../model/grade.js';
import type { Attempt, PartResponse, Submission } from '../model/submission.js';
import type { Assignment } from '../documents/assignment.js';
import { nearestStatements, partByContent } from '../documents/segment.js';

/**
 * A part the reader found no label for, looked for by its content, as a TA does when a page numbers
 * its answers in a way nobody has seen (`### Query 3`, `3-A`, `II.(c)`): the part's key answer
 * among what the model or student wrote that no part was aligned to, and in its question's replies
 * aligned by turn order (under no sibling's label). Nowhere else: a reply under another part's
 * label is that part's, another question's reply is that question's, the person's own turns and
 * remarks are no answer, and what restates the problem set is the question, not its answer. A part found so is `correct` with an alignment that says it was found by content; a
 * wrong candidate proves nothing (it may answer another part), so the part then stays `missing`.
 */

/** One stretch of answer text no response holds: an assistant turn, or a write-up's run of lines. */
export interface Stretch {
  text: string;
  turn?: number;
  line?: number;
}

/** Grades a part against a response, as `gradePart` does (passed in: this module sits beside grade.ts, below it). */
export type GradeResponse = (part: KeyPart, response: PartResponse) => PartGrade;

/** Answer kinds a candidate finder reads as mathematics; options, tables and prose need a label to be told apart. */
export function formulaAnswers(part: KeyPart): boolean {
  return part.answers.length > 0 && part.answers.every((a) => a.spec.type !== 'text' && a.spec.type !== 'choice' && a.spec.type !== 'table');
}

/** The answer text no response was aligned to: unaligned assistant turns of a transcript, unaligned runs of a write-up's lines. */
export function unalignedStretches(submission: Submission): Stretch[] {
  const attempts = submission.responses.flatMap((r) => r.attempts);
  if (submission.messages?.length) {
    const used = new Set(attempts.map((a) => a.turn));
    return submission.messages.flatMap((m, turn) => (m.role === 'assistant' && !used.has(turn) && m.text.trim() ? [{ text: m.text, turn, ...(m.line ? { line: m.line } : {}) }] : []));
  }
  const lines = submission.text.split('\n');
  const covered = new Uint8Array(lines.length + 1);
  for (const a of attempts) {
    if (!a.line) return [];
    // The response's text runs to its last line as written: its first line may be the label's,
    // with the text after it, so the count of its lines alone falls short.
    const own = a.text.split('\n');
    const last = own.findLast((l) => l.trim())?.trim() ?? '';
    let end = Math.min(lines.length, a.line - 1 + own.length);
    for (let j = end; j < Math.min(lines.length, end + 3); j++) if (last && lines[j]!.trim() === last) end = j + 1;
    for (let i = a.line - 1; i < end; i++) covered[i] = 1;
    // The short line right above a response is the label it was found under (`3/a).`), no answer.
    const above = lines[a.line - 2];
    if (above !== undefined && above.trim().length <= 40) covered[a.line - 2] = 1;
  }
  const out: Stretch[] = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !covered[i]) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const text = lines.slice(start, i).join('\n');
      if (text.trim()) out.push({ text, line: start + 1 });
      start = -1;
    }
  }
  return out;
}

/** Where a stretch or an attempt stands: its turn in a transcript, its line in a write-up. */
const position = (a: { turn?: number; line?: number }): number | undefined => a.turn ?? a.line;

/**
 * Whether an unaligned stretch may answer a question: when the question has no aligned reply, any
 * may; else only one with no other question's reply between it and one of the question's (an
 * unlabelled turn amid a question's turns is that question's, one amid another's is the other's).
 */
function ofQuestion(s: Stretch, question: string, submission: Submission): boolean {
  const at = position(s);
  const own: number[] = [];
  const others: number[] = [];
  for (const r of submission.responses) {
    for (const a of r.attempts) {
      const p = position(a);
      if (p !== undefined) (r.partId.split('.')[0] === question ? own : others).push(p);
    }
  }
  if (!own.length) return true;
  if (at === undefined) return false;
  return own.some((o) => !others.some((x) => (x > Math.min(o, at) && x < Math.max(o, at)) || x === at));
}

/** Questions a person's turn names by number: `question 3`, `Q3 and Q4`, `#4`, `problem 2, 3`, `4(c)`, `4.c` (never `2c d_out`, a product). */
const NAMED_QUESTIONS =
  /(?:\b(?:questions?|problems?|probs?\.?|exercises?|tasks?|q)|#)[ \t]*(?:no\.?[ \t]*)?(\d+(?:[ \t]*(?:,|and|&|\+|or)[ \t]*(?:q[ \t]*)?\d+)*)\b|\b(\d+)[ \t]*(?:\([a-h]\)|\.[a-h]\b)/gi;

/** The question numbers a text names (see `NAMED_QUESTIONS`). */
export function namedQuestions(text: string): Set<string> {
  const named = new Set<string>();
  for (const m of text.matchAll(NAMED_QUESTIONS)) for (const n of (m[1] ?? m[2] ?? '').match(/\d+/g) ?? []) named.add(String(Number(n)));
  return named;
}

/**
 * Whether the person's turn a reply answers asked a part, as a TA reads a chat: a part the person
 * never asked is no part of the chat, whatever formula a reply happens to contain. A turn whose
 * replies the reader aligned to one part alone asked that part, not its siblings; a turn asks the
 * questions it names by number, or else the one its words are nearest, and the one part its words
 * name when they name one (none when they fit two about equally) (`which α keeps the update within the bound of (c)` asks the
 * step size, not the bound it points back to). A reply no turn precedes answers what its question's
 * found siblings answer (asked only for a question some part of which was placed).
 */
function askedBefore(turn: number, part: string, submission: Submission, assignment: Assignment): boolean {
  const question = part.split('.')[0]!;
  const messages = submission.messages ?? [];
  let asking = turn - 1;
  while (asking >= 0 && messages[asking]!.role !== 'user') asking--;
  if (asking < 0) return true;
  let next = turn + 1;
  while (next < messages.length && messages[next]!.role !== 'user') next++;
  const answeredHere = submission.responses.filter((r) => r.attempts.some((a) => a.turn !== undefined && a.turn > asking && a.turn < next));
  if (answeredHere.length === 1 && !answeredHere[0]!.attempts.some((a) => a.sharedWith?.length)) return false;
  const text = messages[asking]!.text;
  const named = namedQuestions(text);
  if (named.size) return named.has(question);
  const nearest = nearestStatements(text, assignment.outline);
  if (nearest.question !== question) return false;
  // Words that fit two parts about equally leave both to a person, never to a formula that fits one.
  if (nearest.tied.length > 1) return false;
  const one = partByContent(text, assignment.outline, { min: 0.1 });
  return !one || (!one.doubt && (part === one.id || part.startsWith(`${one.id}.`)));
}

/** A formula as compared for restatement: no spaces, dollars, sizing commands or braces. */
export function squeezed(s: string): string {
  return s
    .replace(/\\(?:left|right|,|;|!|quad|qquad)|[\s${}]/g, '')
    .replace(/\\(?:mathrm|text|operatorname|mathbf)/g, '')
    .toLowerCase();
}

/** A found answer as compared with others: whole and its right side (`c = 1/sqrt(d_in)` holds `1/sqrt(d_in)`, which a sibling's key may share under another name). */
export function answerForms(answer: string): string[] {
  return [squeezed(answer), squeezed(answer.split('=').pop()!)];
}

/** Grades a part against a stretch of text as its one attempt, aligned by content; the stretch's place (`turn 3`, `line 12`) is its label. */
export function gradeStretch(grade: GradeResponse, part: KeyPart, s: Stretch, alignmentDoubt?: string): PartGrade {
  const attempt: Attempt = { text: s.text, ...(s.turn !== undefined ? { turn: s.turn } : {}), ...(s.line ? { line: s.line } : {}) };
  const where = placeOf(s);
  return grade(part, { partId: part.id, label: where, first: attempt, final: attempt, attempts: [attempt], alignedBy: 'content', ...(alignmentDoubt ? { alignmentDoubt } : {}) });
}

/** Where a stretch stands, as a person finds it: its turn (counted from 1) or its line. */
export const placeOf = (s: { turn?: number; line?: number }): string => (s.turn !== undefined ? `turn ${s.turn + 1}` : `line ${s.line}`);

/** The problem set's text, squeezed, once per assignment: an answer it contains is the question's, restated. */
const PROBLEM_TEXT = new WeakMap<Assignment, string>();

/** The problem set's text, squeezed (see `squeezed`). */
export function problemText(assignment: Assignment): string {
  let t = PROBLEM_TEXT.get(assignment);
  if (t === undefined) {
    const qs = assignment.problems?.questions ?? [];
    t = squeezed(qs.flatMap((q) => [q.text, ...q.parts.flatMap((p) => [p.text, ...p.parts.map((s) => s.text)])]).join('\n'));
    PROBLEM_TEXT.set(assignment, t);
  }
  return t;
}

/** Parts whose key answer another part's is too, once per assignment: content cannot tell which of the two a formula answers. */
const SHARED_KEY_ANSWERS = new WeakMap<Assignment, Set<string>>();

/** Whether another part's key answer is this part's too. */
export function sharedKeyAnswer(part: KeyPart, assignment: Assignment): boolean {
  let shared = SHARED_KEY_ANSWERS.get(assignment);
  if (!shared) {
    const byAnswer = new Map<string, string[]>();
    for (const p of assignment.key.parts) for (const v of new Set(p.answers.map((a) => squeezed(a.spec.value ?? '')))) byAnswer.set(v, [...(byAnswer.get(v) ?? []), p.id]);
    shared = new Set([...byAnswer.values()].filter((ids) => ids.length > 1).flat());
    SHARED_KEY_ANSWERS.set(assignment, shared);
  }
  return shared.has(part.id);
}

const FOUND_BY_CONTENT = 'found by its content, not under its label';

/**
 * The grades with each `missing` part of a formula answer looked for by content; the same array,
 * untouched, when no part is missing (the common case costs one pass over the grades).
 */
export function findByContent(parts: PartGrade[], submission: Submission, assignment: Assignment, grade: GradeResponse): PartGrade[] {
  if (!parts.some((p) => p.verdict === 'missing')) return parts;
  // Found when a missing part may be looked for (a part of a formula answer in a question the reader placed).
  let stretches: Stretch[] | undefined;
  const problems = problemText(assignment);
  const keyParts = new Map(assignment.key.parts.map((p) => [p.id, p]));
  // Another part's found answer (see `answerForms`): that part's working, not this one's answer.
  // Made when a stretch first grades right: most missing parts find none, and squeezing every
  // found answer was a fifth of this function's time.
  let answered: Set<string> | undefined;
  return parts.map((p) => {
    const part = keyParts.get(p.id);
    if (p.verdict !== 'missing' || !part || !formulaAnswers(part) || sharedKeyAnswer(part, assignment)) return p;
    // The question's replies aligned by turn order, under no label of a sibling: a reply to the
    // whole question may answer this part too (its sibling's own found answer is excluded below).
    const question = p.id.split('.')[0]!;
    // A question none of whose parts the reader placed is left to its reading: a formula that fits is
    // no sign the person asked it or the student answered it (a remark naming it, a mid-line mention,
    // bullets or a list outside any problem's section that the reader declined).
    if (!submission.responses.some((r) => r.partId.split('.')[0] === question)) return p;
    // A reply aligned by order to one part alone answers the turn that asked that part, not its siblings.
    const byOrder = submission.responses
      .filter((r) => r.alignedBy === 'order' && r.partId.split('.')[0] === question && r.final.sharedWith?.length)
      .map((r) => ({ text: r.final.text, ...(r.final.turn !== undefined ? { turn: r.final.turn } : {}), ...(r.final.line ? { line: r.final.line } : {}) }));
    const mayAnswer = (s: Stretch) => ofQuestion(s, question, submission) && (s.turn === undefined || askedBefore(s.turn, p.id, submission, assignment));
    stretches ??= unalignedStretches(submission);
    for (const s of [...stretches.filter(mayAnswer), ...byOrder]) {
      const where = placeOf(s);
      const g = gradeStretch(grade, part, s);
      if (g.verdict !== 'correct' || !g.answer) continue;
      const found = squeezed(g.answer);
      // Another part's found answer, or the problem set's own formula restated: not this part's answer.
      answered ??= new Set(parts.filter((p) => p.verdict !== 'missing' && p.answer).flatMap((p) => answerForms(p.answer)));
      if (answered.has(found) || (found.length >= 3 && problems.includes(found))) continue;
      // Found for this part, it is no other's (a later part with a key answer of the same right side).
      answered.add(found);
      return { ...g, source: `${g.source ?? where} (${FOUND_BY_CONTENT})`, feedback: `${FOUND_BY_CONTENT} (${where}): ${g.feedback}` };
    }
    return p;
  });
}
