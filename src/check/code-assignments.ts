/**
 * Answers a reply states only in a program (`var_dw = (n - k + 1)**2 * sigma_x**2 * sigma_g**2` in
 * a fenced code block): each assignment whose right side is arithmetic of names and numbers is a
 * formula, as the same line in LaTeX would be. Lines that call, index or take attributes (`dw =
 * np.zeros((k, k))`, `m = dy.shape[0]`) compute, and state no formula.
 */

/** A fenced code block (```python ... ```), its body in group 1. */
const FENCE = /^[ \t]*```[^\n]*\n([\s\S]*?)^[ \t]*```/gm;

/** `name = expression  # comment`: a plain assignment (not `==`, `+=`, nor a keyword argument inside a call). */
const ASSIGNMENT = /^[ \t]*([A-Za-z_]\w{0,30})[ \t]*=(?!=)[ \t]*([^#\n]+?)[ \t]*(?:#.*)?$/gm;

/** A right side of arithmetic only: names, numbers, + - * / ** and brackets; square roots and floors as `np.sqrt(...)`, `math.floor(...)`. */
const ARITHMETIC = /^(?:[\w ]|[-+*/()]|\.(?=\d)|\b(?:np|math|torch)\.(?:sqrt|floor)(?=\())+$/;

/** A name called as a function (`f(`), other than a square root or a floor. */
const CALL = /\b(?!sqrt\b|floor\b)[A-Za-z_]\w*\s*\(/;

/**
 * `dw[h, l] = (dy * x[h:h+m, l:l+m]).sum()` (or `np.sum(...)`, factors either way round): a sum over
 * a sliding window, the left side's indices its offsets. Groups: the left name and its indices, and
 * the right side to read.
 */
const WINDOW_SUM = /^[ \t]*([A-Za-z_]\w{0,20})\[\s*(\w+)\s*(?:,\s*(\w+)\s*)?\][ \t]*=[ \t]*(?:(?:np|torch)\.sum\(([^\n]+)\)|\(([^\n]+)\)\.sum\(\))[ \t]*(?:#.*)?$/gm;

/** One factor of a window sum: `x[h:h+m, l:l+m]`, the array and each axis's start and extent. */
const WINDOW = /^([A-Za-z_]\w{0,20})\[\s*(\w+)\s*:\s*\2\s*\+\s*(\w+)\s*(?:,\s*(\w+)\s*:\s*\4\s*\+\s*(\w+)\s*)?\]$/;

/** Names for the summation indices, the first two the left side does not use. */
const SUM_INDICES = ['i', 'j', 'p', 'q', 'u', 'v'];

/**
 * A window sum in 0-based code as the 1-based sum a derivation writes: `dw[h, l] = (dy * x[h:h+m, l:l+m]).sum()`
 * is `dw_{h,l} = \sum_{i=1}^{m}\sum_{j=1}^{m} dy_{i,j} x_{i+h-1,j+l-1}`, the code's offsets standing for the
 * 1-based indices of the same names. Undefined when the line is not such a sum over the left side's offsets.
 */
function windowSum(m: RegExpMatchArray): string | undefined {
  const [, out, a, b] = m;
  const factors = (m[4] ?? m[5]!).split('*').map((f) => f.trim());
  if (factors.length !== 2) return undefined;
  const w = factors.map((f) => WINDOW.exec(f));
  const at = w[0] ? 0 : 1;
  const win = w[at];
  const other = factors[1 - at]!;
  if (!win || w[1 - at] || !/^[A-Za-z_]\w*$/.test(other)) return undefined;
  const offsets = [win[2]!, ...(win[4] ? [win[4]] : [])];
  const extents = [win[3]!, ...(win[5] ? [win[5]] : [])];
  const left = [a!, ...(b ? [b] : [])];
  if (offsets.join() !== left.join()) return undefined;
  const free = SUM_INDICES.filter((s) => !left.includes(s) && !extents.includes(s));
  const idx = left.map((_, k) => free[k]!);
  const sums = idx.map((s, k) => `\\sum_{${s}=1}^{${extents[k]}}`).join('');
  return `${out}_{${left.join(',')}} = ${sums} ${other}_{${idx.join(',')}} ${win[1]}_{${idx.map((s, k) => `${s}+${left[k]}-1`).join(',')}}`;
}

/** A fence's opening line that names no program's language (none, or plain text). */
const UNNAMED_FENCE = /^[ \t]*```[ \t]*(?:text|plain|plaintext|txt)?[ \t]*\n/i;

/** A line of a program, never of a formula: a keyword, a call of a method, an index, a comparison or update, a string, a block's brace or a statement's end. */
const PROGRAM_LINE = /\b(?:def|return|import|from|print|for|while|if|elif|else|let|const|var|function|class|lambda|end)\b|\w\.\w+\s*\(|[A-Za-z_]\w*\[|==|!=|[-+*/%:]=|["']|[;{}]\s*$/;

/** A relation: `=` (not `==` nor an update's `+=`), `<=`, `>=`, `≤`, `≥`. */
const RELATION_SIGN = /[≤≥]|[<>]=|(?<![=!<>+\-*/%:])=(?!=)/;

/**
 * Signs only mathematics writes in a line no program could have: a power as `^` or raised, a function's
 * value on the left (`runtime(1a) =`, `Var(y) =`: a program assigns to no call), a chain that equates
 * two expressions (`= a + b = 2a`), a norm's bars, a bound (`<=`: a program compares only in a condition), a product's dot, a root.
 */
const MATH_ONLY = /[\w)]\s*\^|[·×²³√≤≥‖]|\|\||[<>]=|^[^=]*\w\([^()=]*\)\s*=|=[^=]*[-+*/][^=]*=/;

/**
 * Whether a block no language names only states formulas in a mathematician's plain text (`runtime(1b) =
 * c*d_out*d_in*d_in + ... = 2c * d_in^2 * d_out`): people fence their results so that `*` and `_` are
 * not read as emphasis, not because they are code. Every line relates two sides, none is a program's,
 * and one at least is in a notation no program could run.
 */
function statesFormulas(block: string): boolean {
  if (!UNNAMED_FENCE.test(block)) return false;
  const lines = block
    .split('\n')
    .slice(1, -1)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 && lines.length <= 8 && lines.every((l) => RELATION_SIGN.test(l) && !PROGRAM_LINE.test(l)) && lines.some((l) => MATH_ONLY.test(l));
}

/**
 * The text with its code blocks blanked (same length, lines kept): for readings of prose, where `**` is
 * bold, not a power. A block that only states formulas (statesFormulas) is prose's, its fences blanked.
 */
export function withoutCodeBlocks(text: string): string {
  return text.includes('```') ? text.replace(FENCE, (block) => (statesFormulas(block) ? block.replace(/```[^\n]*/g, (f) => ' '.repeat(f.length)) : block.replace(/[^\n]/g, ' '))) : text;
}

/** `return (W_out, H_out, F)`, `return L * (K - 1) + 1`: what a function returns, its value in group 1. */
const RETURN = /^[ \t]*return[ \t]+([^#\n]+?)[ \t]*(?:#.*)?$/gm;

/** `(W - K + 2 * P) // S`: floor division, of a bracket or a name by a name or a number. */
const FLOOR_DIVISION = /(\([^()]*\)|\w+)\s*\/\/\s*(\w+)/g;

/** Whether a right side is arithmetic of names and numbers, not a call, an index or an attribute. */
function isArithmetic(rhs: string): boolean {
  return ARITHMETIC.test(rhs) && !CALL.test(rhs.replace(/\b(?:np|math|torch)\.(sqrt|floor)/g, '$1'));
}

/** `math.floor(` (or `np.floor(`) up to its closing bracket, as `\lfloor ... \rfloor`. */
function floorCalls(rhs: string): string {
  const at = /\b(?:np|math|torch)\.floor\(/.exec(rhs);
  if (!at) return rhs;
  const open = at.index + at[0].length;
  let depth = 1;
  let i = open;
  for (; i < rhs.length && depth; i++) depth += rhs[i] === '(' ? 1 : rhs[i] === ')' ? -1 : 0;
  if (depth) return rhs;
  return `${rhs.slice(0, at.index)}\\lfloor ${rhs.slice(open, i - 1)} \\rfloor${floorCalls(rhs.slice(i))}`;
}

/** Code arithmetic as mathematics: `np.sqrt` a root, `a // b` and `math.floor(a / b)` the floor of a / b (Python's `//` floors). */
function asMath(rhs: string): string {
  return floorCalls(rhs.replace(/\b(?:np|math|torch)\.sqrt/g, 'sqrt')).replace(FLOOR_DIVISION, '\\lfloor $1/$2 \\rfloor');
}

/** A tuple's items at its top-level commas (`((W - K) // S + 1, (H - K) // S + 1, C)`); the whole as one item otherwise. */
function tupleItems(value: string): string[] {
  const inner = /^\((.*)\)$/.exec(value)?.[1];
  if (inner === undefined) return [value];
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === ',' && depth === 0) {
      items.push(inner.slice(from, i).trim());
      from = i + 1;
    }
    // `(W - K) // S + 1` opens and closes before its end: not one bracket around the whole.
    if (depth < 0) return [value];
  }
  items.push(inner.slice(from).trim());
  return items.filter(Boolean);
}

/**
 * `return (W_out, H_out, F)` after `W_out = (W - K + 2 * P) // S + 1`: the value a function returns,
 * with what its block assigned to the names in it put in (a shape returned as a tuple is that shape).
 */
function returned(value: string, assigned: ReadonlyMap<string, string>): string | undefined {
  const items = tupleItems(value.trim());
  if (!items.every(isArithmetic)) return undefined;
  const filled = items.map((item) => asMath(item).replace(/\b[A-Za-z_]\w*\b/g, (name) => (assigned.has(name) ? `(${assigned.get(name)})` : name)));
  return filled.length > 1 ? `(${filled.join(', ')})` : filled[0];
}

/** Assignments of arithmetic in a reply's code blocks, as formulas (`name = expression`) with their offsets; values functions return too. */
export function codeAssignments(text: string): { text: string; display: boolean; index: number }[] {
  if (!text.includes('```')) return [];
  const out: { text: string; display: boolean; index: number }[] = [];
  for (const block of text.matchAll(FENCE)) {
    const body = block[1]!;
    const start = block.index! + block[0].indexOf(body);
    for (const m of body.matchAll(WINDOW_SUM)) {
      const sum = windowSum(m);
      if (sum) out.push({ text: sum, display: false, index: start + m.index! });
    }
    const assigned = new Map<string, string>();
    for (const m of body.matchAll(ASSIGNMENT)) {
      const rhs = m[2]!.trim();
      if (!isArithmetic(rhs)) continue;
      assigned.set(m[1]!, asMath(rhs));
      out.push({ text: `${m[1]} = ${asMath(rhs)}`, display: false, index: start + m.index! });
    }
    if (!body.includes('return')) continue;
    for (const m of body.matchAll(RETURN)) {
      const value = returned(m[1]!, assigned);
      if (value) out.push({ text: value, display: false, index: start + m.index! });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}
