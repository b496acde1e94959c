import type { KeyPart } from '../model/key.js';
import type { PartGrade } from '../model/grade.js';
import type { Attempt, PartResponse, Submission } from '../model/submission.js';
import type { Assignment } from '../documents/assignment.js';

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
interface Stretch {
  text: string;
  turn?: number;
  line?: number;
}

/** Grades a part against a response, as `gradePart` does (passed in: this module sits beside grade.ts, below it). */
export type GradeResponse = (part: KeyPart, response: PartResponse) => PartGrade;

/** Answer kinds a candidate finder reads as mathematics; options, tables and prose need a label to be told apart. */
function formulaAnswers(part: KeyPart): boolean {
  return part.answers.length > 0 && part.answers.every((a) => a.spec.type !== 'text' && a.spec.type !== 'choice' && a.spec.type !== 'table');
}

/** The answer text no response was aligned to: unaligned assistant turns of a transcript, unaligned runs of a write-up's lines. */
function unalignedStretches(submission: Submission): Stretch[] {
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

/** A formula as compared for restatement: no spaces, dollars, sizing commands or braces. */
function squeezed(s: string): string {
  return s
    .replace(/\\(?:left|right|,|;|!|quad|qquad)|[\s${}]/g, '')
    .replace(/\\(?:mathrm|text|operatorname|mathbf)/g, '')
    .toLowerCase();
}

/** The problem set's text, squeezed, once per assignment: an answer it contains is the question's, restated. */
const PROBLEM_TEXT = new WeakMap<Assignment, string>();

function problemText(assignment: Assignment): string {
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

function sharedKeyAnswer(part: KeyPart, assignment: Assignment): boolean {
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
  const stretches = unalignedStretches(submission);
  const problems = problemText(assignment);
  const keyParts = new Map(assignment.key.parts.map((p) => [p.id, p]));
  const answered = new Set(parts.filter((p) => p.verdict !== 'missing' && p.answer).map((p) => squeezed(p.answer)));
  return parts.map((p) => {
    const part = keyParts.get(p.id);
    if (p.verdict !== 'missing' || !part || !formulaAnswers(part) || sharedKeyAnswer(part, assignment)) return p;
    // The question's replies aligned by turn order, under no label of a sibling: a reply to the
    // whole question may answer this part too (its sibling's own found answer is excluded below).
    const question = p.id.split('.')[0]!;
    const byOrder = submission.responses
      .filter((r) => r.alignedBy === 'order' && r.partId.split('.')[0] === question)
      .map((r) => ({ text: r.final.text, ...(r.final.turn !== undefined ? { turn: r.final.turn } : {}), ...(r.final.line ? { line: r.final.line } : {}) }));
    for (const s of [...stretches.filter((s) => ofQuestion(s, question, submission)), ...byOrder]) {
      const attempt: Attempt = { text: s.text, ...(s.turn !== undefined ? { turn: s.turn } : {}), ...(s.line ? { line: s.line } : {}) };
      const where = s.turn !== undefined ? `turn ${s.turn + 1}` : `line ${s.line}`;
      const g = grade(part, { partId: part.id, label: where, first: attempt, final: attempt, attempts: [attempt], alignedBy: 'content' });
      if (g.verdict !== 'correct' || !g.answer) continue;
      const found = squeezed(g.answer);
      // Another part's found answer, or the problem set's own formula restated: not this part's answer.
      if (answered.has(found) || (found.length >= 3 && problems.includes(found))) continue;
      // Found for this part, it is no other's (a later part with a key answer of the same right side).
      answered.add(found);
      return { ...g, source: `${g.source ?? where} (${FOUND_BY_CONTENT})`, feedback: `${FOUND_BY_CONTENT} (${where}): ${g.feedback}` };
    }
    return p;
  });
}
