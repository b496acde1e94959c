import type { Node } from '../math/latex/ast.js';
import { lastSide, type Candidate } from './extract.js';
import { valueOf } from './named-values.js';

/**
 * A piecewise answer that states its formula with the condition it holds under, and no cases
 * formula: `2^{-n}(2^{\min(n,6)+1} - 1), n \ge 0`, `2 - (1/2)^n for n ≥ 0`, `y[n] = E (n \ge 0)`.
 * A closed form (written with min, max, |x| or floor) is then one case, graded at every point of
 * the key's domain like any other; outside its condition a signal is zero, as for a cases formula
 * with a branch left out. Without this the condition was read as a value (`n \ge 0` bounds n by 0).
 */

/**
 * A condition on a letter, as plain text writes it (`n ≥ 0`, `0 <= n <= 6`, `$n \ge 7$`): the relation signs are what marks it.
 * (Notes that set every formula in `$$` write the condition inline so too: `$$y[n] = E$$ for $$n \ge 0$$`.)
 */
const CONDITION = String.raw`\${0,2}\s*(?:-?\d+\s*(?:<=|<|≤|\\le(?:q)?)\s*)?[A-Za-z]\s*(?:<=|>=|<|>|≤|≥|\\le(?:q)?|\\ge(?:q)?)\s*-?\d+\s*\${0,2}`;
/** The words that put a condition after a value (`for`, `for all`, `when`, `if`). */
const LEAD = String.raw`(?:for(?:\s+all)?|when|if)`;
const WORDED = new RegExp(String.raw`^(.+?)\s+${LEAD}\s+(${CONDITION})\s*[.;]?\s*$`, 'i');
const BRACKETED = new RegExp(String.raw`^(.+?)\s*\(\s*(?:${LEAD}\s+)?(${CONDITION})\s*\)\s*[.;]?\s*$`, 'i');
/** What may follow a found formula to make it hold under a condition: `for n ≥ 0`, `(n ≥ 0)`, `, n ≥ 0`. */
const AFTER = new RegExp(String.raw`^\${0,2}\s*(?:\(\s*(?:${LEAD}\s+)?(${CONDITION})\s*\)|,?\s*${LEAD}\s+(${CONDITION}))(?![\w(])`, 'i');

/** Texts are looked at only when they hold a relation sign and are short: a cheap check before the patterns. */
function mayHoldCondition(text: string): boolean {
  return text.length <= 300 && /[<>≤≥]|\\[lg]e/.test(text) && !text.includes('\n');
}

/**
 * The text of an answer with its trailing condition set off by a comma (`E for n ≥ 0` → `E, n ≥ 0`),
 * which the reader takes as a list of a value and a condition; empty when it states none.
 */
export function conditionAsItem(text: string): string[] {
  if (!mayHoldCondition(text)) return [];
  const m = WORDED.exec(text.trim()) ?? BRACKETED.exec(text.trim());
  return m && !/[<>≤≥]|\\[lg]e/.test(m[1]!) ? [`${m[1]!.trim()}, ${m[2]!.replace(/\$/g, '').trim()}`] : [];
}

const CONDITION_OPS = new Set(['<', '<=', '>', '>=']);

function isCondition(n: Node): boolean {
  return n.kind === 'rel' && n.ops.every((o) => CONDITION_OPS.has(o));
}

/**
 * An unbracketed list of values each followed by its condition (`E, n \ge 0` or `0, n < 0, E, n \ge 0`)
 * as the cases it states; any other answer as it is.
 */
export function statedCases(answer: Node): Node {
  if (answer.kind !== 'tuple' || answer.open !== '' || answer.items.length < 2 || answer.items.length % 2) return answer;
  const cases: { value: Node; when: Node }[] = [];
  for (let i = 0; i < answer.items.length; i += 2) {
    const value = answer.items[i]!;
    const when = answer.items[i + 1]!;
    if (isCondition(value) || !isCondition(when)) return answer;
    cases.push({ value: valueOf(value), when });
  }
  return { kind: 'cases', cases };
}

/**
 * For a piecewise part with no cases formula in the response: each found formula that the
 * response says holds under a condition (`y[n] = 2 − (1/2)^n for n ≥ 0 is correct`) is read with
 * it, before the formula alone.
 */
export function withConditionsAfter(text: string, candidates: readonly Candidate[]): Candidate[] {
  if (candidates.some((c) => c.text.includes('\\begin{cases}'))) return [...candidates];
  const out: Candidate[] = [];
  // Each condition's formula, the later statement of a condition in place of the earlier.
  const byCondition = new Map<string, { value: string; at: number }>();
  for (const c of candidates) {
    if (c.at !== undefined && (c.how === 'inline' || c.how === 'display' || c.how === 'marker') && !/[<>≤≥]|\\[lg]e/.test(c.text)) {
      const at = text.indexOf(c.text, c.at);
      const m = at < 0 ? null : AFTER.exec(text.slice(at + c.text.length, at + c.text.length + 60));
      const cond = m && (m[1] ?? m[2])!.replace(/\$/g, '').trim();
      if (cond) {
        out.push({ ...c, text: `${c.text}, ${cond}` });
        const before = byCondition.get(cond);
        if (!before || before.at < at) byCondition.set(cond, { value: lastSide(c.text), at });
      }
    }
    out.push(c);
  }
  // `y[n] = 2 - 0.5^n for n >= 0 and y[n] = 0 for n < 0`: formulas under different conditions are the
  // cases of one answer, read before any one of them alone.
  if (byCondition.size < 2) return out;
  const stated = [...byCondition].sort((a, b) => a[1].at - b[1].at);
  const whole = `${stated.map(([cond, v]) => `${v.value}, ${cond}`).join(', ')}`;
  const first = out.findIndex((c) => byCondition.has(c.text.slice(c.text.lastIndexOf(', ') + 2)));
  return [...out.slice(0, first), { ...out[first]!, text: whole }, ...out.slice(first)];
}
