import { QuietError } from '../math/quiet-error.js';
import type { Node } from '../math/latex/ast.js';
import type { Cas } from './equivalence.js';

/** MathJSON, the expression form compute-engine reads. */
type MathJson = number | string | MathJson[];

const FUNCTIONS: Record<string, string> = {
  sin: 'Sin',
  cos: 'Cos',
  tan: 'Tan',
  sec: 'Sec',
  csc: 'Csc',
  cot: 'Cot',
  asin: 'Arcsin',
  acos: 'Arccos',
  atan: 'Arctan',
  sinh: 'Sinh',
  cosh: 'Cosh',
  tanh: 'Tanh',
  ln: 'Ln',
  log: 'Ln',
  exp: 'Exp',
  sqrt: 'Sqrt',
  abs: 'Abs',
  floor: 'Floor',
  ceil: 'Ceil',
  factorial: 'Factorial',
  max: 'Max',
  min: 'Min',
  binom: 'Binomial',
};

class Unsupported extends QuietError {}

/**
 * Our tree as MathJSON. Symbols are renamed to plain identifiers so that compute-engine cannot
 * reinterpret them (it would read `e` or `i` as constants).
 */
function toMathJson(n: Node, names: Map<string, string>): MathJson {
  const rec = (x: Node) => toMathJson(x, names);
  switch (n.kind) {
    case 'num':
      return n.value.d === 1n ? Number(n.value.n) : ['Rational', Number(n.value.n), Number(n.value.d)];
    case 'sym': {
      let id = names.get(n.name);
      if (!id) {
        id = `v${names.size}`;
        names.set(n.name, id);
      }
      return id;
    }
    case 'const':
      return n.name === 'pi' ? 'Pi' : n.name === 'e' ? 'ExponentialE' : 'PositiveInfinity';
    case 'add':
      return ['Add', ...n.terms.map(rec)];
    case 'mul':
    case 'cross':
      return ['Multiply', ...n.factors.map(rec)];
    case 'neg':
      return ['Negate', rec(n.arg)];
    case 'div':
      return ['Divide', rec(n.num), rec(n.den)];
    case 'pow':
      return ['Power', rec(n.base), rec(n.exp)];
    case 'root':
      return ['Root', rec(n.arg), rec(n.index)];
    case 'percent':
      return ['Divide', rec(n.arg), 100];
    case 'call': {
      const fn = n.opaque ? undefined : FUNCTIONS[n.fn];
      if (!fn) throw new Unsupported(n.fn);
      return [fn, ...n.args.map(rec)];
    }
    default:
      throw new Unsupported(n.kind);
  }
}

/**
 * A CAS stage backed by compute-engine: `a − b` simplified to 0 proves `a = b`. Loading it
 * takes a few hundred milliseconds, so workers load it once at start.
 */
export async function loadCas(): Promise<Cas> {
  const { ComputeEngine } = await import('@cortex-js/compute-engine');
  const ce = new ComputeEngine();
  return {
    equal(a: Node, b: Node): boolean | undefined {
      try {
        const names = new Map<string, string>();
        const diff = ce.box(['Subtract', toMathJson(a, names), toMathJson(b, names)] as never).simplify();
        const json = diff.json as unknown;
        if (json === 0) return true;
        return undefined;
      } catch {
        return undefined;
      }
    },
  };
}
