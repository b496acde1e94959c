import type { AnswerType } from '../model/answer-spec.js';
import type { Node } from '../math/latex/ast.js';
import { isConstant } from './scalar.js';

function isPowerOfTen(n: Node): boolean {
  return n.kind === 'pow' && n.base.kind === 'num' && n.base.text === '10';
}

/**
 * The answer type a key's bare string implies (KEY-FORMAT.md: "its type is inferred"):
 * the tree's outer form decides; a `×` chain is a shape unless it is scientific notation.
 */
export function inferType(n: Node, raw: string): AnswerType {
  if (/\\(?:leftarrow|gets)\b|:=|\\coloneqq/.test(raw)) return 'update';
  switch (n.kind) {
    case 'cases':
      return 'piecewise';
    case 'matrix':
      return n.rows.length === 1 || n.rows.every((r) => r.length === 1) ? 'vector' : 'matrix';
    case 'set':
      return 'set';
    case 'interval':
    case 'union':
      return 'interval';
    case 'rel':
      // `y[n] = \begin{cases}...`: the name says what the piecewise value is of.
      if (n.ops.every((o) => o === '=') && n.args[n.args.length - 1]!.kind === 'cases') return 'piecewise';
      if (n.ops.every((o) => o === '=')) return 'equation';
      if (n.ops.every((o) => o === 'assign')) return 'update';
      if (n.ops.every((o) => o === '~')) return 'number';
      return 'relation';
    case 'cross':
      if (n.factors.length === 2 && isPowerOfTen(n.factors[1]!)) return 'number';
      return 'shape';
    case 'tuple':
      if (n.items.length && n.items.every((i) => i.kind === 'tuple')) return n.open === '' ? 'set' : 'matrix';
      return n.open === '' ? 'set' : 'tuple';
    case 'text':
      return 'choice';
    case 'div':
      if (n.num.kind === 'pm') return 'set';
      return isConstant(n) ? 'number' : 'expression';
    case 'transpose':
      // `(1, 2, 3)^\top` is a column; `(A + B)^\top` is an expression in matrices.
      return n.arg.kind === 'tuple' || n.arg.kind === 'matrix' ? 'vector' : 'expression';
    case 'pm':
      return 'set';
    case 'mul': {
      // `\frac{1}{3}\begin{bmatrix} ... \end{bmatrix}`: a number times a matrix is a matrix.
      const arrays = n.factors.filter((f) => f.kind === 'matrix');
      if (arrays.length === 1 && n.factors.every((f) => f === arrays[0] || isConstant(f))) return inferType(arrays[0]!, '');
      return isConstant(n) ? 'number' : 'expression';
    }
    default:
      return isConstant(n) ? 'number' : 'expression';
  }
}
