import type { Key, KeyPart, NamedAnswer } from '../model/key.js';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { CheckResult } from '../model/verdict.js';
import type { AnswerCandidate, PartGrade, PartVerdict, ReviewReason, SubmissionGrade } from '../model/grade.js';
import { confidenceOf, settle, type AnswerEvidence } from './confidence.js';
import type { Attempt, PartResponse, Submission } from '../model/submission.js';
import { checkAnswer, type CheckOptions } from '../check/check.js';
import { inflectedMention, withBracketedWordings } from '../check/types/choice.js';
import { optionWordsInEnglish } from '../check/option-words.js';
import { preparedFor } from '../check/prepare-expected.js';
import type { SymbolTable } from '../model/symbols.js';
import { joinedNames, spellJoinedNames, type JoinedName } from '../math/latex/joined-names.js';
import { LIMITS } from '../math/limits.js';
import { symbolsFor } from '../documents/key.js';
import { assignmentOf, checkSymbolsFor, isAssignment, type Assignment } from '../documents/assignment.js';
import type { Part as ProblemPart, ProblemSet } from '../model/problem-set.js';
import { referredPart } from '../documents/part-references.js';
import { CONCLUDING_LINE, plainMath, plainFormulas, chainEquations, formulas, lastSide, pieces, sides, splitTopLevel, type Candidate } from '../check/extract.js';
import { tableAnswer, unnamedRowsReason } from './table-answer.js';
import { isNumberOnly, isWorkedExample, keySymbolNames, withoutWorkedValue } from './worked-example.js';
import { hedgesBetween } from './hedge.js';
import { declinedAt, notAnsweredHere } from './refusal.js';
import { asEntries, entryFormOf } from './entry-form.js';
import { retracts } from '../check/retraction.js';
import { branchValues, isBranchOf } from '../check/piecewise-answer.js';
import { candidatesFor, foundIn, isExtracted, labelledStatement, leftSide, nameKey, statesName } from '../check/find-answer.js';
import { answersAnother, contentWords, reviewSharedReplies, type SharedBlock } from './shared-reply.js';
import { keySynonyms, type KeySynonym } from './key-synonyms.js';
import { withSynonymsFirst } from './lazy-readings.js';
import { firstOccurrences } from '../check/first-occurrences.js';
import { familyRenamesIn, namedByDefinition, renamed, renamesIn, restates, statementsIn, type Statement } from './question-statements.js';
import { withoutStandingRemarks } from './standing-answer.js';
import { floorsOptional, withoutFloors } from './key-leniency.js';
import { findByContent } from './content-fallback.js';
import { placeByContent } from './content-placement.js';
import { boundOfAsked, keyWritesInItself, writtenInAsked } from './asked-quantity.js';
import { asKeyBounds } from './bound-credit.js';
import { shortens } from './recap.js';
import { answersPiece, pieceAsked } from './piece-asked.js';
import { usesAnothersSymbols } from './answer-roles.js';

/** A sign that makes a formula a statement of some quantity (`w_new = …`, `w ← …`). */
const STATEMENT_SIGN = /[=←]/;

/** Whether a check result means the candidate was not an answer of the right kind at all (structured codes, never the reason's words). */
function misfit(r: CheckResult, questionSymbols?: ReadonlySet<string>): boolean {
  if (r.verdict === 'unparseable' || r.misfit) return true;
  // An answer about other quantities: the question is about d_in and d_out, the candidate only about W.
  const relevant = questionSymbols ?? new Set(r.symbols?.expected ?? []);
  if (r.symbols?.expected.length && !r.symbols.answer.some((s) => relevant.has(s))) return true;
  return false;
}

/**
 * An empty option mark of a printed multiple-choice question (○ [h, d, q] ○ [d, q]), as forms and
 * exports draw it; not ◦, which PDF exports use as a nested list's bullet.
 */
const OPTION_MARK = /[○◯☐□⬜]/g;
/** The question, then its first option: "What is D? ○ ..."; or a line of options that begins with one. */
const OPTIONS_LAID_OUT = /\?\s*[○◯☐□⬜]|^\s*[○◯☐□⬜]/;

/**
 * Whether a line restates the question (it asks something, or lays out its options behind empty
 * marks: "What is A? ○ [h, d, q] ○ [d, q] ○ [h, q]", an export's line broken between options) rather than answers it.
 */
function asks(line: string): boolean {
  return /\?\s*(?:\*\*)?\s*$/.test(line.trim()) || OPTIONS_LAID_OUT.test(line) || (line.match(OPTION_MARK)?.length ?? 0) >= 2;
}

/** `w_{1}= <\text{sos}>,w_{2}= I`: a line's words as a sequence reads them, `\text{}` opened, the items' names (`w_{1} =`) left out, one space after each comma. */
function sequenceWords(line: string): string {
  return line
    .replace(/\\(?:text|mathrm|textit|texttt)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\b[A-Za-z]_\{?\d{1,2}\}?\s*=\s*/g, '')
    .replace(/\s*,\s*/g, ', ');
}

/**
 * A choice in a long response: the option (right or wrong) the response commits to — named in a
 * conclusion ("Therefore ... explode") when there is one, else named first outside the lines that
 * restate the question ("will the gradients explode or vanish?").
 */
function choiceInResponse(spec: AnswerSpec, text: string, options: CheckOptions): CheckResult {
  const words = [...(spec.options ?? []), ...(spec.wrong ?? [])];
  // Options that are sequences (`<sos>, I, see, a, dog`) are looked for in the words of the math too.
  const sequences = words.some((w) => w.includes(','));
  const lines = text.split('\n');
  // Each option's pattern, made once for all lines. A lettered option (`B`) is a word of its own,
  // never the first letter of "answer"; a word may be inflected ("explodes").
  const patterns = (sequences ? words.map(sequenceWords) : words).map((w) => ({
    w,
    spelled: new RegExp(`(^|[^a-z])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${w.trim().length <= 2 ? '(?![a-z0-9])' : ''}`),
  }));
  const mentions: { word: string; line: string; index: number; conclusion: boolean }[] = [];
  collectMentions(false);
  // A reply in another language names an option in its words (`il croît linéairement`, `線形に増加`): read
  // in English, only when no option is named as written (the option's position in a line is then its end's).
  if (!mentions.length) collectMentions(true);
  function collectMentions(inEnglish: boolean) {
    let offset = 0;
    for (const line of lines) {
      const english = inEnglish && !asks(line) ? optionWordsInEnglish(line.toLowerCase()) : undefined;
      if (!asks(line) && (!inEnglish || english)) {
        // (`time (shift) invariance` read as each of its wordings too.)
        const read = withBracketedWordings(english ?? line);
        const lower = (sequences ? sequenceWords(read) : read).toLowerCase();
        for (const { w, spelled: pattern } of patterns) {
          const spelled = lower.search(pattern);
          // (A mention in an added wording, past the line's own text, stands at the line's end.)
          const i = Math.min(spelled >= 0 ? spelled : inflectedMention(read, w), line.length);
          // A boxed option is the one committed to, as a concluding line's.
          if (i >= 0) mentions.push({ word: w, line, index: offset + i, conclusion: CONCLUDING_LINE.test(line) || (sequences && line.includes('\\boxed')) });
        }
      }
      offset += line.length + 1;
    }
  }
  mentions.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  const best = mentions.find((m) => m.conclusion) ?? mentions[0];
  // With no option named, the question's own lines (its options listed) are still no answer.
  const said = best ? best.word : lines.filter((l) => !asks(l)).join('\n');
  const r = checkAnswer(spec, said, options);
  return { ...r, answer: (best ? best.line : said || text).trim().slice(0, 160) };
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
  /** Nothing in the text was an answer of the expected kind (the result describes the closest). */
  unanswered?: boolean;
  /** The response states another final answer of the expected kind with another verdict (listed in `others`). */
  conflict?: boolean;
}

/** An answer the key gives credit for: the answer itself, an accepted form, a partial answer, a convention. */
interface Target {
  spec: AnswerSpec;
  kind: 'answer' | 'accept' | 'partial' | 'convention';
  credit: number;
  feedback?: string;
  label?: string;
  category?: CheckResult['category'];
  /** The key's own answer as shown to a person: what a verdict reached through any target expected. */
  keyExpected: string;
}

const WRITTEN_OUT = new WeakMap<AnswerSpec, AnswerSpec[]>();

/**
 * The key's answer with a quantity another answer of the part defines written out (the update
 * `w_{h,l} - \eta\, dw_{h,l}`, where the gradient answer is `dw_{h,l} = \sum ...`, as
 * `w_{h,l} - \eta (\sum ...)`): the same answer from a response that never names the quantity.
 * Made once per answer, so each is compiled once.
 */
function writtenOut(part: KeyPart, spec: AnswerSpec): AnswerSpec[] {
  let out = WRITTEN_OUT.get(spec);
  if (out) return out;
  out = [];
  const value = spec.value;
  if (value && part.answers.length > 1) {
    for (const a of part.answers) {
      if (a.spec === spec || !a.spec.value || a.spec.type === 'text' || a.spec.type === 'choice') continue;
      const s = sides(a.spec.value);
      const quantity = s.length === 2 ? leftSide(a.spec.value)?.trim() : undefined;
      if (!quantity || !value.includes(quantity)) continue;
      // Only where the quantity stands as a name of its own: `a` is not the a of `\alpha`, `a_1` or `ab`.
      const alone = new RegExp(`(?<![A-Za-z\\\\])${quantity.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_'])`, 'g');
      const written = `\\left(${s[1]!}\\right)`;
      const replaced: string = value.replace(alone, () => written);
      if (replaced !== value) out.push({ ...spec, value: replaced });
    }
  }
  WRITTEN_OUT.set(spec, out);
  return out;
}

function givesValue(givenBy: ReadonlyMap<string, string>, partId: string): boolean {
  for (const id of givenBy.values()) if (id === partId) return true;
  return false;
}

/** What grading reads from one key answer, the same for every submission: worked out once per answer. */
interface KeyReading {
  symbols: SymbolTable | undefined;
  floorsOptional: boolean;
  targets: Target[];
  /** The quantities the answer and its accepted forms name (`y_2[n]`, `\|\Delta W\|_2`): statements of them come first. */
  quantities: string[];
  /** Whether the key gives its quantity in terms of itself (an update rule): a response's value in it is then no step of the working. */
  inItself: boolean;
  /** The symbols of the answer and its accepted forms. */
  keyNames: Set<string>;
  /** Whether the key writes the answer as cases. */
  keyCases: boolean;
  /** Whether the key's answer itself is cases, or a set: the candidate finder looks for one. */
  cases: boolean;
  collection: boolean;
  matrix: boolean;
}

const KEY_READINGS = new WeakMap<AnswerSpec, KeyReading>();

function keyReadingOf(part: KeyPart, spec: AnswerSpec, symbols?: SymbolTable, floorsOptional = false): KeyReading {
  const known = KEY_READINGS.get(spec);
  if (known && known.symbols === symbols && known.floorsOptional === floorsOptional) return known;
  const targets = targetsOf(part, spec, symbols, floorsOptional);
  const stated = targets.flatMap((t) => ((t.kind === 'answer' || t.kind === 'accept') && t.spec.value ? [t.spec.value] : []));
  const reading: KeyReading = {
    symbols,
    floorsOptional,
    targets,
    quantities: stated.map(leftSide).filter((q): q is string => !!q),
    inItself: keyWritesInItself(
      stated,
      stated.map(leftSide).filter((q): q is string => !!q),
    ),
    keyNames: keySymbolNames(stated),
    keyCases: spec.type === 'piecewise' || targets.some((t) => /\\begin\{cases\}/.test(t.spec.value ?? '')),
    // A piecewise answer, declared or written as cases in the key.
    cases: spec.type === 'piecewise' || (!spec.type && /\\begin\{cases\}/.test(spec.value ?? '')),
    collection: spec.type === 'set' || (!spec.type && /^\s*\\\{/.test(spec.value ?? '')),
    matrix: spec.type === 'matrix' || (!spec.type && /\\begin\{[bpvBV]?matrix\}/.test(spec.value ?? '')),
  };
  KEY_READINGS.set(spec, reading);
  return reading;
}

function targetsOf(part: KeyPart, spec: AnswerSpec, symbols?: SymbolTable, floorsOptional = false): Target[] {
  const prepared = preparedFor(spec, symbols);
  const keyExpected = prepared.kind === 'value' ? prepared.printed : 'shown' in prepared ? prepared.shown : (spec.value ?? '');
  const floorFree = floorsOptional && spec.value?.includes('\\lfloor') ? [{ ...spec, value: withoutFloors(spec.value) }] : [];
  // A partial or convention equation is also the bound the key takes by its boundary (`\alpha \le ...`).
  const keyForms = [spec, ...part.accept];
  const withBounds = (s: AnswerSpec) => [s, ...asKeyBounds(s, keyForms)];
  return [
    { spec, kind: 'answer', credit: 1, keyExpected },
    ...writtenOut(part, spec).map((w) => ({ spec: w, kind: 'accept' as const, credit: 1, keyExpected })),
    ...part.accept.map((a) => ({ spec: a, kind: 'accept' as const, credit: 1, keyExpected })),
    ...floorFree.map((f) => ({ spec: f, kind: 'accept' as const, credit: 1, keyExpected, label: 'without the floors, as the key accepts sizes in another part' })),
    ...part.partial.flatMap((p) => withBounds(p.spec).map((s) => ({ spec: s, kind: 'partial' as const, credit: p.credit, keyExpected, ...(p.feedback ? { feedback: p.feedback } : {}) }))),
    ...part.conventions.flatMap((c) =>
      withBounds(c.spec).map((s) => ({ spec: s, kind: 'convention' as const, credit: c.credit, label: c.label, keyExpected, ...(c.category ? { category: c.category } : {}) })),
    ),
  ];
}

/** The grade a candidate gets from the target it matched. */
function creditFor(t: Target, r: CheckResult, candidate: Candidate): Graded {
  switch (t.kind) {
    case 'answer':
      return { result: r, candidate };
    // An accepted, partial or convention form matched; the person still sees the key's answer as expected.
    case 'accept':
      return { result: { ...r, expected: t.keyExpected, reason: `${t.label ?? 'accepted by the key'}: ${r.reason}` }, candidate };
    case 'partial': {
      const { category: _unrelated, ...rest } = r;
      // `credit: 0` is how a key names a common wrong answer to give its feedback: wrong, not partly right.
      const verdict = t.credit > 0 ? 'partial' : 'incorrect';
      return { result: { ...rest, expected: t.keyExpected, verdict, score: t.credit }, credit: t.credit, ...(t.feedback ? { feedback: t.feedback } : {}), candidate };
    }
    default:
      return {
        result: { ...r, expected: t.keyExpected, verdict: t.credit > 0 ? 'partial' : 'incorrect', score: t.credit, category: t.category ?? 'convention' },
        credit: t.credit,
        convention: t.label!,
        feedback: t.category ? `this is ${t.label}` : `right under another convention: ${t.label}`,
        candidate,
      };
  }
}

/** A general answer with the question's fixed values put in, when that is an answer the key credits. */
function specialise(targets: Target[], text: string, givens: ReadonlyMap<string, string>, options: CheckOptions, candidate: Candidate): Graded | undefined {
  const filled = substituted(text, givens as Map<string, string>);

  for (const v of filled) {
    for (const t of targets) {
      const r = checkAnswer(t.spec, v, options);
      if (r.verdict === 'correct') {
        const used = [...givens].filter(([n]) => new RegExp(`(^|[^A-Za-z\\\\])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text)).map(([n, val]) => `${n} = ${val}`);
        const g = creditFor(t, { ...r, reason: `with ${used.join(', ')} as the question fixes: ${r.reason}` }, { ...candidate, text });
        return g;
      }
    }
  }
  return undefined;
}

/** A bracketed remark after a wide space that ends a formula and says "for", "e.g." or `\approx` in it. */
const TRAILING_INSTANCE = /(?:\\q?quad|\\[;,]|~)\s*(?:\\left)?\(\s*(?:\\approx|\\text\{\s*(?:e\.g\.|for|i\.e\.)|e\.g\.)[^()]*(?:\\right)?\)[\s.,;]*$/;

/**
 * A formula without the prose a writer put inside it: a remark in a case (`\text{ (equivalently }
 * ...)`) and sentence punctuation before `\end{cases}`.
 */
function tidied(text: string): string[] {
  // Each tidying below starts at a command or an escaped brace.
  if (!text.includes('\\')) return [];
  const t = text
    // `dw_{\{h,l\}}`, `\sum_{\{i=1\}^m}`: braces a page copy escaped inside sub- and superscripts.
    .replace(/([_^])\{\\\{([^{}]*?)\\\}(\^[^{}\s]+|\^\{[^{}]*\})?\}/g, (_m, op: string, inner: string, sup?: string) => `${op}{${inner}}${sup ?? ''}`)
    .replace(/\\text\{\s*\(\s*(?:equivalently|i\.e\.?|or|that is|e\.g\.?|since)\b[^}]*\}[^&]*?(?=\s*,?\s*&)/g, '')
    .replace(/[.,;]\s*(?=\\end\{)/g, ' ');
  return t === text ? [] : [t, lastSide(t)];
}

/**
 * `\|\Delta W\|_2 \le \sqrt{d_{out}} \quad (\approx 32 \text{ for } d_{out} = 1024)`: a worked instance in
 * brackets after a wide space at the end is a remark on the answer, none of it. Read before the
 * formula as written, which would take the remark for a factor.
 */
function withoutInstance(text: string): string[] {
  if (!text.includes('(')) return [];
  const t = text.replace(TRAILING_INSTANCE, '').trim();
  return t === text.trim() ? [] : [t];
}

/**
 * A signal the key indexes with brackets, in each spelling a response may use (`form`), with its
 * pattern written `x(...)`, and the spelling it is read as (`name`).
 */
type IndexedForm = { form: string; name: string; call: RegExp };

const INDEXED = new WeakMap<AnswerSpec, IndexedForm[]>();

/**
 * Names the key's answers index with brackets (`y_2[n]`, `y[n-5]`): signals, whose values a
 * response may write `y(n-5)`. Made once per key answer (its targets derive from it), not per
 * candidate: the patterns are compiled once.
 */
function indexedForms(spec: AnswerSpec, targets: readonly Target[]): IndexedForm[] {
  let out = INDEXED.get(spec);
  if (out) return out;
  const names = new Set<string>();
  for (const t of targets) for (const m of (t.spec.value ?? '').matchAll(/(?<![\\A-Za-z])([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\[/g)) names.add(m[1]!);
  out = [...names].flatMap((name) =>
    // `y2(n)`: a plain-text reply runs a numbered signal's index onto its letter (read as written, `y·2·n`).
    [...new Set([name, name.replace(/_\{([A-Za-z0-9]+)\}$/, '_$1'), name.replace(/_([A-Za-z0-9]+)$/, '_{$1}'), name.replace(/^([A-Za-z])_\{?(\d{1,2})\}?$/, '$1$2')])].map((form) => ({
      form,
      name: /^[A-Za-z]\d/.test(form) ? name : form,
      // Run on, its index may be in either bracket (`y2[n]` is no product either).
      call: /^[A-Za-z]\d+$/.test(form)
        ? new RegExp(`(?<![\\\\A-Za-z0-9_^])${form}\\s*(?:\\(([^()]*)\\)|\\[([^[\\]]*)\\])`, 'g')
        : new RegExp(`(?<![\\\\A-Za-z])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(([^()]*)\\)`, 'g'),
    })),
  );
  INDEXED.set(spec, out);
  return out;
}

/**
 * `y_2(n) = y(n-5)` where the key writes `y_2[n] = y[n-5]`: a signal's value at n in the
 * notation the problem set also uses, x(n) (read as the key's bracket, never as a product).
 */
function asIndexed(text: string, forms: readonly IndexedForm[]): string[] {
  if (!forms.length) return [];
  let t = text;
  for (const { name, call } of forms) t = t.replace(call, (_m, round?: string, square?: string) => `${name}[${round ?? square}]`);
  return t === text ? [] : [t, lastSide(t)];
}

/** `g_1` (or `\mathbf{g}_1`) alone, a value the question states: that value. */
/**
 * A candidate that is only the name of a quantity the question gives, not boxed and not stated as
 * the named answer wanted: a mention (even after "so": "so knowing g_1 and g_2 does not tell us").
 */
function bareMention(c: Candidate, givens: ReadonlyMap<string, string>, name: string): boolean {
  return c.how !== 'boxed' && givens.has(plain(c.text).trim()) && !statesName(c.text, name);
}

function givenValue(text: string, givens: ReadonlyMap<string, string>): string[] {
  const v = givens.get(plain(text).trim());
  return v ? [v] : [];
}

/** `d_{out,n}` (the d_out of layer n) → `d_{out}`: a per-layer index on a quantity the question names once. */
function withoutLayerIndex(text: string): string[] {
  if (!text.includes(',')) return [];
  const t = text.replace(/_\{\s*(\\text\{[A-Za-z]+\}|[A-Za-z]{2,})\s*,\s*[a-z]\s*\}/g, '_{$1}');
  return t === text ? [] : [t];
}

/** Symbols the candidate uses that none of the key's answers for it use (a free parameter such as `c`). */
function extraSymbols(r: CheckResult, expected: ReadonlySet<string>): string[] {
  return (r.symbols?.answer ?? []).filter((s) => !expected.has(s));
}

/**
 * The candidate's symbols that make it a general form: a general form keeps every symbol of the
 * key's answer and adds a parameter (`\frac{1}{|c|}\sqrt{d_{out}/d_{in}}` for `\sqrt{d_{out}}`).
 * One that drops a symbol of the key's answer for another (`\sqrt{d_{in}}` for `\sqrt{d_{out}}`)
 * is a wrong answer, never a general one to look past.
 */
function freeParameters(r: CheckResult, expected: ReadonlySet<string>, quantities: readonly string[]): string[] {
  const answer = new Set(r.symbols?.answer ?? []);
  // The quantity the key's answer names (`\alpha` of `\alpha = ...`) is no symbol a value must keep.
  const named = new Set(quantities.map(nameKey));
  if ((r.symbols?.expected ?? []).some((s) => !answer.has(s) && !named.has(nameKey(s)))) return [];
  return extraSymbols(r, expected);
}

/**
 * `\eta^\star = \frac{1}{2}` where the key's answer is `\eta = \frac{1}{2}`: the optimum's star (or
 * `_{opt}`) on the quantity the key names is that quantity, asked for at its best value.
 */
function undecorated(candidate: string, quantities: readonly string[]): string[] {
  if (!candidate.includes('^') && !candidate.includes('_')) return [];
  const m = /^\s*([^=<>^_]{1,40}?)\s*(?:\^\s*(?:\{\s*)?(?:\*|\\star|\\ast)(?:\s*\})?|_\s*\{?\s*(?:\*|\\star|opt|optimal|best)\s*\}?)(?=\s*(?:=|<|>|\\le|\\ge))/.exec(candidate);
  if (!m || !quantities.some((q) => nameKey(q) === nameKey(m[1]!))) return [];
  return [m[1]! + candidate.slice(m[0].length)];
}

/** `w^{(t+1)}`, `w_{h,l}^{(0)}`, `w^{\text{new}}`: which step of an iteration a quantity is at, never a power. */
const STEP_MARK = /\^\s*\{\s*(?:\(\s*(?:t|k|\d{1,2})(?:\s*[+-]\s*1)?\s*\)|\\(?:text|mathrm)\s*\{\s*(?:new|old|next|updated)\s*\})\s*\}/g;

/**
 * `w_{h,l}^{(1)} = w_{h,l}^{(0)} - \eta\, dw_{h,l}`: an update rule written with its steps marked,
 * read as the key writes it (`w_{h,l} - \eta\, dw_{h,l}`); nothing when the candidate marks no step.
 */
function withoutStepMarks(candidate: string): string[] {
  if (!candidate.includes('^')) return [];
  const t = candidate.replace(STEP_MARK, '');
  return t === candidate ? [] : [t];
}

/**
 * Picks the answer in a response that fits what the key credits — readable, using only the
 * question's symbols, of the right kind for the answer or one of its accepted, partial or
 * convention forms — most likely place first, and grades that one: a right expression in the
 * middle of a derivation does not rescue a wrong final answer. A general answer in a free
 * parameter (`\frac{1}{|c|}\sqrt{d_out/d_in}`) that the key does not credit is followed by its
 * specialisation when the response gives one (`= \sqrt{d_out}` for `c = 1/\sqrt{d_in}`).
 */
function gradeAgainst(part: KeyPart, spec: AnswerSpec, text: string, options: CheckOptions, question: QuestionContext, name?: string, preferCorrect = false): Graded {
  // One of several named choices (`residual connection: yes`, `batch normalization: no`): the line that names it says which.
  if (spec.type === 'choice') return { result: choiceInResponse(spec, (name && labelledStatement(text, name)) || text, options) };
  if (spec.type === 'table') {
    const read = tableAnswer(spec, text, question.texts.get(part.id), (s, a) => checkAnswer(s, a, options).verdict === 'correct');
    const result = checkAnswer(read?.spec ?? spec, read?.table ?? text, options);
    return { result: read || !spec.rows || result.verdict === 'correct' ? result : { ...result, reason: `${unnamedRowsReason(spec)}: ${result.reason}` } };
  }
  if (spec.type === 'text') return { result: checkAnswer(spec, text, options) };
  const block = question.shared?.get(text);
  // `2c dout² din`: the key's names written without their underscores are read as its names, before
  // the candidate finder takes `din` for a word of prose and ends the formula before it.
  text = spellJoinedNames(text, joinedNamesOf(options.symbols));
  const { targets, quantities, inItself, keyNames, keyCases, cases, collection, matrix } = keyReadingOf(part, spec, options.symbols, question.floorsOptional);
  // A part's own answer is not a value given to it.
  if (givesValue(question.givenBy, part.id)) {
    question = { ...question, givens: new Map([...question.givens].filter(([n]) => question.givenBy.get(n) !== part.id)) };
  }
  const { candidates, named } = candidatesFor(text, {
    quantities,
    ...(name ? { name, siblings: part.answers.map((a) => a.name).filter((n): n is string => !!n && n !== name), order: part.answers.map((a) => a.name ?? '') } : {}),
    shape: spec.type === 'shape',
    cases,
    collection,
    matrix,
    // A block several parts share: a candidate the words beside it give to another part is read last.
    ...(block ? { readLast: (c: Candidate) => answersAnother(block, text, c.at, c.text) } : {}),
  });
  const wanted = name;
  if (name && !named && preferCorrect) {
    const siblings = part.answers.map((a) => a.name).filter((n): n is string => !!n && n !== name);
    if (unnamedAmongNamed(text, name, siblings, quantities)) return notGiven(spec, options, name, siblings);
    name = undefined;
  }
  let defs: Map<string, string> | undefined;
  let firstTried: Graded | undefined;
  let firstFit: Graded | undefined;
  let general: Graded | undefined;
  // A general form the key credits, graded only if nothing after it states its value.
  let creditedGeneral: Candidate | undefined;
  let writtenCases: Graded | undefined;
  const others: Graded['others'] = [];
  const expectedSymbols = new Set<string>();
  let renames: Map<string, string> | undefined;
  let extractedOptions: CheckOptions | undefined;
  const indexed = indexedForms(spec, targets);
  const entries = entryFormOf(spec, spec.value ? [spec.value] : [], options.symbols);
  // A number where the key's answer has symbols is at best an instance of it ("for $d_{in} = 1024$,
  // $\alpha \le 1/32$. In general $\alpha = 1/\sqrt{d_{in}}$"): read after the formulas that state the same quantity in symbols.
  const inOrder = keyNames.size ? instancesLast(candidates) : candidates;
  for (const found of inOrder) {
    // A given the response restates (`\text{Var}(x) = \sigma_x^2`) is not its answer.
    if (question.statements.length && restates(found.text, question.statements)) continue;
    // Nor is a number it works out for an example (`for $d_{out} = 1024$, $\alpha \approx 32$`),
    // nor the example's value at the end of a general answer (`\alpha = \sqrt{d_{out}} = 64`).
    if (isWorkedExample(found, text, keyNames)) continue;
    const generalForm = found.text.includes('=') ? withoutWorkedValue(sides(found.text), keyNames) : undefined;
    const c = generalForm ? { ...found, text: generalForm } : found;
    // `g_4 = g_1` gives g4 the value the question gives g1; a bare `$\mathbf{g}_1$` in a sentence
    // ("knowing g1 and g2 does not tell us ...") states nothing of g4.
    if (wanted && bareMention(c, question.givens, wanted)) continue;
    defs ??= definitions(text, keyNames);
    renames ??= new Map([...renamesIn(text, question.statements, question.symbols), ...(question.families ?? familyRenamesIn(text, question.symbols))]);
    const withDefinitions = substituted(c.text, defs);
    const last = lastSide(c.text);
    const ownNames = renamed(last, renames);
    // Each reading is made only when the ones before it did not settle the grade: a right answer is
    // most often its first reading, and making all of them for every candidate was a fifth of
    // gradeAgainst's own time. The order, and each reading once, are as listed.
    const readings = firstOccurrences([
      () => undecorated(c.text, quantities),
      () => withoutStepMarks(c.text),
      () => namedByDefinition(c.text, question.statements),
      () => withoutInstance(c.text),
      () => [c.text, last],
      () => chainEquations(c.text).flatMap((e) => [e, ...asIndexed(e, indexed)]),
      () => withDefinitions,
      () => withoutLayerIndex(last),
      () => boundOfAsked(last, quantities),
      () => givenValue(last, question.givens),
      () => tidied(c.text),
      () => ownNames,
      () => asIndexed(c.text, indexed),
      () => asEntries(last, entries),
      // `y₂(n) = y(n − 5)`: a signal written with a Unicode subscript is indexed as `y_2(n)` is.
      () => plainMath(c.text).flatMap((t) => [t, ...boundOfAsked(t, quantities), ...asIndexed(t, indexed)]),
    ]);
    // Names the key accepts for its own (`\mathrm{fan}_{out}` for `d_{out}`) are read as those first,
    // in every reading: checked as written, the key's answer would call them another quantity.
    const variants = question.synonyms?.length ? withSynonymsFirst(readings, question.synonyms) : readings;
    const asRenamed = new Set(ownNames);
    // Read with the response's own definitions (`m = n - k + 1`, then `m^2 \sigma_x^2 \sigma_g^2`), a
    // candidate the key's symbols alone do not make right is what the response says: right.
    const defined = definedRight(c, withDefinitions, targets, options);
    if (defined) return defined;
    // A formula the candidate finder found is the answer itself: not searched again.
    const checkOptions = isExtracted(c) ? (extractedOptions ??= Object.assign({}, options, { extracted: true })) : options;
    for (const v of variants) {
      // `... = \|\Delta W\|_2/\sqrt{d_{out}}` for the bound on `\|\Delta W\|_2`: a step of the working, not its value.
      if (!inItself && writtenInAsked(v, quantities)) continue;
      const candidate = { ...c, text: v };
      let fit: Graded | undefined;
      let asKeyAnswer: CheckResult | undefined;
      for (const t of targets) {
        const r = checkAnswer(t.spec, v, checkOptions);
        if (t.kind === 'answer') asKeyAnswer = r;
        r.symbols?.expected.forEach((x) => expectedSymbols.add(x));
        firstTried ??= { result: r, candidate };
        if (misfit(r, question.symbols)) continue;
        if (r.verdict === 'correct') {
          fit = creditFor(t, r, candidate);
          break;
        }
        fit ??= t.kind === 'answer' || t.kind === 'accept' ? { result: r, candidate } : undefined;
      }
      if (!fit) continue;
      if (asRenamed.has(v)) {
        const names = [...renames!].map(([a, b]) => `${a} as the question's ${b}`).join(', ');
        fit = { ...fit, result: { ...fit.result, reason: `reading ${names} (the response states the same quantity under its own name): ${fit.result.reason}` } };
      }
      const correct = fit.result.verdict === 'correct' || (fit.credit ?? 0) > 0;
      // Cases written out (`y_2(n) = \begin{cases} ... \end{cases}`) where the key states a relation
      // (`y_2[n] = y[n-5]`): the relation the response states beside them is its answer; the cases
      // are graded only when it states none.
      if (!correct && !keyCases && /\\begin\{cases\}/.test(v)) {
        writtenCases ??= fit;
        continue;
      }
      // The specialisation states the same quantity as the general form, without its free parameter.
      const generalQuantity = general && leftSide(general.candidate!.text);
      if (general && c === creditedGeneral) continue;
      if (general && !extraSymbols(fit.result, expectedSymbols).length && (!generalQuantity || statesName(c.text, generalQuantity) || specialises(general, c, text))) {
        return { ...fit, others: [{ text: general.candidate!.text, verdict: general.result.verdict }] };
      }
      if (general) continue;
      // A general form the key accepts (in part (b)'s c), followed by "this is ..." with the
      // response's own value put in: a TA grades the value it commits to.
      if (correct && asKeyAnswer && freeParameters(asKeyAnswer, new Set(asKeyAnswer.symbols?.expected), quantities).length && candidates.some((o) => specialises(fit, o, text))) {
        general = fit;
        creditedGeneral = c;
        continue;
      }
      if (!correct && question.givens.size && !general) {
        // An answer in a quantity the question fixes (L = 7, part (b)'s c), whatever the checker says of its symbols.
        const special = specialise(targets, v, question.givens, options, candidate);
        if (special) return special;
      }
      if (preferCorrect && !name && !correct) {
        // An equation right for another answer of the part (`w' = w - \eta\, dw` where the gradient is looked for) states that one's value, not this one's wrong one.
        // A statement that uses a symbol only another answer has (`w ← w + η dw` where the gradient is looked for) is that one's, right or wrong: no reading of this one, nor a rival to it.
        // (Only a statement: a bare count for two fields, `weights and biases: K²CF + F`, is neither's own, and stays a rival of both.)
        if (wanted && STATEMENT_SIGN.test(c.text) && usesAnothersSymbols(part, wanted, fit.result, options)) continue;
        if (!firstFit && !(wanted && leftSide(c.text) && rightForAnother(part, wanted, c.text, options))) firstFit = fit;
        others.push({ text: v, verdict: fit.result.verdict });
        continue;
      }
      if (!correct && freeParameters(fit.result, expectedSymbols, quantities).length) {
        // A general form in a parameter the key does not have: specialised with the value the
        // question fixes (part (b)'s c), or else look on for the specialisation it states.
        const special = specialise(targets, v, question.givens, options, candidate);
        if (special) return special;
        general = fit;
        continue;
      }
      const { rivals, committed, hedge } =
        part.answers.length === 1
          ? rivalsOf(c, fit, candidates, targets, text, options, question, quantities)
          : // One of several answers, boxed and then taken back ("Wait, no — ... $\boxed{...}$"): the later box of
            // it is what the writer commits to; a statement named as another answer is none.
            {
              rivals: [],
              committed:
                correct && wanted
                  ? rivalsOf(
                      c,
                      fit,
                      candidates.filter((o) => unnamedOr(o, wanted)),
                      targets,
                      text,
                      options,
                      question,
                      quantities,
                    ).committed
                  : undefined,
            };
      if (committed) return { ...committed, others: [{ text: c.text, verdict: fit.result.verdict }] };
      if (hedge) return hedged(fit, rivals);
      if (rivals.length) return { ...fit, others: [...others, ...rivals], conflict: true };
      return { ...fit, ...(others.length ? { others } : {}) };
    }
  }
  if (general) return general;
  if (writtenCases) return writtenCases;
  if (firstFit) return { ...firstFit, others };
  if (!firstTried) return { result: checkAnswer(spec, text, options), unanswered: true };
  // Nothing in the response is an answer of the expected kind: say so, with the closest.
  const { result, candidate } = firstTried;
  return {
    result: {
      ...result,
      // One short formula that cannot be read is unparseable; a response of prose with no answer in it
      // (its last line is no formula) is incomplete.
      verdict: result.verdict === 'unparseable' && candidate?.how !== 'line' && candidates.filter((x) => x.how !== 'line').length === 1 && text.length < 300 ? 'unparseable' : 'incorrect',
      score: 0,
      category: 'incomplete',
      reason: `no answer of the expected kind (${result.type}) was found in the response; the closest, ${candidate!.text.slice(0, 80)}: ${result.reason}`,
    },
    ...(candidate ? { candidate } : {}),
    unanswered: true,
  };
}

/** Whether a formula is right for one of the part's named answers other than `name`, as written or by its last side. */
function rightForAnother(part: KeyPart, name: string, formula: string, options: CheckOptions): boolean {
  const readings = [...new Set([formula, lastSide(formula)])];
  return part.answers.some((a) => a.name !== name && a.spec.value && a.spec.type !== 'choice' && a.spec.type !== 'text' && readings.some((r) => checkAnswer(a.spec, r, options).verdict === 'correct'));
}

/** A candidate that names no quantity, or names `name`. */
function unnamedOr(c: Candidate, name: string): boolean {
  const left = leftSide(c.text);
  return !left || statesName(c.text, name);
}

/**
 * Whether a response labels each of a part's other answers (`**Weights:**`, `**Output shape:**`)
 * and never so much as mentions this one (no word starting as `biases` does): it left it out. A
 * formula of the question's own letters it writes along the way (`each of the $F$ filters`) is
 * then no answer to it, though it equals the key's. Only for names that are words; `g3` may be
 * written `\mathbf{g}_3`.
 */
function unnamedAmongNamed(text: string, name: string, siblings: readonly string[], quantities: readonly string[]): boolean {
  const word = /^[A-Za-z]{4,}/.exec(name)?.[0];
  if (!word || !siblings.length || text.toLowerCase().includes(word.slice(0, 3).toLowerCase())) return false;
  return siblings.every((s) => labelled(text, s) && candidatesFor(text, { quantities, name: s, siblings: [name, ...siblings.filter((x) => x !== s)] }).named);
}

/**
 * Whether a response heads an answer with its name as a label (`**Weights:**`, `- Output shape:`),
 * not merely mentions it in a sentence ("The correct gradient is ..."): only labels show a
 * response answering by name, so that one it leaves out is missing.
 */
function labelled(text: string, name: string): boolean {
  const word = /^[A-Za-z]{3,}/.exec(name)?.[0];
  return !!word && new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)?${word}[^:\n]{0,30}:`, 'im').test(text);
}

/** A named answer the response leaves out while it labels the others: incomplete, not read from another formula. */
function notGiven(spec: AnswerSpec, options: CheckOptions, name: string, siblings: readonly string[]): Graded {
  const result = checkAnswer(spec, '', options);
  return {
    result: { ...result, verdict: 'incorrect', score: 0, category: 'incomplete', answer: '', reason: `the response gives ${siblings.join(' and ')} under their names but no ${name}` },
    unanswered: true,
  };
}

/**
 * Whether a candidate states what a general form comes to: it follows it and is introduced as
 * its value (`..., so with the c from (b) this is $...$`, `which gives $...$`).
 */
function specialises(general: Graded, c: Candidate, text: string): boolean {
  const from = general.candidate?.at;
  if (from === undefined || c.at === undefined || c.at <= from) return false;
  const before = text.slice(Math.max(from, c.at - 60), c.at);
  return /\b(?:this|which|that|it)\s+(?:is|gives|becomes|yields|equals|reduces\s+to|comes\s+to|simplifies\s+to)\s*(?:\$\$?|\\\(|\\\[)?\s*$/i.test(before);
}

/** A right and a wrong answer offered as alternatives: no credit, both named (a TA's reading of a hedge). */
function hedged(fit: Graded, rivals: { text: string; verdict: CheckResult['verdict'] }[]): Graded {
  const shown = (t: string, v: string) => `${t.slice(0, 60)} (${v})`;
  const all = [shown(fit.candidate?.text ?? fit.result.answer, fit.result.verdict), ...rivals.map((r) => shown(r.text, r.verdict))];
  const wrong = isRight(fit) ? undefined : fit.result.category;
  return {
    ...fit,
    credit: 0,
    result: {
      ...fit.result,
      verdict: 'incorrect',
      score: 0,
      ...(wrong ? { category: wrong } : { category: 'incomplete' as const }),
      reason: `offers alternatives without committing to one: ${all.join(' or ')}`,
    },
    others: rivals,
  };
}

/** Whether a candidate is right in the sense a TA's right-vs-wrong reads it. */
function isRight(g: Graded): boolean {
  return g.result.verdict === 'correct' || (g.credit ?? 0) > 0;
}

/**
 * Other final answers the response states (boxed, after "Answer:"), of the expected kind and
 * about the same quantity, that get the other verdict than the graded one: the response does not
 * commit to one answer. A later one after words that take the graded one back ("Wait, I made an
 * error") is the answer the writer commits to (`committed`); an earlier one taken back is no
 * rival. Not rivals either: working (neither boxed nor after an answer marker), a statement of
 * another quantity (`c = ...` beside `\|\Delta W\|_2 \le ...`), a general form in a free parameter,
 * and the question's own givens restated.
 */
function rivalsOf(
  chosen: Candidate,
  fit: Graded,
  candidates: Candidate[],
  targets: Target[],
  text: string,
  options: CheckOptions,
  question: QuestionContext,
  quantities: readonly string[],
): { rivals: { text: string; verdict: CheckResult['verdict'] }[]; committed?: Graded; hedge?: boolean } {
  const right = isRight(fit);
  const chosenName = leftSide(chosen.text);
  const out: { text: string; verdict: CheckResult['verdict'] }[] = [];
  const expected = new Set(fit.result.symbols?.expected ?? []);
  const block = question.shared?.get(text);
  let hedge = false;
  for (const r of candidates) {
    if (r.text === chosen.text || out.length >= 3) continue;
    // Beside final answers, any statement the response offers as another branch of a hedge.
    const hedged = r.at !== undefined && chosen.at !== undefined && hedgesBetween(text, r.at, chosen.at);
    if (!r.final && !hedged) continue;
    // In a block several parts share, another part's final answer is no rival.
    if (block && answersAnother(block, text, r.at, r.text)) continue;
    if (lastSide(r.text) === lastSide(chosen.text) || chosen.text.includes(r.text) || r.text.includes(lastSide(chosen.text))) continue;
    // (`y[n] = 2 - 2^{-n}`, cut from its `for n >= 0`, is one branch of the cases answer chosen.)
    if (isBranchOf(lastSide(r.text), chosen.text)) continue;
    // (`y[n] = Σ (½)^k = 2 − (½)^n` beside the row `2 - 2^{-n}`: the same branch, written another way, is none of a rival either.)
    if (equalsBranchOf(lastSide(r.text), chosen.text, options)) continue;
    const name = leftSide(r.text);
    if (name && ((chosenName && nameKey(name) !== nameKey(chosenName)) || question.givens.has(plain(name).trim()))) continue;
    if (question.statements.length && restates(r.text, question.statements)) continue;
    // A correction between the two: the later one is what the writer commits to.
    const retracted = r.at !== undefined && chosen.at !== undefined && retracts(text.slice(Math.min(r.at, chosen.at), Math.max(r.at, chosen.at)));
    if (retracted && r.at! < chosen.at!) continue;
    const found = isExtracted(r) ? { ...options, extracted: true } : options;
    let graded: Graded | undefined;
    for (const v of new Set([r.text, lastSide(r.text), ...boundOfAsked(lastSide(r.text), quantities)])) {
      for (const t of targets) {
        const res = checkAnswer(t.spec, v, found);
        if (misfit(res, question.symbols) || freeParameters(res, expected, quantities).length) continue;
        if (res.verdict === 'correct') {
          graded = creditFor(t, res, r);
          break;
        }
        graded ??= t.kind === 'answer' || t.kind === 'accept' ? { result: res, candidate: r } : undefined;
      }
      if (graded && isRight(graded)) break;
    }
    if (graded && retracted) return { rivals: [], committed: graded };
    if (graded && isRight(graded) !== right) {
      out.push({ text: r.text, verdict: graded.result.verdict });
      hedge ||= hedged;
    }
  }
  return { rivals: out, hedge };
}

/** Whether a value equals one row of a cases answer as mathematics (`2 − (½)^n` and `2 - 2^{-n}`): that branch, restated. */
function equalsBranchOf(value: string, cases: string, options: CheckOptions): boolean {
  const rows = branchValues(cases);
  return rows.length > 1 && rows.some((row) => checkAnswer({ value: row }, value, options).verdict === 'correct');
}

/** A candidate that is right once the response's own definitions are put in (`withDefinitions`: its `substituted` forms), as graded; else undefined. */
function definedRight(c: Candidate, withDefinitions: readonly string[], targets: Target[], options: CheckOptions): Graded | undefined {
  for (const v of withDefinitions) {
    for (const t of targets) {
      const r = checkAnswer(t.spec, v, isExtracted(c) ? { ...options, extracted: true } : options);
      if (r.verdict === 'correct' && (t.kind === 'answer' || t.kind === 'accept')) {
        return { ...creditFor(t, r, { ...c, text: v }), result: { ...r, reason: `reading the response's own definitions into ${c.text.slice(0, 60)}: ${r.reason}` } };
      }
    }
  }
  return undefined;
}

/**
 * `W_{out} = \lfloor ... \rfloor + 1`: names a response defines for itself, with their definitions
 * (first one wins). One of the key's own symbols given a number (`≈ 0.125 for d_in = 64`) is an
 * example's premise, not a definition: put in, it would turn the general answer into the instance.
 */
function definitions(written: string, keyNames: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  // (A prime is a prime however typed: `W′` is read as `W'`, the form formulas are read in.)
  const text = written.includes('′') ? written.replace(/′/g, "'") : written;
  // A reply in plain text defines its names in plain formulas (`W_out = floor((W − K + 2P)/S) + 1, H_out = ...`), one per item.
  const stated = text.includes('$') || text.includes('\\') ? formulas(text) : plainFormulas(text).map((f) => ({ text: f.text, items: splitTopLevel(f.text, (t, i) => t[i] === ',') }));
  for (const f of stated) {
    for (const piece of [...pieces(f.text), ...('items' in f && f.items.length > 1 ? f.items : []), f.text]) {
      // (`W' = ⌊(W − K + 2P)/S⌋ + 1`: a primed letter is a name of its own, the size after the layer.)
      const m = /^\s*([A-Za-z](?:_\{(?:[^{}]|\{[^{}]*\})+\}|_[A-Za-z0-9]+)?['′]?)\s*=\s*([\s\S]+)$/.exec(piece);
      if (!m || out.has(m[1]!)) continue;
      const value = lastSide(m[2]!)
        .replace(/\s*\([^()]*=[^()]*\)\s*\.?\s*$/, '')
        .trim();
      if (value && !(isNumberOnly(value) && keyNames.has(nameKey(m[1]!)))) out.set(m[1]!, value);
    }
  }
  return out;
}

const NAME = /[A-Za-z](?:_\{(?:[^{}]|\{[^{}]*\})+\}|_[A-Za-z0-9]+)?['′]?(?![A-Za-z0-9_{'′])/g;

/**
 * A candidate with the response's own definitions put in (`W_{out} \times H_{out} \times F`).
 * Only names the candidate uses are looked up, so the cost is the candidate's length, not the
 * number of definitions in the response.
 */
function substituted(candidate: string, defs: Map<string, string>): string[] {
  if (!defs.size) return [];
  // A line of prose with its formulas (`so $\operatorname{Var}(dw) = m^2 \sigma^2$.`): only its formulas hold names.
  if (candidate.includes('$')) {
    let changed = false;
    const text = candidate.replace(/\$\$?([^$]+)\$\$?/g, (span, math: string) => {
      const [inner] = substituted(math, defs);
      if (!inner) return span;
      changed = true;
      return span.replace(math, () => inner);
    });
    return changed ? [text] : [];
  }
  // A name is found in the text as written: a candidate that holds none of them is left as it is
  // without looking at each of its letters (most candidates, and grading reads every one).
  let any = false;
  for (const name of defs.keys()) if ((any = candidate.includes(name) || candidate.includes(name.replace("'", '′')))) break;
  if (!any) return [];
  const own = /^\s*(\S+)\s*=/.exec(candidate)?.[1];
  let changed = false;
  const text = candidate.replace(NAME, (name, offset: number) => {
    const value = defs.get(name.replace('′', "'"));
    // `\frac`: a command's letters are not names; a candidate's own left side stays.
    if (value === undefined || candidate[offset - 1] === '\\' || /[A-Za-z]/.test(candidate[offset - 1] ?? '') || (name === own && offset === candidate.indexOf(name))) return name;
    changed = true;
    return `\\left(${value}\\right)`;
  });
  return changed ? [text] : [];
}

const JOINED = new WeakMap<SymbolTable, JoinedName[]>();
const NO_SYMBOLS: JoinedName[] = [];

/** The key's subscripted names as they are written together (`dout`), worked out once per symbol table. */
function joinedNamesOf(symbols: SymbolTable | undefined): readonly JoinedName[] {
  if (!symbols) return NO_SYMBOLS;
  let joined = JOINED.get(symbols);
  if (!joined) JOINED.set(symbols, (joined = joinedNames(Object.keys(symbols))));
  return joined;
}

function gradeAnswer(part: KeyPart, answer: NamedAnswer, text: string, options: CheckOptions, question: QuestionContext): Graded {
  // A part with several named answers: each is looked for among the response's formulas, by name first.
  return gradeAgainst(part, answer.spec, text, options, question, answer.name, part.answers.length > 1);
}

/** What grading knows of a part's question: the symbols its answers use, and the values it fixes. */
export interface QuestionContext {
  /** The symbols the key's answers to the question use: what an answer to it is about. */
  symbols: ReadonlySet<string>;
  /**
   * Values the question fixes, as LaTeX by name: the key's answers of the form `c = ...` in the
   * question's parts (part (b) fixes the c that part (c)'s general bound is in).
   */
  givens: ReadonlyMap<string, string>;
  /** The part whose own answer fixes a given (part (b)'s c): never a given when grading that part. */
  givenBy: ReadonlyMap<string, string>;
  /** Each part's text in the problem set, by part id (a table it asks to fill in, with the cells it gives). */
  texts: ReadonlyMap<string, string>;
  /** The response's own letters for families of the key's symbols (`n_{out}` for `d_{out}`), read over all its answers to the question. */
  families?: ReadonlyMap<string, string>;
  /** Families of names the key accepts for others in some part (`fan_{in}` for `d_{in}`), read so in every part. */
  synonyms?: readonly KeySynonym[];
  /** The key accepts an answer without its floors in some part: every answer of it is accepted so. */
  floorsOptional?: boolean;
  /** The question's own `left = right` statements (`\operatorname{Var}(dy_{i,j}) = \sigma_g^2`). */
  statements: readonly Statement[];
  /** For a part whose reply is a block shared with other parts: by the block's text, the words that tell the parts apart. */
  shared?: ReadonlyMap<string, SharedBlock>;
}

const QUESTION_CONTEXT = new WeakMap<Assignment, Map<string, QuestionContext>>();

/**
 * `\mathbf{g}_1`, `\mathbf{g}_{1}` → `g_1`: bold is typography, not another name, and so are the
 * braces of a one-character index (PDF readers and some models always write them).
 */
function plain(latex: string): string {
  return latex.replace(/\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}/g, '$1').replace(/_\{\s*([A-Za-z0-9])\s*\}/g, '_$1');
}

/** Values the problem set states for a question (`\mathbf{g}_1 = f(\mathbf{x}_1) = [0.8, 0, 0]^T`), by plain name. */
function statedValues(problems: ProblemSet | undefined, question: string, into: Map<string, string>): void {
  const q = problems?.questions.find((x) => x.number === question);
  if (!q) return;
  const texts = [q.text, ...q.parts.flatMap((p) => [p.text, ...p.parts.map((s) => s.text)])];
  for (const f of texts.flatMap((t) => formulas(t))) {
    for (const piece of [...pieces(f.text), f.text]) {
      const s = sides(plain(piece));
      const name = s[0];
      const value = s[s.length - 1]!;
      if (s.length < 2 || !name || !/^[A-Za-z](?:_\{[^{}]+\}|_[A-Za-z0-9]+)?$/.test(name) || /\?|\\dots|\\cdots/.test(value) || into.has(name)) continue;
      // Only values: numbers, vectors, matrices (`y = c W x` defines, it does not state a value).
      // A transposed row (`[0.8, 0, 0]^T`) is a column of values too.
      if (/[A-Za-z]/.test(value.replace(/\^\{?(?:T|\\top)\}?\s*[.,;]?\s*$/, '').replace(/\\(?:begin|end)\{[a-z]*matrix\}|\\(?:frac|sqrt|cdot|times|left|right)\b/g, ''))) continue;
      into.set(name, value.replace(/[.,;]\s*$/, ''));
    }
  }
}

/** The context of one question, computed once per assignment. */
function questionContext(assignment: Assignment, question: string): QuestionContext {
  const { key } = assignment;
  let byQuestion = QUESTION_CONTEXT.get(assignment);
  if (!byQuestion) QUESTION_CONTEXT.set(assignment, (byQuestion = new Map()));
  let ctx = byQuestion.get(question);
  if (!ctx) {
    const symbols = new Set<string>();
    const givens = new Map<string, string>();
    const givenBy = new Map<string, string>();
    for (const p of key.parts.filter((x) => x.id.split('.')[0] === question)) {
      for (const a of p.answers) {
        if (a.spec.value === undefined || a.spec.type === 'text' || a.spec.type === 'choice' || a.spec.type === 'table') continue;
        checkAnswer(a.spec, a.spec.value, { symbols: symbolsFor(key, p) }).symbols?.expected.forEach((s) => symbols.add(s));
        // A symbol the key's domain or its symbols pin to one value (`L: { min: 7, max: 7 }`, `N: { min: 5, max: 5 }`) is a value the question fixes.
        for (const [name, d] of [...Object.entries(a.spec.domain ?? {}), ...Object.entries(symbolsFor(key, p))]) {
          if (d && typeof d === 'object' && 'min' in d && 'max' in d && d.min !== undefined && d.min === d.max && !givens.has(name)) givens.set(name, String(d.min));
        }
        const fixed = /^\s*([A-Za-z](?:_\{(?:[^{}]|\{[^{}]*\})+\}|_[A-Za-z0-9]+)?)\s*=\s*([^=<>]+)$/.exec(a.spec.value);
        if (fixed && !givens.has(fixed[1]!)) {
          givens.set(fixed[1]!, fixed[2]!.trim());
          givenBy.set(fixed[1]!, p.id);
        }
      }
    }
    statedValues(assignment.problems, question, givens);
    // A variable the key's domain ranges over (n from -6 to 12) is never fixed, whatever the text says of it.
    for (const p of key.parts.filter((x) => x.id.split('.')[0] === question)) {
      for (const a of p.answers) for (const [n, d] of Object.entries(a.spec.domain ?? {})) if (d && typeof d === 'object' && 'min' in d && d.min !== d.max) givens.delete(n);
    }
    const texts = new Map<string, string>();
    const walk = (parts: ProblemPart[]) => {
      for (const p of parts) {
        texts.set(p.id, p.text);
        walk(p.parts);
      }
    };
    walk(assignment.problems?.questions.find((x) => x.number === question)?.parts ?? []);
    const q = assignment.problems?.questions.find((x) => x.number === question);
    const statements = q ? statementsIn([q.text, ...texts.values()].join('\n')) : [];
    ctx = { symbols, givens, givenBy, texts, statements, synonyms: keySynonyms(key), floorsOptional: floorsOptional(key) };
    byQuestion.set(question, ctx);
  }
  return ctx;
}

/**
 * The texts an answer is looked for in, most telling first. For a part with several named
 * answers posed in pieces (g3 in one turn, g4 in a later one), the attempts that state that
 * answer by name; for the final answer the latest first, for the first answer the earliest.
 */
function attemptsFor(part: KeyPart, a: NamedAnswer, response: PartResponse, which: 'first' | 'final'): string[] {
  const ordered = which === 'final' ? [...response.attempts].reverse() : [response.first, ...response.attempts.filter((t) => t !== response.first)];
  if (part.answers.length > 1 && a.name) {
    const names = part.answers.map((x) => x.name).filter((n): n is string => !!n);
    // A reply to a follow-up that asks about this piece alone ("the growth of the standard deviation,
    // not the variance?") and gives it a value is its latest attempt at it, unless a later reply
    // states or labels it again.
    const askedHere = which === 'final' ? ordered.findIndex((t) => t.asked && pieceAsked(t.asked, names) === a.name && answersPiece(a.spec, t.text)) : -1;
    const stating = ordered.filter((t) => foundIn(t.text).some((c) => statesName(c.text, a.name!)));
    const beforeAsked = (t: Attempt | undefined) => askedHere >= 0 && (!t || askedHere < ordered.indexOf(t));
    if (stating.length && !beforeAsked(stating[0])) return [stating[0]!.text];
    // `- Weights: $K^2CF$` labels the answer without an equation. A correction that restates only
    // another answer ("the output shape should be ...; the weight and bias counts are unchanged")
    // leaves this one where it was last labelled.
    const siblings = names.filter((n) => n !== a.name);
    const labelled = stating.length ? undefined : ordered.find((t) => candidatesFor(t.text, { name: a.name, siblings }).named);
    const earlier = stating[0] ?? labelled;
    if (beforeAsked(earlier)) return [ordered[askedHere]!.text, ...(earlier ? [earlier.text] : ordered.map((t) => t.text))];
    if (labelled) return [labelled.text];
    // Neither stated nor labelled anywhere: as for a single answer, a later reply with none of the
    // expected kind ("(a) and (b) were already right, so they are unchanged") leaves the last that has one.
    return which === 'final' ? ordered.map((t) => t.text) : [response.first.text];
  }
  // A table corrected by restating only the rows that change ("FC-3 | 1473 | 3 — everything else
  // stands"): the final table is the earlier one with those rows replaced, so all attempts are read in order.
  if (which === 'final' && a.spec.type === 'table' && response.attempts.length > 1) return [response.attempts.map((t) => t.text).join('\n\n')];
  // The answer the writer commits to: a later reply that states none (it only discusses) leaves the last one that does.
  return which === 'final' ? ordered.map((t) => t.text) : [response.first.text];
}

/**
 * An answer graded in the first of `texts` that has an answer of the expected kind (else in the
 * first text); a one-line recap there that only shortens the answer the texts after it give
 * (recap.ts) leaves that answer.
 */
function gradeAnswerIn(part: KeyPart, a: NamedAnswer, texts: string[], options: CheckOptions, question: QuestionContext): Graded {
  let fallback: Graded | undefined;
  for (let i = 0; i < texts.length; i++) {
    const g = gradeAnswer(part, a, texts[i]!, options, question);
    if (g.unanswered) {
      fallback ??= g;
      continue;
    }
    if (i + 1 === texts.length || texts[i]!.trim().includes('\n') || a.spec.type === 'text' || a.spec.type === 'choice') return g;
    const above = gradeAnswerIn(part, a, texts.slice(i + 1), options, question);
    return !above.unanswered && shortens(g.result.answer, above.result.answer) ? above : g;
  }
  return fallback!;
}

/** Candidates with a number for a quantity put after those that state it in symbols (a bare number after every formula). */
function instancesLast(candidates: Candidate[]): Candidate[] {
  // Each candidate's text tested once: the test is a pattern over the whole text, and this runs for every part.
  const numberOnly = candidates.map((c) => isNumberOnly(c.text));
  const symbolic = candidates.filter((_, i) => !numberOnly[i]);
  if (!symbolic.length || symbolic.length === candidates.length) return candidates;
  const isInstance = (c: Candidate, i: number) => {
    if (!numberOnly[i]) return false;
    const name = leftSide(c.text);
    return name ? symbolic.some((s) => statesName(s.text, name)) : symbolic.length > 0;
  };
  // Each candidate weighed once: a response's numbers are each compared with all its formulas.
  const instance = candidates.map(isInstance);
  return [...candidates.filter((_, i) => !instance[i]), ...candidates.filter((_, i) => instance[i])];
}

/** Grades one attempt of a part against every answer the key gives for it. */
function gradeAttempt(part: KeyPart, texts: string | ((a: NamedAnswer) => string[]), options: CheckOptions, question: QuestionContext): { verdict: PartVerdict; score: number; graded: Graded[] } {
  const graded = part.answers.map((a) => gradeAnswerIn(part, a, typeof texts === 'string' ? [texts] : texts(a), options, question));
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
    : [...wrong.map((x) => x.feedback ?? x.result.reason), ...(part.feedback && wrong.some((x) => !x.feedback) ? [part.feedback] : [])].join('; ');
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

let lastFamilies: { text: string; symbols: ReadonlySet<string>; renames: ReadonlyMap<string, string> } | undefined;

/** familyRenamesIn of a question's text, kept for the next part: a submission's parts of one question are graded in turn, and read the same text. */
function questionFamilies(text: string, symbols: ReadonlySet<string>): ReadonlyMap<string, string> {
  if (lastFamilies?.text !== text || lastFamilies.symbols !== symbols) lastFamilies = { text, symbols, renames: familyRenamesIn(text, symbols) };
  return lastFamilies.renames;
}

/**
 * Grades a part: its final answer (and the first, when the submission answered more than
 * once) against the key: answer(s), then `accept`, `partial` and `conventions`.
 */
export function gradePart(part: KeyPart, read: PartResponse | undefined, keyOrAssignment: Key | Assignment, readingWarnings = 0, questionText?: string): PartGrade {
  const response = read && withoutStandingRemarks(read);
  const assignment = isAssignment(keyOrAssignment) ? keyOrAssignment : assignmentOf(keyOrAssignment);
  const options: CheckOptions = { symbols: checkSymbolsFor(assignment, part) };
  const base = { id: part.id, maxPoints: part.points, graded: part.graded };
  const expectedText = part.answers.map((a) => (a.name ? `${a.name}: ` : '') + (a.spec.value ?? a.spec.options?.join(' | ') ?? `(${a.spec.type ?? 'answer'})`)).join('; ');
  if (!response) {
    return { id: part.id, maxPoints: part.points, graded: part.graded, verdict: 'missing', score: 0, points: 0, answer: '', expected: expectedText, feedback: 'no answer found for this part' };
  }
  const longest = response.attempts.reduce((n, a) => Math.max(n, a.text.length), 0);
  if (longest > LIMITS.responseChars) {
    // Beyond the size extraction scans: say so, rather than read it for minutes or call it wrong.
    return {
      ...base,
      verdict: 'unparseable',
      score: 0,
      points: 0,
      answer: '',
      expected: expectedText,
      feedback: `the response to this part is ${longest.toLocaleString('en-US')} characters long; the limit is ${LIMITS.responseChars.toLocaleString('en-US')}`,
      source: response.label,
      confidence: { reading: 0, alignment: 1, extraction: 0, check: 0, overall: 0 },
    };
  }
  if (!part.answers.length) {
    return {
      ...base,
      verdict: 'needs-review',
      score: 0,
      points: 0,
      answer: response.final.text.slice(0, 200),
      expected: part.compute ? `compute: ${part.compute}` : '',
      feedback: 'the key gives no answer to check against',
      source: response.label,
    };
  }
  // `did not finish`, `done on paper, attached separately`: a note where the answer would be; a TA marks the part missing.
  const note = notAnsweredHere(response.final.text);
  if (note) return { ...base, verdict: 'missing', score: 0, points: 0, answer: '', expected: expectedText, feedback: `no answer here: the submission says "${note}"`, source: response.label };
  // "I can't read the matrices from the screenshot": what its text restates from the question is no answer.
  const declined = response.final.sharedWith?.length ? -1 : declinedAt(response.final.text);
  if (declined >= 0) {
    const said = response.final.text.slice(declined, declined + 120).split(/[.\n]/)[0]!;
    const confidence = confidenceOf([], response.alignedBy, readingWarnings, response.alignmentDoubt, response.readingDoubt);
    const verdict = settle('incorrect', confidence);
    return {
      ...base,
      verdict,
      score: 0,
      points: 0,
      category: 'incomplete',
      answer: '',
      expected: expectedText,
      feedback: `the response says it cannot see what the question gives ("${said}") and answers nothing`,
      source: response.label,
      confidence,
      ...(verdict === 'needs-review' ? { candidates: [], review: reviewReason([], response) } : {}),
    };
  }
  const context = questionContext(assignment, part.id.split('.')[0]!);
  // A letter the response uses for a family in one part (`n_{in}` alone in (b)) is told by all its answers to the question.
  // Object.assign, not a spread: on Node 20 a property added after a spread costs microseconds, once per part here.
  const withFamilies: QuestionContext = questionText ? Object.assign({}, context, { families: questionFamilies(questionText, context.symbols) }) : context;
  const qs = withSharedBlocks(withFamilies, part, response, assignment);
  const final = gradeAttempt(part, response.attempts.length > 1 ? (a) => attemptsFor(part, a, response, 'final') : response.final.text, options, qs);
  const d = describe(part, final.graded);
  const confidence = confidenceOf(evidence(final.graded), response.alignedBy, readingWarnings, response.alignmentDoubt, response.readingDoubt);
  // "Same formula as (a) with P = 0": what the checker read is only the substitution.
  const referred = final.verdict !== 'correct' ? referredPart(response.final.text, part.id.split('.')[1]) : undefined;
  const verdict = referred ? 'needs-review' : settle(final.verdict, confidence);
  const review = verdict === 'needs-review' && final.verdict !== 'needs-review';
  // Built property by property: on Node 20, properties added after a spread (`{ ...base, verdict }`)
  // cost a microsecond each, and this runs once per part of every submission.
  const grade: PartGrade = {
    id: part.id,
    maxPoints: part.points,
    graded: part.graded,
    verdict,
    score: review ? 0 : final.score,
    points: review ? 0 : Math.round(final.score * part.points * 1000) / 1000,
    answer: d.answer,
    expected: d.expected,
    feedback: !review
      ? d.feedback
      : referred
        ? `answered by reference to part (${referred}) ("same as (${referred})"): a person substitutes into that answer; read alone, ${final.verdict} (${d.answer.slice(0, 80)}); ${d.feedback}`
        : `not sure enough to decide (confidence ${confidence.overall}): ${final.verdict} if the answer is ${d.answer.slice(0, 80)}${response.alignmentDoubt ? ` and answers this part (${response.alignmentDoubt})` : ''}${response.readingDoubt ? ` as read (${response.readingDoubt})` : ''}; ${d.feedback}`,
  };
  // In the order reports have always printed them.
  if (d.category) grade.category = d.category;
  if (d.check) grade.check = d.check;
  grade.source = [response.label, d.source].filter(Boolean).join(', ');
  grade.confidence = confidence;
  if (review) {
    grade.candidates = candidatesOf(final.graded, final.verdict, d.answer);
    grade.review = reviewReason(final.graded, response);
  }
  if (response.attempts.length > 1 && response.first !== response.final) {
    const first = gradeAttempt(part, (a) => attemptsFor(part, a, response, 'first'), options, qs);
    const firstConfidence = confidenceOf(evidence(first.graded), response.alignedBy, readingWarnings, response.alignmentDoubt, response.readingDoubt);
    const firstVerdict = settle(first.verdict, firstConfidence);
    if (firstVerdict !== verdict || describe(part, first.graded).answer !== d.answer) {
      grade.first = { verdict: firstVerdict, answer: describe(part, first.graded).answer };
      grade.firstConfidence = firstConfidence;
    }
  }
  return grade;
}

/** The question's context with, for each attempt shared with other parts, the words that tell those parts apart. */
function withSharedBlocks(qs: QuestionContext, part: KeyPart, response: PartResponse, assignment: Assignment): QuestionContext {
  const shared = response.attempts.filter((a) => a.sharedWith?.length);
  if (!shared.length) return qs;
  const words = (id: string) => contentWords(qs.texts.get(id) ?? assignment.key.parts.find((p) => p.id === id)?.title ?? '');
  const own = words(part.id);
  return { ...qs, shared: new Map(shared.map((a) => [a.text, { own, others: a.sharedWith!.map(words) }])) };
}

/** Why a verdict went to review, as a code: the answers' conflict, then the alignment's doubt. */
function reviewReason(graded: Graded[], response: PartResponse): ReviewReason {
  if (graded.some((g) => g.conflict)) return 'conflicting-answers';
  return response.alignmentDoubt ? 'doubtful-alignment' : 'low-confidence';
}

function evidence(graded: Graded[]): AnswerEvidence[] {
  return graded.map((g) => ({ result: g.result, ...(g.candidate ? { how: g.candidate.how } : {}), ...(g.others ? { others: g.others } : {}), ...(g.conflict ? { conflict: true } : {}) }));
}

/** The candidates a person decides between: the one graded and the others that fit with another verdict. */
function candidatesOf(graded: Graded[], verdict: PartVerdict, answer: string): AnswerCandidate[] {
  const out: AnswerCandidate[] = [{ answer, verdict, ...(graded[0]?.candidate ? { how: graded[0].candidate.how } : {}) }];
  for (const g of graded) for (const o of g.others ?? []) if (!out.some((c) => c.answer === o.text)) out.push({ answer: o.text, verdict: o.verdict });
  return out.slice(0, 6);
}

/**
 * Grades every part of the key for one submission; totals count graded parts only. Given the
 * assignment (key + problem set), answers in terms of values the question states (`g_4 = g_1`)
 * are read with those values.
 */
export function gradeSubmission(keyOrAssignment: Key | Assignment, submission: Submission): SubmissionGrade {
  const assignment = isAssignment(keyOrAssignment) ? keyOrAssignment : assignmentOf(keyOrAssignment);
  const { key } = assignment;
  const byId = new Map(submission.responses.map((r) => [r.partId, r]));
  const attemptsByQuestion = new Map<string, string[]>();
  for (const r of submission.responses) {
    const q = r.partId.split('.')[0]!;
    const texts = attemptsByQuestion.get(q) ?? [];
    for (const a of r.attempts) texts.push(a.text);
    attemptsByQuestion.set(q, texts);
  }
  // All of a question's answers, joined once for its parts.
  const byQuestion = new Map([...attemptsByQuestion].map(([q, texts]) => [q, texts.join('\n')]));
  const aligned = reviewSharedReplies(
    assignment,
    byId,
    key.parts.map((p) => gradePart(p, byId.get(p.id), assignment, submission.warnings.length, byQuestion.get(p.id.split('.')[0]!))),
  );
  // A part no label was found for: its answer looked for by content in what no part was aligned to.
  const gradeOne = (p: KeyPart, r: PartResponse) => gradePart(p, r, assignment, submission.warnings.length);
  // A submission the reader recognised (almost) nothing of: its answers placed by what they contain, for a person.
  const parts = placeByContent(findByContent(aligned, submission, assignment, gradeOne), submission, assignment, gradeOne);
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
