import type { AnswerType } from '../model/answer-spec.js';
import type { Node } from '../math/latex/ast.js';
import { ParseError, parseMath, type ReadContext } from '../math/latex/parse.js';
import { parseDecimal } from '../math/rational.js';
import { prepareFor } from './prepare.js';

/**
 * A bare decimal literal: no notation for `prepareFor` to rewrite and nothing for the reader to
 * resolve. Bounded in length, so no input limit can apply to it.
 */
const DECIMAL = /^(-?)(\d{1,24}(?:\.\d{1,24})?)$/;
/** A number in groups of three (`1,007`, `-23,296.5`): every type's notation drops the commas. */
const GROUPED = /^-?[1-9]\d{0,2}(?:,\d{3}){1,7}(?:\.\d{1,24})?$/;
/** A tuple of literals, `(2, 3, 1)`: brackets keep `stripThousands` off its commas. */
const TUPLE = /^\(\s*-?\d{1,24}(?:\.\d{1,24})?(?:\s*,\s*-?\d{1,24}(?:\.\d{1,24})?){1,15}\s*\)$/;
/** A product of whole numbers, `3 \times 2 \times 2`: a shape as keys write it. */
const CROSS = /^\d{1,24}(?:\s*\\times\s*\d{1,24}){1,15}$/;

function decimal(text: string): Node | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  // A whole number is already in lowest terms over 1, as `rat` would leave it.
  const value = digits.includes('.') ? parseDecimal(digits) : { n: BigInt(digits), d: 1n };
  if (!value) return undefined;
  const num: Node = { kind: 'num', value, text: m[2]! };
  return m[1] ? { kind: 'neg', arg: num } : num;
}

/**
 * The tree of a text that is only a literal (a number, a tuple of numbers, a product of whole
 * numbers), built without the general reader; undefined for anything else. Bulk checking
 * (`check --jsonl`, grading thousands of numeric parts) is mostly such texts, and the general
 * path's text rewriting and tokenizing was most of a plain check's time and allocation.
 * `test/read-answer.test.ts` holds it equal to the general reader's tree.
 */
export function literalTree(text: string): Node | undefined {
  const t = text.trim();
  if (t.length > 400) return undefined;
  const first = t.charCodeAt(0);
  if (first === 40 /* ( */) {
    if (!TUPLE.test(t)) return undefined;
    const items = t
      .slice(1, -1)
      .split(',')
      .map((s) => decimal(s.trim()));
    return items.every((n) => n !== undefined) ? { kind: 'tuple', items: items as Node[], open: '(', close: ')' } : undefined;
  }
  if (!(first === 45 /* - */ || (first >= 48 && first <= 57))) return undefined;
  const scalar = decimal(t) ?? (GROUPED.test(t) ? decimal(t.replaceAll(',', '')) : undefined);
  if (scalar || !t.includes('\\times') || !CROSS.test(t)) return scalar;
  const factors = t.split('\\times').map((s) => decimal(s.trim()));
  return factors.every((n) => n !== undefined) ? { kind: 'cross', factors: factors as Node[] } : undefined;
}

/** Texts kept per reading context and type: more than a set's parts have answers in one submission. */
export const READ_MEMO_MAX = 2_048;
/** The longest text kept: READ_MEMO_MAX of them stay a few megabytes. */
const READ_MEMO_CHARS = 1_000;
/** Contexts whose readings are kept: a few per assignment; beyond these, all are dropped and made again. */
const CONTEXTS_MAX = 64;

/** A tree, or the reader's refusal of the text (a `ParseError`, a function of the text and the context alone). */
type Reading = Node | ParseError;

/** By a context's content (see `contentOf`): its readings, by type and then by text. */
const BY_CONTENT = new Map<string, Map<AnswerType, Map<string, Reading>>>();
/** Each context object's readings, found by content once. */
const BY_CONTEXT = new WeakMap<ReadContext, Map<AnswerType, Map<string, Reading>>>();

/**
 * What a context says, as one string: two contexts that declare the same names read every text
 * alike and share their readings; contexts that differ in any name never do. Contexts are never
 * changed once made (the reader keeps its own worked-out names by the object too).
 */
function contentOf(ctx: ReadContext): string {
  const sorted = (names: Iterable<string> | undefined) => [...(names ?? [])].sort();
  return JSON.stringify([sorted(ctx.symbols), sorted(ctx.functions), sorted(ctx.matrices), sorted(ctx.indexed), [...(ctx.arity ?? [])].sort()]);
}

function readingsOf(ctx: ReadContext): Map<AnswerType, Map<string, Reading>> {
  let readings = BY_CONTEXT.get(ctx);
  if (!readings) {
    const content = contentOf(ctx);
    readings = BY_CONTENT.get(content);
    if (!readings) {
      if (BY_CONTENT.size >= CONTEXTS_MAX) BY_CONTENT.clear();
      BY_CONTENT.set(content, (readings = new Map()));
    }
    BY_CONTEXT.set(ctx, readings);
  }
  return readings;
}

/**
 * Reads a text as an answer of `type`: its notation normalised for the type (`prepareFor`),
 * then the LaTeX reader. Throws what the reader throws (`ParseError`, `LimitError`).
 *
 * Read once, checked many times: a candidate is checked against each of the key's forms of an
 * answer (`accept`, `partial`, `conventions`), and a response's formula against each answer of
 * its part, and every check read it again. What is kept is bounded (`READ_MEMO_MAX` texts of at
 * most `READ_MEMO_CHARS`). The trees are shared, so no caller may change one (none does: every
 * step of checking builds new trees; `test/read-answer.test.ts` holds it). A refusal is kept too;
 * what the limits refuse, or a stack too deep, is decided anew each time.
 */
export function readAnswerText(type: AnswerType, text: string, read: ReadContext): Node {
  const literal = literalTree(text);
  if (literal) return literal;
  // A long text is read as it comes: answers are short, and the memo holds only what it can afford to.
  if (text.length > READ_MEMO_CHARS) return parseMath(prepareFor(type, text), read);
  const byType = readingsOf(read);
  let kept = byType.get(type);
  if (!kept) byType.set(type, (kept = new Map()));
  let reading = kept.get(text);
  if (reading === undefined) {
    try {
      reading = parseMath(prepareFor(type, text), read);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      reading = e;
    }
    // Full, all are dropped: a map kept in order of use by deleting its oldest entry scans past every
    // entry deleted before it (V8 leaves holes), which cost more than the reading it saved.
    if (kept.size >= READ_MEMO_MAX) kept.clear();
    kept.set(text, reading);
  }
  if (reading instanceof ParseError) throw reading;
  return reading;
}
