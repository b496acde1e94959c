import type { Node } from '../math/latex/ast.js';

type Interval = Extract<Node, { kind: 'interval' }>;
const INF: Node = { kind: 'const', name: 'infinity' };
const neg = (n: Node): Node => ({ kind: 'neg', arg: n });

/**
 * A bound on an absolute value as the intervals it means: `|α| ≤ b` is [-b, b], `1 ≤ |z| ≤ 3/2`
 * is [-3/2, -1] ∪ [1, 3/2], `|x| > a` is (-∞, -a) ∪ (a, ∞). Undefined for anything else.
 */
export function absoluteRange(n: Node): Node | undefined {
  if (n.kind !== 'rel' || n.ops.some((o) => !['<', '<=', '>', '>='].includes(o))) return undefined;
  const lower = (o: string) => o === '<' || o === '<=';
  if (n.ops.length === 1) {
    const [a, b] = n.args as [Node, Node];
    const [abs, bound, op] = isAbs(a) ? [a, b, n.ops[0]!] : isAbs(b) ? [b, a, flip(n.ops[0]!)] : [undefined, b, n.ops[0]!];
    if (!abs) return undefined;
    const closed = op === '<=' || op === '>=';
    if (lower(op)) return interval(neg(bound), bound, closed, closed);
    return { kind: 'union', parts: [interval(neg(INF), neg(bound), false, closed), interval(bound, INF, closed, false)] };
  }
  if (n.ops.length === 2 && isAbs(n.args[1]!) && n.ops.every(lower) !== n.ops.every((o) => !lower(o))) {
    const up = n.ops.every(lower);
    const [lo, hi] = up ? [n.args[0]!, n.args[2]!] : [n.args[2]!, n.args[0]!];
    const [loClosed, hiClosed] = up ? [n.ops[0] === '<=', n.ops[1] === '<='] : [n.ops[1] === '>=', n.ops[0] === '>='];
    return { kind: 'union', parts: [interval(neg(hi), neg(lo), hiClosed, loClosed), interval(lo, hi, loClosed, hiClosed)] };
  }
  return undefined;
}

function isAbs(n: Node): boolean {
  return n.kind === 'call' && n.fn === 'abs' && n.args.length === 1 && n.args[0]!.kind === 'sym';
}

function flip(op: string): string {
  return op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : '<=';
}

function interval(lo: Node, hi: Node, loClosed: boolean, hiClosed: boolean): Interval {
  return { kind: 'interval', lo, hi, loClosed, hiClosed };
}
