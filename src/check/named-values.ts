import type { Node } from '../math/latex/ast.js';

/**
 * The value an answer names: `k = \frac{1}{3}` is 1/3, `x = 5 + 5 + 1 = 11` is 11 (the last side
 * of an equality chain), `\mu = 1/3 \approx 0.33` is 1/3 (what stands before a first `≈`, the
 * exact value), and in a list each item is read so (`k = 45, n = 2` is 45, 2).
 */
export function valueOf(n: Node): Node {
  if ((n.kind === 'tuple' && n.open === '') || n.kind === 'set') return { ...n, items: n.items.map(valueOf) };
  if (n.kind !== 'rel') return n;
  // `\|\Delta W\|_2 \le \sqrt{d_{in}}` answers "what is the largest ..." with its bound.
  if (n.ops.length === 1 && ['<=', '<', '>=', '>'].includes(n.ops[0]!) && isNameLike(n.args[0]!) && !isNameLike(n.args[1]!)) return n.args[1]!;
  // `\lambda \in \{1, 3\}` answers "find the eigenvalues" with the set its name ranges over.
  if (n.ops.length === 1 && n.ops[0] === 'in' && isNameLike(n.args[0]!) && n.args[1]!.kind === 'set') return n.args[1]!;
  // `2c d_out d_in^2 \rightarrow \text{updated runtime}`: words are not the value.
  if (n.args.some((a) => a.kind === 'text')) {
    const values = n.args.filter((a) => a.kind !== 'text');
    if (values.length === 1) return values[0]!;
    if (values.length > 1) return valueOf({ ...n, args: values, ops: n.ops.slice(0, values.length - 1) });
  }
  const approx = n.ops.indexOf('~');
  const ops = approx >= 0 ? n.ops.slice(0, approx) : n.ops;
  const args = approx >= 0 ? n.args.slice(0, approx + 1) : n.args;
  if (!ops.every((o) => o === '=' || o === 'implies' || o === 'assign')) return n;
  if (approx === 0) return n.args[1]!;
  // `2c d_out^2 d_in = \Theta(d_out^2 d_in)`: the exact side is the value, not its order.
  const exact = args.filter((a) => !isOrderOfGrowth(a));
  return (exact.length ? exact : args)[(exact.length ? exact : args).length - 1]!;
}

/** Whether a node only names something (`x`, `f(x)`, `(p, q)`), so `name = value` gives a value. */
export function isName(n: Node): boolean {
  if (n.kind === 'sym') return true;
  if (n.kind === 'call' && n.opaque) return true;
  if (n.kind === 'tuple') return n.items.every(isName);
  return false;
}

/**
 * Whether a side only names a quantity (`|AB|`, `A : B`, `\frac{NO}{BO}`, `f(x)`, `S_1`), built
 * from symbols alone — not a formula like `a + 3z` whose value the answer must give whole.
 */
export function isNameLike(n: Node): boolean {
  switch (n.kind) {
    case 'sym':
      return true;
    case 'mul':
      return n.factors.every(isNameLike);
    case 'div':
      return isNameLike(n.num) && isNameLike(n.den);
    case 'call':
      return (!!n.opaque || n.fn === 'abs' || n.fn === 'norm') && n.args.every((a) => a.kind === 'sym' || isNameLike(a));
    case 'transpose':
      return isNameLike(n.arg);
    case 'tuple':
      return n.items.every(isNameLike);
    default:
      return false;
  }
}

/** `O(...)`, `\Theta(...)`, `\Omega(...)`. */
export function isOrderOfGrowth(n: Node): boolean {
  return n.kind === 'call' && (n.fn === 'O' || n.fn === 'Theta' || n.fn === 'Omega');
}
