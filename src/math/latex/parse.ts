import { printMath } from './print.js';
import { joinedNames, joinedPrefix, type JoinedName } from './joined-names.js';
import type { Node, RelOp } from './ast.js';
import { tokenize, type Token } from './tokenize.js';
import { foldMathLetters } from './math-letters.js';
import { DECORATIONS, FONT_COMMANDS, FUNCTION_LETTERS, GREEK, GREEK_ALIASES, JOINING_WORDS, KNOWN_FUNCTIONS, RELATION_COMMANDS } from './names.js';
import { parseDecimal } from '../rational.js';
import { freeSymbols } from '../sampling.js';
import { LIMITS, LimitError, checkInputBounds } from '../limits.js';
import { QuietError } from '../quiet-error.js';

/** An answer the reader could not read; `message` says what and where, in words. */
export class ParseError extends QuietError {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}

/** What the reader needs to know of the question to read an answer the way its author meant. */
export interface ReadContext {
  /** Declared symbols (canonical names). Multi-letter ones are read whole: `lr` is one symbol. */
  symbols?: Iterable<string>;
  /** Symbols that name functions: `f(x)` applies f. */
  functions?: Iterable<string>;
  /** Symbols that are matrices: `A'` transposes A. */
  matrices?: Iterable<string>;
  /** Indexed families: `x_{i+1, j}` is an entry of x, not a symbol named `x_i+1,j`. */
  indexed?: Iterable<string>;
  /** How many indices an indexed family takes, where the question says: `dw_hl` is `dw_{h,l}` for a family of two. */
  arity?: ReadonlyMap<string, number>;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** The operators a postfix starts with (`Parser.postfix`). */
const POSTFIX_OPS = new Set(['^', '²', '³', '!', '_', "'", '[', '(']);
/** Functions whose `^{-1}` names their inverse rather than a reciprocal. */
const TRIG_INVERSE_NAMES = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh', 'sech', 'csch', 'coth']);
/** The inverses the evaluator knows. */
const INVERSE_FUNCTIONS: Record<string, string> = { sin: 'asin', cos: 'acos', tan: 'atan' };

function isMinusOne(n: Node): boolean {
  return n.kind === 'neg' && n.arg.kind === 'num' && n.arg.text === '1';
}
const MATRIX_ENVS = new Set(['matrix', 'bmatrix', 'pmatrix', 'vmatrix', 'Bmatrix', 'Vmatrix', 'smallmatrix', 'array']);

/** What a reading context declares, in the forms the parser looks names up in. */
interface ContextNames {
  declared: ReadonlySet<string>;
  /** Multi-letter names, longest first, so that `lr` wins over `l`. */
  multiLetter: readonly string[];
  functions: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  matrices: ReadonlySet<string>;
  /** Declared subscripted names by the word they make written together (`dout` for `d_out`), longest first. */
  joined: readonly JoinedName[];
  arity: ReadonlyMap<string, number>;
}

/**
 * A context's names, worked out once per context: a key's answer keeps one context for every
 * candidate read against it, and building these sets anew was a tenth of reading a short answer.
 * The parser never changes them (it copies `indexed`, which it adds to).
 */
const NAMES = new WeakMap<ReadContext, ContextNames>();

function namesOf(ctx: ReadContext): ContextNames {
  let names = NAMES.get(ctx);
  if (!names) {
    const declared = new Set(ctx.symbols ?? []);
    names = {
      declared,
      multiLetter: [...declared].filter((s) => /^[A-Za-z]{2,}$/.test(s)).sort((a, b) => b.length - a.length),
      functions: new Set(ctx.functions ?? []),
      stems: new Set([...declared].map((s) => /^([A-Za-z]{2,})_/.exec(s)?.[1]).filter((s): s is string => !!s)),
      matrices: new Set(ctx.matrices ?? []),
      joined: joinedNames(declared),
      arity: ctx.arity ?? new Map(),
    };
    NAMES.set(ctx, names);
  }
  return names;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly declared: ReadonlySet<string>;
  private readonly multiLetter: readonly string[];
  private readonly functions: ReadonlySet<string>;
  private readonly matrices: ReadonlySet<string>;
  /** Multi-letter stems of declared subscripted names (`fan` of `fan_in`). */
  private readonly stems: ReadonlySet<string>;
  private readonly joined: readonly JoinedName[];
  private readonly arity: ReadonlyMap<string, number>;
  /** Families seen indexed, declared or inferred (a subscript that uses a sum's index). */
  readonly indexed: Set<string>;
  /** How many `|...|` absolute values are open: inside one, a bar closes it. */
  private barsDepth = 0;
  /** How many `\|` norms are open: inside one, the next `\|` closes it rather than opening another. */
  private normDepth = 0;
  /** Indices of the sums being read, innermost last. */
  private readonly bound: string[] = [];

  constructor(
    private toks: Token[],
    ctx: ReadContext,
  ) {
    const names = namesOf(ctx);
    this.declared = names.declared;
    this.multiLetter = names.multiLetter;
    this.functions = names.functions;
    this.stems = names.stems;
    this.matrices = names.matrices;
    this.joined = names.joined;
    this.arity = names.arity;
    // The parser adds to these: its own copy.
    this.indexed = new Set(ctx.indexed ?? []);
  }

  // ---- token helpers -------------------------------------------------------------------

  private peek(offset = 0): Token | undefined {
    return this.toks[this.pos + offset];
  }
  private next(): Token {
    const t = this.toks[this.pos++];
    if (!t) throw new ParseError('the answer ends too early');
    return t;
  }
  private isOp(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.t === 'op' && t.v === v;
  }
  private isCmd(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.t === 'cmd' && t.v === v;
  }
  private expectOp(v: string): void {
    const t = this.peek();
    if (!(t?.t === 'op' && t.v === v)) {
      throw new ParseError(`expected "${v}" ${t ? `but found "${show(t)}"` : 'at the end'}`);
    }
    this.pos++;
  }
  private enter(): void {
    if (++this.depth > LIMITS.nestingDepth) throw new LimitError(`the answer nests deeper than ${LIMITS.nestingDepth} levels`);
  }
  private leave(): void {
    this.depth--;
  }
  atEnd(): boolean {
    return this.pos >= this.toks.length;
  }
  rest(): Token | undefined {
    return this.peek();
  }

  /**
   * Splits the current multi-character token so that only its first character is consumed, as
   * LaTeX does for `\frac12`, `x^23` and `\sqrt3`.
   */
  private takeOneChar(): Token {
    const t = this.next();
    if ((t.t === 'num' || t.t === 'word') && t.v.length > 1) {
      this.toks.splice(this.pos, 0, { ...t, v: t.v.slice(1), pos: t.pos + 1 });
      return { ...t, v: t.v[0]! };
    }
    return t;
  }

  /** One LaTeX argument: a `{group}` or a single character or command. */
  private argument(): Node {
    if (this.isOp('{')) {
      this.pos++;
      const inner = this.isOp('}') ? null : this.list();
      this.expectOp('}');
      if (!inner) throw new ParseError('an empty {} where a value was expected');
      return inner;
    }
    const t = this.takeOneChar();
    this.pos--;
    this.toks[this.pos] = t;
    return this.postfixless();
  }

  /** The raw tokens of a `{group}` (or one token), for subscripts and environment names. */
  private rawArgument(): Token[] {
    if (this.isOp('{')) {
      this.pos++;
      const start = this.pos;
      let depth = 1;
      while (!this.atEnd()) {
        const t = this.next();
        if (t.t === 'op' && t.v === '{') depth++;
        if (t.t === 'op' && t.v === '}' && --depth === 0) return this.toks.slice(start, this.pos - 1);
      }
      throw new ParseError('a "{" is never closed');
    }
    // AsciiMath's group in brackets (`d_(in)`, `W_(ij)`), as LaTeX writes `d_{in}`; a bracket after `_` means nothing else.
    if (this.isOp('(')) {
      let end = this.pos + 1;
      while (end < this.toks.length && end - this.pos <= 12 && !(this.toks[end]!.t === 'op' && '()'.includes(this.toks[end]!.v))) end++;
      if (end > this.pos + 1 && this.toks[end]?.t === 'op' && this.toks[end]!.v === ')') {
        const inside = this.toks.slice(this.pos + 1, end);
        this.pos = end + 1;
        return inside;
      }
    }
    const t = this.peek();
    if (!t) throw new ParseError('the answer ends after "_" or "^"');
    // Plain-text subscripts (`d_in`) read the whole word, as KEY-FORMAT's canonical names do;
    // a word followed by another subscript (`4d_hd_x`) is one letter and then a new symbol.
    if (t.t === 'word' && !(t.v.length > 1 && this.isOp('_', 1))) return [this.next()];
    return [this.takeOneChar()];
  }

  // ---- grammar -------------------------------------------------------------------------

  /** list := group (';' group)*, where `p = 5, q = 2; p = 7, q = 2` is two groups of two. */
  list(): Node {
    const first = this.group();
    if (!this.isOp(';')) return first;
    const groups = [first];
    while (this.isOp(';')) {
      this.pos++;
      if (this.atEnd() || this.isCloser()) break;
      groups.push(this.group());
    }
    return { kind: 'tuple', items: groups, open: '', close: '' };
  }

  /** group := relation ((',' | 'and' | 'or') relation)* */
  private group(): Node {
    this.enter();
    const items = [this.relation()];
    while (this.isSeparator()) {
      while (this.isSeparator()) this.pos++;
      if (this.atEnd() || this.isCloser()) break;
      items.push(this.relation());
    }
    this.leave();
    return items.length === 1 ? items[0]! : { kind: 'tuple', items, open: '', close: '' };
  }

  private isSeparator(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'op' && t.v === ',') return true;
    if (t.t === 'word' && JOINING_WORDS.has(t.v)) return true;
    if (t.t === 'text' && JOINING_WORDS.has(t.v.trim().toLowerCase())) return true;
    return false;
  }

  private isCloser(): boolean {
    const t = this.peek();
    if (!t) return true;
    // A bar closes an absolute value or a condition's first part, unless it opens a new absolute value (`\ln |x|`).
    if (t.t === 'op') return [')', ']', '}', '&', '\\\\'].includes(t.v) || (t.v === '|' && !(this.barsDepth === 0 && this.pairedBar()));
    if (t.t === 'cmd') return ['}', 'rfloor', 'rceil', 'end', 'rvert', 'rangle', 'mid'].includes(t.v) || (['|', 'Vert', 'rVert'].includes(t.v) && this.normDepth > 0);
    return false;
  }

  private relOp(): RelOp | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.t === 'op') {
      const map: Record<string, RelOp> = {
        '=': '=',
        '<': '<',
        '>': '>',
        '<=': '<=',
        '>=': '>=',
        '!=': '!=',
        ':=': 'assign',
        '->': 'implies',
        '=>': 'implies',
        ':': 'ratio',
      };
      return map[t.v];
    }
    if (t.t === 'cmd') return RELATION_COMMANDS[t.v] as RelOp | undefined;
    return undefined;
  }

  /** relation := additive (relop additive)* */
  private relation(): Node {
    const args: Node[] = [];
    const ops: RelOp[] = [];
    // A relation may begin with its operator when a model writes `= 5` or `\approx 3`.
    if (this.relOp() && this.relOp() !== 'ratio') {
      this.pos++;
    }
    args.push(this.additive());
    for (let op = this.relOp(); op; op = this.relOp()) {
      this.pos++;
      // `\le` followed by `=` (`\leq=`) is one operator as people type it.
      if (this.isOp('=') && (op === '<' || op === '>')) {
        this.pos++;
        op = op === '<' ? '<=' : '>=';
      }
      if (op === 'ratio') {
        // `7:32` is a ratio: one value, tighter than `=` (`S_1 : S_2 = 7 : 32`).
        const last = args.pop()!;
        args.push({ kind: 'div', num: last, den: this.additive() });
        continue;
      }
      ops.push(op);
      if (this.atEnd() || (this.isCloser() && !this.isOp('|')) || this.isSeparator()) {
        throw new ParseError(`nothing after "${op === 'assign' ? '\\leftarrow' : op}"`);
      }
      args.push(this.additive());
    }
    return ops.length ? { kind: 'rel', ops, args } : args[0]!;
  }

  /** additive := term (('+' | '-' | '\pm' | '\cup') term)* */
  private additive(): Node {
    this.enter();
    let first: Node;
    if (this.isCmd('pm') || this.isCmd('mp')) {
      this.pos++;
      first = { kind: 'pm', left: null, right: this.term() };
    } else {
      first = this.term();
    }
    const terms: Node[] = [first];
    let union: Node[] | null = null;
    for (;;) {
      if (this.isOp('+')) {
        this.pos++;
        if (this.atEnd() || this.isCloser()) break; // `(1, +\infty)` is handled in unary; a dangling + is noise
        terms.push(this.term());
      } else if (this.isOp('-')) {
        this.pos++;
        terms.push({ kind: 'neg', arg: this.term() });
      } else if (this.isCmd('pm') || this.isCmd('mp')) {
        this.pos++;
        const left = terms.length === 1 ? terms[0]! : { kind: 'add' as const, terms: terms.splice(0) };
        terms.length = 0;
        terms.push({ kind: 'pm', left, right: this.term() });
      } else if (this.isCmd('cup')) {
        this.pos++;
        union ??= [];
        union.push(terms.length === 1 ? terms[0]! : { kind: 'add', terms: [...terms] });
        terms.length = 0;
        terms.push(this.term());
      } else break;
    }
    this.leave();
    const sum: Node = terms.length === 1 ? terms[0]! : { kind: 'add', terms };
    if (union) return { kind: 'union', parts: [...union, sum] };
    return sum;
  }

  /** term := unary (('*' | '/' | '\cdot' | '\times' | '\div' | implicit) unary)* */
  private term(): Node {
    let node = this.unary();
    let crossFactors: Node[] | null = null;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.t === 'cmd' && t.v === 'times') {
        this.pos++;
        crossFactors ??= [node];
        crossFactors.push(this.unary());
        continue;
      }
      if (crossFactors) {
        node = crossOf(crossFactors);
        crossFactors = null;
      }
      if ((t.t === 'op' && t.v === '*') || (t.t === 'cmd' && (t.v === 'cdot' || t.v === 'ast'))) {
        this.pos++;
        node = mul(node, this.unary());
      } else if ((t.t === 'op' && t.v === '/') || (t.t === 'cmd' && t.v === 'div')) {
        this.pos++;
        node = { kind: 'div', num: node, den: this.unary() };
      } else if (t.t === 'op' && t.v === '%') {
        this.pos++;
        node = { kind: 'percent', arg: node };
      } else if (this.startsFactor()) {
        const factor = this.unary();
        // A unit in \text{} after a value (`10\text{ units}`, `125 \textnormal{ miles}`) is dropped.
        if (factor.kind === 'text') continue;
        node = mul(node, factor);
      } else break;
    }
    if (crossFactors) node = crossOf(crossFactors);
    return node;
  }

  /** Whether the next token can begin a factor of an implicit product. */
  private startsFactor(): boolean {
    const t = this.peek();
    if (!t) return false;
    switch (t.t) {
      case 'num':
        return true;
      case 'word':
        return !JOINING_WORDS.has(t.v);
      case 'text':
        return !JOINING_WORDS.has(t.v.trim().toLowerCase());
      case 'cmd':
        if (this.normDepth > 0 && (t.v === '|' || t.v === 'Vert' || t.v === 'rVert')) return false;
        return (
          !(t.v in RELATION_COMMANDS) && !['times', 'cdot', 'div', 'pm', 'mp', 'cup', '}', 'rfloor', 'rceil', 'end', 'rvert', 'rangle', 'mid', 'ast', 'cdots', 'ldots', 'dots', 'quad'].includes(t.v)
        );
      case 'op':
        // `m|g|_1`, `2|x|`: a bar after a factor opens an absolute value when another closes it
        // before the bracket around it ends; in `P(A | B)` it is the condition's bar.
        return t.v === '(' || t.v === '[' || t.v === '{' || (t.v === '|' && this.barsDepth === 0 && this.pairedBar());
    }
  }

  /** Whether the `|` at the current position has a partner before the enclosing bracket closes. */
  private pairedBar(): boolean {
    let depth = 0;
    for (let k = this.pos + 1; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.t === 'op' && (t.v === '(' || t.v === '[' || t.v === '{')) depth++;
      else if (t.t === 'cmd' && (t.v === '{' || t.v === 'begin' || t.v === 'langle')) depth++;
      else if ((t.t === 'op' && (t.v === ')' || t.v === ']' || t.v === '}')) || (t.t === 'cmd' && (t.v === '}' || t.v === 'end' || t.v === 'rangle'))) {
        if (--depth < 0) return false;
      } else if (depth === 0 && t.t === 'op' && (t.v === '&' || t.v === '\\\\')) return false;
      else if (depth === 0 && t.t === 'op' && t.v === '|') return true;
    }
    return false;
  }

  /** unary := ('-' | '+') unary | power */
  private unary(): Node {
    if (this.isOp('-')) {
      this.pos++;
      return { kind: 'neg', arg: this.unary() };
    }
    if (this.isOp('+')) {
      this.pos++;
      return this.unary();
    }
    const open = this.peek();
    return this.postfix(this.postfixless(), open?.t === 'op' && (open.v === '(' || open.v === '['));
  }

  /**
   * Postfix operators: powers, subscripts (on names), factorials, primes, transposes, percent.
   * `grouped`: the base was written in brackets, so a subscript right after it indexes the group.
   */
  private postfix(base: Node, grouped = false): Node {
    for (let first = true; ; first = false) {
      // Every postfix starts with one of these: after most values none follows, and the tests below
      // (a score of them, some looking ahead) were the reader's largest cost of its own.
      const t = this.peek();
      if (t?.t !== 'op' || !POSTFIX_OPS.has(t.v)) break;
      if (this.isOp('^') && base.kind === 'sym' && this.superscriptNameThenT()) {
        // `W^{oT}`, `W^{s x T}`: the matrix W^o (W^sx), transposed.
        this.pos++;
        const toks = this.rawArgument();
        base = { kind: 'transpose', arg: { kind: 'sym', name: `${base.name}^${subscriptName(toks).replace(/T$/, '')}` } };
      } else if (this.isOp('^') && base.kind === 'sym' && this.declaredSuperscript(base.name)) {
        // `W^{o}` where the key declares `W^o`: a name, not a power.
        this.pos++;
        base = { kind: 'sym', name: `${base.name}^${subscriptName(this.rawArgument())}` };
      } else if (this.isOp("'") && base.kind !== 'sym' && this.mentionsMatrix(base)) {
        // (AB)' is the transpose of a product of matrices.
        while (this.isOp("'")) {
          this.pos++;
          base = base.kind === 'transpose' ? base.arg : { kind: 'transpose', arg: base };
        }
      } else if (this.isOp('^') && base.kind === 'sym' && this.isStarMark()) {
        // `w^*`, `\eta^{*}`: the optimum (or a conjugate), a name of its own, never a power.
        base = { kind: 'sym', name: `${base.name}^*` };
      } else if (this.isOp('^')) {
        this.pos++;
        if (this.isTransposeMark(base.kind !== 'num')) {
          base = { kind: 'transpose', arg: base };
          continue;
        }
        base = { kind: 'pow', base: ungrouped(base), exp: this.exponent() };
      } else if (this.isOp('²') || this.isOp('³')) {
        const v = this.next().v;
        base = { kind: 'pow', base, exp: num(v === '²' ? '2' : '3') };
      } else if (this.isOp('!') && !this.isOp('=', 1)) {
        this.pos++;
        base = { kind: 'call', fn: 'factorial', args: [base] };
      } else if (this.isOp('_') && base.kind === 'call' && (base.fn === 'norm' || base.fn === 'abs') && base.args.length === 1) {
        // `\|x\|_2`, `\|W\|_F`, and `|g|_1` as chats write it: which norm, not a factor.
        this.pos++;
        base = subscriptedNorm(base.args[0]!, subscriptName(this.rawArgument()));
      } else if (this.isOp('_') && base.kind === 'pow' && base.base.kind === 'call' && (base.base.fn === 'norm' || base.base.fn === 'abs') && base.base.args.length === 1) {
        // `\|x\|^2_2`: the subscript written after the power still names the norm.
        this.pos++;
        base = { ...base, base: subscriptedNorm(base.base.args[0]!, subscriptName(this.rawArgument())) };
      } else if (this.isOp('_') && grouped && first && (base.kind !== 'tuple' || base.items.length === 1)) {
        // `(A^k)_{ij}`, `[X^TX]_{ab}`: an entry of the bracketed matrix, a function of it and its indices.
        this.pos++;
        base = { kind: 'call', fn: 'entry', args: [base.kind === 'tuple' && base.items.length === 1 ? base.items[0]! : base, ...this.indices()], opaque: true };
      } else if (this.isOp('_') && base.kind === 'sym' && this.isIndexedSubscript(base.name)) {
        this.pos++;
        // `K_{j\cdot}`, `X_{i,:}`: the whole row j, a family of its own indexed by the row alone.
        const end = this.isOp('{') ? this.groupEnd(this.pos) : -1;
        const last = end > 0 ? this.toks[end - 2] : undefined;
        if (last && ((last.t === 'cmd' && last.v === 'cdot') || (last.t === 'op' && last.v === ':')) && end - this.pos > 3) {
          const marker = end - 2 - (this.isOp(',', end - 3 - this.pos) ? 1 : 0);
          this.toks.splice(marker, end - 1 - marker);
          const sub = this.argument();
          base = { kind: 'call', fn: `${base.name}_row`, args: sub.kind === 'tuple' && sub.open === '' ? sub.items : [sub], opaque: true, indexed: true };
          continue;
        }
        const args = this.entryIndices(base.name);
        this.indexed.add(base.name);
        base = { kind: 'call', fn: base.name, args, opaque: true, indexed: true };
      } else if (this.isOp('_') && base.kind === 'sym') {
        this.pos++;
        base = { kind: 'sym', name: `${base.name}_${subscriptName(this.rawArgument())}` };
      } else if (this.isOp("'") && base.kind === 'sym' && this.matrices.has(base.name)) {
        // A' of a matrix is its transpose, as MATLAB and many courses write it.
        while (this.isOp("'")) {
          this.pos++;
          base = base.kind === 'transpose' ? base.arg : { kind: 'transpose', arg: base };
        }
      } else if (this.isOp("'") && base.kind === 'sym') {
        // σ'(x): a derivative, read as a function of its own.
        while (this.isOp("'")) {
          this.pos++;
          base = { kind: 'sym', name: `${base.name}'` };
        }
      } else if (this.isOp('[') && base.kind === 'sym' && this.indexed.has(base.name) && this.entryBrackets() > 0) {
        // `x[i+h-1, j+l-1]`, `dw[h][l]`: an entry of an indexed family as code indexes an array, the
        // entry `x_{i+h-1, j+l-1}` is; one index in one bracket (`x[n-1]`) stays a signal's sample.
        const args: Node[] = [];
        for (let n = this.entryBrackets(); n > 0; n--) {
          this.pos++;
          const arg = this.list();
          this.expectOp(']');
          args.push(...(arg.kind === 'tuple' && arg.open === '' ? arg.items : [arg]));
        }
        base = { kind: 'call', fn: base.name, args, opaque: true, indexed: true };
      } else if (this.isOp('[') && base.kind === 'sym' && (base.name === 'u' || base.name === 'delta') && !this.declared.has(base.name)) {
        // Signals: u[n] is the unit step, \delta[n] the unit impulse.
        this.pos++;
        const arg = this.list();
        this.expectOp(']');
        base = { kind: 'call', fn: base.name === 'u' ? 'step' : 'impulse', args: [arg] };
      } else if (this.isOp('(') && base.kind === 'sym' && this.isPlaceholder(1) && this.isOp(')', 2)) {
        // `\phi(\cdot)`: the function itself, named with its argument left open (whatever the
        // name: a product with a placeholder means nothing).
        this.pos += 3;
      } else if (this.isOp('(') && base.kind === 'sym' && this.isFunctionName(base.name)) {
        this.pos++;
        const arg = this.isOp(')') ? null : this.list();
        this.expectOp(')');
        const args = arg ? (arg.kind === 'tuple' && arg.open === '' ? arg.items : [arg]) : [];
        base = { kind: 'call', fn: base.name, args, opaque: true };
      } else break;
    }
    return base;
  }

  /**
   * How many brackets from here index an entry: one that holds several indices (`[i, j]`), or a
   * run of two or more brackets side by side (`[i][j]`); 0 otherwise.
   */
  private entryBrackets(): number {
    let brackets = 0;
    let commas = 0;
    let depth = 0;
    for (let k = this.pos; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.t !== 'op') continue;
      if ('([{'.includes(t.v)) depth++;
      else if (')]}'.includes(t.v) && --depth === 0) {
        brackets++;
        const next = this.toks[k + 1];
        if (t.v !== ']' || !(next?.t === 'op' && next.v === '[' && next.pos === t.pos + 1)) break;
      } else if (t.v === ',' && depth === 1) commas++;
      if (depth < 0) return 0;
    }
    return commas > 0 && brackets === 1 ? 1 : commas === 0 && brackets >= 2 ? brackets : 0;
  }

  /**
   * After `_`, the indices of an entry of the family `name`: a list (`_{i,j}`), or one index. As
   * people type an entry with no braces or commas: letters run together are one index each when the
   * question says the family takes that many (`dw_hl`, `dy_{ij}`, `wₕₗ` of a family of two, unless the
   * word is a name of its own), and a list in round brackets is the list (`x_(i+h-1, j+l-1)`).
   */
  private entryIndices(name: string): Node[] {
    const arity = this.arity.get(name) ?? 1;
    const braced = this.isOp('{');
    const w = this.peek(braced ? 1 : 0);
    if (arity > 1 && w?.t === 'word' && w.v.length === arity && !this.declared.has(w.v) && (!braced || this.isOp('}', 2))) {
      this.pos += braced ? 3 : 1;
      return [...w.v].map((letter) => ({ kind: 'sym', name: letter }));
    }
    const sub = this.argument();
    const listed = sub.kind === 'tuple' && (sub.open === '' || (sub.open === '(' && sub.close === ')'));
    return listed ? sub.items : [sub];
  }

  /** The indices of an entry: `_{ij}` and `_{i,j}` are two, `_{k+1}` is one. */
  private indices(): Node[] {
    const w = this.peek(1);
    // `_{ij}`, `_{ab}`: one letter per index, as entries are written (never the product ij).
    if (this.isOp('{') && w?.t === 'word' && w.v.length <= 3 && !this.declared.has(w.v) && this.isOp('}', 2)) {
      this.pos += 3;
      return [...w.v].map((name) => ({ kind: 'sym', name }));
    }
    const sub = this.argument();
    return sub.kind === 'tuple' && sub.open === '' ? sub.items : [sub];
  }

  /**
   * After an indicator's `1` (`1`, `\mathbb{1}`): its condition, `_{\{x > 0\}}`, `_{z_i > 0}`,
   * `\{x > 0\}` or `[x > 0]`, read as the function of its condition it is: 1 where the condition
   * holds and 0 elsewhere, so its breakpoint is the condition's. Without a condition: null, and
   * nothing is consumed.
   */
  private indicatorCondition(): Node | null {
    const start = this.pos;
    let cond: Node | null = null;
    try {
      if (this.isOp('_')) {
        this.pos++;
        cond = this.argument();
      } else if (this.isCmd('{') || this.isOp('[')) {
        cond = this.postfixless();
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      cond = null;
    }
    if (cond && (cond.kind === 'set' || (cond.kind === 'tuple' && cond.open === '[')) && cond.items.length === 1) cond = cond.items[0]!;
    const isCondition = (n: Node): boolean => n.kind === 'rel' || (n.kind === 'tuple' && n.open === '' && n.items.every(isCondition));
    if (!cond || !isCondition(cond)) {
      this.pos = start;
      return null;
    }
    return {
      kind: 'cases',
      cases: [
        { value: num('1'), when: cond },
        { value: num('0'), when: 'otherwise' },
      ],
    };
  }

  /** After the first part of a bracket: `| B` or `\mid B`, what it is conditioned on (or what a set's members satisfy). */
  private givenPart(): Node | null {
    if (!this.isOp('|') && !this.isCmd('mid')) return null;
    this.pos++;
    if (this.atEnd() || this.isCloser()) throw new ParseError('nothing after "|"');
    return this.list();
  }

  /**
   * Whether `name_{...}` is an entry of an indexed family: the family is declared indexed, or
   * the subscript uses the index of a sum being read (`F_{n-k-1}` inside `\sum_k`).
   */
  private isIndexedSubscript(name: string): boolean {
    if (this.indexed.has(name)) return true;
    if (!this.bound.length) return false;
    const open = this.isOp('{', 1);
    const end = open ? this.groupEnd(this.pos + 1) : this.pos + 2;
    for (let k = this.pos + 1; k < end; k++) {
      const t = this.toks[k]!;
      if (t.t === 'word' && (this.bound.includes(t.v) || (!open && this.bound.includes(t.v[0]!)))) return true;
    }
    return false;
  }

  /** The index just past the `{...}` group that opens at `open`. */
  private groupEnd(open: number): number {
    let depth = 0;
    for (let k = open; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.t === 'op' && t.v === '{') depth++;
      if (t.t === 'op' && t.v === '}' && --depth === 0) return k + 1;
    }
    return this.toks.length;
  }

  /** Whether `name^{...}` (or `name^x`) is a symbol the key declares, such as `W^o`. */
  private declaredSuperscript(name: string): boolean {
    if (!this.declared.size) return false;
    const open = this.isOp('{', 1);
    const end = open ? this.groupEnd(this.pos + 1) : this.pos + 2;
    const toks = this.toks.slice(this.pos + (open ? 2 : 1), open ? end - 1 : end);
    return toks.length > 0 && this.declared.has(`${name}^${subscriptName(toks)}`);
  }

  /** Whether a tree names a matrix symbol. */
  private mentionsMatrix(n: Node): boolean {
    if (!this.matrices.size) return false;
    return [...freeSymbols(n)].some((s) => this.matrices.has(s));
  }

  /** Whether a superscript group names a matrix and then transposes it: `^{oT}`, `^{s x T}`. */
  private superscriptNameThenT(): boolean {
    if (this.declared.has('T') || !this.isOp('{', 1)) return false;
    const end = this.groupEnd(this.pos + 1);
    const inner = this.toks.slice(this.pos + 2, end - 1);
    if (inner.length < 1 || !inner.every((t) => t.t === 'word')) return false;
    const letters = inner.map((t) => t.v).join('');
    return letters.length >= 2 && letters.endsWith('T') && /^[a-z]+T$/.test(letters);
  }

  private isFunctionName(name: string): boolean {
    if (this.functions.has(name)) return true;
    if (this.declared.has(name) && !this.functions.has(name)) return false;
    return FUNCTION_LETTERS.has(name) || name.endsWith("'");
  }

  /** Whether `^*` or `^{*}` (or `^{\ast}`) follows; if so, it is consumed. */
  private isStarMark(): boolean {
    const star = (k: number) => this.isOp('*', k) || (this.peek(k)?.t === 'cmd' && (this.peek(k)!.v === 'ast' || this.peek(k)!.v === 'star'));
    if (star(1)) {
      this.pos += 2;
      return true;
    }
    if (this.isOp('{', 1) && star(2) && this.isOp('}', 3)) {
      this.pos += 4;
      return true;
    }
    return false;
  }

  private isTransposeMark(gluedT: boolean): boolean {
    const t = this.peek();
    if (!t) return false;
    // `X^TX`, `a^Tb`: an unbraced superscript is one letter, so T transposes and the rest is the next factor.
    if (gluedT && t.t === 'word' && /^T[A-Za-z]/.test(t.v) && !this.declared.has('T')) {
      this.toks[this.pos] = { ...t, v: t.v.slice(1) };
      return true;
    }
    const isT = (x: Token | undefined) => (x?.t === 'word' && x.v === 'T' && !this.declared.has('T')) || (x?.t === 'cmd' && (x.v === 'top' || x.v === 'intercal' || x.v === 'mathsf'));
    if (isT(t) && (t.t !== 'word' || t.v.length === 1)) {
      this.pos++;
      if (t.t === 'cmd' && t.v === 'mathsf') this.rawArgument();
      return true;
    }
    if (t.t === 'op' && t.v === '{' && isT(this.peek(1)) && this.isOp('}', 2)) {
      this.pos += 3;
      return true;
    }
    return false;
  }

  private exponent(): Node {
    if (this.isOp('{')) return this.argument();
    if (this.isOp('-')) {
      this.pos++;
      return { kind: 'neg', arg: this.numberOrArgument() };
    }
    if (this.isOp('(')) return this.postfixless();
    return this.numberOrArgument();
  }

  /**
   * An unbraced power: a number is taken whole. `x^0.5`, `2^10`, `10^-12` are typed so in plain text and
   * mean that power; TeX's one-character argument would read `x^0 · .5`, which no writer means.
   */
  private numberOrArgument(): Node {
    return this.toks[this.pos]?.t === 'num' ? this.postfixless() : this.argument();
  }

  /** A primary value: number, symbol, group, fraction, root, function, environment ... */
  private postfixless(): Node {
    this.enter();
    try {
      return this.primary();
    } finally {
      this.leave();
    }
  }

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num': {
        const value = parseDecimal(t.v);
        if (!value) throw new ParseError(`"${t.v}" is not a number`);
        // `1_{\{wx+b>0\}}`: an indicator.
        if (t.v === '1' && this.isOp('_')) {
          const indicator = this.indicatorCondition();
          if (indicator) return indicator;
        }
        return { kind: 'num', value, text: t.v };
      }
      case 'word':
        return this.word(t);
      case 'text':
        return this.textNode(t);
      case 'op':
        return this.bracketed(t);
      case 'cmd':
        return this.command(t);
    }
  }

  private word(t: Extract<Token, { t: 'word' }>): Node {
    const w = t.v;
    if (this.declared.has(w)) return { kind: 'sym', name: w };
    // `fan_{in}` where the key declares fan_in: the word is the name's stem, not f·a·n.
    if (w.length > 1 && this.isOp('_') && this.stems.has(w)) return { kind: 'sym', name: w };
    const lower = w.toLowerCase();
    if (KNOWN_FUNCTIONS[lower] && w.length > 1) return this.functionCall(KNOWN_FUNCTIONS[lower]!);
    if (lower === 'pi') return { kind: 'const', name: 'pi' };
    if (lower === 'inf' || lower === 'infty' || lower === 'infinity') return { kind: 'const', name: 'infinity' };
    if (lower === 'percent' || lower === 'pct' || lower === 'percentage') return { kind: 'text', text: '%' };
    const joined = this.joined.length ? joinedPrefix(w, this.joined) : undefined;
    if (joined) {
      if (w.length > joined[0].length) this.toks.splice(this.pos, 0, { t: 'word', v: w.slice(joined[0].length), pos: t.pos + joined[0].length });
      return { kind: 'sym', name: joined[1] };
    }
    // A declared multi-letter symbol at the start of the word: `lrx` is lr·x.
    for (const name of this.multiLetter) {
      if (w.startsWith(name)) {
        if (w.length > name.length) this.toks.splice(this.pos, 0, { t: 'word', v: w.slice(name.length), pos: t.pos + name.length });
        return { kind: 'sym', name };
      }
    }
    if (w.length > 1) {
      // Letters written together multiply (`cd_{out}` is c·d_out); the rest is read next.
      this.toks.splice(this.pos, 0, { t: 'word', v: w.slice(1), pos: t.pos + 1 });
    }
    const letter = w[0]!;
    // Euler's number takes no subscript: `e_t`, `e_i` name an error or a basis vector.
    if (letter === 'e' && !this.declared.has('e') && !(w.length === 1 && this.isOp('_'))) return { kind: 'const', name: 'e' };
    return { kind: 'sym', name: letter };
  }

  private textNode(t: Extract<Token, { t: 'text' }>): Node {
    const content = t.v.trim();
    if (t.cmd === 'operatorname' || ((t.cmd === 'text' || t.cmd === 'mathrm') && this.isOp('('))) {
      const known = KNOWN_FUNCTIONS[content.toLowerCase()];
      if (known) return this.functionCall(known);
      if (/^[A-Za-z]+$/.test(content) && this.isOp('(')) {
        this.pos++;
        const arg = this.isOp(')') ? null : this.list();
        this.expectOp(')');
        const args = arg ? (arg.kind === 'tuple' && arg.open === '' ? arg.items : [arg]) : [];
        return { kind: 'call', fn: content, args, opaque: true };
      }
    }
    // `\mathrm{fan}_{in}`: a name written upright, with its subscript to follow.
    if (/^[A-Za-z]+$/.test(content) && this.isOp('_') && t.cmd !== 'text') return { kind: 'sym', name: content };
    // \mathrm{e} is Euler's number; \mathrm{d} and one-letter \text{x} are symbols.
    if (content === 'e' && !this.declared.has('e')) return { kind: 'const', name: 'e' };
    if (this.declared.has(content) || (/^[A-Za-z]$/.test(content) && t.cmd.startsWith('math'))) return { kind: 'sym', name: content };
    // `\text{fan_in}`: an identifier written in text is a variable, not a unit.
    if (/^[A-Za-z]+_[A-Za-z0-9]+$/.test(content)) return { kind: 'sym', name: content };
    if (/^-?\d+(\.\d+)?$/.test(content)) return { kind: 'num', value: parseDecimal(content.replace('-', ''))!, text: content };
    return { kind: 'text', text: content };
  }

  private bracketed(t: Extract<Token, { t: 'op' }>): Node {
    const open = t.v;
    if (open === '(' || open === '[') {
      if (this.isOp(')') || this.isOp(']')) throw new ParseError(`empty brackets "${open}${this.peek()!.v}"`);
      let inner = this.list();
      // `P(A \mid B)`, `\mathbb{E}[X | Y]`: A given B, an opaque term in which the order counts.
      const given = this.givenPart();
      if (given) inner = { kind: 'call', fn: 'given', args: [inner, given], opaque: true };
      const close = this.next();
      if (close.t !== 'op' || (close.v !== ')' && close.v !== ']')) {
        throw new ParseError(`"${open}" is closed by "${show(close)}"`);
      }
      const items = inner.kind === 'tuple' && inner.open === '' ? inner.items : [inner];
      if (close.v !== CLOSERS[open] && items.length === 2) {
        return { kind: 'interval', lo: items[0]!, hi: items[1]!, loClosed: open === '[', hiClosed: close.v === ']' };
      }
      if (items.length === 1 && open === '(' && close.v === ')') return items[0]!;
      if (items.length === 1 && items[0]!.kind === 'matrix') return items[0]!;
      // `[x]` of one item and `(a, b)`: a tuple; the checker decides whether it is a vector,
      // an open interval or a point.
      return { kind: 'tuple', items, open: open as '(' | '[', close: close.v as ')' | ']' };
    }
    if (open === '{') {
      if (this.isOp('}')) {
        this.pos++;
        return { kind: 'set', items: [] };
      }
      const inner = this.list();
      this.expectOp('}');
      // A bare-braced list is how people type a set: `{1, 3}`.
      if (inner.kind === 'tuple' && inner.open === '') return { kind: 'set', items: inner.items };
      return inner;
    }
    if (open === '|' && this.isPlaceholder() && this.isOp('|', 1)) {
      this.pos += 2;
      return this.namedNorm('|');
    }
    if (open === '|') {
      this.barsDepth++;
      let inner: Node;
      try {
        inner = this.list();
      } finally {
        this.barsDepth--;
      }
      this.expectOp('|');
      return { kind: 'call', fn: 'abs', args: [inner] };
    }
    throw new ParseError(`unexpected "${open}"`);
  }

  /** `\cdot` (or `\bullet`) standing alone where an argument goes: a function named, not a value. */
  private isPlaceholder(offset = 0): boolean {
    return this.isCmd('cdot', offset) || this.isCmd('bullet', offset);
  }

  /**
   * `|\cdot|_1`, `\|\cdot\|_2`: the norm itself (the bars and the dot already read), named with
   * its subscript, so it is equal only to the same norm written so.
   */
  private namedNorm(bars: string): Node {
    let which = '';
    if (this.isOp('_')) {
      this.pos++;
      which = printMath(this.argument());
    }
    // Only as a value of its own: `\|\cdot\|_\infty u_i` (a table's cells run together) is no product.
    if (this.startsFactor()) throw new ParseError('"\\cdot" stands where a value was expected (a placeholder)');
    return { kind: 'sym', name: `${bars}·${bars}${which ? `_${which}` : ''}` };
  }

  private functionCall(fn: string): Node {
    // \sin^2(y) and \log_2 x.
    let power: Node | null = null;
    let base: Node | null = null;
    for (;;) {
      if (this.isOp('^') && !power) {
        this.pos++;
        power = this.exponent();
      } else if (this.isOp('_') && !base) {
        this.pos++;
        base = this.argument();
      } else break;
    }
    let args: Node[];
    if (this.isOp('(')) {
      this.pos++;
      const inner = this.list();
      this.expectOp(')');
      args = inner.kind === 'tuple' && inner.open === '' ? inner.items : [inner];
    } else if (this.atEnd() || this.isCloser()) {
      throw new ParseError(`"${fn}" has no argument`);
    } else {
      // \sin x, \log 2: the argument is the next factor, with its own powers.
      args = [this.postfix(this.postfixless())];
    }
    // `\sin^{-1} x` is arcsin x, as mathematics writes it, not 1/sin x (that is `(\sin x)^{-1}`).
    if (power && isMinusOne(power) && TRIG_INVERSE_NAMES.has(fn)) {
      const inverse = INVERSE_FUNCTIONS[fn];
      if (!inverse) throw new ParseError(`"${fn}^{-1}" is the inverse ${fn}, which cannot be checked; write it another way`);
      return { kind: 'call', fn: inverse, args };
    }
    let call: Node = { kind: 'call', fn, args };
    if (base && fn === 'log') call = { kind: 'div', num: { kind: 'call', fn: 'ln', args }, den: { kind: 'call', fn: 'ln', args: [base] } };
    return power ? { kind: 'pow', base: call, exp: power } : call;
  }

  /**
   * A Greek letter's symbol. Typed against a letter (`σx`, `σg²`), the letter is its subscript when the
   * question declares that name (`sigma_x`): a phone or a converter of handwriting lowers nothing.
   * Otherwise, or with a space between, the two are a product (`σ x`).
   */
  private greekLetter(t: Extract<Token, { t: 'cmd' }>): Node {
    const name = GREEK_ALIASES[t.v] ?? t.v;
    const w = this.peek();
    const subscripted = t.glued && w?.t === 'word' ? `${name}_${w.v[0]}` : undefined;
    if (!subscripted || !this.declared.has(subscripted)) return { kind: 'sym', name };
    if (w!.v.length > 1) this.toks[this.pos] = { ...w!, v: w!.v.slice(1), pos: w!.pos + 1 } as Token;
    else this.pos++;
    return { kind: 'sym', name: subscripted };
  }

  private command(t: Extract<Token, { t: 'cmd' }>): Node {
    const c = t.v;
    if (GREEK.has(c)) return this.greekLetter(t);
    if (c === 'pi') return { kind: 'const', name: 'pi' };
    if (c === 'infty' || c === 'infin') return { kind: 'const', name: 'infinity' };
    if (KNOWN_FUNCTIONS[c]) {
      if (c === 'sqrt') return this.sqrt();
      return this.functionCall(KNOWN_FUNCTIONS[c]!);
    }
    switch (c) {
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac': {
        const num = this.argument();
        const den = this.argument();
        return { kind: 'div', num, den };
      }
      case 'binom':
      case 'dbinom':
      case 'tbinom':
      case 'choose': {
        const n = this.argument();
        const k = this.argument();
        return { kind: 'call', fn: 'binom', args: [n, k] };
      }
      case 'boxed':
      case 'fbox':
      case 'underbrace':
      case 'overbrace':
      case 'color':
      case 'textcolor':
        if (c === 'color' || c === 'textcolor') this.rawArgument();
        return this.argument();
      case '{': {
        if (this.isCmd('}')) {
          this.pos++;
          return { kind: 'set', items: [] };
        }
        const inner = this.list();
        // `\{x \mid x > 0\}`: the set of what satisfies a condition, opaque but comparable.
        const such = this.givenPart();
        if (!this.isCmd('}')) throw new ParseError('"\\{" is never closed by "\\}"');
        this.pos++;
        if (such) return { kind: 'call', fn: 'setOf', args: [inner, such], opaque: true };
        return { kind: 'set', items: inner.kind === 'tuple' && inner.open === '' ? inner.items : [inner] };
      }
      case 'lfloor':
      case 'lceil': {
        const inner = this.list();
        const close = c === 'lfloor' ? 'rfloor' : 'rceil';
        if (!this.isCmd(close)) throw new ParseError(`"\\${c}" is never closed by "\\${close}"`);
        this.pos++;
        return { kind: 'call', fn: c === 'lfloor' ? 'floor' : 'ceil', args: [inner] };
      }
      case 'lvert':
      case '|':
      case 'Vert':
      case 'lVert': {
        if (this.isPlaceholder() && (this.isCmd('|', 1) || this.isCmd('rVert', 1) || this.isCmd('Vert', 1) || (c === 'lvert' && (this.isCmd('rvert', 1) || this.isOp('|', 1))))) {
          this.pos += 2;
          return this.namedNorm(c === 'lvert' ? '|' : '‖');
        }
        if (c !== 'lvert') this.normDepth++;
        let inner: Node;
        try {
          inner = this.list();
        } finally {
          if (c !== 'lvert') this.normDepth--;
        }
        const closers = c === 'lvert' ? ['rvert', '|'] : ['|', 'rVert', 'Vert'];
        const close = this.peek();
        if (!(close?.t === 'cmd' && closers.includes(close.v)) && !(c === 'lvert' && this.isOp('|'))) {
          throw new ParseError(`"\\${c}" is never closed`);
        }
        this.pos++;
        return { kind: 'call', fn: c === 'lvert' ? 'abs' : 'norm', args: [inner] };
      }
      case 'langle': {
        const inner = this.list();
        if (!this.isCmd('rangle')) throw new ParseError('"\\langle" is never closed by "\\rangle"');
        this.pos++;
        return { kind: 'tuple', items: inner.kind === 'tuple' && inner.open === '' ? inner.items : [inner], open: '(', close: ')' };
      }
      case 'sum':
      case 'prod':
        return this.bigop(c);
      case 'begin':
        return this.environment();
      case 'exp':
        return this.functionCall('exp');
      case '%':
        return { kind: 'text', text: '%' };
      case 'degree':
      case 'circ':
        return { kind: 'text', text: '°' };
      case 'cdot':
      case 'bullet':
        // `|\cdot|_1`: the dot stands for the argument of a function named, not for a value.
        throw new ParseError(`"\\${c}" stands where a value was expected (a placeholder)`);
      case 'cdots':
      case 'ldots':
      case 'dots':
      case 'vdots':
      case 'ddots':
        throw new ParseError('the answer contains "…" (an elided list), which cannot be compared');
    }
    if (DECORATIONS[c]) {
      const inner = this.argument();
      if (inner.kind !== 'sym') return inner;
      return { kind: 'sym', name: `${inner.name}_${DECORATIONS[c]}` };
    }
    if (INDICATOR_FONTS.has(c) && this.isOp('{') && this.isOp('}', 2) && (this.peek(1)?.v === '1' || this.peek(1)?.v === 'I')) {
      // `\mathbb{1}_{x > 0}` is an indicator; a bare `\mathbb{1}` the all-ones vector, never the number 1.
      const letter = this.peek(1)!.v;
      this.pos += 3;
      const indicator = this.indicatorCondition();
      if (indicator) return indicator;
      if (letter === 'I') return { kind: 'sym', name: 'I' };
      if (c === 'mathbf' || c === 'boldsymbol' || c === 'bm') return num('1');
      return { kind: 'sym', name: ONES };
    }
    // A bold `e` is a vector (`\mathbf{e}_i`, a basis vector), never Euler's number.
    if (BOLD_FONTS.has(c) && this.isOp('{') && this.peek(1)?.v === 'e' && this.isOp('}', 2)) {
      this.pos += 3;
      return { kind: 'sym', name: 'e' };
    }
    if (FONT_COMMANDS.has(c)) return this.argument();
    if (c === 'mathbb') return this.argument();
    // An unknown command (`\varkappa`, a macro) names a symbol of its own.
    if (/^[A-Za-z]{2,}$/.test(c)) return { kind: 'sym', name: c };
    throw new ParseError(`unknown command "\\${c}"`);
  }

  private sqrt(): Node {
    if (this.isOp('[')) {
      this.pos++;
      const index = this.list();
      this.expectOp(']');
      return { kind: 'root', index, arg: this.argument() };
    }
    return { kind: 'call', fn: 'sqrt', args: [this.argument()] };
  }

  private bigop(op: 'sum' | 'prod'): Node {
    let lower: Node | null = null;
    let upper: Node | null = null;
    // `\sum_{\substack{1 \le i \le m \\ 1 \le j \le m}}` (sympy's double sum), `\sum_{\substack{i=1\\j=1}}^{m}`:
    // one sum per row, the first outermost.
    if (this.isOp('_') && this.isOp('{', 1) && this.isCmd('substack', 2) && this.isOp('{', 3)) {
      this.pos += 4;
      const rows: Node[] = [this.relation()];
      while (this.isOp('\\\\')) {
        this.pos++;
        rows.push(this.relation());
      }
      this.expectOp('}');
      this.expectOp('}');
      if (this.isOp('^')) {
        this.pos++;
        upper = this.argument();
      }
      const ranges = rows.map((r) => indexRange(r, upper));
      if (ranges.some((r) => !r)) throw new ParseError(`"\\${op}" needs an index and both bounds in each row of its \\substack`);
      this.bound.push(...ranges.map((r) => r!.index));
      try {
        let body = this.term();
        for (const r of ranges.reverse()) body = { kind: 'bigop', op, index: r!.index, lower: r!.lower, upper: r!.upper, body };
        return body;
      } finally {
        this.bound.length -= ranges.length;
      }
    }
    this.rangeAsLimits();
    for (let i = 0; i < 2; i++) {
      if (this.isOp('_') && !lower) {
        this.pos++;
        lower = this.argument();
      } else if (this.isOp('^') && !upper) {
        this.pos++;
        upper = this.argument();
      }
    }
    // `\sum_{i,j} dy_{i,j}`: a sum over each index, outermost first, each over all its terms.
    if (lower?.kind === 'tuple' && lower.open === '' && !upper && op === 'sum' && lower.items.every((x) => x.kind === 'sym')) {
      const indices = lower.items.map((x) => (x.kind === 'sym' ? x.name : ''));
      this.bound.push(...indices);
      try {
        let body = this.term();
        for (const index of [...indices].reverse()) body = { kind: 'bigop', op, index, lower: num('1'), upper: { kind: 'sym', name: UNSTATED_COUNT }, body };
        return body;
      } finally {
        this.bound.length -= indices.length;
      }
    }
    // `\sum_{i,j=1}^{m}`: each index over the same bounds, outermost first.
    const shared = lower && upper ? sharedRange(lower) : undefined;
    if (shared) {
      this.bound.push(...shared.indices);
      try {
        let body = this.term();
        for (const index of [...shared.indices].reverse()) body = { kind: 'bigop', op, index, lower: shared.lower, upper: upper!, body };
        return body;
      } finally {
        this.bound.length -= shared.indices.length;
      }
    }
    // `\sum_i x_i^2`: over all the terms there are; the count is one hidden positive integer,
    // the same for every such sum, so `\sum_j x_j^2` is the same sum and `\sum_{i=1}^{n}` another.
    if (lower?.kind === 'sym' && !upper && op === 'sum') {
      lower = { kind: 'rel', ops: ['='], args: [lower, num('1')] };
      upper = { kind: 'sym', name: UNSTATED_COUNT };
    }
    // `\sum_{1 \le i \le m}`: the index between its bounds.
    const between = lower && !upper ? indexRange(lower, null) : undefined;
    if (between) {
      lower = { kind: 'rel', ops: ['='], args: [{ kind: 'sym', name: between.index }, between.lower] };
      upper = between.upper;
    }
    if (!lower || !upper || lower.kind !== 'rel' || lower.ops[0] !== '=' || lower.args[0]?.kind !== 'sym') {
      throw new ParseError(`"\\${op}" needs an index and both bounds, like \\${op}_{k=1}^{n}`);
    }
    const index = lower.args[0].name;
    this.bound.push(index);
    try {
      const body = this.term();
      return { kind: 'bigop', op, index, lower: lower.args[1]!, upper, body };
    } finally {
      this.bound.pop();
    }
  }

  /**
   * `\sum_{i=1..m}`, `\sum_{i = 1, \ldots, m}`, `Σ_{i=1…m}`: a range typed as the lower limit, its
   * index's first and last values with an ellipsis between them, is the limits `_{i=1}^{m}`;
   * the group's tokens are rewritten so. Only with no `^` after it: an upper limit is the range's end.
   */
  private rangeAsLimits(): void {
    if (!this.isOp('_') || !this.isOp('{', 1)) return;
    let depth = 0;
    let equals = -1;
    let range: [number, number] | undefined;
    let close = -1;
    for (let k = this.pos + 1; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.t === 'op' && '{(['.includes(t.v)) depth++;
      else if (t.t === 'op' && '})]'.includes(t.v) && --depth === 0) {
        close = k;
        break;
      } else if (depth === 1 && t.t === 'op' && t.v === '=' && equals < 0) equals = k;
      else if (depth === 1 && equals > 0 && !range) {
        const width = ellipsisAt(this.toks, k);
        if (width) range = [k, k + width];
      }
    }
    if (close < 0 || !range || range[0] <= equals + 1 || range[1] >= close || (this.toks[close + 1]?.t === 'op' && this.toks[close + 1]!.v === '^')) return;
    const at = this.toks[range[0]]!.pos;
    this.toks.splice(range[0], range[1] - range[0], { t: 'op', v: '}', pos: at }, { t: 'op', v: '^', pos: at }, { t: 'op', v: '{', pos: at });
  }

  private environment(): Node {
    const name = this.rawArgument()
      .map((t) => t.v)
      .join('')
      .replace(/\*$/, '');
    if (name === 'array' && this.isOp('{')) this.rawArgument(); // the column spec
    const rows: Node[][] = [];
    const conditions: (Node | 'otherwise')[] = [];
    let row: Node[] = [];
    const endRow = () => {
      if (row.length) rows.push(row);
      row = [];
    };
    for (;;) {
      if (this.atEnd()) throw new ParseError(`"\\begin{${name}}" is never ended`);
      if (this.isCmd('end')) {
        this.pos++;
        this.rawArgument();
        endRow();
        break;
      }
      if (this.isOp('\\\\')) {
        this.pos++;
        endRow();
        continue;
      }
      if (this.isOp('&')) {
        this.pos++;
        continue;
      }
      if (this.isCmd('hline')) {
        this.pos++;
        continue;
      }
      if (name === 'cases' && row.length === 1) {
        conditions[rows.length] = this.condition();
        row.push({ kind: 'text', text: '' });
        continue;
      }
      row.push(this.list());
    }
    if (name === 'cases') {
      return {
        kind: 'cases',
        cases: rows.map((r, i) => ({ value: r[0]!, when: conditions[i] ?? 'otherwise' })),
      };
    }
    if (MATRIX_ENVS.has(name)) {
      if (!rows.length) throw new ParseError(`an empty ${name}`);
      // Bars around a matrix are its determinant.
      if (name === 'vmatrix') return { kind: 'call', fn: 'det', args: [{ kind: 'matrix', rows }] };
      return { kind: 'matrix', rows };
    }
    if (name === 'aligned' || name === 'align' || name === 'gathered' || name === 'split') {
      // Rows of a derivation: the last row carries the result.
      const last = rows[rows.length - 1];
      if (!last?.length) throw new ParseError(`an empty ${name}`);
      return last.length === 1 ? last[0]! : { kind: 'rel', ops: ['='], args: [last[0]!, last[last.length - 1]!] };
    }
    throw new ParseError(`unknown environment "${name}"`);
  }

  /** A case's condition: a relation, or words such as "otherwise" / "if n ≥ 7". */
  private condition(): Node | 'otherwise' {
    const start = this.pos;
    const words: string[] = [];
    while (this.peek()?.t === 'text' || (this.peek()?.t === 'word' && /^(if|for|when|otherwise|else|where)$/i.test(this.peek()!.v))) {
      words.push(this.next().v.trim().toLowerCase());
    }
    if (this.isOp('\\\\') || this.isCmd('end') || this.atEnd()) {
      if (words.some((w) => /otherwise|else/.test(w)) || !words.length) return 'otherwise';
      this.pos = start;
    }
    const cond = this.list();
    return cond;
  }
}

/** Bold fonts: a letter in them is a vector or a matrix, not a constant. */
const BOLD_FONTS = new Set(['mathbf', 'boldsymbol', 'bm', 'pmb', 'bold']);
/** Fonts an indicator's `1` is written in. */
const INDICATOR_FONTS = new Set(['mathbb', 'mathbf', 'mathds', 'mathbbm', 'boldsymbol', 'bm']);
/** The all-ones vector `\mathbb{1}`. */
const ONES = '𝟙';

/**
 * The norm a subscript names: 2, 1 and ∞ are the evaluator's, F the plain (Frobenius) norm;
 * any other (`p`, `A`, `*`, `3`) is a norm of its own, equal only to itself.
 */
function subscriptedNorm(arg: Node, which: string): Node {
  if (which === '2') return { kind: 'call', fn: 'norm2', args: [arg] };
  if (which === '1') return { kind: 'call', fn: 'norm1', args: [arg] };
  if (/^(?:infty|inf|∞)$/.test(which)) return { kind: 'call', fn: 'normInf', args: [arg] };
  if (which === 'F') return { kind: 'call', fn: 'norm', args: [arg] };
  return { kind: 'call', fn: `norm_${which}`, args: [arg], opaque: true };
}

/**
 * A product. A one-item square bracket in it groups, as a TA reads `3\left[a+b\right]` and
 * `[a+b]\,c`, unless a bare name stands right before it: `x[n-1]` indexes a signal.
 */
function mul(a: Node, b: Node): Node {
  const last = a.kind === 'mul' ? a.factors[a.factors.length - 1]! : a;
  // After a name, `[n-1]` may index a signal (`x[n-1]`); a bracket around a fraction, a sum or a
  // product (`\gamma\left[\frac{\partial L}{\partial y_i} - \dots\right]`) only groups.
  const right = last.kind === 'sym' && indexLike(b) ? b : ungrouped(b);
  if (a.kind === 'mul') return { kind: 'mul', factors: [...a.factors, right] };
  return { kind: 'mul', factors: [ungrouped(a), right] };
}

/**
 * Factors joined by `\times`. A side written in square brackets (`[⌊(W-K)/S⌋ + 1] × [⌊(H-K)/S⌋ + 1] × C`)
 * only groups, as it does in an implicit product: a one-item bracket is no vector of one entry there.
 */
function crossOf(factors: Node[]): Node {
  return { kind: 'cross', factors: factors.map(ungrouped) };
}

/** A one-item bracket whose item could be an index: a name, a number, or a short sum of them (`n-1`, `k+2`). */
function indexLike(n: Node): boolean {
  if (n.kind !== 'tuple' || n.items.length !== 1) return true;
  const item = n.items[0]!;
  const simple = (x: Node): boolean => x.kind === 'sym' || x.kind === 'num' || (x.kind === 'neg' && simple(x.arg));
  return simple(item) || (item.kind === 'add' && item.terms.length <= 3 && item.terms.every(simple));
}

/** The item of a one-item square bracket, which in a product or under a power only groups. */
function ungrouped(n: Node): Node {
  return n.kind === 'tuple' && n.open === '[' && n.close === ']' && n.items.length === 1 ? n.items[0]! : n;
}

function num(text: string): Node {
  return { kind: 'num', value: parseDecimal(text)!, text };
}

/**
 * A sum's index and bounds from one condition: `i = 1` (with the sum's `^{m}`) or `1 \le i \le m`;
 * undefined for anything else.
 */
function indexRange(r: Node, upper: Node | null): { index: string; lower: Node; upper: Node } | undefined {
  if (r.kind !== 'rel') return undefined;
  if (r.ops.length === 1 && r.ops[0] === '=' && r.args[0]?.kind === 'sym' && upper) return { index: r.args[0].name, lower: r.args[1]!, upper };
  if (r.ops.length === 2 && r.ops.every((o) => o === '<=') && r.args[1]?.kind === 'sym') return { index: r.args[1].name, lower: r.args[0]!, upper: r.args[2]! };
  return undefined;
}

/** `i, j = 1` under a sum: several indices that start at one value; undefined for anything else. */
function sharedRange(lower: Node): { indices: string[]; lower: Node } | undefined {
  if (lower.kind !== 'tuple' || lower.open !== '' || lower.items.length < 2) return undefined;
  const last = lower.items[lower.items.length - 1]!;
  const firsts = lower.items.slice(0, -1);
  if (last.kind !== 'rel' || last.ops.length !== 1 || last.ops[0] !== '=' || last.args[0]?.kind !== 'sym' || !firsts.every((x) => x.kind === 'sym')) return undefined;
  return { indices: [...firsts.map((x) => (x.kind === 'sym' ? x.name : '')), last.args[0].name], lower: last.args[1]! };
}

/**
 * The length in tokens of an ellipsis between a range's ends at `k`: `..`, `...`, `…`, `\ldots`,
 * each alone or between commas (`1, \ldots, m`); 0 where there is none.
 */
function ellipsisAt(toks: readonly Token[], k: number): number {
  const isOp = (j: number, v: string) => toks[j]?.t === 'op' && toks[j]!.v === v;
  const dots = (j: number): number => {
    const t = toks[j];
    if ((t?.t === 'op' && (t.v === '…' || t.v === '⋯')) || (t?.t === 'cmd' && (t.v === 'ldots' || t.v === 'dots' || t.v === 'cdots'))) return 1;
    if (isOp(j, '.') && isOp(j + 1, '.')) return isOp(j + 2, '.') ? 3 : 2;
    return 0;
  };
  if (isOp(k, ',')) {
    const inner = dots(k + 1);
    return inner && isOp(k + 1 + inner, ',') ? inner + 2 : 0;
  }
  return dots(k);
}

function show(t: Token): string {
  return t.t === 'cmd' ? `\\${t.v}` : t.v;
}

/** The canonical text of a subscript: `{\text{in}}` and `in` are both `in`; `t-1` stays `t-1`. */
/** The number of terms of a sum written without bounds (`\sum_i`). */
export const UNSTATED_COUNT = 'N_terms';

function subscriptName(toks: Token[]): string {
  return toks
    .map((t) => (t.t === 'text' ? t.v.trim() : t.t === 'cmd' ? (/^[A-Za-z]+$/.test(t.v) ? t.v : '') : t.v))
    .join('')
    .replace(/[{}\s]/g, '');
}

/**
 * Reads LaTeX or plain-text mathematics into a tree. Throws ParseError (with a reason in words)
 * or LimitError (input too long or deep) on what it cannot read.
 */
export function parseMath(written: string, ctx: ReadContext = {}): Node {
  checkInputBounds(written);
  const src = foldMathLetters(written);
  const toks = tokenize(src);
  if (!toks.length) throw new ParseError('the answer is empty');
  const p = new Parser([...toks], ctx);
  const node = p.list();
  if (!p.atEnd()) {
    const t = p.rest()!;
    // Counted in code points, as a person counts characters (`𝔼`, an emoji: one each, not two).
    throw new ParseError(`could not read past "${show(t)}" at character ${[...src.slice(0, t.pos)].length + 1}`);
  }
  // A family found indexed inside a sum (`F_{n-k-1}`) is indexed everywhere: `F_n` before the
  // sum is an entry too. Read once more, knowing the family.
  const known = new Set(ctx.indexed ?? []);
  if ([...p.indexed].some((f) => !known.has(f))) return parseMath(written, { ...ctx, indexed: p.indexed });
  return node;
}
