import type { Node } from './latex/ast.js';
import { evaluate, type Point, type WorkBudget } from './evaluate.js';
import { children, freeSymbols } from './sampling.js';

/** How many boundary points one comparison tries at most (each costs two evaluations). */
const MAX_BOUNDARIES = 32;

/**
 * Points where a condition of a case or an indicator inside a tree changes (`x 1_{\{wx+b>0\}}`
 * at wx + b = 0), found from a sampled point by moving one symbol of the condition onto its
 * boundary. Random points almost never land there, so `1_{\{x>0\}}` and `1_{\{x\ge 0\}}` inside a
 * product would agree at every one of them. Conditions linear in the symbol are solved exactly;
 * a point found off the boundary is dropped.
 */
export function caseBoundaries(trees: Node[], at: Point, budget: WorkBudget): Point[] {
  const out: Point[] = [];
  const conditions: Node[] = [];
  const walk = (n: Node) => {
    if (n.kind === 'cases') for (const c of n.cases) if (c.when !== 'otherwise') conditions.push(...(c.when.kind === 'tuple' ? c.when.items : [c.when]));
    for (const child of children(n)) walk(child);
  };
  for (const t of trees) walk(t);
  for (const cond of conditions) {
    if (cond.kind !== 'rel' || cond.args.length !== 2 || cond.ops[0] === 'in') continue;
    const [lhs, rhs] = cond.args as [Node, Node];
    const gap = (p: Point) => {
      const a = evaluate(lhs, p, budget);
      const b = evaluate(rhs, p, budget);
      return typeof a === 'number' && typeof b === 'number' ? a - b : NaN;
    };
    for (const v of freeSymbols(cond)) {
      const v0 = at.get(v);
      if (typeof v0 !== 'number') continue;
      const moved = (x: number) => new Map(at).set(v, x);
      const d0 = gap(at);
      const d1 = gap(moved(v0 + 1));
      if (!Number.isFinite(d0) || !Number.isFinite(d1) || d1 === d0) continue;
      const root = v0 - d0 / (d1 - d0);
      const point = moved(root);
      if (Math.abs(gap(point)) > 1e-9 * Math.max(1, Math.abs(root))) continue;
      out.push(point);
      if (out.length >= MAX_BOUNDARIES) return out;
    }
  }
  return out;
}
