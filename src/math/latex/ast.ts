import type { Rational } from '../rational.js';

/**
 * The tree an answer is read into. It keeps the structure that matters for grading (a shape
 * written `28 \times 28 \times 10` is a `cross` node, not 7840; a tuple is not a set; an
 * interval knows its open and closed ends), and nothing of the notation that does not.
 */
export type Node =
  | { kind: 'num'; value: Rational; text: string }
  | { kind: 'sym'; name: string }
  | { kind: 'const'; name: 'pi' | 'e' | 'infinity' }
  | { kind: 'add'; terms: Node[] }
  | { kind: 'mul'; factors: Node[] }
  /** A product written with `\times`: the same value as `mul`, but a shape is read from it. */
  | { kind: 'cross'; factors: Node[] }
  | { kind: 'neg'; arg: Node }
  | { kind: 'div'; num: Node; den: Node }
  | { kind: 'pow'; base: Node; exp: Node }
  | { kind: 'pm'; left: Node | null; right: Node }
  /**
   * A known function (`sqrt`, `floor`, `sin`, ...) or an opaque one (`f`, `sigma'`, `softmax`).
   * `indexed`: an entry of an indexed family, `x_{i+h-1, j}` (the family is a function of its indices).
   */
  | { kind: 'call'; fn: string; args: Node[]; opaque?: boolean; indexed?: true }
  | { kind: 'root'; index: Node; arg: Node }
  | { kind: 'bigop'; op: 'sum' | 'prod'; index: string; lower: Node; upper: Node; body: Node }
  | { kind: 'percent'; arg: Node }
  | { kind: 'transpose'; arg: Node }
  /** `(a, b)`, `[a, b]`, or a bare `a, b`. */
  | { kind: 'tuple'; items: Node[]; open: '(' | '[' | ''; close: ')' | ']' | '' }
  | { kind: 'set'; items: Node[] }
  | { kind: 'interval'; lo: Node; hi: Node; loClosed: boolean; hiClosed: boolean }
  | { kind: 'union'; parts: Node[] }
  | { kind: 'matrix'; rows: Node[][] }
  | { kind: 'cases'; cases: { value: Node; when: Node | 'otherwise' }[] }
  /** A chain `a = b`, `0 \le n \le 6`, `v \leftarrow ...`, `x \in [0, 1]`. */
  | { kind: 'rel'; ops: RelOp[]; args: Node[] }
  /** Words the reader kept as words (`\text{odd}`, a choice's name). */
  | { kind: 'text'; text: string };

export type RelOp = '=' | '<' | '>' | '<=' | '>=' | '!=' | '~' | 'in' | 'assign' | 'ratio' | 'implies';

export type NodeKind = Node['kind'];

export type NodeOf<K extends NodeKind> = Extract<Node, { kind: K }>;
