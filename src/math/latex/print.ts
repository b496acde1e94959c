import type { Node } from './ast.js';
import { toString as ratString } from '../rational.js';

const PREC = { rel: 1, add: 2, mul: 3, neg: 4, pow: 5, atom: 6 } as const;

function prec(n: Node): number {
  switch (n.kind) {
    case 'rel':
      return PREC.rel;
    case 'add':
    case 'pm':
    case 'union':
      return PREC.add;
    case 'mul':
    case 'cross':
    case 'div':
      return PREC.mul;
    case 'neg':
      return PREC.neg;
    case 'pow':
      return PREC.pow;
    case 'num':
      return n.value.n < 0n ? PREC.neg : PREC.atom;
    default:
      return PREC.atom;
  }
}

function wrap(n: Node, min: number): string {
  const s = printMath(n);
  return prec(n) < min ? `(${s})` : s;
}

const REL_TEXT: Record<string, string> = {
  '=': '=',
  '<': '<',
  '>': '>',
  '<=': '≤',
  '>=': '≥',
  '!=': '≠',
  '~': '≈',
  in: '∈',
  assign: '←',
  ratio: ':',
  implies: '⇒',
};

/** A compact plain-text rendering of a tree, for reasons and the normalized answer fields. */
/** The subscript each norm prints with (the plain norm: Frobenius, Euclidean for a vector). */
const NORM_MARKS: Record<string, string> = { norm: '', norm2: '₂', norm1: '₁', normInf: '_∞' };

export function printMath(n: Node): string {
  switch (n.kind) {
    case 'num':
      return n.text.includes('.') || n.value.d === 1n ? n.text : ratString(n.value);
    case 'sym':
      return n.name;
    case 'const':
      return n.name === 'infinity' ? '∞' : n.name === 'pi' ? 'π' : 'e';
    case 'add':
      return n.terms.map((t, i) => (i === 0 ? wrap(t, PREC.add) : t.kind === 'neg' ? `- ${wrap(t.arg, PREC.mul)}` : `+ ${wrap(t, PREC.add)}`)).join(' ');
    case 'mul':
      // Two numbers side by side would read as one (`3 2`): a dot keeps them apart.
      return n.factors
        .map((f) => wrap(f, PREC.neg))
        .map((text, i) => (i > 0 && /^\d/.test(text) ? `· ${text}` : text))
        .join(' ');
    case 'cross':
      return n.factors.map((f) => wrap(f, PREC.neg)).join(' × ');
    case 'neg':
      return `-${wrap(n.arg, PREC.mul)}`;
    case 'div':
      return `${wrap(n.num, PREC.mul)}/${wrap(n.den, PREC.pow)}`;
    case 'pow':
      return `${wrap(n.base, PREC.atom)}^${wrap(n.exp, PREC.atom)}`;
    case 'pm':
      return n.left ? `${printMath(n.left)} ± ${wrap(n.right, PREC.mul)}` : `±${wrap(n.right, PREC.mul)}`;
    case 'call':
      if (n.fn === 'floor') return `⌊${printMath(n.args[0]!)}⌋`;
      if (n.fn === 'ceil') return `⌈${printMath(n.args[0]!)}⌉`;
      if (n.fn === 'abs') return `|${printMath(n.args[0]!)}|`;
      if (n.fn === 'factorial') return `${wrap(n.args[0]!, PREC.atom)}!`;
      if (n.indexed) return `${n.fn}_{${n.args.map(printMath).join(',')}}`;
      if (n.fn in NORM_MARKS) return `‖${printMath(n.args[0]!)}‖${NORM_MARKS[n.fn]}`;
      return `${n.fn}(${n.args.map(printMath).join(', ')})`;
    case 'root':
      return `root(${printMath(n.index)}, ${printMath(n.arg)})`;
    case 'bigop':
      return `${n.op}(${n.index}=${printMath(n.lower)}..${printMath(n.upper)}, ${printMath(n.body)})`;
    case 'percent':
      return `${wrap(n.arg, PREC.atom)}%`;
    case 'transpose':
      return `${wrap(n.arg, PREC.atom)}ᵀ`;
    case 'tuple':
      return `${n.open || ''}${n.items.map(printMath).join(', ')}${n.close || ''}`;
    case 'set':
      return `{${n.items.map(printMath).join(', ')}}`;
    case 'interval':
      return `${n.loClosed ? '[' : '('}${printMath(n.lo)}, ${printMath(n.hi)}${n.hiClosed ? ']' : ')'}`;
    case 'union':
      return n.parts.map(printMath).join(' ∪ ');
    case 'matrix':
      return `[${n.rows.map((r) => r.map(printMath).join(', ')).join('; ')}]`;
    case 'cases':
      return `{ ${n.cases.map((c) => `${printMath(c.value)} if ${c.when === 'otherwise' ? 'otherwise' : printMath(c.when)}`).join('; ')} }`;
    case 'rel':
      return n.args.map((a, i) => (i === 0 ? printMath(a) : `${REL_TEXT[n.ops[i - 1]!]} ${printMath(a)}`)).join(' ');
    case 'text':
      return n.text;
  }
}
