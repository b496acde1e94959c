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

/** A right side of arithmetic only: names, numbers, + - * / ** and brackets; square roots as `np.sqrt(...)`. */
const ARITHMETIC = /^(?:[\w ]|[-+*/()]|\.(?=\d)|\b(?:np|math|torch)\.sqrt(?=\())+$/;

/** A name called as a function (`f(`), other than a square root. */
const CALL = /\b(?!sqrt\b)[A-Za-z_]\w*\s*\(/;

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

/** The text with its code blocks blanked (same length, lines kept): for readings of prose, where `**` is bold, not a power. */
export function withoutCodeBlocks(text: string): string {
  return text.includes('```') ? text.replace(FENCE, (block) => block.replace(/[^\n]/g, ' ')) : text;
}

/** Assignments of arithmetic in a reply's code blocks, as formulas (`name = expression`) with their offsets. */
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
    for (const m of body.matchAll(ASSIGNMENT)) {
      const rhs = m[2]!.trim();
      if (!ARITHMETIC.test(rhs) || CALL.test(rhs.replace(/\b(?:np|math|torch)\.sqrt/g, 'sqrt'))) continue;
      out.push({ text: `${m[1]} = ${rhs.replace(/\b(?:np|math|torch)\.sqrt/g, 'sqrt')}`, display: false, index: start + m.index! });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}
