import type { Key, KeyPart } from '../model/key.js';
import type { AnswerSpec } from '../model/answer-spec.js';
import type { PartVerdict } from '../model/grade.js';
import { checkAnswer } from '../check/check.js';

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
  const groups: { rep: string; readable: boolean; forms: string[]; members: GroupInput[] }[] = [];
  // Most common forms first: they become the representatives, and most answers match one early.
  for (const [form, members] of [...byForm].sort((a, b) => b[1].length - a[1].length)) {
    let home: (typeof groups)[number] | undefined;
    if (!byText && spec?.type !== 'choice') home = groups.find((g) => g.readable && equivalent(g.rep, form));
    if (home) {
      home.forms.push(form);
      home.members.push(...members);
    } else {
      const readable = !byText && spec?.type !== 'choice' && equivalent(form, form);
      groups.push({ rep: form, readable, forms: [form], members: [...members] });
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
