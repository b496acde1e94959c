import type { KeyPart } from '../model/key.js';
import type { AnswerCandidate, PartGrade } from '../model/grade.js';
import type { PartResponse } from '../model/submission.js';
import { checkAnswer } from '../check/check.js';
import { lastSide } from '../check/extract.js';
import { checkSymbolsFor, type Assignment } from '../documents/assignment.js';
import { foundIn, isExtracted } from '../check/find-answer.js';
import { REVIEW_BELOW } from './confidence.js';

/** Parts one final formula answers: a single answer the checker decides (not a choice, table or rubric). */
function checkable(part: KeyPart | undefined): part is KeyPart {
  const t = part?.answers.length === 1 ? part.answers[0]!.spec.type : 'text';
  return t !== 'text' && t !== 'choice' && t !== 'table';
}

/** Whether an answer is what the key credits for a part (its answer or an accepted form). */
function rightFor(assignment: Assignment, part: KeyPart, answer: string): boolean {
  const options = { symbols: checkSymbolsFor(assignment, part) };
  return [part.answers[0]!.spec, ...part.accept].some((spec) => checkAnswer(spec, answer, options).verdict === 'correct');
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The answers in a shared block a part could take, with their verdicts for it: the one graded
 * first, then those with another verdict, so a person sees what is to decide between.
 */
function blockCandidates(assignment: Assignment, part: KeyPart, text: string, taken: AnswerCandidate): AnswerCandidate[] {
  const options = { symbols: checkSymbolsFor(assignment, part) };
  const seen = new Set([squash(taken.answer)]);
  const found: AnswerCandidate[] = [];
  for (const c of foundIn(text).slice(0, 40)) {
    // A last line of prose is no answer of its own beside the block's formulas.
    if (c.how === 'line') continue;
    const v = lastSide(c.text);
    if (seen.has(squash(v))) continue;
    seen.add(squash(v));
    const r = checkAnswer(part.answers[0]!.spec, v, isExtracted(c) ? { ...options, extracted: true } : options);
    if (r.verdict === 'unparseable' || r.misfit) continue;
    if (r.answer && r.answer !== v && seen.has(squash(r.answer))) continue;
    if (r.answer) seen.add(squash(r.answer));
    found.push({ answer: v, verdict: r.verdict, how: c.how });
  }
  const other = found.filter((c) => c.verdict !== taken.verdict);
  return [taken, ...other, ...found.filter((c) => !other.includes(c))].slice(0, 6);
}

/**
 * A block of text that answers several parts at once (`(a) and (b): ...`) gives each of them
 * the same candidates; which one answers which part is a reading. When the answer taken for a
 * part is the other part's (right for it by the key), or the same answer was taken for both
 * though their keys differ, the verdict is a guess: the part goes to `needs-review` with the
 * block's candidates listed. A wrong answer that is no other part's stays a decided verdict.
 */
export function reviewSharedReplies(assignment: Assignment, responses: ReadonlyMap<string, PartResponse>, grades: PartGrade[]): PartGrade[] {
  const parts = new Map(assignment.key.parts.map((p) => [p.id, p]));
  const byId = new Map(grades.map((g) => [g.id, g]));
  return grades.map((g) => {
    const part = parts.get(g.id);
    const response = responses.get(g.id);
    const shared = response?.final.sharedWith;
    if (!response || !shared?.length || !checkable(part) || (g.verdict !== 'incorrect' && g.verdict !== 'partial') || !g.answer) return g;
    let why: string | undefined;
    for (const id of shared) {
      const other = parts.get(id);
      const og = byId.get(id);
      if (!checkable(other) || !og) continue;
      if (rightFor(assignment, other, g.answer)) why = `is ${id}'s answer by the key`;
      // One answer taken for both, right for neither: at most one of them is its part's.
      else if (og.verdict !== 'correct' && squash(og.answer) === squash(g.answer) && squash(og.expected) !== squash(g.expected)) why = `was taken for ${id} too, whose answer differs`;
      if (why) break;
    }
    if (!why) return g;
    const confidence = g.confidence && {
      ...g.confidence,
      extraction: Math.min(g.confidence.extraction, REVIEW_BELOW - 0.1),
      overall: Math.min(g.confidence.overall, REVIEW_BELOW - 0.1),
    };
    const held: AnswerCandidate = { answer: g.answer, verdict: g.verdict };
    return {
      ...g,
      verdict: 'needs-review',
      score: 0,
      points: 0,
      feedback: `one block answers ${[g.id, ...shared].join(' and ')}, and the answer taken for this part, ${g.answer.slice(0, 80)}, ${why}: which of the block's answers is this part's is a person's call (${g.verdict} if it is this one); ${g.feedback}`,
      ...(confidence ? { confidence } : {}),
      candidates: blockCandidates(assignment, part, response.final.text, held),
      review: 'shared-reply' as const,
    };
  });
}

const STOP = new Set('the and for with from into this that these those its does how many much what which one each has have given use using are was were will can per'.split(' '));

/** The words of a text a reader matches an answer to a question by (plural `s` dropped, math left out). */
export function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)/g, ' ')
      .replace(/[^a-z]+/g, ' ')
      .split(' ')
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/s$/, '')),
  );
}

/** Where a clause ends: a full stop, semicolon, comma or line break, or a word that joins two statements. */
const CLAUSE_END = /[.!?;,\n]|\b(?:and|so|while|but|whereas|then)\b/gi;

/** The words of the clause around an offset (to the nearest clause end either side), math left out. */
function clauseWords(text: string, at: number, length: number): Set<string> {
  // Math blanked to the same length, so offsets hold and a comma inside a formula cuts no clause.
  const prose = text.replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)/g, (m) => ' '.repeat(m.length));
  let start = 0;
  for (const m of prose.slice(0, at).matchAll(CLAUSE_END)) start = m.index! + m[0].length;
  const rest = prose.slice(at + length);
  const cut = rest.search(CLAUSE_END);
  return contentWords(prose.slice(start, cut < 0 ? undefined : at + length + cut));
}

/** What a part's reading of a shared block knows: its own question's words and the other parts'. */
export interface SharedBlock {
  own: ReadonlySet<string>;
  others: ReadonlySet<string>[];
}

const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((w) => b.has(w)).length;

/**
 * Whether a candidate in a block several parts share is, by the words beside it, another part's
 * answer (`$32$ multiplications` when this part asks for parameters): a TA reads it for that part.
 */
export function answersAnother(block: SharedBlock, text: string, at: number | undefined, candidate: string): boolean {
  if (at === undefined) return false;
  const words = clauseWords(text, at, candidate.length);
  const own = overlap(words, block.own);
  return block.others.some((o) => overlap(words, o) > own);
}
