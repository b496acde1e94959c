import type { AnswerType } from '../model/answer-spec.js';
import type { Node } from '../math/latex/ast.js';
import { parseMath, type ReadContext } from '../math/latex/parse.js';
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

/**
 * Reads a text as an answer of `type`: its notation normalised for the type (`prepareFor`),
 * then the LaTeX reader. Throws what the reader throws (`ParseError`, `LimitError`).
 */
export function readAnswerText(type: AnswerType, text: string, read: ReadContext): Node {
  return literalTree(text) ?? parseMath(prepareFor(type, text), read);
}
