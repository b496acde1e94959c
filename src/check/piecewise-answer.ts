import { lastSide, withoutJudgement, type Candidate } from './extract.js';
import { RAISED } from '../math/latex/unicode-scripts.js';
import { PLAIN_RELATION, withEnglishConditionWords } from './condition-words.js';

/**
 * Piecewise answers that are not written as one `cases` formula: a list of cases, one per line
 * (`- $n < 0$: $y[n] = 0$`, `$y[n] = 2 - 2^{-n}$ for $0 \le n \le 6$`), a table of ranges and
 * values (`| $n \ge 7$ | $127 \cdot 2^{-n}$ |`), or only as code
 * (`if n < 0: return 0 ... else: return 127 * 0.5**n`). Each is put together as the `cases`
 * formula it states, so the whole answer is graded rather than the one branch that happens to
 * be a formula of its own.
 */

const RELATION = /<|>|\\le|\\ge|\\leq|\\geq|\\lt|\\gt|≤|≥/;

/** One case of a piecewise answer: the value, and the condition it holds under (LaTeX). */
export interface Case {
  when: string;
  value: string;
}

/** The cases formula a list of cases states. */
export function casesFormula(cases: readonly Case[]): string {
  return `\\begin{cases} ${cases.map((c) => `${c.value} & ${c.when}`).join(' \\\\ ')} \\end{cases}`;
}

// Plain text (no LaTeX delimiters) states its cases as a list of lines headed by their conditions
// (`- 0 <= n <= 6: y(n) = 2 - 2^{-n}`, `For n < 0: y[n] = 0`), as clauses saying "for" a condition,
// or as one sentence listing values each followed by its condition (`y[n] = 0 for n < 0, 2 - 2^{-n}
// for 0 <= n <= 6`). Their readers below share one plain condition (condition-words.ts' PLAIN_RELATION), one plain
// value and one formula.

/**
 * A bullet as lists are typed and exported: ASCII's, and the dots, triangles and dashes of word
 * processors, blogs and CJK texts (`· n ≥ 7 : …`, `◦`, `▪`, `–`, `・`).
 */
const BULLET = '[-*+•·‣◦▪▸►●○–—・]';

/** A list item's marker: a bullet, or a number (`1.`, `2)`, `(iii)`) as numbered cases are listed. */
const ITEM_MARKER = String.raw`(?:${BULLET}\s+|\d{1,2}[.)]\s+|\((?:\d{1,2}|[ivx]{1,4})\)\s+)`;

/** A plain condition's two groups (`0 <=`, `n <= 6`) as LaTeX (`0 \le n \le 6`). */
export function plainCondition(lower: string | undefined, relation: string): string {
  return `${lower ?? ''}${relation}`.replace(/<=|≤/g, '\\le ').replace(/>=|≥/g, '\\ge ').replace(/−/g, '-');
}

/** A value as plain text writes it: names, numbers (Unicode's fractions too, `½`), brackets, powers and the usual signs (a typeset minus too). */
const PLAIN_VALUE = /^[-−\w\s()^{}*/+.·\\¼½¾⅐-⅞↉⁄]+$/;

/** A plain value as the checker reads it (chat replies type the minus sign as Unicode's `−`); undefined when it is prose, not a value. */
export function plainValue(raw: string): string | undefined {
  const value = raw.trim().replace(/−/g, '-');
  return value && value.length <= 40 && PLAIN_VALUE.test(value) ? value : undefined;
}

/** A condition on the variable: a relation with no `=` assignment (`0 \le n \le 6`, `n > 6`, `n \geq L`). */
function isCondition(math: string): boolean {
  const t = math.trim();
  return RELATION.test(t) && !/(?<![<>\\a-z])=/.test(t.replace(/\\(?:le|ge|leq|geq)q?/g, '')) && t.length < 60 && !/\\(?:sum|frac|int)/.test(t);
}

/** One case of a list: the condition and the value a line states, in either order. */
function caseOfLine(line: string): Case | undefined {
  const maths = [...line.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => m[1]!.trim());
  if (maths.length < 2) return undefined;
  const conditions = maths.filter(isCondition);
  // A table row (`| $0 \le n \le 6$ | $2 - 2^{-n}$ |`): its header names the value, so the cell is the value alone.
  const row = /^\s*\|/.test(line);
  const values = maths.filter((m) => !isCondition(m) && (row || /=/.test(m)));
  if (conditions.length !== 1 || !values.length) return undefined;
  const value = lastSide(values[values.length - 1]!).trim();
  return value ? { when: conditions[0]!, value } : undefined;
}

/** A table cell that is a condition and nothing else (`n ≥ 7`, `for 0 <= n <= 6`). */
const CONDITION_CELL = new RegExp(String.raw`^(?:(?:for|when|if)\s+)?${PLAIN_RELATION}$`, 'i');

/**
 * `| 0 ≤ n ≤ 6 | 2 − 2^(−n) |`: a table's row of a range and the value there, typed with no LaTeX delimiters
 * (its header names the function, so the value's cell is the value alone, or `y(n) = …`). The row's one
 * condition cell and the first cell after it that holds a value; none when a row has no such pair.
 */
function plainCaseOfRow(line: string): Case | undefined {
  if (!/^\s*\|/.test(line) || line.includes('$') || !/[<>≤≥]/.test(line)) return undefined;
  const cells = line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.replace(/\*\*/g, '').trim());
  const at = cells.findIndex((cell) => CONDITION_CELL.test(cell));
  if (at < 0 || cells.some((cell, k) => k !== at && /[<>≤≥]/.test(cell))) return undefined;
  const condition = CONDITION_CELL.exec(cells[at]!)!;
  for (const cell of cells.slice(at + 1)) {
    const value = plainValue(withUnicodeScripts(withoutRemarks(cell).replace(/^[^=]*=/, '')));
    if (value && !/[A-Za-z]{3,}/.test(value)) return { when: plainCondition(condition[1], condition[2]!), value };
  }
  return undefined;
}

/** `For n < 0 ... y[n] = 0.`: a condition in plain text (`for`, `when`, `if` and a relation of a letter with a number). */
const PLAIN_CONDITION = new RegExp(String.raw`\b(?:for|when|if)\s+${PLAIN_RELATION}\b`, 'i');

/** A sentence's clauses at `;`, full stops and `, and for` outside formulas (`For $n < 0$ it is 0; for ...`). */
function clauses(line: string): string[] {
  return line
    .split(/(\$\$?[^$]*\$\$?)/)
    .map((piece, i) => (i % 2 ? piece : piece.replace(/;|\.\s+(?=[A-Z])|,?\s+(?:and|while)\s+(?=(?:for|when|if)\b)/g, '\u0000')))
    .join('')
    .split('\u0000')
    .filter((c) => c.trim());
}

/**
 * One case of a sentence that states several (`for $0 \le n \le 6$ it is $2 - 2^{-n}$`, `after
 * that it decays as $127 \cdot 2^{-n}$`): a condition, or words for the remaining values, and the
 * value said for it — a formula, or a number after "is".
 */
function caseOfClause(clause: string): Case | undefined {
  const maths = [...clause.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => m[1]!.trim());
  const conditions = maths.filter(isCondition);
  // `For n < 0 there is no overlap, so $y[n] = 0$`: a condition in plain text.
  const plain = PLAIN_CONDITION.exec(clause.replace(/\$[^$]*\$/g, ' '));
  if (!conditions.length && plain) conditions.push(plainCondition(plain[1], plain[2]!));
  const rest = /\b(?:otherwise|else(?:where)?|after that|afterwards|beyond that|for all other|for larger|for every other)\b/i.test(clause);
  if (conditions.length > 1 || (!conditions.length && !rest)) return undefined;
  const when = conditions[0] ?? '\\text{otherwise}';
  const values = maths.filter((m) => !isCondition(m));
  if (values.length) {
    const value = lastSide(values[values.length - 1]!).trim();
    return value ? { when, value } : undefined;
  }
  const said = /\b(?:is|equals|are|be)\s+(-?\d+(?:\.\d+)?)\b/.exec(clause.replace(/\$[^$]*\$/g, ' '));
  return said ? { when, value: said[1]! } : undefined;
}

/** `$2 - 2^{-n}$ ($0 \le n \le 6$)`: a value and, in brackets after it, the condition it holds under. */
const VALUE_THEN_CONDITION = /\$([^$\n]+)\$\s*\(\s*(?:(?:for|when|if)\s+)?\$([^$\n]+)\$\s*\)/gi;

/**
 * `So $y[n]=0$ ($n<0$), $2-2^{-n}$ ($0\le n\le6$), $127\cdot 2^{-n}$ ($n\ge7$).`: the cases a sentence
 * lists as values, each with its condition in brackets after it.
 */
function bracketedCases(line: string): Case[] {
  const out: Case[] = [];
  for (const m of line.matchAll(VALUE_THEN_CONDITION)) {
    const value = lastSide(m[1]!).trim();
    if (!isCondition(m[2]!) || isCondition(m[1]!) || !value) return [];
    out.push({ when: m[2]!.trim(), value });
  }
  return out;
}

/** `(½)ⁿ`, `2⁻ⁿ`: Unicode's raised characters as the powers they write (`(½)^{n}`, `2^{-n}`; the reader knows `½`). */
export function withUnicodeScripts(text: string): string {
  return text.replace(/[⁰¹²³⁴-⁹ⁿ⁻]+/g, (run) => `^{${[...run].map((c) => RAISED[c]).join('')}}`);
}

/**
 * The value the right side of an equation states (`Σ_{k=0}^{n} (1/2)^k = 2 − 2^{−n}. So ...` → `2 − 2^{−n}`):
 * its last side, up to where its statement ends — a full stop, semicolon or comma outside brackets, an `≈`
 * before an approximation, or the bracket the equation sits in closing. None when the side goes on as a
 * list of numbers (`y(n) = 1, 1.5, 1.75`): sample values, not a case's formula.
 */
function statedSide(after: string): string | undefined {
  let depth = 0;
  let from = 0;
  for (let k = 0; k < after.length; k++) {
    const c = after[k]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth < 0) return after.slice(from, k).trim();
    } else if (depth > 0) continue;
    else if (c === '=') from = k + 1;
    else if (c === '≈') return after.slice(from, k).trim();
    else if ((c === '.' || c === ';' || c === ',') && after[k - 1] !== '.' && (k + 1 === after.length || /\s/.test(after[k + 1]!))) {
      const side = after.slice(from, k).trim();
      return c === ',' && /^-?[\d.]+$/.test(side.replace('−', '-')) && /^\s*[-−]?\d/.test(after.slice(k + 1, k + 8)) ? undefined : side;
    }
  }
  return after.slice(from).trim();
}

/**
 * One case of a line typed with no LaTeX delimiters (a notebook's Markdown cell, a plain-text
 * reply): `For 0 <= n <= 6: y[n] = sum_{k=0}^{n} (1/2)^k = 2 - 2^{-n}.` — the condition and the
 * last side of the equation after it.
 */
function plainCaseOfLine(text: string): Case | undefined {
  if (text.includes('$')) return undefined;
  const line = withoutRemarks(text);
  if (!line.includes('=')) {
    // `n<0 : 0`, `n ≥ 7: 127·(½)ⁿ`: a condition heading its value, with no equation between them.
    const heading = CONDITION_HEADING.exec(line);
    const value = heading && plainValue(withUnicodeScripts(line.slice(heading[0].length).replace(/[.;,]\s*$/, '')));
    // (`n > 0: positive` heads a word, no value.)
    return value && heading && !/[A-Za-z]{3}/.test(value) ? { when: plainCondition(heading[1], heading[2]!), value } : undefined;
  }
  const bracketed = bracketedCaseOfLine(line);
  if (bracketed) return bracketed;
  const plain = PLAIN_CONDITION.exec(line) ?? CONDITION_HEADING.exec(line) ?? CONDITION_COLUMN.exec(line);
  if (!plain) return undefined;
  // (`and y(n) = 0 for n < 0. The output starts at y(0) = 1 …`: the case's sentence ends at its full stop; what follows says other things.)
  const rest = line.slice(plain.index + plain[0].length);
  const stop = rest.search(/[.!?]\s+(?=[A-Z])/);
  const after = stop < 0 ? rest : rest.slice(0, stop + 1);
  const eq = after.lastIndexOf('=');
  // `y[n] = 2 − (½)ⁿ      for 0 ≤ n ≤ 6`: a line of an aligned list, its value before its condition
  // (`y[n] = 0, for n < 0;`: perhaps a comma between them).
  const ahead = line.lastIndexOf('=', plain.index);
  if (eq < 0 && ahead >= 0 && /^[\s.,;]*$/.test(after) && !/[<>≤≥]/.test(line.slice(ahead + 1, plain.index))) {
    const value = plainValue(withUnicodeScripts(line.slice(ahead + 1, plain.index).replace(/[,;]\s*$/, '')));
    return value ? { when: plainCondition(plain[1], plain[2]!), value } : undefined;
  }
  // A later condition on the line, in its sentence or the next, is another case: one case per line, or the line is
  // prose (sentences of cases run together, as a page joins hard-wrapped lines, are the sentence readers').
  if (eq < 0 || PLAIN_CONDITION.test(rest) || /[<>≤≥]/.test(after.slice(eq + 1))) return undefined;
  const said = statedSide(after.slice(eq + 1));
  const value = said && plainValue(withUnicodeScripts(said));
  return value ? { when: plainCondition(plain[1], plain[2]!), value } : undefined;
}

/** `(0 ≤ n ≤ 6)`, `(for n ≥ 7)`: a condition in brackets that ends its line. Two groups. */
const CONDITION_IN_BRACKETS = new RegExp(String.raw`\(\s*(?:(?:for|when|if)\s+)?${PLAIN_RELATION}\s*\)[\s.,;]*$`, 'i');

/**
 * `y(n) = 2 − 2^(−n) (0 ≤ n ≤ 6)`: a line that states a function's value and ends on the condition it
 * holds under, in brackets; none when it states no one value there (`y(n) = 2 − 2⁻ⁿ (n ≥ 0), 0 (n < 0)` lists
 * several, `y(7) = 127/128 (n ≥ 7)` gives one sample).
 */
function bracketedCaseOfLine(line: string): Case | undefined {
  const bracket = CONDITION_IN_BRACKETS.exec(line);
  if (!bracket) return undefined;
  const eq = line.lastIndexOf('=', bracket.index);
  if (eq < 0 || /[<>≤≥]/.test(line.slice(eq + 1, bracket.index)) || /[([]\s*-?\d+\s*[)\]]\s*$/.test(line.slice(0, eq))) return undefined;
  const value = plainValue(withUnicodeScripts(line.slice(eq + 1, bracket.index).replace(/[,;]\s*$/, '')));
  return value ? { when: plainCondition(bracket[1], bracket[2]!), value } : undefined;
}

/** A bracket's words that are mathematics (`(sqrt 2)`, `(exp(-n))`), not a remark. */
const MATH_WORDS = /^(?:sqrt|exp|log|ln|sin|cos|tan|sum|prod|pi|cdot|times)$/i;

/**
 * Whether a bracket's content, set after a case's value, remarks on it rather than being part of it: it lists
 * sample values or says words (`1, 1.5, 1.75, …`, `0.992 at n = 7`, `e.g. y(3) = 1.875`, `≈ 0.99`). A bracket
 * holding a relation is the case's condition (`n ≥ 0`), and one holding a formula alone (`1 - 2^{-(n+1)}`) a factor.
 */
function isRemark(content: string): boolean {
  if (/[<>≤≥]/.test(content)) return false;
  return /[,=≈]/.test(content) || (content.match(/[A-Za-z]{3,}/g) ?? []).some((w) => !MATH_WORDS.test(w));
}

/**
 * A plain line without the remarks in brackets after its values (`= 2 − 2^{−n}   (1, 1.5, 1.75, …)`, `= 127/2^n
 * (0.992 at n = 7)`, `(e.g. y(3) = 1.875)`): each is evidence for the value, not part of it, so a case's formula
 * ends where its own statement does. Only brackets at the top level after a space are remarks (`h(n - i)`,
 * `(1/2)^n` are not); one linear pass.
 */
function withoutRemarks(line: string): string {
  if (!line.includes('(')) return line;
  let out = '';
  let open = -1;
  let depth = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (c === '(') {
      if (depth === 0) open = k;
      depth++;
    } else if (c === ')' && depth > 0 && --depth === 0) {
      const group = line.slice(open, k + 1);
      // (A remark opens after a space; `y(n)`, `2^(7-n)` and `x(1, 2)` open after what they belong to.)
      const remark = open > 0 && /\s/.test(line[open - 1]!) && isRemark(group.slice(1, -1));
      if (remark) out = out.trimEnd();
      else out += group;
      continue;
    }
    if (depth === 0) out += c;
  }
  // An unclosed bracket is kept as written.
  return depth > 0 ? out + line.slice(open) : out;
}

/**
 * `- n < 0: y(n) = 0`, `0 ≤ n ≤ 6: only i ≤ n contribute, y(n) = ... = 2 − (1/2)^n`, `- n ≥ 7 → y(n) = 127·2^{-n}`:
 * a list item headed by its condition and a colon (or an arrow leading to the value), in plain text; the
 * value is the last side of the line's equation.
 */
const CONDITION_HEADING = new RegExp(String.raw`^\s*${ITEM_MARKER}?(?:\*\*)?${PLAIN_RELATION}(?:\*\*)?\s*(?::(?!=)|→|⟶|⇒|->)`, 'i');

/**
 * `y(n) = 2 - 2^(-n)        0 <= n <= 6`: a condition set in a column of its own at the line's end, after
 * a wide gap (as a terminal or a notebook prints the two columns of a cases formula).
 */
const CONDITION_COLUMN = new RegExp(String.raw`(?:[ ]{3,}|\t)${PLAIN_RELATION}\s*$`, 'i');

/** `2 - 2^{-n} for 0 <= n <= 6`, `2 − 2⁻ⁿ (n ≥ 0)`: a value, then the condition it holds under (in brackets, perhaps). */
const VALUE_FOR_CONDITION = new RegExp(String.raw`^(.+?)\s*(?:\s(?:for|when|if)\s+${PLAIN_RELATION}|\(\s*(?:(?:for|when|if)\s+)?${PLAIN_RELATION}\s*\))$`, 'i');

/**
 * `y[n] = 0 for n < 0, 2 - 2^{-n} for 0 <= n <= 6, 127 (1/2)^n for n >= 7.`: a plain sentence that
 * lists each case as its value and condition, between commas or semicolons, after the name's `=`
 * (and after its `=` again in each case that restates it).
 */
function plainCasesOfSentence(text: string): Case[] {
  if (text.includes('$') || !/[<>≤≥]/.test(text)) return [];
  // (`y[n] = 2 − 2⁻ⁿ (n ≥ 0), 0 (n < 0)   ✔`: a person's tick after the cases judges them.)
  // (`... n>=7   (values above, n = -6..12)`: a remark on the values after the last case.)
  const line = withoutRemarks(withoutJudgement(text));
  // `- 3(a): 0 (n<0); 2 − 2^{−n} (0 ≤ n ≤ 6); ...`: a summary's line lists the cases after its label, with no `=`.
  const body = (line.includes('=') ? line.slice(line.indexOf('=') + 1) : line.replace(LINE_LABEL, '')).trim().replace(/[.]\s*$/, '');
  const commaCases = commaConditionCases(body);
  if (commaCases.length) return commaCases;
  const pieces = body.split(/\s*[,;]\s*(?:and\s+)?/);
  const cases = pieces.map((piece, k): Case | undefined => {
    const m = VALUE_FOR_CONDITION.exec(piece.trim());
    // `y(n) = 0 for n < 0;  y(n) = 2 - 0.5^n for 0 <= n <= 6; ...`: each case may name the function again.
    const value = m && plainValue(withUnicodeScripts(m[1]!.slice(m[1]!.lastIndexOf('=') + 1)));
    if (value) return { when: plainCondition(m[2] ?? m[4], (m[3] ?? m[5])!), value };
    // The last value may go with no condition, or "otherwise": it holds wherever the others do not.
    return k === pieces.length - 1 && k > 0 ? remainingCase(piece) : undefined;
  });
  return cases.length >= 2 && cases.every(Boolean) ? (cases as Case[]) : [];
}

/** `2 - 2^-n, 0 <= n <= 6`: a value, a comma, and the condition it holds under (the two columns of a cases formula on one line). */
const VALUE_COMMA_CONDITION = new RegExp(String.raw`^(.+?)\s*,\s*${PLAIN_RELATION}$`, 'i');

/**
 * `0, n<0;  2 - 2^-n, 0<=n<=6;  127*2^-n, n>=7`: cases between semicolons, each its value and its
 * condition after a comma, as a cases formula's rows are written on one line; none when any piece is not one.
 */
function commaConditionCases(body: string): Case[] {
  if (!body.includes(';')) return [];
  const cases: Case[] = [];
  for (const piece of body.split(/\s*;\s*/)) {
    const m = VALUE_COMMA_CONDITION.exec(piece.trim());
    const value = m && plainValue(withUnicodeScripts(m[1]!));
    if (!value) return [];
    cases.push({ when: plainCondition(m[2], m[3]!), value });
  }
  return cases.length >= 2 ? cases : [];
}

/** `- 3(a): `, `Answer: `: a list marker and a short label before what a line states. */
const LINE_LABEL = new RegExp(String.raw`^\s*(?:${BULLET}\s+)?(?:[^:<>≤≥=]{1,24}:\s+)?`);

/** The words that give the last case the values the others leave (`otherwise`, `after that`). */
const REMAINING_WORDS = /\s*\(?\b(?:otherwise|else(?:where)?|after(?:wards|\s+that)?|thereafter)\b\)?\s*$/i;

/** `127·2^{−n}`, `127·2^{−n} otherwise`: the last of a list of cases, holding wherever the others do not (a value, never words). */
function remainingCase(piece: string): Case | undefined {
  const value = plainValue(withUnicodeScripts(piece.replace(REMAINING_WORDS, '').replace(/^.*=/, '')));
  return value && /\d/.test(value) && !/[A-Za-z]{3,}/.test(value) ? { when: '\\text{otherwise}', value } : undefined;
}

/** A list item that opens on "otherwise" or "else": the last case of a list, for the values the others leave. */
const REMAINING_ITEM = new RegExp(String.raw`^\s*(?:${BULLET}\s+)?(?:\*\*)?(?:otherwise|else(?:where)?)\b`, 'i');

/**
 * `- For n < 0: no overlap, so $y(n) = 0$.`: a line of one clause that says its condition in words and
 * its value in one formula (or "Otherwise, $y(n) = 0$" as a list's last item).
 */
function conditionedLine(line: string): Case | undefined {
  if (!line.includes('$') || clauses(line).length !== 1) return undefined;
  const c = caseOfClause(line);
  return c && (c.when !== '\\text{otherwise}' || REMAINING_ITEM.test(line)) ? c : undefined;
}

/** Consecutive lines that each state one case (blank lines between allowed), or one sentence stating several: the cases formulas they make. */
function caseLists(text: string): string[] {
  const out: string[] = [];
  let run: Case[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(casesFormula(run));
    run = [];
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const c = caseOfLine(line) ?? plainCaseOfRow(line) ?? plainCaseOfLine(line) ?? conditionedLine(line);
    if (c) {
      run.push(c);
      continue;
    }
    flush();
    const listed = plainCasesOfSentence(line);
    if (listed.length) {
      run = listed;
      flush();
      continue;
    }
    // Cases stated clause by clause in one sentence: all of them, with a condition for each but the remainder.
    const parts = clauses(line).map(caseOfClause);
    let stated = parts.filter((x): x is Case => !!x);
    if (stated.length < 2 && line.includes('(')) stated = bracketedCases(line);
    if (stated.length >= 2 && stated.filter((x) => x.when === '\\text{otherwise}').length <= 1) {
      run = stated;
      flush();
    }
  }
  flush();
  return out;
}

/** A Python expression or condition as LaTeX the checker reads (`0.5**(n - 6)` → `0.5^{(n - 6)}`). */
function fromPython(expr: string): string {
  return expr
    .trim()
    .replace(/\*\*\s*(\([^()]*\)|[\w.]+)/g, '^{$1}')
    .replace(/\bmath\.|\bnp\./g, '')
    .replace(/<=/g, ' \\le ')
    .replace(/>=/g, ' \\ge ')
    .replace(/==/g, '=')
    .replace(/\s+and\s+/g, ', ')
    .replace(/\*/g, ' \\cdot ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BRANCH = /\b(elif|else\s+if|else|if)\b\s*([^:\n]*?)\s*:/g;

/** `if ...: return a elif ...: return b else: return c` in a code block: the cases formula it computes. */
function casesFromCode(code: string): string | undefined {
  const branches = [...code.matchAll(BRANCH)];
  if (branches.length < 2) return undefined;
  const cases: string[] = [];
  for (const [k, b] of branches.entries()) {
    const from = b.index + b[0].length;
    const to = branches[k + 1]?.index ?? code.length;
    const body = code.slice(from, to);
    const ret = /\breturn\s+([^\n]+)/.exec(body);
    if (!ret) return undefined;
    const value = ret[1]!.replace(/\s+#.*$/, '').trim();
    const when = /else/.test(b[1]!) && !/if/.test(b[1]!) ? '\\text{otherwise}' : fromPython(b[2]!);
    if (!value || !when) return undefined;
    cases.push(`${fromPython(value)} & ${when}`);
  }
  return `\\begin{cases} ${cases.join(' \\\\ ')} \\end{cases}`;
}

/** `**Case $0 \le n \le 2$:**`, `- For $n \ge 3$:`, `When $n < 0$:`: a line that heads one case by its condition. */
const CASE_HEADING = new RegExp(
  String.raw`^\s*(?:${BULLET}\s+)?(?:#{1,6}\s+)?(?:\*\*)?\s*(?:case\s*\d*\s*[:.)]?\s*(?:\(?\s*)?|for\s+|when\s+|if\s+)?\$([^$]+)\$\s*\)?\s*(?:\*\*)?\s*:\s*(?:\*\*)?(.*)$`,
  'i',
);

/**
 * `**Case 2: 0 ≤ n ≤ 6 (partial overlap).**`, `**For n ≥ 7:**`, `Case 1: n < 0.`, `Case n ≥ 7:`, `Case 1 (n < 0):`,
 * `2. 0 ≤ n ≤ 6:`: a lead-in that heads one case by a condition in plain text, perhaps numbered, perhaps with a
 * remark in brackets after it. Groups: the bold's opening, the
 * `case k` label, the `for`/`when`/`if`, the condition (two), and the punctuation and bold that close it.
 */
const PLAIN_CASE_HEADING = new RegExp(
  String.raw`^\s*${ITEM_MARKER}?(?:#{1,6}\s+)?(\*\*)?\s*(case\b\s*(?:(?:\d{1,2}|[ivx]{1,4})\s*[:.)—–]?\s*)?)?((?:for|when|if)\s+)?\(?\s*${PLAIN_RELATION}(?![\w([])\s*\)?\s*(?:\([^()\n]{0,60}\))?\s*([.:,])?\s*(\*\*)?`,
  'i',
);

/** A line whose first words lead to a formula in `$`: its condition, if any, is in the formula (CASE_HEADING reads it). */
const LEADS_TO_FORMULA = new RegExp(String.raw`^\s*(?:${BULLET}\s+)?(?:\*\*)?[^$]{0,12}\$`);

/**
 * The plain lead-in a line opens on and the length it takes, when it is one: closed by bold around it, named
 * `Case k`, or ended by a colon (or by a comma after `for`/`when`/`if`), never a relation in a sentence.
 */
function plainLeadIn(line: string): { when: string; length: number } | undefined {
  if (line.includes('$') && LEADS_TO_FORMULA.test(line)) return undefined;
  const m = PLAIN_CASE_HEADING.exec(line);
  if (!m) return undefined;
  const [, open, label, word, lower, relation, stop, close] = m;
  const led = (open && close) || label || stop === ':' || (word && stop === ',');
  return led ? { when: plainCondition(lower, relation!), length: m[0].length } : undefined;
}

/** `so y(n) = 0.`: a plain equation of a function (`y(n) =`, `y[n] =`), as a case's statement gives its value. */
const PLAIN_FUNCTION_EQUATION = /(?<![\w\\])[A-Za-z](?:_\{?\w{1,3}\}?)?\s*[([]\s*[a-z]\s*[)\]]\s*=(?!=)/g;

/**
 * `so y(n) = 0.`, `y(n) = Σ (1/2)^k = 2 − 2^{−n}   (1, 1.5, …)`: the value a plain function equation states,
 * when it is a value and not words; the last that does (`y(n) = 2 − 2^{−n}, i.e. y(n) = 1, 1.5, …` lists samples after it).
 */
function plainStatedValue(rest: string): string | undefined {
  const prose = withoutRemarks(rest.replace(/\$[^$]*\$/g, ' '));
  const equations = [...prose.matchAll(PLAIN_FUNCTION_EQUATION)];
  for (let k = equations.length - 1; k >= 0; k--) {
    const eq = equations[k]!;
    const said = statedSide(prose.slice(eq.index + eq[0].length));
    const value = said && plainValue(withUnicodeScripts(said));
    if (value && !/[A-Za-z]{3,}/.test(value.replace(/\\[A-Za-z]+/g, '')) && !/[<>≤≥]/.test(value)) return value;
  }
  return undefined;
}

/**
 * Cases under headings of their own, each with its working (`**Case $n < 0$:** every term is 0,
 * so $y[n] = 0$.`, `**Case 1: n < 0.** every term is 0, so y(n) = 0.`, then a display formula under
 * the next): for each, the last formula stating a value on the first line that states one.
 */
function caseSections(text: string): string[] {
  const cases: { when: string; value?: string }[] = [];
  for (const line of text.split('\n')) {
    // Only a line with a relation can head a case (most lines have none).
    const related = RELATION.test(line);
    const heading = related ? CASE_HEADING.exec(line) : null;
    const dollar = heading && isCondition(heading[1]!);
    const plain = related && !dollar ? plainLeadIn(line) : undefined;
    if (dollar) {
      cases.push({ when: heading[1]!.trim() });
    } else if (plain) {
      cases.push({ when: plain.when });
    } else if (cases.length && /^\s*#{1,6}\s/.test(line)) break;
    const current = cases[cases.length - 1];
    // The first line under a heading that states a value ends the case: what follows is other working.
    if (!current || current.value !== undefined) continue;
    const rest = dollar ? heading[2]! : plain ? line.slice(plain.length) : line;
    const stated = [...rest.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => m[1]!.trim()).filter((m) => /=/.test(m) && !isCondition(m));
    if (stated.length) current.value = lastSide(stated[stated.length - 1]!).trim();
    else current.value = plainStatedValue(rest);
  }
  const done = cases.filter((c): c is Case => !!c.value);
  return done.length >= 2 && done.length === cases.length ? [casesFormula(done)] : [];
}

/**
 * Cases formulas a response states without writing one: case lists, and functions in its code
 * blocks. Empty when the response writes a `cases` formula of its own (that is its answer).
 */
export function piecewiseCandidates(written: string): Candidate[] {
  if (/\\begin\{cases\}/.test(written)) return [];
  // `\( y(n) = 0 \)`: inline formulas delimited as LaTeX does are read as those in `$`.
  const text = withEnglishConditionWords(written.includes('\\(') ? written.replace(/(?<!\\)\\[()]/g, '$') : written);
  // Code is where the answer was computed, not where it was stated: a weaker place than a list.
  const code = [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => casesFromCode(m[1]!)).filter((c): c is string => !!c);
  // The answer the response ends on: the last list or function first.
  // (A list whose items open on their conditions is also a run of sections: one formula, said once.)
  return [...new Set([...caseLists(text), ...caseSections(text)])]
    .map((t): Candidate => ({ text: t, how: 'display' }))
    .concat(code.map((t): Candidate => ({ text: t, how: 'inline' })))
    .reverse();
}

/**
 * Whether `value` is the value of one branch of the cases formula `cases` (`2 - 2^{-n}` of
 * `\begin{cases} 2 - 2^{-n} & n \ge 0 \\ 0 & \text{otherwise} \end{cases}`): a response's statement of
 * one branch, cut from its condition, is part of that answer and no rival of it.
 */
export function isBranchOf(value: string, cases: string): boolean {
  const wanted = value.replace(/\s+/g, '');
  return !!wanted && branchValues(cases).some((row) => row.replace(/\s+/g, '') === wanted);
}

/** The values of a cases formula's rows (`\begin{cases} 0 & n < 0 \\ 2 - 2^{-n} & n \ge 0 \end{cases}` → `0`, `2 - 2^{-n}`); none without one. */
export function branchValues(cases: string): string[] {
  const body = /\\begin\{cases\}([\s\S]*)\\end\{cases\}/.exec(cases)?.[1];
  if (!body) return [];
  return body
    .split('\\\\')
    .map((row) => row.split('&')[0]!.trim())
    .filter(Boolean);
}

/** What follows a formula that holds under a condition only: `for $n \ge 0$`, `(n < 0)`, `when n > 6`. */
const UNDER_CONDITION = /^\$?\s*(?:\(\s*)?(?:(?:for|when|if)\s+)?\$?[^$\n,;]{0,24}?(?:<|>|\\le|\\ge|\\lt|\\gt|≤|≥)/i;

/**
 * A response's candidates with the branches of its cases formula after the formula: a value said to
 * hold under a condition (`$2-2^{-n}$ for $n\ge0$, 0 before` in a summary's row) is one case, not the
 * answer, where the response states the cases whole (`y[n] = \begin{cases} ... \end{cases}`).
 * A response with no cases formula is as it was.
 */
export function branchesAfterCases(text: string, candidates: readonly Candidate[]): Candidate[] {
  const whole = candidates.findLastIndex((c) => c.text.includes('\\begin{cases}'));
  if (whole < 0) return [...candidates];
  const branch = (c: Candidate, k: number) => {
    if (k > whole || c.text.includes('\\begin{cases}') || isCondition(c.text)) return false;
    const at = text.indexOf(c.text, c.at ?? 0);
    if (at < 0) return false;
    const after = text.slice(at + c.text.length, at + c.text.length + 40);
    // The condition itself must follow: a relation sign in the value's next words (`for $n\ge0$`), with the `for`, a bracket or both.
    return /^\$?\s*(?:\(|for\b|when\b|if\b)/i.test(after) && UNDER_CONDITION.test(after);
  };
  const moved = candidates.filter(branch);
  if (!moved.length) return [...candidates];
  const kept = candidates.filter((c) => !moved.includes(c));
  const at = kept.findLastIndex((c) => c.text.includes('\\begin{cases}'));
  return [...kept.slice(0, at + 1), ...moved, ...kept.slice(at + 1)];
}
