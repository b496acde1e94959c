import { answerCandidates, GREEK, pieces, splitTopLevel, statementsSideBySide, type Candidate } from './extract.js';
import { branchesAfterCases, piecewiseCandidates } from './piecewise-answer.js';
import { loweredAsSubscripts } from '../math/latex/unicode-scripts.js';
import { withConditionsAfter } from './stated-cases.js';
import { sentenceCases } from './sentence-cases.js';
import { matrixCandidates } from './matrix-rows.js';
import { rowCells } from './types/table.js';
import { isProseWord } from './prose.js';
import { derivedValue } from './derived-value.js';
import { placedByForeignLabels } from './foreign-labels.js';
import { answerNamesInEnglish } from './name-words.js';

/**
 * The candidate finder for one answer of a key: the response's scored candidates
 * (`answerCandidates`), put in the order a TA reads them for that answer — statements of the
 * quantity the key names first; for a named answer (`g3`, `weights`), lines and list items
 * labelled with its name, then formulas stating it, never those stating a sibling answer; the
 * shape its `Width:` / `Height:` / `Channels:` lines give; the cases a piecewise answer states
 * line by line, in a table or in code. Check and grade read answers with this one vocabulary.
 */

/** `\mathbf{g}_3`, `g_{3}`, `g₃`, `\mathbb{E}[dw]`, `α` → `g3`, `g3`, `g3`, `e`, `alpha`: a name as a response or a key writes it. */
export function nameKey(s: string): string {
  let key = NAME_KEYS.get(s);
  if (key === undefined) {
    // Bounded: the names of the few responses being graded at a time, never a batch's.
    if (NAME_KEYS.size >= 1024) NAME_KEYS.clear();
    NAME_KEYS.set(s, (key = nameKeyOf(s)));
  }
  return key;
}

/**
 * nameKey's results by name: the key's quantities and each candidate's left side are asked for again
 * and again (every candidate against every quantity, every number against every formula), five
 * patterns each time (0.15 s of 13 s of grading, 500 distinct bench write-ups).
 */
const NAME_KEYS = new Map<string, string>();

// (`α = ...` states the key's `\alpha`: a Greek letter typed as a character is the one LaTeX names.)
// (`dw_hl = ...` states the key's `dw_{h,l}`: an entry's indices are the same typed with no comma between them.)
function nameKeyOf(s: string): string {
  return loweredAsSubscripts(s)
    .replace(/_\{([^{}]*,[^{}]*)\}/g, (_m, indices: string) => `_{${indices.replace(/\s*,\s*/g, '')}}`)
    .replace(/[\u03b1-\u03c9]/g, (g) => GREEK[g] ?? g)
    .replace(/[_^]\{?\s*(?:\\text\{|\\mathrm\{)?\s*(?:\\?max|\\?min|opt|\*)\s*\}?\}?/g, '')
    .replace(/\\(?:mathbf|boldsymbol|mathrm|mathbb|operatorname|text|bm)\s*/g, '')
    .replace(/[[(].*$/, '')
    .replace(/[\\{}_\s^*]/g, '')
    .toLowerCase();
}

// A quantity's name and the operator a response writes it with (`\operatorname{tr}(A) = 4` states the trace).
const NAME_SYNONYMS: Record<string, string[]> = {
  mean: ['e', 'mean', 'expectation', 'mu'],
  variance: ['var', 'variance', 'sigma2'],
  trace: ['tr', 'trace'],
  tr: ['tr', 'trace'],
  determinant: ['det', 'determinant'],
  det: ['det', 'determinant'],
  rank: ['rank', 'rk'],
};

/** A spread's name that is its square root, not the variance: `std`, `sd`, `σ_y`, `standard deviation`. */
const STANDARD_DEVIATION = /^(?:std|sd|stdev|stddev|standarddeviation|sigma[a-z]*)$/;

/**
 * `std = (n-k+1)σ_xσ_g`: a statement of a standard deviation answers no other named quantity (not the
 * variance it is the square root of, nor the mean), and a variance answers no standard deviation: the
 * writer named it apart, and read as another it grades a right answer wrong. The name is the candidate's own left side, or the one its line gives it just before it (a value
 * read without its `std = `).
 */
function statesOtherSpread(candidate: Candidate, text: string, name: string): boolean {
  const want = nameKey(name);
  const variance = NAME_SYNONYMS.variance ?? [];
  const wantsSpread = STANDARD_DEVIATION.test(want);
  let lhs = leftSide(candidate.text);
  if (!lhs && candidate.at !== undefined && candidate.at > 0) {
    // (`at` is where the candidate's statement was found, which may be its left side: the value is looked for on that line.)
    const start = text.lastIndexOf('\n', candidate.at) + 1;
    const end = text.indexOf('\n', candidate.at);
    const line = text.slice(start, end < 0 ? text.length : end);
    const i = line.indexOf(candidate.text);
    const before = line.slice(Math.max(0, i - 80), Math.max(i, 0));
    lhs = /(?:^|[\s,;:])((?:standard deviation|[^\s=,;:]{1,30})(?:\([^()\n]{0,30}\))?)\s*=\s*$/i.exec(before)?.[1];
  }
  if (!lhs) return false;
  const got = nameKey(lhs);
  return wantsSpread ? variance.includes(got) : STANDARD_DEVIATION.test(got);
}

/**
 * Whether a text holds a relation sign at all (`=`, `<`, `>`, `\le`, `\ge`, `\lt`, `\gt`, and the
 * commands that start with them): the patterns that read a left side try every length of it
 * before each sign, and most candidates (a number, an expression) have none.
 */
function statesRelation(text: string): boolean {
  return text.includes('=') || text.includes('<') || text.includes('>') || text.includes('\\l') || text.includes('\\g');
}

/** Whether a candidate states the named answer (`g_3 = ...` for `g3`, `\mathrm{Var}(...) = ...` for `variance`). */
export function statesName(candidate: string, name: string): boolean {
  // A strict bound states its quantity as a weak one does (`a < 0` as `a \ge 0`).
  const lhs = statesRelation(candidate) ? /^\s*([^=<>]{1,40}?)\s*(?:=|\\le|\\ge|\\leq|\\geq|<|>|\\lt\b|\\gt\b)/.exec(candidate)?.[1] : undefined;
  if (!lhs) return false;
  // `\# \text{bias} = F` (the number of biases) states `biases`: a count's sign and the plural say the same.
  const got = nameKey(lhs).replace(/^#/, '');
  const want = nameKey(name);
  // `\mathbb{E}[dy^2]\,\mathbb{E}[x^2]`: an expectation of a square is a second moment, not the mean it looks like.
  if (want === 'mean' && /\^\{?2\b/.test(lhs)) return false;
  // `var_dw = ...` in code: the statistic's name, then what it is of.
  const of = /^([A-Za-z]{3,})_\w/.exec(lhs.trim())?.[1]?.toLowerCase();
  return (
    got === want || (NAME_SYNONYMS[want] ?? []).includes(got) || (got.length >= 4 && (want === `${got}s` || want === `${got}es`)) || (!!of && of !== got && (NAME_SYNONYMS[want] ?? []).includes(of))
  );
}

/**
 * `\operatorname{Var}(dw) = (n-k+1)^2\sigma_x^2\sigma_g^2, \qquad \operatorname{sd}(dw) = (n-k+1)\sigma_x\sigma_g = O(n)`:
 * whether a formula sets beside its statement of an answer (`own`) a piece stating another quantity, whose
 * value is that quantity's and never the answer's. A piece defining a name the statement uses
 * (`\quad \text{where} \quad m = n-k+1`) is part of the statement, not another quantity.
 */
function statesAnother(formula: string, own: string): boolean {
  const uses = own.slice(own.indexOf('=') + 1);
  const ownName = leftSide(own)?.trim();
  return [...pieces(formula), ...statementsSideBySide(formula)].some((p) => {
    // (`w ← w − η dw`: an assignment names its quantity as an equation does.)
    const name = (leftSide(p) ?? /^\s*([^=<>←;]{1,40}?)\s*←/.exec(p)?.[1])?.trim();
    // (`h, l = 1, \dots, k`: indices listed, where the statement holds.)
    if (!name || name === ownName || /^[A-Za-z](?:\s*,\s*[A-Za-z])+$/.test(name)) return false;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return !new RegExp(`(?<![A-Za-z\\\\])${escaped}(?![A-Za-z])`).test(uses);
  });
}

/** The left side of an equation or bound, when it names a quantity (short, no operators at its top). */
export function leftSide(value: string): string | undefined {
  if (!statesRelation(value)) return undefined;
  const m = /^\s*([^=<>]{1,40}?)\s*(?:=|\\le|\\ge|\\leq|\\geq|<|>|\\leftarrow|:=)/.exec(value);
  if (!m || /[+-]\s*\S/.test(m[1]!.replace(/\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g, ''))) return undefined;
  return m[1]!;
}

/** A shape's factor as inline math with the words that say what it counts (`$(...)$ pixels wide`, `$F$ channels`). */
const WORDED_FACTOR = String.raw`\$([^$\n]+)\$(?:\s+[A-Za-z]+){0,2}`;
const WORDED_SHAPE = new RegExp(String.raw`${WORDED_FACTOR}\s*[×x]\s*${WORDED_FACTOR}(?:\s*[×x]\s*${WORDED_FACTOR})?`, 'g');

/** `$\lfloor (W-K)/S \rfloor + 1$ by $\lfloor (H-K)/S \rfloor + 1$ by $C$`: factors said "by", formula after formula. */
const BY_SHAPE = /\$([^$\n]+)\$\s+by\s+\$([^$\n]+)\$(?:\s+by\s+\$([^$\n]+)\$)?/g;

/**
 * `$(\lfloor ... \rfloor + 1)$ pixels wide × $(...)$ pixels high × $F$ channels`: a shape whose
 * factors are formulas of their own with dimension words between them, the × in the prose.
 */
function shapeFromWords(text: string): Candidate[] {
  const times = /\$\s*(?:[A-Za-z]+\s+){0,2}[×x]\s*\$/.test(text);
  const by = /\$\s+by\s+\$/.test(text);
  const plainBy = text.includes(' by ') ? plainByShapes(text) : [];
  if (!times && !by && !plainBy.length) return [];
  return [...(times ? text.matchAll(WORDED_SHAPE) : []), ...(by ? text.matchAll(BY_SHAPE) : []), ...plainBy]
    .map((m) => ({
      text: [m[1], m[2], m[3]]
        .filter((f): f is string => !!f)
        .map((f) => `(${f.trim()})`)
        .join(' \\times '),
      how: 'marker' as const,
    }))
    .reverse();
}

/** `Output: floor((W + 2P - K)/S) + 1  by  floor((H + 2P - K)/S) + 1  by  F`: a line (or a label's or name's value) of plain-text factors said "by". */
const PLAIN_BY_SHAPE = /^(?:[^:=\n]*[:=])?[ \t]*([^:=$\n]{1,80}?)[ \t]+by[ \t]+([^:=$\n]{1,80}?)(?:[ \t]+by[ \t]+([^:=$\n]{1,80}?))?[ \t.]*$/gm;

/** The shapes such lines give, each factor a formula (no prose: `the input by the kernel` says no size). */
function plainByShapes(text: string): RegExpMatchArray[] {
  return [...text.matchAll(PLAIN_BY_SHAPE)].filter((m) => [m[1], m[2], m[3]].every((f) => f === undefined || !f.split(/[^\p{L}]+/u).some(isProseWord)));
}

/** `- Width: ...`, `- Height: ...`, `- Channels: F` on consecutive lines: the shape they give, `(w) \times (h) \times (c)`. */
function shapeFromDimensions(text: string): Candidate[] {
  const dims: Record<string, string> = {};
  const out: Candidate[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(?:[-*+]\s+)?(?:\*\*)?(width|height|channels|depth)(?:\*\*)?\s*[:=]\s*(.+?)\s*$/i.exec(line);
    if (!m) continue;
    dims[m[1]!.toLowerCase().replace('depth', 'channels')] = m[2]!
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/^\$+|\$+$/g, '')
      .replace(/[.;,]\s*$/, '')
      .trim();
    if (dims.width && dims.height && dims.channels) {
      out.unshift({ text: `(${dims.width}) \\times (${dims.height}) \\times (${dims.channels})`, how: 'marker' });
      for (const k of Object.keys(dims)) delete dims[k];
    }
  }
  return out;
}

/**
 * The words a label may put before the name of what it counts (`Total weights`, `Number of biases`,
 * `# of weights`): a count of the thing is the thing's answer. (As `labelNames` normalises them.)
 */
const COUNT_WORDS = /^(?:the )?(?:total )?(?:(?:number|no|num|count) )?(?:of )?(?=\S)/;

/** `Weights` ~ `weights`, `Output shape` ~ `output_shape`, `Total biases` ~ `biases`: a label that names an answer. */
function labelNames(label: string, name: string): boolean {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .replace(/s\b/g, '');
  const said = norm(label);
  const wanted = norm(name);
  return said === wanted || (said.length > wanted.length && said.replace(COUNT_WORDS, '') === wanted);
}

/**
 * `output` for `output_shape`: a label of the name's first words, which no sibling answer's name opens
 * on (a note names the answer by its head word when the others are told apart by theirs).
 */
function namesShortly(label: string, name: string, siblings: readonly string[]): boolean {
  const words = (x: string) =>
    x
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const said = words(label);
  const opens = (n: string) => said.length > 0 && said.every((w, k) => words(n)[k] === w);
  return said.length < words(name).length && opens(name) && !siblings.some(opens);
}

/**
 * A list item's bullet, set apart by a space at the line's start: a dash of any length, a symbol
 * glyph (`◦`, `▪`, `▸`, `➤`, `✓`, an emoji) or one of the marks lists are typed with (`*`, `+`, `•`, `‣`).
 * Apps draw their lists with glyphs of their own, so glyphs go by their Unicode class, not one by one;
 * mathematical signs (`=`, `×`, `→`) open a formula's next line, not an item.
 */
const BULLET = String.raw`(?:[*+•‣⁃∙]|\p{Pd}|\p{So})\s+`;

/** A quotation mark a report opens a quoted answer with (`“Total weights: K²CF. ...”`): the label is still the line's. */
const OPENING_QUOTE = '["“„«‘]?';
/** `- Weights: ...`, `**Variance:** ...`: a line that starts with a label, and what it says. */
const LABELLED_LINE = new RegExp(String.raw`^\s*(?:${BULLET})?${OPENING_QUOTE}(?:\*\*)?([A-Za-z][A-Za-z0-9 _-]{0,30}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+?)\s*$`, 'u');
/**
 * `=> output shape  [floor((W-K+2P)/S)+1] x ... x F`, `biases     F`: notes that set a value apart
 * from its label by a gap of spaces, as a column is, with no colon or `=`. The label is words
 * alone (one space apart), after a list mark or an arrow of conclusion.
 */
const GAPPED_LABEL = /^\s*(?:(?:=>|->|→|⇒|∴|[-*+•])\s*)?([A-Za-z][A-Za-z_]*(?: [A-Za-z_]+){0,3})(?: {2,}|\t+)(\S.*?)\s*$/;
/** `- Residual connection? Yes. The rule adds ...`: a checklist item that asks its name and answers yes or no at once. */
const ASKED_LINE = new RegExp(String.raw`^\s*(?:${BULLET})?(?:\*\*)?([A-Za-z][A-Za-z0-9 _-]{0,30}?)\?(?:\*\*)?\s+(?:\*\*)?(yes|no)\b`, 'iu');
/** `number of biases = F (one per filter)`: an answer's name in words, left of an `=`. */
const WORDED_EQUALS = new RegExp(String.raw`^\s*(?:${BULLET})?(?:\*\*)?(?:(?:the\s+)?(?:total\s+)?(?:number|no\.|#)\s+(?:of\s+)?)?([A-Za-z][A-Za-z ]{1,30}?)(?:\*\*)?\s*=(?!=)\s*(.+?)\s*$`, 'u');
/** `W_out x H_out x F with W_out = ...`: the definitions of the value's own names after it, which grading puts in. */
const DEFINED_AFTER = /\s+(?:with|where)\s+(?=\$?\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?\s*=)/;
/** `output:`, `- **Shape:**`: a label alone on its line, its value on the lines under it. */
const OPENS_BLOCK = new RegExp(String.raw`^\s*(?:${BULLET})?(?:\*\*)?([A-Za-z][A-Za-z0-9 _-]{0,30}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*$`, 'u');
/** `W' = ...`, `H_out = ...`: a line that defines a short name, working under a label rather than its conclusion. */
const DEFINES_NAME = /^\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?['′]?\s*=/;

/**
 * `output:` over `W' = ...`, `H' = ...`, `shape W' × H' × F`: the value of a label alone on its line is
 * the block under it (up to a blank line or another label), read as its conclusion: the last line that
 * defines no name of its own (the definitions are working, put in when it is graded), without the
 * words it opens on.
 */
function blockValue(lines: string[], at: number): string | undefined {
  const block: string[] = [];
  for (let j = at + 1; j < lines.length && j < at + 12 && lines[j]!.trim() && !OPENS_BLOCK.test(lines[j]!) && !LABELLED_LINE.test(lines[j]!); j++) block.push(lines[j]!.trim());
  const conclusion = block.findLast((l) => !DEFINES_NAME.test(l)) ?? block.at(-1);
  const value = conclusion
    ?.replace(/^(?:(?:[A-Za-z]{2,}|[→⇒=]|->|=>)\s+)+(?=\S)/, '')
    .replace(/[.;,]\s*$/, '')
    .trim();
  return value && /[\p{N}×*^\\_()⌊⌈√=+-]|\b[A-Za-z]\b/u.test(value) ? value : undefined;
}

/** `Размер выхода: ...`, `Ausgabeform: ...`: a line opening on a label in words of any language, which starts a statement of its own. */
const WORDED_LABEL = new RegExp(String.raw`^\s*(?:${BULLET})?(?:\*\*)?\p{L}[\p{L}\p{N} _-]{0,30}?(?:\*\*)?\s*[:：]\s`, 'u');

/** A line that carries on the paragraph above it: not blank, not a list item, heading, table row, display or fence. */
const CONTINUES = new RegExp(String.raw`^(?!\s*(?:${BULLET}|\d{1,2}[.)]\s|#|\||\$\$|\\\[|\x60{3}))\s*\S`, 'u');

/** A statement that cannot end where it stops: after a comma or colon, or on so, is, gives, equals. */
const LEADS_ON = /(?:[,:]|\b(?:so|thus|hence|is|are|gives|get|obtain|equals|becomes|then))\s*$/i;

/** The display formula that starts at line `at` (`$$ ... $$` or `\[ ... \]`, over one line or several), or ''. */
function displayAt(lines: string[], at: number): string {
  const first = lines[at]?.trim() ?? '';
  const close = first.startsWith('$$') ? '$$' : first.startsWith('\\[') ? '\\]' : undefined;
  if (!close) return '';
  const taken = [first];
  for (let k = at + 1; !first.slice(2).includes(close) && k < lines.length && k < at + 12; k++) {
    taken.push(lines[k]!.trim());
    if (lines[k]!.includes(close)) break;
  }
  return taken.join(' ');
}

/** Another label further on the same line (`...; biases: $F$. Output: ...`): where this label's statement ends. */
const NEXT_LABEL = /(?<=[.;])\s+(?:\*\*)?[A-Za-z][A-Za-z _-]{0,30}(?:\*\*)?\s*:(?=\s)/;

/** `i.e. $K^2 C F$` after working in formulas: the formula the statement restates its value as. */
const RESTATED = /\b(?:i\.\s?e\.|that is|namely)\s*,?\s*\$([^$]+)\$[\s.,;]*$/i;

/** A labelled statement's value: the formula it restates its working as (`$F$ filters of $K \times K \times C$, i.e. $K^2CF$`), else all of it. */
function restated(said: string): string {
  const m = RESTATED.exec(said);
  return m && (said.match(/\$[^$]+\$/g)?.length ?? 0) > 1 ? m[1]! : said;
}

/** An inline formula between MathJax's delimiters, `\( ... \)`. */
const INLINE_MATHJAX = /\\\((.+?)\\\)/g;

/** A full stop that ends a sentence: a capital opens the next (`$F$. The output ...`), not a decimal's digit. */
const SENTENCE_END = /(?<=\S)\.\s+(?=[A-Z])/;

/** `Weights: K²CF; biases: F`: where a label starts after a full stop or semicolon mid-line. */
const LABEL_MID_LINE = /(?<=[.;])\s+(?=(?:\*\*)?[A-Za-z][A-Za-z _-]{0,30}(?:\*\*)?\s*:\s)/;

/**
 * What a line says under a label that names the answer: the line's own label, one after a
 * speaker's (`ChatGPT: Weights: ...`), or one mid-line after another named value
 * (`Weights: K²CF; biases: F`); `last` when it runs to the line's end. Undefined when none names it.
 */
function labelledOnLine(line: string, name: string): { said: string; last: boolean } | undefined {
  const segments = line.includes(':') ? line.split(LABEL_MID_LINE) : [line];
  for (let k = 0; k < segments.length; k++) {
    let m = LABELLED_LINE.exec(segments[k]!) ?? WORDED_EQUALS.exec(segments[k]!);
    // A speaker's name before the label (`ChatGPT: Weights: ...`, a pasted chat's line).
    if (m && !labelNames(m[1]!, name) && m[2]!.includes(':')) m = LABELLED_LINE.exec(m[2]!) ?? m;
    // (`Answer: alpha = sqrt(d_out). ...`: a statement of the name after the word that marks the line as the answer.)
    else if (m && /^\W*(?:final\s+)?answer\W*$/i.test(m[1]!)) m = WORDED_EQUALS.exec(m[2]!) ?? m;
    if ((!m || !labelNames(m[1]!, name)) && segments.length === 1) {
      // A column of labels states one value a line: the next line is the next label's, not this one's going on.
      const gapped = GAPPED_LABEL.exec(line);
      if (gapped && labelNames(gapped[1]!, name)) return { said: gapped[2]!, last: false };
    }
    if (!m || !labelNames(m[1]!, name)) continue;
    // A label found mid-line states its value in its own sentence: `Biases: $F$. The output has shape` ends at the full stop.
    if (k > 0) return { said: m[2]!.split(SENTENCE_END)[0]!, last: false };
    return { said: m[2]!, last: k === segments.length - 1 };
  }
  return undefined;
}

/**
 * `| Variance | $(n-k+1)^2\sigma_x^2\sigma_g^2$ |`: a row of a two-column table whose first cell names
 * the answer (a reply's summary table, after the working), and the value in its second cell.
 */
function namedRowValue(line: string, name: string): string | undefined {
  if (!/^\s*\|/.test(line)) return undefined;
  const cells = rowCells(line);
  if (cells.length !== 2) return undefined;
  const label = cells[0]!.replace(/\*\*|__|`/g, '').trim();
  if (!label || !labelNames(label, name)) return undefined;
  const value = cells[1]!
    .replace(/\*\*|__/g, '')
    .trim()
    .replace(/^\$+|\$+$/g, '')
    .trim();
  return value || undefined;
}

/** `- Weights: $K^2 \times C \times F$`, `Biases: F`: the values of lines labelled with an answer's name, last first. */
function labelledValues(text: string, name: string, siblings: readonly string[] = []): Candidate[] {
  const out: Candidate[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const asked = ASKED_LINE.exec(lines[i]!);
    if (asked && labelNames(asked[1]!, name)) {
      // The answer is the word; the sentences after it say why.
      out.unshift({ text: asked[2]!, how: 'marker' });
      continue;
    }
    const row = namedRowValue(lines[i]!, name);
    if (row) {
      out.unshift({ text: row, how: 'marker' });
      continue;
    }
    const opens = OPENS_BLOCK.exec(lines[i]!);
    if (opens && (labelNames(opens[1]!, name) || namesShortly(opens[1]!, name, siblings))) {
      const value = blockValue(lines, i);
      if (value) out.unshift({ text: value, how: 'marker' });
      continue;
    }
    const own = labelledOnLine(lines[i]!, name);
    if (!own) continue;
    // A label's statement goes on over the lines its paragraph wraps onto (a Markdown list item
    // written over two lines, a PDF's line ending mid-sentence), up to a blank line, another
    // label, a list item, a heading, a table or a display. One that ends mid-line ends there.
    let said = own.said;
    let j = i + 1;
    if (own.last)
      for (; j < lines.length && CONTINUES.test(lines[j]!) && !LABELLED_LINE.test(lines[j]!) && !WORDED_EQUALS.test(lines[j]!) && !OPENS_BLOCK.test(lines[j]!) && !WORDED_LABEL.test(lines[j]!); j++)
        said += ` ${lines[j]!.trim()}`;
    // `... each, so` and then a display: the display ends the sentence (a chat's page or the
    // writer put the formula on lines of its own).
    // A sentence that ends on a colon (`**Variance:** the $m^2$ products ... each has variance $\sigma^2$:`)
    // introduces the display: that is the statement, the formulas before it are what it is made of.
    if (LEADS_ON.test(said)) {
      const display = displayAt(lines, lines[j]?.trim() === '' ? j + 1 : j);
      said = display && /:\s*$/.test(said) && /\$/.test(said) ? display : `${said} ${display}`;
    }
    // (MathJax's inline `\(K^2CF\)` is the `$K^2CF$` the readers of a value know.)
    const statement = said.split(NEXT_LABEL)[0]!.split(DEFINED_AFTER)[0]!.replace(INLINE_MATHJAX, '$$$1$$');
    const value = (derivedValue(statement, name) ?? restated(statement))
      // (The quotation a report quotes the answer in closes after it.)
      .replace(/["”»’]+\s*$/, '')
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/^\$+|\$+$/g, '')
      .replace(/[.;,]\s*$/, '')
      .trim();
    if (value) out.unshift({ text: value, how: 'marker' });
  }
  return [...namedInSentence(lines, name), ...out];
}

/** A second label further on a line (`; **biases:** F`, `. Output: ...`). */
const ANOTHER_LABEL = /(?:^|[;.,]\s+)(?:\*\*)?[A-Za-z][A-Za-z _-]{0,30}(?:\*\*)?\s*:(?:\*\*)?\s/;

/**
 * Whether a candidate stands on a line that another of the part's answers' labels opens (`- Biases: **F**`
 * when looking for the weights): a list of labelled values gives each its own line, so the value
 * on a sibling's line is never this answer's, whatever else this answer's own line fails to give.
 */
function onSiblingsLine(text: string, c: Candidate, siblings: readonly string[]): boolean {
  if (c.at === undefined || !siblings.length) return false;
  const start = text.lastIndexOf('\n', c.at - 1) + 1;
  const end = text.indexOf('\n', c.at);
  const line = text.slice(start, end < 0 ? undefined : end);
  // (Only a label that opens the line: `(b) $y_2[n] = y[n-5]$. Property: ...` states the output before the property's label.)
  // (Nor a line of several labels, `**Weights:** $K^2CF$; **biases:** $F$; **output:** ...`: each value is its own label's.)
  const m = LABELLED_LINE.exec(line);
  return !!m && siblings.some((n) => labelNames(m[1]!, n)) && !ANOTHER_LABEL.test(m[2]!);
}

/** What the lines labelled with an answer's name (`- Batch normalization? No.`, `Weights: ...`) say of it, the last first; undefined when none is. */
export function labelledStatement(text: string, name: string): string | undefined {
  let said: string | undefined;
  for (const line of text.split('\n')) {
    const asked = ASKED_LINE.exec(line);
    const m = asked ?? LABELLED_LINE.exec(line);
    // The whole statement, as written: a choice may be named in words the value leaves out (`\propto n`, i.e. `\mathcal{O}(n)`).
    if (m && labelNames(m[1]!, name)) said = m[2]!;
  }
  return said;
}

/** `The output shape should be` and a display after it: a sentence whose subject names the answer and whose formula ends it. */
const SENTENCE_NAMES = /\b(?:the\s+)?((?:[A-Za-z][A-Za-z-]*\s+){0,2}[A-Za-z][A-Za-z-]*)\s+(?:should\s+be|is|becomes|would\s+be|will\s+be|equals)\s*:?\s*$/i;

/**
 * A correction or a conclusion in prose that states one of several named answers ("You're right,
 * the output shape should be $$...$$"): the display that ends the sentence, when the words before
 * the verb (or their last one or two) name the answer.
 */
function namedInSentence(lines: string[], name: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = SENTENCE_NAMES.exec(lines[i]!);
    if (!m) continue;
    const words = m[1]!.split(/\s+/);
    if (!words.some((_w, k) => labelNames(words.slice(k).join(' '), name))) continue;
    const value = displayAt(lines, lines[i + 1]?.trim() === '' ? i + 2 : i + 1)
      .replace(/^\$\$|\$\$[.,;]?$|^\\\[|\\\][.,;]?$/g, '')
      .replace(/[.;,]\s*$/, '')
      .trim();
    if (value) out.unshift({ text: value, how: 'marker' });
  }
  return out;
}

/**
 * `g3 = (0, 0.8, 0)      g4 = (0.8, 0, 0)`: results a person set side by side on one line, a gap of
 * spaces (or a tab) between them for a comma; each item typeset `name = value`, spaced on both sides
 * of its `=`. (A program's printed runs, `n=16 k=3  mean=-0.0021  var=169.84`, are no statement of
 * the answers; their `=` is unspaced, or spaced on one side only where columns are aligned.)
 */
function alignedItems(line: string): string[] {
  if (!/\S[ \t]{2,}[A-Za-z]/.test(line)) return [];
  // (Cut at a gap's first space: what stands before it is the value's last character, no operator.)
  const items = splitTopLevel(line, (t, i) => i > 0 && /[ \t]/.test(t[i]!) && /[ \t]/.test(t[i + 1] ?? '') && !/[\s\-+*/=^<>≤≥]/.test(t[i - 1]!))
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length >= 2 && items.every((x) => /^[A-Za-z][\w']{0,10}[ \t]+=[ \t]+[^=\s]/.test(x)) ? items : [];
}

/**
 * `mean = 0, var = (n-k+1)^2 ..., std grows like O(n)`: a line that states several named answers
 * one after another, outside any formula. The value of the item that states the answer looked
 * for (each item cut at top-level commas and semicolons; two or more must state something).
 */
function statedItems(text: string, name: string, siblings: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('$')) {
      out.unshift(...wordedItems(line, name, WORDED_ITEM, siblings));
      continue;
    }
    if (line.includes('`')) {
      out.unshift(...wordedItems(line, name, CODE_WORDED_ITEM, siblings));
      continue;
    }
    if (!line.includes('=')) {
      out.unshift(...wordedItems(line, name, PLAIN_WORDED_ITEM, siblings));
      continue;
    }
    let items = splitTopLevel(line, (t, i) => t[i] === ',' || t[i] === ';').map((x) => x.trim());
    if (items.filter((x) => /^[^=]{1,30}=[^=]/.test(x)).length < 2) items = alignedItems(line);
    if (items.filter((x) => /^[^=]{1,30}=[^=]/.test(x)).length < 2) continue;
    for (const item of items) {
      if (!statesName(item, name)) continue;
      const value = item
        .slice(item.indexOf('=') + 1)
        .replace(/[.]\s*$/, '')
        .trim();
      if (value) out.unshift({ text: value, how: 'marker' });
    }
  }
  return out;
}

/** A part's label opening a row or a line (`4a`, `(b)`, `4.a)`, `Q4a`), before the values it lists. */
const ROW_LABEL = /^(?:Q?\d+\.?[a-h]?\)?|\(?[a-h]\)|\(\d+[a-h]?\))$/i;
/** A gap of spaces or a tab: a fixed-width table's column ends there. */
const COLUMN_GAP = / {3,}|\t+/;

/**
 * `weights K·K·C·F, biases F, out = (...) × F`, `weights: 3·3·16·32; biases: 32`: a line listing
 * pairs of an answer's name in words and its value, at its top-level commas or semicolons, with `=`,
 * `:`, `is` or nothing between. Each value is its own name's, up to the next pair. The names are the
 * key's (a word of prose before a value is its name only when it names one of the part's answers),
 * two or more pairs must name different answers, and a value is mathematics (no word of prose in it).
 * A list that ends its line on a comma goes on over the next (a table's wrapped cell); a fixed-width
 * table's other columns (`ok`) are cut off at their gap.
 */
function namedPairs(text: string, name: string, siblings: readonly string[]): Candidate[] {
  if (!siblings.length) return [];
  const names = [name, ...siblings];
  // Cheap gate: a line mentions some name's first word (without its plural's s) at all.
  const heads = names
    .map((n) =>
      n
        .toLowerCase()
        .split(/[^a-z0-9]+/)[0]!
        .replace(/s$/, ''),
    )
    .filter((h) => h.length >= 3);
  const lower = text.toLowerCase();
  if (!heads.some((h) => lower.includes(h))) return [];
  const out: Candidate[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // (`权重 K²CF，偏置 F，输出 ...`: Chinese and Japanese separate the pairs with full-width commas.)
    if (line.includes('，') || line.includes('；')) line = line.replace(/，/g, ', ').replace(/；/g, '; ');
    if (!line.includes(',') && !line.includes(';')) continue;
    const low = line.toLowerCase();
    if (!heads.some((h) => low.includes(h))) continue;
    // A list cut at the line's end (`weights K·K·C·F, biases F,`) goes on over the next line.
    if (/[,;]\s*$/.test(line) && lines[i + 1]?.trim()) line = `${line.trimEnd()} ${lines[i + 1]!.trim()}`;
    // A formula the line's end cut open (`output $\left(\lfloor\frac{W+2P-K}` / `{S}\rfloor+1 ...$`, a row
    // a printed page wrapped) goes on over the next lines until it closes.
    for (let k = i + 1; k < lines.length && k <= i + 4 && !closed(line) && lines[k]!.trim(); k++) line = `${line.trimEnd()} ${lines[k]!.trim()}`;
    for (const cell of line.split(COLUMN_GAP)) {
      if (!cell.includes(',') && !cell.includes(';')) continue;
      const pairs = splitTopLevel(cell, (t, k) => t[k] === ',' || t[k] === ';')
        .map((item) => namedPair(item, names))
        .filter((p): p is { name: string; value: string } => !!p);
      if (new Set(pairs.map((p) => p.name)).size < 2) continue;
      for (const p of pairs) if (p.name === name) out.unshift({ text: p.value, how: 'marker' });
    }
  }
  return out;
}

/** Whether a text closes every formula and bracket it opens: a value cut mid-formula is no value. */
function closed(text: string): boolean {
  let depth = 0;
  let dollars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '$') dollars++;
    else if ('{[(⌊⌈'.includes(c)) depth++;
    else if ('}])⌋⌉'.includes(c)) depth--;
  }
  return depth <= 0 && dollars % 2 === 0;
}

/** One item of `namedPairs`' list: the answer its words name and the value after them, if it is such a pair. */
function namedPair(item: string, names: readonly string[]): { name: string; value: string } | undefined {
  // (The name is in the item's first words: its first 300 characters are all that is split, however long it runs.)
  const tokens = [...item.slice(0, 300).matchAll(/[^\s:=]+|[:=]/g)].slice(0, 16).map((t) => ({ word: t[0], at: t.index! }));
  const wordLike = (k: number) => k < tokens.length && /^[A-Za-z][A-Za-z_-]*$/.test(tokens[k]!.word);
  // A part's label may open the item (`4a   weights ...`, a table row's first cell); then words.
  const lead = tokens.length && ROW_LABEL.test(tokens[0]!.word) ? 1 : 0;
  let words = lead;
  while (wordLike(words)) words++;
  // The name is the last words (up to three) that name an answer, with only prose before them
  // (`The layer has weights ...`, `and the output shape is ...`): never mathematics.
  let best: { name: string; end: number } | undefined;
  for (let end = lead + 1; end <= Math.min(words, tokens.length - 1); end++) {
    for (let from = Math.max(lead, end - 3); from < end; from++) {
      const label = tokens
        .slice(from, end)
        .map((t) => t.word)
        .join(' ');
      const named = names.find(
        (n) =>
          labelNames(label, n) ||
          namesShortly(
            label,
            n,
            names.filter((o) => o !== n),
          ),
      );
      if (named && tokens.slice(lead, from).every((t) => isProseWord(t.word) || /^(?:and|or|an?)$/i.test(t.word))) {
        best = { name: named, end };
        break;
      }
    }
  }
  if (!best) return undefined;
  let at = best.end;
  if (at < tokens.length - 1 && /^(?:[:=]|is|are)$/.test(tokens[at]!.word)) at++;
  const value = item
    .slice(tokens[at]!.at)
    // (A remark in brackets after the value, `F (one per filter)`, says why; it is no part of it.)
    .replace(/\s*\([^()]*[A-Za-z]{3,}[^()]*\)\s*$/, '')
    .replace(/[.;,]\s*$/, '')
    .trim();
  // The value is mathematics: no word of prose in it (`biases are shared` names no value).
  if (!value || /^[:=]/.test(value) || !closed(value) || value.split(/\s+/).some((w) => isProseWord(w.replace(/[()[\].,]/g, '')))) return undefined;
  return { name: best.name, value };
}

/**
 * `K²CF weights, F biases`, `**K²·C·F weights** and **F biases**`: a count written before the noun
 * it counts, which is the answer's name (a word; plural or not). The count is the run of
 * mathematics right before the noun, back to a word of prose or a comma; the last such first. The
 * noun ends its clause: `K^2C weights per filter` counts something else.
 */
function countedValues(text: string, name: string): Candidate[] {
  if (!/^[A-Za-z]{3,}$/.test(name)) return [];
  const out: Candidate[] = [];
  // `K²CF weights in total`: the words that say a count is the whole (not `per filter`) end its clause too.
  const noun = new RegExp(String.raw`(?<=\S)\s+(?:\*\*|__)?(?:${name}|${name.replace(/s$/, '')}s?)\b(?=(?:\*\*|__)?\s*(?:(?:in\s+)?(?:total|all|overall|altogether)\b|[,;.)(]|$|and\b))`, 'gi');
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(noun)) {
      const clause = line
        .slice(0, m.index)
        .replace(/(?:\*\*|__)$/, '')
        .split(/[,;:(]\s|\s(?:and|or|with|has|have|is|are|of)\s|\*\*|__/i)
        .pop()!
        .trim()
        .split(/\s+/);
      // The mathematics right before the noun, after the words that lead up to it (`That gives`, `we get`).
      const lead = clause.findLastIndex((t) => isProseWord(t.replace(/[()[\].,]/g, '')));
      // `one bias → F biases`: what an arrow or an equals sign leads to is the count, not the sign.
      const tokens = clause.slice(lead + 1);
      while (tokens.length > 1 && /^(?:[→⇒⟹=]|->|=>)$/.test(tokens[0]!)) tokens.shift();
      const before = tokens.join(' ');
      // The count is mathematics (the words before it are cut off above): a number, a product or a
      // power, or one letter (`F biases`); a word in capitals (`SGD update`) names a method, not a count.
      // `K\times K\times C$ → **weights** = ...`: a count stands right against its noun, nothing (an arrow, a stop) between.
      if (!before || !/[\w)\]}²³⌋⌉'$]$/.test(before) || tokens.length > 4 || !/[\p{N}²³·×*^\\_(]|^\$?[A-Za-z]\$?$/u.test(before)) continue;
      out.unshift({ text: before, how: 'marker' });
    }
  }
  return out;
}

/** `variance $(n-k+1)^2\sigma_x^2\sigma_g^2$`: an item that is a name in words and then its formula. */
const WORDED_ITEM = /^(?:[-*]\s+)?(?:\([a-h]\)\s+)?(?:the\s+)?([A-Za-z][A-Za-z -]{1,30}?)\s+(?:of\s+\S+\s+)?(?:is\s+)?\$([^$]+)\$\s*\.?$/i;

/** `weights \`K²CF\`, biases \`F\``: the same with each formula set as inline code, as chat replies set values. */
const CODE_WORDED_ITEM = /^(?:[-*]\s+)?(?:\([a-h]\)\s+)?(?:the\s+)?([A-Za-z][A-Za-z -]{1,30}?)\s+(?:is\s+)?`([^`]+)`\s*\.?$/i;

/**
 * `mean 0, variance (n − k + 1)²σ_x²σ_g²`: the same in plain text, where the value is what follows the
 * words: it opens as mathematics does (a digit, a sign, a bracket, a root, a Greek letter) and has no word in it.
 */
const PLAIN_WORDED_ITEM = /^(?:[-*]\s+)?(?:\([a-h]\)\s+)?(?:the\s+)?([A-Za-z][A-Za-z -]{1,30}?)\s+(?:is\s+)?([-−(\d√\u0391-\u03c9](?:(?![A-Za-z]{3})[^,;])*?)\s*\.?$/i;

/**
 * `mean $0$, variance $(n-k+1)^2\sigma_x^2\sigma_g^2$, standard deviation grows linearly`: a summary line
 * naming several answers in words, each before its formula. The formula of the item whose words
 * name the answer looked for (two items or more must be of that form).
 */
function wordedItems(line: string, name: string, item = WORDED_ITEM, siblings?: readonly string[]): Candidate[] {
  const items = splitTopLevel(line, (t, i) => t[i] === ',' || t[i] === ';')
    .map((x) => item.exec(x.trim()))
    .filter((m): m is RegExpExecArray => !!m);
  if (items.length < 2) return [];
  // (`output` for `output_shape` where no other answer's name opens on it, as a label may.)
  const names = (words: string) => labelNames(words, name) || (!!siblings && namesShortly(words, name, siblings));
  return items.filter((m) => names(m[1]!)).map((m) => ({ text: m[2]!.trim(), how: 'marker' as const }));
}

/** A formula's items at its top-level commas (`K^2CF \text{ weights},\ F \text{ biases}`), braces and environments kept whole. */
function commaItems(latex: string): string[] {
  return splitTopLevel(latex, (t, i) => t[i] === ',')
    .map((x) => x.replace(/^(?:\\[ ,;:!]|\\q?quad|\s)+|(?:\\[ ,;:!]|\\q?quad|\s)+$/g, '').trim())
    .filter(Boolean);
}

/**
 * `\boxed{K^2CF \text{ weights},\ F \text{ biases},\ \text{output } (...) \times F}`: one formula listing
 * several answers, each with a word in `\text{}` before or after it that names it. The values of
 * the items whose words name the answer (`output` for `output_shape`).
 */
function labelledItems(candidates: Candidate[], name: string): Candidate[] {
  const want = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.replace(/s$/, ''));
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.how !== 'boxed' && c.how !== 'display' && c.how !== 'marker') continue;
    const items = commaItems(c.text);
    if (items.length < 2) continue;
    for (const item of items) {
      const words = [...item.matchAll(/\\text\{([^{}]*)\}/g)]
        .flatMap((m) => m[1]!.toLowerCase().split(/[^a-z0-9]+/))
        .filter(Boolean)
        .map((w) => w.replace(/s$/, ''));
      if (!words.length || !words.every((w) => want.includes(w))) continue;
      const value = item
        .replace(/\\text\{[^{}]*\}/g, ' ')
        .replace(/\\[ ,;:!]/g, ' ')
        .replace(/[:=]\s*/, '')
        .trim();
      if (value) out.push({ ...c, text: value, how: 'marker' });
    }
  }
  return out;
}

/**
 * Whether a candidate is an answer already cut out of its response (a boxed value, a formula,
 * the value after a marker or a label), so check only trims it; a table or a last line of prose
 * is still text to search. The one rule for every caller that checks what the finder found.
 */
export function isExtracted(c: Pick<Candidate, 'how'>): boolean {
  return c.how !== 'table' && c.how !== 'line';
}

/** What the answer looked for is: what the key names, and the kind it has. */
export interface AnswerWanted {
  /** Quantities the key's answer states (`y_2[n]` of `y_2[n] = ...`): statements of them come first. */
  quantities?: readonly string[];
  /** A named answer's name (`g3`), and the part's other answers' names. */
  name?: string;
  siblings?: readonly string[];
  /** A shape, or a piecewise answer: their own forms are looked for too. */
  shape?: boolean;
  cases?: boolean;
  /** A matrix: a table of numbers or rows listed one per line are one too. */
  matrix?: boolean;
  /** A set's elements: formulas a sentence lists (`$z = 0.8$ and $z = -0.5$`) are one answer too. */
  collection?: boolean;
  /** All of the part's answers' names in the key's order: an unlabelled list of as many values gives each its place. */
  order?: readonly string[];
  /** Candidates read last (in a block several parts share, those the words beside give to another part). */
  readLast?: (c: Candidate) => boolean;
}

/** `the poles are $z = 0.8$ and $z = -0.5$`: inline formulas one sentence lists, read together as one answer. */
function listedFormulas(text: string): { candidate: Candidate; items: string[] }[] {
  const out: { candidate: Candidate; items: string[] }[] = [];
  for (const m of text.matchAll(/(?<!\$)\$[^$\n]+\$(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)\$[^$\n]+\$)+/g)) {
    const items = [...m[0].matchAll(/\$([^$\n]+)\$/g)].map((x) => x[1]!.trim());
    out.push({ candidate: { text: items.join(', '), how: 'inline', at: m.index! }, items });
  }
  return out;
}

/**
 * A formula listing one value per answer of the part, in the key's order, with no word naming any
 * (`K^2CF, F, (⌊(W-K+2P)/S⌋+1)(⌊(H-K+2P)/S⌋+1) F` in a summary's row for weights, biases, output
 * shape): the item at the answer's place. Only a list of exactly as many items, so a list of
 * another length (working, a tuple answer) places nothing.
 */
function placedItems(candidates: readonly Candidate[], order: readonly string[], name: string): Candidate[] {
  const place = order.indexOf(name);
  if (place < 0 || order.length < 2) return [];
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.how !== 'boxed' && c.how !== 'display' && c.how !== 'marker') continue;
    if (!c.text.includes(',') || /[=:]|\\text/.test(c.text)) continue;
    const items = commaItems(c.text);
    if (items.length === order.length) out.push({ ...c, text: items[place]!, how: 'marker' });
  }
  return out;
}

/** The words before a formula that a correction takes back: "Replace", "change", "swap". */
const REPLACING = /\b(?:replac(?:e|es|ing)|chang(?:e|es|ing)|swap(?:s|ping)?)\s*$/i;
/** What follows the formula taken back: the one that takes its place ("with $Y$", "by", "to", "for"). */
const REPLACED_BY = /^(?:\$\$?|\\\(|\\\[)[^$]*?(?:\$\$?|\\\)|\\\])\s*(?:with|by|to|for)\b/i;

/**
 * `Replace $sim(q,k) = (q^T k)^2$ with $(q^T k + 1)^2$`: a correction names the answer it takes
 * back, and that formula is no answer of the response (the one after "with" is).
 */
function replaced(text: string, c: Candidate): boolean {
  if (c.at === undefined || c.how !== 'inline') return false;
  return REPLACING.test(text.slice(Math.max(0, c.at - 40), c.at)) && REPLACED_BY.test(text.slice(c.at));
}

/** How many response's candidates are weighed: enough for any real one; a hostile one costs time linear in its size. */
const MAX_CANDIDATES = 5000;

const FOUND = new Map<string, readonly Candidate[]>();

/**
 * The scored candidates of a response, found once: a part with several named answers looks in
 * the same reply for each (and first asks which reply states it), and a reply several parts
 * share is read for each of them. Callers never change the list.
 */
export function foundIn(text: string): readonly Candidate[] {
  let found = FOUND.get(text);
  if (!found) {
    // A few responses at a time are being graded; an unbounded cache would hold a whole batch.
    if (FOUND.size >= 16) FOUND.clear();
    found = answerCandidates(text);
    FOUND.set(text, found);
  }
  return found;
}

/**
 * A response's candidates for one answer, in the order they are weighed. `named` says whether
 * any stated or labelled the named answer (a part with several answers may then look past it).
 */
export function candidatesFor(text: string, want: AnswerWanted): { candidates: Candidate[]; named: boolean } {
  let candidates = foundIn(text)
    .slice(0, MAX_CANDIDATES)
    .filter((c) => !replaced(text, c));
  const quantities = want.quantities ?? [];
  if (quantities.length) {
    const stating = candidates.filter((c) => quantities.some((q) => statesName(c.text, q)));
    candidates = [...stating, ...candidates.filter((c) => !stating.includes(c))];
  }
  let named = false;
  if (want.name) {
    const wanted = want.name;
    // (`dw = Σ dy x,   w ← w − η dw` in plain text: each statement set beside another is read after the whole, as a `\quad`'s pieces are.)
    candidates = candidates.flatMap((c) => [c, ...statementsSideBySide(c.text).map((p) => ({ ...c, text: p }))]);
    // A candidate that states another of the part's answers (`g_3 = ...` when looking for g4) is never this one.
    const siblings = want.siblings ?? [];
    // `weights = K^2CF, \qquad biases = F` states two answers: its pieces are their statements, the whole is neither.
    // `\det(A) = 3,\ \operatorname{tr}(A) = 4` too, at its top-level commas.
    const statements = (c: Candidate) => [...pieces(c.text), ...commaItems(c.text)].filter((p) => [wanted, ...siblings].some((n) => statesName(p, n)));
    const several = (c: Candidate) => {
      const own = new Set(statements(c));
      return own.size > 1 || (own.size === 1 && statesAnother(c.text, [...own][0]!));
    };
    const stating = candidates.filter((c) => statesName(c.text, wanted) && !several(c));
    // (`- Output shape: **(...) × F**` under `- Weights: ...`: a formula on a line another answer's label heads is that answer's.)
    const rest = candidates.filter(
      (c) => !stating.includes(c) && !several(c) && !siblings.some((n) => statesName(c.text, n)) && !onSiblingsLine(text, c, siblings) && !statesOtherSpread(c, text, wanted),
    );
    // Each statement of several is read where the whole was found (a box listing both answers is still a box).
    const ownPiece = candidates.flatMap((c) =>
      several(c)
        ? statements(c)
            .filter((p) => statesName(p, wanted))
            .map((p) => ({ ...c, text: p }))
        : [],
    );
    // (`- Biases: one per filter → **F biases**`: a label's statement that counts its own noun gives the count.)
    // (`весов: K²·C·F`, `Gewichte: K²CF`: the answers' names in another language are read as the key's English.)
    const said = answerNamesInEnglish(text);
    const labelled = [
      // (First: a label's line read whole, `weights = K²CF, biases = F, output shape = ...`, would give the first name every value after it.)
      ...namedPairs(said, wanted, siblings),
      ...labelledValues(said, wanted, siblings),
      ...labelledItems(candidates, wanted),
      ...statedItems(said, wanted, siblings),
      ...ownPiece,
    ].flatMap((l) => (l.how === 'marker' && l.at === undefined ? [...countedValues(l.text, wanted), l] : [l]));
    // A count before its noun (`K²CF weights`) names the answer only where no label or statement does.
    if (!labelled.length && !candidates.some((c) => statesName(c.text, wanted))) labelled.push(...countedValues(said, wanted));
    // `K²CF, F, (...) × F` for weights, biases and output shape: nothing names the values, so their places do.
    if (!labelled.length && !stating.length && want.order) labelled.push(...placedItems(candidates, want.order, wanted));
    // `・重み：…` / `・バイアス：…` / `・出力の形：…`: labels in words the key's names cannot be matched with, placed in the key's order.
    if (!labelled.length && !stating.length && want.order) labelled.push(...placedByForeignLabels(text, want.order, wanted));
    candidates = [...labelled, ...stating, ...rest.filter((c) => !labelled.some((l) => l.text === c.text))];
    named = stating.length > 0 || labelled.length > 0;
  }
  if (want.readLast) {
    const last = candidates.filter(want.readLast);
    if (last.length) candidates = [...candidates.filter((c) => !last.includes(c)), ...last];
  }
  if (want.collection) {
    for (const listed of listedFormulas(text)) {
      // Weighed just before the first of its own elements, so a boxed or stated answer still comes first.
      const i = candidates.findIndex((c) => listed.items.includes(c.text));
      candidates = i < 0 ? [...candidates, listed.candidate] : [...candidates.slice(0, i), listed.candidate, ...candidates.slice(i)];
    }
  }
  if (want.shape) candidates = [...shapeFromDimensions(text), ...shapeFromWords(text), ...candidates];
  if (want.cases) {
    const listed = piecewiseCandidates(text);
    candidates = branchesAfterCases(text, withConditionsAfter(text, [...(listed.length ? listed : sentenceCases(text)), ...candidates]));
  }
  if (want.matrix) {
    // After what the response boxes, marks or displays as its answer, before formulas in its sentences and its last line.
    const stated = matrixCandidates(text);
    const i = candidates.findIndex((c) => c.how !== 'boxed' && c.how !== 'marker' && c.how !== 'display');
    if (stated.length) candidates = i < 0 ? [...candidates, ...stated] : [...candidates.slice(0, i), ...stated, ...candidates.slice(i)];
  }
  return { candidates, named };
}
