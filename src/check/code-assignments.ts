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

/** Assignments of arithmetic in a reply's code blocks, as formulas (`name = expression`) with their offsets. */
export function codeAssignments(text: string): { text: string; display: boolean; index: number }[] {
  if (!text.includes('```')) return [];
  const out: { text: string; display: boolean; index: number }[] = [];
  for (const block of text.matchAll(FENCE)) {
    const body = block[1]!;
    const start = block.index! + block[0].indexOf(body);
    for (const m of body.matchAll(ASSIGNMENT)) {
      const rhs = m[2]!.trim();
      if (!ARITHMETIC.test(rhs) || CALL.test(rhs.replace(/\b(?:np|math|torch)\.sqrt/g, 'sqrt'))) continue;
      out.push({ text: `${m[1]} = ${rhs.replace(/\b(?:np|math|torch)\.sqrt/g, 'sqrt')}`, display: false, index: start + m.index! });
    }
  }
  return out;
}
