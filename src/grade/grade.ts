import type { Key, KeyPart } from '../model/key.js';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { CheckResult } from '../model/verdict.js';
import type { PartGrade, PartVerdict, SubmissionGrade } from '../model/grade.js';
import type { PartResponse, Submission } from '../model/submission.js';
import { checkAnswer, type CheckOptions } from '../check/check.js';
import { LIMITS } from '../check/limits.js';
import { symbolsFor } from '../documents/key.js';
import { answerCandidates, formulas, lastSide, pieces, type Candidate } from './final-answer.js';

/** Whether a check result means the candidate was not an answer of the right kind at all. */
function misfit(r: CheckResult, questionSymbols?: ReadonlySet<string>): boolean {
  if (r.verdict === 'unparseable') return true;
  if (/does not define/.test(r.reason)) return true;
  if (r.category === 'format' && /was expected; the answer is|a formula for every/.test(r.reason)) return true;
  // An answer about other quantities: the question is about d_in and d_out, the candidate only about W.
  const relevant = questionSymbols ?? new Set(r.symbols?.expected ?? []);
  if (r.symbols && r.symbols.expected.length && !r.symbols.answer.some((s) => relevant.has(s))) return true;
  return false;
}

/** A choice in a long response: whichever option, right or wrong, the response names first. */
function choiceInResponse(spec: AnswerSpec, text: string, options: CheckOptions): CheckResult {
  const words = [...(spec.options ?? []), ...(spec.wrong ?? [])];
  const lower = text.toLowerCase();
  let best = -1;
  let bestWord = '';
  for (const w of words) {
    const i = lower.search(new RegExp(`(^|[^a-z])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (i >= 0 && (best < 0 || i < best)) {
      best = i;
      bestWord = w;
    }
  }
  const sentence = best >= 0 ? text.slice(Math.max(0, text.lastIndexOf('\n', best) + 1), text.indexOf('\n', best) < 0 ? undefined : text.indexOf('\n', best)) : text;
  const r = checkAnswer(spec, best >= 0 ? bestWord : text, options);
  return { ...r, answer: sentence.trim().slice(0, 160) };
}

interface Graded {
  result: CheckResult;
  candidate?: Candidate;
  /** Credit from the key's `partial` / `conventions` lists, and their words. */
  credit?: number;
  feedback?: string;
  convention?: string;
}

/**
 * Picks the answer in a response that fits the expected answer — readable, using only the
 * question's symbols, of the right kind — most likely place first; checks only that one, so a
 * right expression in the middle of a derivation does not rescue a wrong final answer.
 */
function gradeAgainst(spec: AnswerSpec, text: string, options: CheckOptions, preferCorrect = false, questionSymbols?: ReadonlySet<string>): { result: CheckResult; candidate?: Candidate } {
  if (spec.type === 'choice') return { result: choiceInResponse(spec, text, options) };
  if (spec.type === 'table' || spec.type === 'text') return { result: checkAnswer(spec, text, options) };
  const candidates = answerCandidates(text);
  const defs = definitions(text);
  let firstTried: { result: CheckResult; candidate: Candidate } | undefined;
  let firstFit: { result: CheckResult; candidate: Candidate } | undefined;
  for (const c of candidates) {
    const variants = [...new Set([c.text, lastSide(c.text), ...substituted(c.text, defs)])];
    for (const v of variants) {
      const result = checkAnswer(spec, v, options);
      firstTried ??= { result, candidate: c };
      if (misfit(result, questionSymbols)) continue;
      if (!preferCorrect || result.verdict === 'correct') return { result, candidate: { ...c, text: v } };
      firstFit ??= { result, candidate: { ...c, text: v } };
    }
  }
  if (firstFit) return firstFit;
  if (!firstTried) return { result: checkAnswer(spec, text, options) };
  // Nothing in the response is an answer of the expected kind: say so, with the closest.
  const { result, candidate } = firstTried;
  return {
    result: {
      ...result,
      verdict: result.verdict === 'unparseable' && candidates.length === 1 ? 'unparseable' : 'incorrect',
      score: 0,
      category: 'incomplete',
      reason: `no answer of the expected kind (${result.type}) was found in the response; the closest, ${candidate.text.slice(0, 80)}: ${result.reason}`,
    },
    candidate,
  };
}

/** `W_{out} = \lfloor ... \rfloor + 1`: names a response defines for itself, with their definitions (first one wins). */
function definitions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of formulas(text)) {
    for (const piece of [f.text, ...pieces(f.text)]) {
      const m = /^\s*([A-Za-z](?:_\{[^{}]+\}|_[A-Za-z0-9]+)?)\s*=\s*([\s\S]+)$/.exec(piece);
      if (!m || out.has(m[1]!)) continue;
      const value = lastSide(m[2]!).replace(/\s*\([^()]*=[^()]*\)\s*\.?\s*$/, '').trim();
      if (value) out.set(m[1]!, value);
    }
  }
  return out;
}

const NAME = /[A-Za-z](?:_\{[^{}]+\}|_[A-Za-z0-9]+)?(?![A-Za-z0-9_{])/g;

/**
 * A candidate with the response's own definitions put in (`W_{out} \times H_{out} \times F`).
 * Only names the candidate uses are looked up, so the cost is the candidate's length, not the
 * number of definitions in the response.
 */
function substituted(candidate: string, defs: Map<string, string>): string[] {
  if (!defs.size) return [];
  const own = /^\s*(\S+)\s*=/.exec(candidate)?.[1];
  let changed = false;
  const text = candidate.replace(NAME, (name, offset: number) => {
    const value = defs.get(name);
    // `\frac`: a command's letters are not names; a candidate's own left side stays.
    if (value === undefined || candidate[offset - 1] === '\\' || /[A-Za-z]/.test(candidate[offset - 1] ?? '') || (name === own && offset === candidate.indexOf(name))) return name;
    changed = true;
    return `\\left(${value}\\right)`;
  });
  return changed ? [text] : [];
}

function gradeAnswer(part: KeyPart, spec: AnswerSpec, text: string, options: CheckOptions, questionSymbols: ReadonlySet<string>): Graded {
  // A part with several named answers: each is looked for among the response's formulas.
  const main = gradeAgainst(spec, text, options, part.answers.length > 1, questionSymbols);
  if (main.result.verdict === 'correct') return main;
  const answerText = main.candidate?.text ?? text;
  for (const a of part.accept) {
    const r = checkAnswer(a, answerText, options);
    if (r.verdict === 'correct') return { result: { ...r, reason: `accepted by the key: ${r.reason}` }, ...(main.candidate ? { candidate: main.candidate } : {}) };
  }
  for (const p of part.partial) {
    const r = checkAnswer(p.spec, answerText, options);
    if (r.verdict === 'correct') {
      const { category: _unrelated, ...rest } = main.result;
      return { result: { ...rest, verdict: 'partial', score: p.credit }, credit: p.credit, ...(p.feedback ? { feedback: p.feedback } : {}), ...(main.candidate ? { candidate: main.candidate } : {}) };
    }
  }
  for (const c of part.conventions) {
    const r = checkAnswer(c.spec, answerText, options);
    if (r.verdict === 'correct') {
      return {
        result: { ...main.result, verdict: c.credit > 0 ? 'partial' : 'incorrect', score: c.credit, category: c.category ?? 'convention' },
        credit: c.credit,
        convention: c.label,
        feedback: c.category ? `this is ${c.label}` : `right under another convention: ${c.label}`,
        ...(main.candidate ? { candidate: main.candidate } : {}),
      };
    }
  }
  return main;
}

const QUESTION_SYMBOLS = new WeakMap<Key, Map<string, Set<string>>>();

/** The symbols the key's answers to one question use: what an answer to that question is about. */
function questionSymbols(key: Key, question: string): Set<string> {
  let byQuestion = QUESTION_SYMBOLS.get(key);
  if (!byQuestion) QUESTION_SYMBOLS.set(key, (byQuestion = new Map()));
  let set = byQuestion.get(question);
  if (!set) {
    set = new Set();
    for (const p of key.parts.filter((x) => x.id.split('.')[0] === question)) {
      for (const a of p.answers) {
        if (a.spec.value === undefined || a.spec.type === 'text' || a.spec.type === 'choice' || a.spec.type === 'table') continue;
        checkAnswer(a.spec, a.spec.value, { symbols: symbolsFor(key, p) }).symbols?.expected.forEach((s) => set!.add(s));
      }
    }
    byQuestion.set(question, set);
  }
  return set;
}

/** Grades one attempt of a part against every answer the key gives for it. */
function gradeAttempt(part: KeyPart, text: string, options: CheckOptions, questionSymbols: ReadonlySet<string>): { verdict: PartVerdict; score: number; graded: Graded[] } {
  const graded = part.answers.map((a) => gradeAnswer(part, a.spec, text, options, questionSymbols));
  if (!graded.length) return { verdict: 'needs-review', score: 0, graded };
  const score = graded.reduce((s, g) => s + (g.credit ?? g.result.score), 0) / graded.length;
  const verdicts = graded.map((g) => g.result.verdict);
  let verdict: PartVerdict;
  if (verdicts.length === 1) verdict = verdicts[0]!;
  else if (verdicts.every((v) => v === 'correct')) verdict = 'correct';
  else if (verdicts.some((v) => v === 'needs-review' || v === 'undecided') && !verdicts.some((v) => v === 'correct')) verdict = verdicts.includes('needs-review') ? 'needs-review' : 'undecided';
  else verdict = score > 0 ? 'partial' : 'incorrect';
  return { verdict, score, graded };
}

function describe(part: KeyPart, g: Graded[]): { answer: string; expected: string; feedback: string; category?: PartGrade['category']; check?: string; source?: string } {
  const named = (i: number, s: string) => (part.answers.length > 1 && part.answers[i]!.name ? `${part.answers[i]!.name}: ${s}` : s);
  const answer = g.map((x, i) => named(i, x.result.answer || x.candidate?.text || '')).join('; ');
  const expected = g.map((x, i) => named(i, x.result.expected)).join('; ');
  const wrong = g.filter((x) => x.result.verdict !== 'correct');
  const feedback = !wrong.length
    ? g.map((x) => x.result.reason).join('; ')
    : [
        ...wrong.map((x) => x.feedback ?? x.result.reason),
        ...(part.feedback && wrong.some((x) => !x.feedback) ? [part.feedback] : []),
      ].join('; ');
  const category = wrong.find((x) => x.result.category)?.result.category;
  return {
    answer,
    expected,
    feedback,
    ...(category ? { category } : {}),
    ...(g[0]?.result.check ? { check: g[0].result.check } : {}),
    ...(g[0]?.candidate ? { source: g[0].candidate.how } : {}),
  };
}

/**
 * Grades a part: its final answer (and the first, when the submission answered more than
 * once) against the key: answer(s), then `accept`, `partial` and `conventions`.
 */
export function gradePart(part: KeyPart, response: PartResponse | undefined, key: Key): PartGrade {
  const options: CheckOptions = { symbols: symbolsFor(key, part) };
  const base = { id: part.id, maxPoints: part.points, graded: part.graded };
  const expectedText = part.answers.map((a) => (a.name ? `${a.name}: ` : '') + (a.spec.value ?? a.spec.options?.join(' | ') ?? `(${a.spec.type ?? 'answer'})`)).join('; ');
  if (!response) {
    return { ...base, verdict: 'missing', score: 0, points: 0, answer: '', expected: expectedText, feedback: 'no answer found for this part' };
  }
  const longest = response.attempts.reduce((n, a) => Math.max(n, a.text.length), 0);
  if (longest > LIMITS.responseChars) {
    // Beyond the size extraction scans: say so, rather than read it for minutes or call it wrong.
    return { ...base, verdict: 'unparseable', score: 0, points: 0, answer: '', expected: expectedText, feedback: `the response to this part is ${longest.toLocaleString('en-US')} characters long; the limit is ${LIMITS.responseChars.toLocaleString('en-US')}`, source: response.label, confidence: { reading: 0, alignment: 1, extraction: 0, check: 0, overall: 0 } };
  }
  if (!part.answers.length) {
    return { ...base, verdict: 'needs-review', score: 0, points: 0, answer: response.final.text.slice(0, 200), expected: part.compute ? `compute: ${part.compute}` : '', feedback: 'the key gives no answer to check against', source: response.label };
  }
  const qs = questionSymbols(key, part.id.split('.')[0]!);
  const final = gradeAttempt(part, response.final.text, options, qs);
  const d = describe(part, final.graded);
  const grade: PartGrade = {
    ...base,
    verdict: final.verdict,
    score: final.score,
    points: Math.round(final.score * part.points * 1000) / 1000,
    ...d,
    source: [response.label, d.source].filter(Boolean).join(', '),
  };
  if (response.attempts.length > 1 && response.first !== response.final) {
    const first = gradeAttempt(part, response.first.text, options, qs);
    if (first.verdict !== final.verdict || describe(part, first.graded).answer !== d.answer) {
      grade.first = { verdict: first.verdict, answer: describe(part, first.graded).answer };
    }
  }
  return grade;
}

/** Grades every part of the key for one submission; totals count graded parts only. */
export function gradeSubmission(key: Key, submission: Submission): SubmissionGrade {
  const byId = new Map(submission.responses.map((r) => [r.partId, r]));
  const parts = key.parts.map((p) => gradePart(p, byId.get(p.id), key));
  const counted = parts.filter((p) => p.graded);
  return {
    submission: submission.id,
    format: submission.format,
    parts,
    total: Math.round(counted.reduce((s, p) => s + p.points, 0) * 1000) / 1000,
    max: counted.reduce((s, p) => s + p.maxPoints, 0),
    ...(submission.warnings.length ? { warnings: submission.warnings } : {}),
  };
}
