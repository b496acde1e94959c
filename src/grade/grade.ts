import type { Key, KeyPart, NamedAnswer } from '../model/key.js';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { CheckResult } from '../model/verdict.js';
import type { PartGrade, PartVerdict, SubmissionGrade } from '../model/grade.js';
import type { PartResponse, Submission } from '../model/submission.js';
import { checkAnswer, type CheckOptions } from '../check/check.js';
import { LIMITS } from '../math/limits.js';
import { symbolsFor } from '../documents/key.js';
import { answerCandidates, formulas, lastSide, pieces, type Candidate } from './final-answer.js';

/** Whether a check result means the candidate was not an answer of the right kind at all (structured codes, never the reason's words). */
function misfit(r: CheckResult, questionSymbols?: ReadonlySet<string>): boolean {
  if (r.verdict === 'unparseable' || r.misfit) return true;
  // An answer about other quantities: the question is about d_in and d_out, the candidate only about W.
  const relevant = questionSymbols ?? new Set(r.symbols?.expected ?? []);
  if (r.symbols && r.symbols.expected.length && !r.symbols.answer.some((s) => relevant.has(s))) return true;
  return false;
}

/** Whether a line restates the question (it asks something) rather than answers it. */
function asks(line: string): boolean {
  return /\?\s*(?:\*\*)?\s*$/.test(line.trim());
}

/**
 * A choice in a long response: the option (right or wrong) the response commits to — named in a
 * conclusion ("Therefore ... explode") when there is one, else named first outside the lines that
 * restate the question ("will the gradients explode or vanish?").
 */
function choiceInResponse(spec: AnswerSpec, text: string, options: CheckOptions): CheckResult {
  const words = [...(spec.options ?? []), ...(spec.wrong ?? [])];
  const lines = text.split('\n');
  const mentions: { word: string; line: string; index: number; conclusion: boolean }[] = [];
  let offset = 0;
  for (const line of lines) {
    if (!asks(line)) {
      const lower = line.toLowerCase();
      for (const w of words) {
        const i = lower.search(new RegExp(`(^|[^a-z])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        if (i >= 0) mentions.push({ word: w, line, index: offset + i, conclusion: /\b(?:therefore|thus|hence|so|answer|conclusion|yes|no)\b|\*\*/i.test(line) });
      }
    }
    offset += line.length + 1;
  }
  mentions.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  const best = mentions.find((m) => m.conclusion) ?? mentions[0];
  const r = checkAnswer(spec, best ? best.word : text, options);
  return { ...r, answer: (best ? best.line : text).trim().slice(0, 160) };
}

interface Graded {
  result: CheckResult;
  candidate?: Candidate;
  /** Credit from the key's `partial` / `conventions` lists, and their words. */
  credit?: number;
  feedback?: string;
  convention?: string;
  /** Other candidates that fit, with their verdicts, for a person to decide between. */
  others?: { text: string; verdict: CheckResult['verdict'] }[];
}

/** An answer the key gives credit for: the answer itself, an accepted form, a partial answer, a convention. */
interface Target {
  spec: AnswerSpec;
  kind: 'answer' | 'accept' | 'partial' | 'convention';
  credit: number;
  feedback?: string;
  label?: string;
  category?: CheckResult['category'];
}

function targetsOf(part: KeyPart, spec: AnswerSpec): Target[] {
  return [
    { spec, kind: 'answer', credit: 1 },
    ...part.accept.map((a) => ({ spec: a, kind: 'accept' as const, credit: 1 })),
    ...part.partial.map((p) => ({ spec: p.spec, kind: 'partial' as const, credit: p.credit, ...(p.feedback ? { feedback: p.feedback } : {}) })),
    ...part.conventions.map((c) => ({ spec: c.spec, kind: 'convention' as const, credit: c.credit, label: c.label, ...(c.category ? { category: c.category } : {}) })),
  ];
}

/** The grade a candidate gets from the target it matched. */
function creditFor(t: Target, r: CheckResult, candidate: Candidate): Graded {
  switch (t.kind) {
    case 'answer':
      return { result: r, candidate };
    case 'accept':
      return { result: { ...r, reason: `accepted by the key: ${r.reason}` }, candidate };
    case 'partial': {
      const { category: _unrelated, ...rest } = r;
      return { result: { ...rest, verdict: 'partial', score: t.credit }, credit: t.credit, ...(t.feedback ? { feedback: t.feedback } : {}), candidate };
    }
    default:
      return {
        result: { ...r, verdict: t.credit > 0 ? 'partial' : 'incorrect', score: t.credit, category: t.category ?? 'convention' },
        credit: t.credit,
        convention: t.label!,
        feedback: t.category ? `this is ${t.label}` : `right under another convention: ${t.label}`,
        candidate,
      };
  }
}

/** `\mathbf{g}_3`, `g_{3}`, `\mathbb{E}[dw]` → `g3`, `g3`, `e`: a name as a response or a key writes it. */
function nameKey(s: string): string {
  return s
    .replace(/\\(?:mathbf|boldsymbol|mathrm|mathbb|operatorname|text|bm)\s*/g, '')
    .replace(/[[(].*$/, '')
    .replace(/[\\{}_\s^*]/g, '')
    .toLowerCase();
}

const NAME_SYNONYMS: Record<string, string[]> = { mean: ['e', 'mean', 'expectation', 'mu'], variance: ['var', 'variance', 'sigma2'] };

/** Whether a candidate states the named answer (`g_3 = ...` for `g3`, `\mathrm{Var}(...) = ...` for `variance`). */
function statesName(candidate: string, name: string): boolean {
  const lhs = /^\s*([^=<>]{1,40}?)\s*(?:=|\\le|\\ge|\\leq|\\geq)/.exec(candidate)?.[1];
  if (!lhs) return false;
  const got = nameKey(lhs);
  const want = nameKey(name);
  return got === want || (NAME_SYNONYMS[want] ?? []).includes(got);
}

/** Symbols the candidate uses that none of the key's answers for it use (a free parameter such as `c`). */
function extraSymbols(r: CheckResult, expected: ReadonlySet<string>): string[] {
  return (r.symbols?.answer ?? []).filter((s) => !expected.has(s));
}

const MAX_CANDIDATES = 80;

/**
 * Picks the answer in a response that fits what the key credits — readable, using only the
 * question's symbols, of the right kind for the answer or one of its accepted, partial or
 * convention forms — most likely place first, and grades that one: a right expression in the
 * middle of a derivation does not rescue a wrong final answer. A general answer in a free
 * parameter (`\frac{1}{|c|}\sqrt{d_out/d_in}`) that the key does not credit is followed by its
 * specialisation when the response gives one (`= \sqrt{d_out}` for `c = 1/\sqrt{d_in}`).
 */
function gradeAgainst(part: KeyPart, spec: AnswerSpec, text: string, options: CheckOptions, questionSymbols: ReadonlySet<string>, name?: string, preferCorrect = false): Graded {
  if (spec.type === 'choice') return { result: choiceInResponse(spec, text, options) };
  if (spec.type === 'table' || spec.type === 'text') return { result: checkAnswer(spec, text, options) };
  const targets = targetsOf(part, spec);
  let candidates = answerCandidates(text).slice(0, MAX_CANDIDATES);
  if (name) {
    // A named answer (`g3`): the candidates that state it by name come first.
    const wanted = name;
    const named = candidates.filter((c) => statesName(c.text, wanted));
    // A candidate that states another of the part's answers (`g_3 = ...` when looking for g4) is never this one.
    const siblings = part.answers.map((a) => a.name).filter((n): n is string => !!n && n !== wanted);
    const rest = candidates.filter((c) => !named.includes(c) && !siblings.some((n) => statesName(c.text, n)));
    candidates = [...named, ...rest];
    if (!named.length && preferCorrect) name = undefined;
  }
  let defs: Map<string, string> | undefined;
  let firstTried: Graded | undefined;
  let firstFit: Graded | undefined;
  let general: Graded | undefined;
  const others: Graded['others'] = [];
  const expectedSymbols = new Set<string>();
  for (const c of candidates) {
    defs ??= definitions(text);
    const variants = [...new Set([c.text, lastSide(c.text), ...substituted(c.text, defs)])];
    for (const v of variants) {
      const candidate = { ...c, text: v };
      let fit: Graded | undefined;
      for (const t of targets) {
        const r = checkAnswer(t.spec, v, options);
        r.symbols?.expected.forEach((x) => expectedSymbols.add(x));
        firstTried ??= { result: r, candidate };
        if (misfit(r, questionSymbols)) continue;
        if (r.verdict === 'correct') {
          fit = creditFor(t, r, candidate);
          break;
        }
        fit ??= t.kind === 'answer' || t.kind === 'accept' ? { result: r, candidate } : undefined;
      }
      if (!fit) continue;
      const correct = fit.result.verdict === 'correct' || (fit.credit ?? 0) > 0;
      if (general && !extraSymbols(fit.result, expectedSymbols).length) return { ...fit, others: [{ text: general.candidate!.text, verdict: general.result.verdict }] };
      if (general) continue;
      if (preferCorrect && !name && !correct) {
        firstFit ??= fit;
        others.push({ text: v, verdict: fit.result.verdict });
        continue;
      }
      if (!correct && extraSymbols(fit.result, expectedSymbols).length) {
        // A general form in a parameter the key does not have: look on for its specialisation.
        general = fit;
        continue;
      }
      return { ...fit, ...(others.length ? { others } : {}) };
    }
  }
  if (general) return general;
  if (firstFit) return { ...firstFit, others };
  if (!firstTried) return { result: checkAnswer(spec, text, options) };
  // Nothing in the response is an answer of the expected kind: say so, with the closest.
  const { result, candidate } = firstTried;
  return {
    result: {
      ...result,
      verdict: result.verdict === 'unparseable' && candidates.length === 1 ? 'unparseable' : 'incorrect',
      score: 0,
      category: 'incomplete',
      reason: `no answer of the expected kind (${result.type}) was found in the response; the closest, ${candidate!.text.slice(0, 80)}: ${result.reason}`,
    },
    ...(candidate ? { candidate } : {}),
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

function gradeAnswer(part: KeyPart, answer: NamedAnswer, text: string, options: CheckOptions, questionSymbols: ReadonlySet<string>): Graded {
  // A part with several named answers: each is looked for among the response's formulas, by name first.
  return gradeAgainst(part, answer.spec, text, options, questionSymbols, answer.name, part.answers.length > 1);
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
  const graded = part.answers.map((a) => gradeAnswer(part, a, text, options, questionSymbols));
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
