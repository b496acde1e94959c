import type { Node } from '../math/latex/ast.js';
import type { SymbolAssumptions } from '../model/symbols.js';
import { evaluate, type Point } from '../math/evaluate.js';
import { freeSymbols, samplePoint } from '../math/sampling.js';
import { hashString, seededRandom } from '../math/random.js';
import { printMath } from '../math/latex/print.js';
import type { CheckContext } from './context.js';

/**
 * Whether an equation (`c^2 d_in = 1`, `1/c^2 = d_in`) has exactly the key's solution for the
 * solved-for symbol (`c = 1/√d_in`) within that symbol's assumptions (c > 0 rules out −1/√d_in).
 * At random points of the other symbols the key's value must satisfy the equation, and other
 * values of the symbol (its negative, nearby and random values its assumptions allow) must not.
 * Returns a reason when the equation fails, undefined when it has the same solution.
 */
export function sameSolution(target: string, value: Node, left: Node, right: Node, ctx: CheckContext): string | undefined {
  const others = [...new Set([...freeSymbols(value), ...freeSymbols(left), ...freeSymbols(right)])].filter((s) => s !== target);
  const rng = seededRandom(hashString(`${target}=${printMath(value)}|${printMath(left)}=${printMath(right)}`));
  const assumption = ctx.symbols[target] ?? {};
  const residual = (p: Point): number => {
    const a = evaluate(left, p, ctx.budget);
    const b = evaluate(right, p, ctx.budget);
    if (typeof a !== 'number' || typeof b !== 'number') return NaN;
    return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
  };
  let verified = 0;
  for (let i = 0; i < 40 && verified < 6; i++) {
    const p = samplePoint(rng, others, ctx.symbols);
    const v = evaluate(value, p, ctx.budget);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const at = (x: number) => new Map(p).set(target, x);
    const r = residual(at(v));
    if (Number.isNaN(r)) continue;
    if (r > 1e-9) return `${printMath(left)} = ${printMath(right)} does not hold for ${target} = ${printMath(value)}`;
    const random = samplePoint(rng, [target], ctx.symbols).get(target);
    const alternatives = [-v, v * 1.5, v * 0.5, v + 1, typeof random === 'number' ? random : NaN];
    for (const alt of alternatives) {
      if (!Number.isFinite(alt) || Math.abs(alt - v) < 1e-9 * Math.max(1, Math.abs(v)) || !allowed(alt, assumption)) continue;
      if (residual(at(alt)) <= 1e-9) return `${printMath(left)} = ${printMath(right)} also holds for ${target} = ${Number(alt.toPrecision(6))}, not only for ${printMath(value)}`;
    }
    verified++;
  }
  return verified >= 3 ? undefined : `could not test ${printMath(left)} = ${printMath(right)} against ${target} = ${printMath(value)}`;
}

function allowed(x: number, a: SymbolAssumptions): boolean {
  if (a.positive && !(x > 0)) return false;
  if (a.nonnegative && x < 0) return false;
  if (a.nonzero && x === 0) return false;
  if (a.integer && !Number.isInteger(x)) return false;
  if (typeof a.min === 'number' && x < a.min) return false;
  if (typeof a.max === 'number' && x > a.max) return false;
  return true;
}
