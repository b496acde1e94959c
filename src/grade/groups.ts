import type { Key, KeyPart } from '../model/key.js';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { PartVerdict } from '../model/grade.js';
import type { SymbolTable } from '../model/symbols.js';
import { checkAnswer } from '../check/check.js';
import { parseMath } from '../math/latex/parse.js';
import { evaluate, type Point } from '../math/evaluate.js';
import { freeSymbols, samplePoint } from '../math/sampling.js';
import { seededRandom } from '../math/random.js';

/** One submission's answer to a part, as graded. */
export interface GroupInput {
  submission: string;
  answer: string;
  verdict: PartVerdict;
}

/** Answers the checker finds equivalent: a TA grades them once. */
export interface AnswerGroup {
  /** The first answer of the group, as written; the others are equivalent to it. */
  representative: string;
  /** The different ways the group's members wrote it. */
  forms: string[];
  submissions: string[];
  /** How partcredit graded the members (one verdict, unless a multi-answer part mixes them). */
  verdicts: Partial<Record<PartVerdict, number>>;
}

/** Checker results between two answers, kept across calls (`representative \0 answer` → equivalent). */
export type EquivalenceCache = Map<string, boolean>;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The option a choice answer names first, or the answer itself. */
function namedOption(spec: AnswerSpec, answer: string): string {
  const lower = answer.toLowerCase();
  let best = -1;
  let word = normalize(answer).toLowerCase();
  for (const w of [...(spec.options ?? []), ...(spec.wrong ?? [])]) {
    const i = lower.search(new RegExp(`(^|[^a-z])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (i >= 0 && (best < 0 || i < best)) [best, word] = [i, w];
  }
  return word;
}

/**
 * A scalar answer's values at a few seeded points (an equation's right side), or undefined
 * when it has none: the grouping compares an answer only with groups whose values are near
 * its own, so 1,500 different numbers do not cost 1,500² checks. Answers with symbols the
 * key does not declare (`72.8M`) get none, and are compared with every group.
 */
function fingerprint(form: string, spec: AnswerSpec, symbols: SymbolTable, points: Point[]): { values: number[]; places: number } | undefined {
  if (spec.type && !['number', 'expression', 'equation'].includes(spec.type)) return undefined;
  try {
    // `1,473` is a number with a thousands separator, as the number checker reads it, not a pair.
    const plain = /^\s*\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(form) ? form.replace(/,/g, '') : form;
    let n = parseMath(plain, { symbols: Object.keys(symbols) });
    if (n.kind === 'rel' && n.ops.length === 1 && n.ops[0] === '=' && n.args[0]?.kind === 'sym') n = n.args[1]!;
    const names = freeSymbols(n);
    if ([...names].some((x) => !(x in symbols)) || (spec.type === 'number' && names.size)) return undefined;
    const values = points.map((p) => evaluate(n, p));
    return values.every((v): v is number => typeof v === 'number' && Number.isFinite(v)) ? { values, places: places(form) } : undefined;
  } catch {
    return undefined;
  }
}

/** Decimal places the form writes (`0.33` → 2): the checker accepts a correct rounding to them. */
function places(form: string): number {
  return Math.max(0, ...[...form.matchAll(/\d\.(\d+)/g)].map((m) => m[1]!.length));
}

/**
 * Whether two fingerprints are near enough that the checker might call the answers equal:
 * within the spec's tolerance (doubled), a correct rounding to the places either writes, or
 * numerical noise. A loose filter: the checker still decides.
 */
function near(a: { values: number[]; places: number }, b: { values: number[]; places: number }, spec: AnswerSpec): boolean {
  const written = Math.max(a.places, b.places);
  const slack = written ? 10 ** -written : 0;
  const rel = Math.max(1e-5, 2 * (spec.tolerance?.rel ?? 0));
  const abs = 1e-9 + 2 * (spec.tolerance?.abs ?? 0) + slack;
  return a.values.every((x, i) => Math.abs(x - b.values[i]!) <= abs + rel * Math.max(Math.abs(x), Math.abs(b.values[i]!)));
}

/**
 * Clusters the answers to one part by mathematical equivalence, with the part's own checker
 * (its type, symbols, tolerance, ...): `1/\sqrt{d_{in}}` and `d_in^(-1/2)` are one group,
 * `1/d_in` another. Identical texts are compared once; each new answer is checked against one
 * representative per group (O(groups × distinct answers) checks, cached). Largest group first;
 * answers with nothing extracted form the last group.
 */
export function groupAnswers(key: Key, part: KeyPart, inputs: GroupInput[], cache: EquivalenceCache = new Map()): AnswerGroup[] {
  const spec = part.answers[0]?.spec;
  const options = { symbols: { ...key.symbols, ...(part.symbols ?? {}) } };
  // Parts checked by words or by several answers at once are grouped by what they name, or as written.
  const byText = !spec || part.answers.length > 1 || spec.type === 'text' || spec.type === 'table';
  const textKey = (a: string) => (spec?.type === 'choice' ? namedOption(spec, a) : normalize(a));
  const equivalent = (rep: string, answer: string): boolean => {
    const k = `${rep}\u0000${answer}`;
    let same = cache.get(k);
    if (same === undefined) {
      const { options: _o, wrong: _w, ...rest } = spec!;
      same = checkAnswer({ ...rest, value: rep }, answer, options).verdict === 'correct';
      cache.set(k, same);
    }
    return same;
  };
  const byForm = new Map<string, GroupInput[]>();
  const empty: GroupInput[] = [];
  for (const i of inputs) {
    if (!normalize(i.answer)) empty.push(i);
    else {
      const k = byText || spec?.type === 'choice' ? textKey(i.answer) : normalize(i.answer);
      byForm.set(k, [...(byForm.get(k) ?? []), i]);
    }
  }
  const groups: { rep: string; readable: boolean; print?: { values: number[]; places: number }; forms: string[]; members: GroupInput[] }[] = [];
  const checked = !byText && spec?.type !== 'choice';
  const symbols = options.symbols as SymbolTable;
  const rng = seededRandom(1013);
  const points = checked ? [0, 1, 2].map(() => samplePoint(rng, Object.keys(symbols), symbols)) : [];
  // Most common forms first: they become the representatives, and most answers match one early.
  for (const [form, members] of [...byForm].sort((a, b) => b[1].length - a[1].length)) {
    let home: (typeof groups)[number] | undefined;
    const print = checked ? fingerprint(form, spec!, symbols, points) : undefined;
    if (checked) home = groups.find((g) => g.readable && (!print || !g.print || near(print, g.print, spec!)) && equivalent(g.rep, form));
    if (home) {
      home.forms.push(form);
      home.members.push(...members);
    } else {
      const readable = checked && equivalent(form, form);
      groups.push({ rep: form, readable, ...(print ? { print } : {}), forms: [form], members: [...members] });
    }
  }
  if (empty.length) groups.push({ rep: '', readable: false, forms: [], members: empty });
  return groups
    .map((g) => {
      const verdicts: Partial<Record<PartVerdict, number>> = {};
      for (const m of g.members) verdicts[m.verdict] = (verdicts[m.verdict] ?? 0) + 1;
      return { representative: g.rep, forms: g.forms, submissions: g.members.map((m) => m.submission), verdicts };
    })
    .sort((a, b) => (a.representative === '' ? 1 : 0) - (b.representative === '' ? 1 : 0) || b.submissions.length - a.submissions.length);
}
