import { closingBracket } from './brackets.js';

/**
 * Equations of a Word document saved as plain text (or copied out of Word) arrive in Word's linear
 * format (UnicodeMath): `∑_(i=0)^6▒h[n-i]`, `√(d_in )`, `〖dy_(i,j) x_(i+h-1) 〗`, cases as
 * `{■(0&n<0@2-(1/2)^n&n≥0)┤` and matrices as `[■(1&2@3&4)]`. Read as the plain-text math the
 * readers after this pass know: script groups in braces (`_{i=0}^{6}`), invisible brackets and the
 * operand mark as the grouping they stand for, and an array as the LaTeX environment it is, in `$`.
 */

/** The marks only the linear format writes: the n-ary operand mark, invisible brackets, the array mark. */
const LINEAR_MARKS = /[▒〖〗■┤├]/;

/** `x_(i,j)` → `x_{i,j}`, `(1/2)^(n-i)` → `(1/2)^{n-i}`: a script's bracket is its group, not a factor. */
function scriptGroups(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '_' || c === '^') && text[i + 1] === '(') {
      const end = closingBracket(text, i + 1);
      if (end > 0) {
        out += `${c}{${scriptGroups(text.slice(i + 2, end)).trim()}}`;
        i = end + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** An array's rows (`@`) and cells (`&`) as LaTeX's. */
function arrayBody(body: string): string {
  return body
    .split('@')
    .map((row) =>
      row
        .split('&')
        .map((cell) => cell.trim())
        .join(' & '),
    )
    .join(' \\\\ ');
}

/** The environment an array's brackets make: cases for `{■(...)┤`, a bracketed or bare matrix. */
const ENVIRONMENTS: readonly { open: string; close: string; env: string }[] = [
  { open: '{■(', close: ')┤', env: 'cases' },
  { open: '[■(', close: ')]', env: 'bmatrix' },
  { open: '(■(', close: '))', env: 'pmatrix' },
  { open: '■(', close: ')', env: 'matrix' },
];

/** Each array of a line as its LaTeX environment, with the formula it ends (`y[n]=`) inside one `$...$`. */
function arrays(line: string): string {
  let out = line;
  for (let guard = 0; guard < 20 && out.includes('■('); guard++) {
    const at = out.indexOf('■(');
    // (The bare array last: it opens every other.)
    const kind = ENVIRONMENTS.find((e) => out.startsWith(e.open, at - e.open.indexOf('■')))!;
    const start = at - kind.open.indexOf('■');
    const end = closingBracket(out, at + 1);
    if (end < 0 || !out.startsWith(kind.close, end)) return out.replace(/■/g, '');
    // The formula the array ends: the run of non-space text before it (`y[n]=`), as one formula with it.
    const lead = /\S*$/.exec(out.slice(0, start))![0];
    const latex = `$${lead}\\begin{${kind.env}} ${arrayBody(out.slice(at + 2, end))} \\end{${kind.env}}$`;
    out = out.slice(0, start - lead.length) + latex + out.slice(end + kind.close.length);
  }
  return out;
}

/** A line of a document in Word's linear format as plain-text math (its scripts' groups, wherever they are). */
function linearLine(line: string): string {
  if (!LINEAR_MARKS.test(line)) return line.includes('_(') || line.includes('^(') ? scriptGroups(line) : line;
  const grouped = scriptGroups(line)
    // The n-ary operand mark stands between an operator and its operand; the invisible brackets group it.
    .replace(/▒/g, ' ')
    .replace(/〖/g, '(')
    .replace(/〗/g, ')')
    .replace(/├/g, '')
    .replace(/\u2061/g, '');
  return arrays(grouped).replace(/┤/g, '');
}

/** A text whose equations are in Word's linear format, with them as plain-text math; any other text as it is. */
export function wordLinearMathAsText(text: string): string {
  if (!LINEAR_MARKS.test(text)) return text;
  return text.split('\n').map(linearLine).join('\n');
}
