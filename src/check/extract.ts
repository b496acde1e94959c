import { QuietError } from '../math/quiet-error.js';
import { LIMITS, LimitError } from '../math/limits.js';
import { CJK_LETTER, CJK_LETTERS, GREEK_NAME, isProseWord } from './prose.js';
import { printedArrays } from './printed-output.js';
import { foldMathLetters } from '../math/latex/math-letters.js';
import { boxedContents } from '../math/latex/braces.js';
import { LOWERED, RAISED } from '../math/latex/unicode-scripts.js';
import { codeAssignments, withoutCodeBlocks } from './code-assignments.js';
import { allMatches } from '../math/all-matches.js';
import { isEatenTab } from './prepare.js';

/** The answer found in a candidate text, and how it was found (for the verdict's audit trail). */
export interface Extracted {
  text: string;
  how: 'boxed' | 'marker' | 'math' | 'whole';
}

/** A candidate that cannot be read at all (invalid UTF-8, lone surrogates, control bytes). */
export class UnreadableError extends QuietError {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableError';
  }
}

/**
 * Math spans (`$$..$$`, `\[..\]`, `\(..\)`, `$..$`). An inline delimiter followed by a line
 * break opens no formula (as in Pandoc, whose inline `$` needs the formula to start on its line):
 * `Answer $ \n 9 \n $` holds no formula, while display math may span lines.
 */
const MATH_SPAN = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\((?![ \t]*\n)([\s\S]+?)\\\)|(?<![\\$])\$(?![ \t]*\n)([^$]+?)(?<!\\)\$/g;

/** Math spans, in order. */
function mathSpans(s: string): string[] {
  const out: string[] = [];
  const re = new RegExp(MATH_SPAN);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const span = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (span.trim()) out.push(span);
  }
  return out;
}

/** Words that name an answer, and words that conclude: the one vocabulary of extraction and of the candidate finder below. */
// `答案` (answer) and `最终答案` (final answer): DeepSeek's and Qwen's replies in Chinese.
// `Ans:`: a write-up's abbreviation, a word of its own (not the end of "trans").
// `Antwort:`, `Ergebnis:`, `Respuesta:`, `Réponse :`, `Risposta:`, `Résultat :`: replies in German, Spanish, French, Italian, Portuguese
// (`resultado`, `risultato` already open on "result").
const ANSWER_WORDS = String.raw`final\s+answer|answer|\bans\b\.?|result|antwort|(?:end)?ergebnis|respuesta|resposta|risposta|r[ée]ponse|r[ée]sultat|最终答案|答案`;
/** Answer words a formula opens with, in its own text: `\text{Answer: }`, `\textbf{Final answer:}`. */
const ANSWER_IN_FORMULA = new RegExp(String.raw`^\s*\\(?:text|textbf|mathrm|mathbf)\s*\{\s*(?:${ANSWER_WORDS})\s*[:：]?\s*\}\s*[:：]?\s*(?:\\[,;:!]|\\q?quad|~|\s)*`, 'i');
/** A formula that opens on a label in words and a colon: `\text{output} :`, `\text{\# params}:`. */
const LABEL_IN_FORMULA = /^\s*(\\(?:text|textbf|mathrm)\s*\{[^{}:]{2,40}\})\s*:(?!=)\s*/;
/** The answer words of a marker: what makes it state the answer, not merely conclude. */
const STATES_ANSWER = /answer|\bans\b|result|antwort|ergebnis|respuesta|resposta|risposta|r[ée]ponse|r[ée]sultat|答案/i;
// "Output so far:" is a step on the way, not a conclusion.
const CONCLUSION_WORDS = String.raw`therefore|thus|hence|so(?!\s+far\b)`;
const MARKER = new RegExp(String.raw`(?:${ANSWER_WORDS})\s*(?:is)?\s*[:：]\s*|(?:the\s+(?:final\s+)?answer\s+is|${CONCLUSION_WORDS})\s+|\b(?:therefore|thus|hence),\s+`, 'gi');
/** A line that states a conclusion a choice is read from: answer or conclusion words, a yes or no, or bold. */
export const CONCLUDING_LINE = new RegExp(String.raw`\b(?:${ANSWER_WORDS}|${CONCLUSION_WORDS}|conclusion|yes|no)\b|\*\*`, 'i');
/** "Final Answer: The final answer is ...": the strongest marker, which beats boxed intermediate results before it. */
const FINAL_MARKER = /final\s+answer\s*(?:is\b|[:：])/gi;

/**
 * What a model appends after its answer is not part of it: a chat template's next turn
 * (`<|im_start|>user ...`), "I hope it is correct.", bracketed notes.
 */
export function stripResponseTail(s: string): string {
  const turn = s.search(/<\|(?:im_start|im_end|endoftext|eot_id|end|start_header_id)\|>/);
  const t = turn >= 0 ? s.slice(0, turn) : s;
  return t.replace(/\s*I hope (?:it|this|that) is correct\.?/gi, ' ');
}

/** The first sentence of a text: up to a full stop followed by a capital (not a decimal point, not inside `$...$`). */
function firstSentence(s: string): string {
  const m = /\.\s+(?=[A-Z[])/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** Whether a text is nothing but math spans listed with `,` / "and" / "or" (quotes and a full stop allowed). */
function listedSpans(text: string): boolean {
  const between = text.replace(MATH_SPAN, '|');
  return /^\s*\\?["“]?\s*\|(?:\s*(?:,|and|or|;)?\s*\|)+\s*\\?["”]?\s*[.]?\s*$/i.test(between);
}

/** Numbers written in prose (`12`, `12,000,023`, `100%`, `-3.5`), in order. */
const PROSE_NUMBER = /(?<![A-Za-z\d.])-?\d[\d,]*(?:\.\d+)?(?!\d)\s*%?/g;

/** The answer in a conclusion sentence: the last math span, the value after its last "is", or its one number. */
function fromSentence(sentence: string): string | undefined {
  const isTail = /^[\s\S]*\b(?:is|it's|are|equals|be)\s+([^\s$][^$]*?)\s*[.]?\s*$/.exec(sentence);
  if (isTail && /\d/.test(isTail[1]!)) return trimAnswer(isTail[1]!);
  const spans = mathSpans(sentence);
  if (spans.length > 1 && listedSpans(sentence.replace(/^[\s\S]*?\b(?:is|are|be)\s+(?=\\?["“]?\$)/, ''))) return spans.map((x) => trimAnswer(x)).join(', ');
  if (spans.length) return trimAnswer(spans[spans.length - 1]!);
  const numbers = sentence.replace(/\$[^$]*\$/g, ' ').match(PROSE_NUMBER);
  if (numbers?.length === 1) return numbers[0]!.trim();
  return undefined;
}

/**
 * A remark in words in brackets after a plain-text answer (`2c d_out d_in^2 (faster by a factor
 * d_out/d_in)`, `L(K-1)+1 (per side)`): it comments on the answer and is none of it. A bracket
 * of mathematics (`(W - K)`, `(1/c)`, `O(n)`) has no run of words.
 */
const TRAILING_REMARK = /(?<=\S)\s+\((?=[a-z]{3,}\b)(?=(?:[^()$\\]*?\b[A-Za-z]{3,}\b){2})[^()$\\=]*\)$/;

/**
 * A side condition in brackets after a formula (`-\frac{b}{w} (w \ne 0)`, `\frac{1}{x} (for x > 0)`):
 * where the answer holds, none of its value (a bracket around a relation multiplies nothing).
 */
const TRAILING_CONDITION =
  /(?<=\S)(?:\s|\\[ ,;]|\\q?quad)*\(\s*(?:(?:\\text\s*\{\s*)?(?:for|if|when)\s*\}?\s*)?[A-Za-z](?:_\{?[A-Za-z0-9]{1,3}\}?)?\s*(?:\\neq?|≠|\\notin|\\[lg]eq?|[<>≤≥])\s*[-\w.]{1,8}\s*\)$/;

/**
 * A name's definition in brackets after a formula, apart from it (`... (m = n - k + 1)`, `(where
 * m = n-k+1)`, `(L = 1 gives K, check)`): what a symbol of the answer stands for, or a case it was
 * checked on, none of its value (a bracket around an equation multiplies nothing).
 */
const TRAILING_DEFINITION = /(?<=\S)\s+\(\s*(?:(?:where|with|here|using|for)\s+)?[A-Za-z](?:_\{?[A-Za-z0-9]{1,6}\}?)?\s*=(?!=)[^()=]{1,60}(?:\([^()=]*\)[^()=]*)?\)$/;

/** Words after a plain-text formula that speak about it (`, which recovers ...`, ` per iteration, faster by ...`): none of its value. */
const WORDS_AFTER = /^[,;]?\s+(?:[A-Za-z]{2,}\s+){1,}[A-Za-z]/;

/**
 * Words after a formula on its line that compare it by the next one: `— cheaper by`, `, a speed-up of`,
 * `(faster by a factor of`, `smaller than (a) by a factor` (the formulas in `$...$` or `\(...\)`).
 */
const COMPARED_BY =
  /(?:\$[^$\n]+\$|\\\))[^$\n]{0,40}?\b(?:cheaper|faster|slower|smaller|larger|fewer|less|saving|saves|speed-?up|reduction|improvement)\b(?:\s+than\s+[^$\n,;]{1,24}?)?(?:\s+(?:by|of))?(?:\s+(?:a|the)\s+factor(?:\s+of)?)?(?:\s+(?:about|roughly|~))?\s*(?:\\\(\s*)?$/i;

/**
 * Words right after a formula that make it a factor of comparison: `a $d_{out}/d_{in}$ speed-up`,
 * `$4\times$ fewer`, `a $k$-fold reduction`. A quantity that is merely larger or smaller is not one.
 */
const COMPARES_AFTER = /^(?:\\times|×|times|-?fold)?\s*(?:speed-?ups?|faster|cheaper|slower|fewer|savings?|reduction)\b/i;

/**
 * `Speed-up T_a / T_b = d_out / d_in`, `Ratio: d_out/d_in`: a plain-text line whose label, the words
 * before its formula's value, names a comparison between answers (with no `$` to mark the formula,
 * the label may be read as the formula's first words).
 */
const PLAIN_COMPARED_BY = /(?:^|[\s(*_])(?:speed-?ups?|ratio|savings?|reduction|improvement)\b/i;

/** The label before a plain formula's value: the words before it on its line and its own words up to its first relation sign. */
const labelOf = (before: string, formula: string) => `${before} ${formula.slice(0, Math.max(0, formula.search(/[=≤≥<>:]/)))}`;

/** `T_a / T_b = ...`, `Speed-up T_a / T_b = ...`: a formula that opens on a ratio of two names (after any words). */
const RATIO_OF_NAMES = /^\s*(?:[\p{L}-]+\s+){0,3}?([A-Za-z][\w{}]*)\s*\/\s*([A-Za-z][\w{}]*)\s*=/u;

/**
 * Whether a formula opens on the ratio of two quantities the reply stated before it (`T_a = ...`, `T_b = ...`,
 * then `T_a / T_b = d_out/d_in`): a comparison of its answers derived from them, no answer of its own.
 */
function ratioOfStated(formula: string, response: string, index: number): boolean {
  const m = RATIO_OF_NAMES.exec(formula);
  if (!m || m[1] === m[2]) return false;
  const earlier = response.slice(0, index);
  const stated = (name: string) => new RegExp(`(?<![\\w])${name.replace(/[{}]/g, '\\$&')}\\s*=(?!=)`).test(earlier);
  return stated(m[1]!) && stated(m[2]!);
}

/** `$2c\, d_{out} d_{in}^2$ (un gain d'un facteur $d_{out}/d_{in}$)`: the factor of comparison after an answer, in French. */
const COMPARED_BY_FR =
  /\$[^$\n]+\$[^$\n]{0,40}?(?:\b(?:gain|accélération|réduction)\s+(?:d['’]un\s+|par\s+un\s+)?facteur|\bd['’]un\s+facteur|\bfois\s+plus\s+(?:rapide|vite|petit))(?:\s+(?:de|d['’]environ))?\s*$/i;

/** `加速比约为 $d_{out}/d_{in}$`: a speed-up ratio named before its formula in Chinese. */
const COMPARED_BY_ZH = /加速比?(?:约|大约)?(?:为|是)?\s*$/;

/**
 * "all (nine) entries (of the 3x3 output) are $-40$", "every element of y equals -40", "all nine
 * entries −40": one value for every entry. "each entry is 0 except ...", "is 0 or 1" give no such matrix.
 */
const CONSTANT_MATRIX =
  /\b(?:all|every|each)\s+(?:(?:of\s+)?(?:the\s+)?[a-z]+\s+)?(?:entries|entry|elements?|components?)\b(?:[^.\n]{0,60}?\b(?:are|is|equals?)|\s*[:=]?)\s*\$?\s*([-−]?\d+(?:\.\d+)?)(?!\d|\.\d)(?!\s*\$?\s*(?:except|or|but|and|unless|apart|other)\b)/gi;
/** The size a constant matrix is said to have (`$3\times3$`, `3 x 3`, `3×3`). */
const MATRIX_SIZE = /\b([1-9])\s*(?:\\times|×|x)\s*([1-9])\b/;
/** A square matrix's size said by its number of entries (`all nine entries −40`). */
const SQUARE_COUNTS: Record<string, number> = { four: 2, nine: 3, sixteen: 4, 'twenty-five': 5 };
const SQUARE_COUNT = /\b(four|nine|sixteen|twenty-five)\s+(?:entries|elements)\b/i;

/**
 * A mark after an answer, apart from it (`2c·d_out²·d_in *`, `c = 1/√d_in ✓`): a student's note that
 * they checked it, or a footnote's star, never part of the mathematics.
 */
const CHECK_MARK = /(?<=[^\s*])\s+(?:\*|†|‡|✓|✔|☑|✅)\uFE0F?$/u;

/**
 * `K^2 C F [1]`, `F [2][4]`: a search engine's citation marks after an answer, apart from it; an
 * index written onto a name (`y[1]`) has no space before it and stays.
 */
const CITATION_MARKS = /(?<=\S)\s+(?:\[\d{1,2}\])+$/;

/** `2c\,d_\text{out}^2 d_\text{in}. \tag{1}`: a display's number or label at its end, after which its full stop shows. */
const EQUATION_NUMBER = /\s*(?:\\(?:tag\*?|label)\s*\{[^{}]*\}|\\(?:nonumber|notag)\b)\s*$/;

/** A line of words (two of three letters or more, before any formula), a colon, and what they name. */
const WORDED_NAME = /^(?=(?:[^:\n]*?\b[A-Za-z]{3,}\b){2})[A-Za-z][\w\s,'-]*:\s+([^:\n]+)$/;

/** Removes sentence punctuation and wrapping a candidate answer often carries. */
export function trimAnswer(s: string): string {
  // A part label in front (`ii.`, `(b)`, `c)`) is not part of the answer.
  let t = s.trim().replace(/^(?:\(?(?:[ivx]{1,4}|[a-h])\)|(?:[ivx]{1,4}|[a-h])[.)])\s+(?=\S)/i, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = withoutWrapping(t).trim();
    t = withoutEndMarks(t);
    t = withoutWordedBracket(t);
    t = withoutOpenRemark(t);
  }
  return boundThenValue(t);
}

/** `alpha <= sqrt(d_out),  alpha = sqrt(d_out)`: a bound, then the value at it, of one name. */
const BOUND_THEN_VALUE =
  /^\s*([^,=<>≤≥]{1,40}?)\s*(?:<=|>=|≤|≥|\\le(?:q)?\b|\\ge(?:q)?\b)\s*([^,=<>≤≥]{1,80}?)\s*[,;]\s*(?:(?:so|hence|i\.e\.|thus)\s+)?([^,=<>≤≥]{1,40}?)\s*=\s*([^,=<>≤≥]{1,80}?)\s*$/;

/**
 * A bound and the value that meets it, of one name, on one line (`α ≤ √d_out, α = √d_out`): the value
 * is the answer, not a list of two. Bounds of other names or values left as they are.
 */
function boundThenValue(t: string): string {
  if (!t.includes('=') || !/[,;]/.test(t)) return t;
  const m = BOUND_THEN_VALUE.exec(t);
  const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  return m && same(m[1]!, m[3]!) && same(m[2]!, m[4]!) ? `${m[3]!.trim()} = ${m[4]!.trim()}` : t;
}

/** Punctuation that may end a sentence after an answer (Chinese and Japanese end theirs with `。`). */
const END_PUNCTUATION = new Set(['.', ';', ':', '!', '?', '。']);

/**
 * Math delimiters around the text, sentence punctuation and LaTeX spacing after it, taken off.
 * Each pattern runs only where the text starts or ends as it must for the pattern to match: V8
 * tries an end-anchored pattern from every position, and trimming runs on every candidate of every
 * response (the six replaces: 43 of trimAnswer's 232 ms in a profile of 600 bench write-ups).
 */
function withoutWrapping(text: string): string {
  let t = text;
  if (t.startsWith('$') || t.endsWith('$')) t = t.replace(/^\$+|\$+$/g, '');
  if (t.startsWith('\\[') || t.endsWith('\\]')) t = t.replace(/^\\\[|\\\]$/g, '');
  if (t.startsWith('\\(') || t.endsWith('\\)')) t = t.replace(/^\\\(|\\\)$/g, '');
  if (END_PUNCTUATION.has(t[t.length - 1] ?? '')) t = t.replace(/(?<![\d)!])[.;:!?。]+$|[.;:?。]+$/, '');
  // `\s*$` in the two below is what `trimEnd` takes off (both are ECMAScript's white space and line terminators).
  const end = t.trimEnd();
  if (end[end.length - 2] === '\\' && ',;!'.includes(end[end.length - 1]!)) t = t.replace(/\\[,;!]\s*$/, '');
  if (t.trimEnd().endsWith('quad')) t = t.replace(/\\(?:quad|qquad)\s*$/, '');
  return t;
}

/**
 * A phrase in words after a formula that opens on a preposition (`LK − L + 1 per side`, `2(K-1) in
 * each direction`, `O(n) for every layer`): it says what the value measures or where it holds, none
 * of its value. Words alone (`2c dout din`) may be the answer's names, so only a preposition, a word
 * of the language's closed class, opens such a phrase, and it ends on a word of three letters or more.
 */
const TRAILING_PHRASE = /(?<=[\w)\]}⌋⌉²³'])\s*,?\s+(?:per|in|for|of|on|at|along|across|over|after|from)\s+(?:[A-Za-z]+\s+){0,3}[a-z]{3,}$/;

/** Characters CHECK_MARK ends with. */
const CHECK_MARK_ENDS = new Set(['*', '†', '‡', '✓', '✔', '☑', '✅', '\uFE0F']);

/** A person's mark of judgement: a tick or a cross. */
const JUDGEMENT_MARKS = /[✓✔☑✅✗✘❌]/u;

/**
 * `2c·d_out·d_in² ✔   (speed-up d_out/d_in)`, `α = √d_out ✘ should be 1/√d_in`, `c = 1/√d_in ✔ ("Var(yᵢ) = ...")`:
 * a person's tick or cross after an answer closes it; what follows the mark (a remark, a quote, the
 * right answer) is theirs, none of the answer judged.
 */
const JUDGED_THEN_REMARK = /(?<=\S)\s+[✓✔☑✅✗✘❌]\uFE0F?(?:\s[\s\S]*)?$/u;

/** A line without a person's tick or cross after its answer and what follows the mark (JUDGED_THEN_REMARK); as it is without one. */
export function withoutJudgement(line: string): string {
  return JUDGEMENT_MARKS.test(line) ? line.replace(JUDGED_THEN_REMARK, '') : line;
}

/**
 * A remark, a condition, a check mark, citation marks or an equation's number at the end, taken
 * off. Each pattern is tried only where the text ends as it must end (`)`, `]`, a mark) or holds
 * its command: V8 tries an end-anchored pattern from every position, and trimming is done on
 * every candidate of every response, twice over.
 */
function withoutEndMarks(text: string): string {
  let t = text;
  if (t.endsWith(')')) t = t.replace(TRAILING_REMARK, '').replace(TRAILING_CONDITION, '').replace(TRAILING_DEFINITION, '');
  if (CHECK_MARK_ENDS.has(t[t.length - 1] ?? '')) t = t.replace(CHECK_MARK, '');
  t = withoutJudgement(t);
  // (Before a dash's remark: `y(n - 5)   -> the output moves` has a minus, not a dash, before its remark.)
  if (t.includes('   ') || t.includes('\t') || ARROW_SET_OFF.test(t)) t = withoutColumnRemark(t);
  if (t.includes('—') || t.includes('–') || t.includes(' - ')) t = withoutDashedRemark(t);
  if (/[a-z]$/.test(t)) t = t.replace(TRAILING_PHRASE, '');
  if (t.endsWith(']')) t = t.replace(CITATION_MARKS, '');
  if (t.includes('\\tag') || t.includes('\\label') || t.includes('\\no')) t = t.replace(EQUATION_NUMBER, '');
  return t.trim();
}

/** A dash set apart by spaces (an em or en dash, or a hyphen typed for one), and the first words after it. */
const DASH_THEN_WORDS = /\s+(?:—{1,2}|–|--?)\s+(\S+(?:\s+\S+){0,2})/gu;

/**
 * `(⌊(W − K)/S⌋ + 1) × (⌊(H − K)/S⌋ + 1) × C — pooling keeps the channels`, `… × C — пулинг не меняет число
 * каналов`, `… × C – 池化不改变通道数`: a dash after a formula, then words of prose in any language, ends the
 * formula; what follows says why. Only where the word after the dash is prose (a dash typed as a minus,
 * `W – K`, has a symbol after it) and a formula stands before it.
 */
function withoutDashedRemark(t: string): string {
  for (const m of allMatches(DASH_THEN_WORDS, t)) {
    // (Its first three words: `– la mise en commun`, `— по одному`, whose first words are short.)
    const words = m[1]!.split(/\s+/).map((w) => w.replace(/^[("'“‘«]+|[)"'”’»,.;:!?。、]+$/gu, ''));
    if (!words.some((w) => isProseWord(w) && !GREEK_NAME.test(w))) continue;
    const head = t.slice(0, m.index).trimEnd();
    // (`1 + L(K - 1) pixels`: a dash inside a bracket the formula opened is its minus.)
    if (head.split('(').length > head.split(')').length) continue;
    return /[\p{N}()=^_×·*/\\⌊⌋√]|(?<!\p{L})\p{L}(?!\p{L})/u.test(head) ? head : t;
  }
  return t;
}

/** The words that open a case's condition (`otherwise`, `if n < 0`, `for n ≥ 7`). */
const CONDITION_WORD = /^(?:otherwise|else|elsewhere|if|when|for|unless|where|while)\b/i;

/** An arrow set off by spaces (`->`, `→`, `=>`, `⇒`). */
const ARROW_SET_OFF = /\s(?:->|→|=>|⇒)\s/;

/**
 * Where a remark beside a formula may start: a gap of three spaces or more or a tab (the next column),
 * perhaps with an arrow, or an arrow set off by spaces; the arrow's group says one was there.
 */
const REMARK_START = /(?:[ \t]*\t[ \t]*| {3,})(?:(->|→|=>|⇒)[ \t]+)?| (->|→|=>|⇒)[ \t]+/g;

/** A verb that says what a quantity is: after an arrow, `-> so the total is 2c...` states the value. */
const VALUE_WORD = /\b(?:is|are|equals|gives|becomes)\b/i;

/**
 * `(⌊(W − K)/S⌋ + 1) × (⌊(H − K)/S⌋ + 1) × C        no params`, `y2(n) = y(n − 5) -> same curve, shifted`:
 * notes typed as plain text set their remarks in a column of their own after a wide gap, or point at
 * them with an arrow; read into the formula, the remark's letters were factors (`n·o·p·a·r·a·m·s`). A
 * remark that opens on a word, a word of prose among its first three, no relation and no case's
 * condition, ends the formula. (Only on one line: the gap is a column's where a line has one.)
 */
function withoutColumnRemark(t: string): string {
  if (t.length > 400 || t.includes('\n')) return t;
  for (const m of allMatches(REMARK_START, t)) {
    const head = t.slice(0, m.index).trimEnd();
    const tail = t.slice(m.index! + m[0].length);
    const arrow = m[1] ?? m[2];
    // (`2 <tab>imes 3`: a string literal ate the `\t` of `\times`; that tab is the command's, no column's.)
    const tab = m[0].indexOf('\t');
    if (tab >= 0 && isEatenTab(t, m.index! + tab)) continue;
    // (`0        otherwise`: a case's condition in words is the formula's, however far from it.)
    if (!head || !tail || /[=<>≤≥←]/.test(tail) || CONDITION_WORD.test(tail) || (arrow && VALUE_WORD.test(tail))) continue;
    const words = tail.split(/\s+/, 3).map((w) => w.replace(/^[("'“‘«]+|[)"'”’»,.;:!?]+$/gu, ''));
    // (A remark opens on a word: `-> x^2 maps` opens on a formula, what the arrow gives.)
    if (/^\p{L}+$/u.test(words[0]!) && words.some((w) => isProseWord(w) && !GREEK_NAME.test(w)) && /[\p{N}()=^_×·*/\\⌊⌋√]|(?<!\p{L})\p{L}(?!\p{L})/u.test(head)) return head;
  }
  return t;
}

/**
 * A bracket's first word when it is prose (`use`, `via`, `from`, `pro`, `по одному`, `フィルタごと`), not a function
 * the mathematics applies (`log`, `max`): a Latin word of three letters or more, or a word in Cyrillic or in
 * Chinese, Japanese or Korean letters of any length (scripts no formula names its symbols in).
 */
const PROSE_OPENING =
  /^(?!(?:log|ln|exp|sin|cos|tan|max|min|det|mod|sup|inf|lim|sgn|sign|tr)\b)(?:\p{Script=Latin}{3,}\s|\p{Script=Cyrillic}+[\s,]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/u;

/**
 * `2c·d_out·d_in² (use W(3I − WᵀW)/2)`: a closing bracket that opens on a word, after a space, is a
 * note on the answer even when it holds brackets of its own (which TRAILING_REMARK cannot see).
 */
function withoutWordedBracket(t: string): string {
  if (!t.endsWith(')')) return t;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === ')') depth++;
    else if (t[i] === '(' && --depth === 0) {
      return i > 0 && /\s/.test(t[i - 1]!) && /\S/.test(t.slice(0, i)) && PROSE_OPENING.test(t.slice(i + 1)) ? t.slice(0, i).trimEnd() : t;
    }
  }
  return t;
}

/** Two words of prose (`independent zero-mean terms`): what makes a bracket's contents a remark, not mathematics. */
const REMARK_WORDS = /\b[A-Za-z]{3,}[\s,-]+(?:[\w-]+[\s,]+)?[A-Za-z]{3,}/;

/**
 * `(n − k + 1)² σ_x² σ_g² (m² independent zero-mean terms, each with`: a remark in brackets that a
 * line break cut before it closed (a hard-wrapped paragraph, one line of it taken) is no part of
 * the answer: the text before its bracket is. Only a bracket never closed, after a space, holding prose.
 */
function withoutOpenRemark(t: string): string {
  if (t.length > 2000 || !t.includes('(') || !REMARK_WORDS.test(t)) return t;
  let open = -1;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') {
      if (depth++ === 0) open = i;
    } else if (t[i] === ')' && depth > 0) depth--;
  }
  if (depth === 0 || open <= 0 || !/\s/.test(t[open - 1]!)) return t;
  const head = t.slice(0, open).trimEnd();
  return /\S/.test(head) && REMARK_WORDS.test(t.slice(open + 1)) && !REMARK_WORDS.test(head) ? head : t;
}

const SUBSCRIPT_RUN = /\s*([ₐₑₒₓₕ-ₜᵢ-ᵥⱼ]+)/g;
/**
 * A lowered index that is more than a name: a list (`wₕ,ₗ`), a sum's range (`Σᵢ₌₁ᵐ`, with its raised
 * bound) or an offset (`x₍ᵢ₊ₕ₋₁₎`). Lowered characters, commas between them, then raised ones.
 */
const SUBSCRIPT_INDEX = /[ₐₑₒₓₕ-ₜᵢ-ᵥⱼ₀-₉₊₋₌₍₎](?:[ₐₑₒₓₕ-ₜᵢ-ᵥⱼ₀-₉₊₋₌₍₎]|,(?=[ₐₑₒₓₕ-ₜᵢ-ᵥⱼ₀-₉₍]))*[ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁰¹²³⁴⁵⁶⁷⁸⁹]*/g;

/** `ₕ,ₗ` → `_{h,l}`, `ᵢ₌₁ᵐ` → `_{i=1}^{m}`; a lowered name alone (`ᵢₙ`) as it is, for the rewrites after. */
function subscriptIndex(run: string): string {
  if (!/[,₊₋₌₍₎]/.test(run)) return run;
  const lowered = run.replace(/[ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '');
  const raised = run.slice(lowered.length);
  const index = [...lowered].map((c) => LOWERED[c] ?? c).join('');
  return `_{${index}}${raised ? `^{${[...raised].map((c) => RAISED[c]).join('')}}` : ''}`;
}

/**
 * A candidate in the plain-text math chat replies write outside any formula (`**c = 1/√d_in**`,
 * `‖ΔW‖₂ ≤ √d_out`), as the LaTeX it stands for: bold taken off, a root over the name after it
 * (`√d_in` → `\sqrt{d_in}`), norm bars, Δ and subscript digits spelled as LaTeX does. Empty when
 * there is nothing of the kind.
 */
export function plainMath(written: string): string[] {
  // An equation editor's styled letters (`√𝑑_in`, `𝛼`) are the plain ones the rewrites below look for.
  const text = foldMathLetters(written);
  // (A capital sigma with an index lowered, `Σ_{i=1}^{m}`, is a sum the text has nothing else to show.)
  if (!/[√‖₀-₉Δ∇ᵀₐₑₒₓₕ-ₜᵢ-ᵥⱼ∑]|\*\*|[\u03b1-\u03c9]|Σ(?=[ᵢⱼₐ-ₜ]|_)/.test(text)) return [];
  const t = rootsOverBrackets(text)
    .replace(PROGRAM_POWER, '^')
    .replace(/\*\*|__/g, '')
    // `Σᵢ Σⱼ dy_{i,j} x_{...}`, `∑_{i,j}`: a summation sign with its index lowered; a capital sigma
    // with no index after it (the Σ of an SVD) stays a matrix's name.
    .replace(SUMMATION, '\\sum')
    .replace(/[\u03b1-\u03c9]/g, (g) => (GREEK[g] ? `\\${GREEK[g]} ` : g))
    // After the Greek letters and before the roots: `σₓ` is `\sigma_{x}` (no space), `√dᵢₙ` is `\sqrt{d_{in}}`.
    .replace(SUBSCRIPT_INDEX, subscriptIndex)
    .replace(SUBSCRIPT_RUN, (_m, run: string) => `_{${[...run].map((c) => LOWERED[c]).join('')}}`)
    .replace(/ᵀ/g, '^T')
    .replace(/√\s*([A-Za-z0-9]+(?:_(?:\{[^{}]*\}|[A-Za-z0-9]+))?)/g, '\\sqrt{$1}')
    .replace(/‖/g, '\\|')
    .replace(/Δ\s*/g, '\\Delta ')
    .replace(/∇\s*/g, '\\nabla ')
    .replace(/[₀-₉]+/g, (d) => `_{${[...d].map((c) => LOWERED[c]).join('')}}`)
    .trim();
  return t && t !== written ? [t, lastSide(t)] : [];
}

/** `d_out**2`, `(n-k+1)**2`: a power as a program writes it, `**` between operands (bold's `**` stands against a space or the line's end). */
const PROGRAM_POWER = /(?<=[\w)\]])\*\*(?=[\w(])/g;

/** `∑`, and `Σ` when an index is lowered onto it (`Σᵢ`, `Σ_{i,j}`): a sum, as `\sum` is. */
const SUMMATION = /∑|Σ(?=[ᵢⱼₐ-ₜ]|_)/g;

/** Greek letters chat replies type as characters (`α = 1/√d_in`), by the name LaTeX gives them. */
export const GREEK: Record<string, string> = Object.fromEntries(
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi o pi rho varsigma sigma tau upsilon phi chi psi omega'
    .split(' ')
    .map((name, i) => [String.fromCharCode(0x3b1 + i), name] as const)
    .filter(([, name]) => name.length > 1),
);

/** `√(d_out·d_in)` → `\sqrt{d_out·d_in}`: a root over a bracketed group, the brackets matched. */
function rootsOverBrackets(text: string): string {
  let out = '';
  let i = 0;
  for (let at = text.indexOf('√(', i); at >= 0; at = text.indexOf('√(', i)) {
    let depth = 0;
    let end = -1;
    for (let j = at + 1; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end < 0) break;
    out += `${text.slice(i, at)}\\sqrt{${text.slice(at + 2, end)}}`;
    i = end + 1;
  }
  return out + text.slice(i);
}

/** Throws when the text cannot be read as characters at all. */
export function assertReadable(s: string, what = 'answer'): void {
  if (s.length > LIMITS.responseChars) {
    throw new LimitError(`the ${what} is ${s.length.toLocaleString('en-US')} characters long; the limit is ${LIMITS.responseChars.toLocaleString('en-US')}`);
  }
  if (s.includes('\uFFFD')) throw new UnreadableError(`the ${what} contains bytes that are not valid UTF-8`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) {
    throw new UnreadableError(`the ${what} contains broken Unicode (a lone surrogate)`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001F]/.test(s)) throw new UnreadableError(`the ${what} contains control characters`);
}

/**
 * Finds the final answer in a candidate: the boxed answer(s) if any; else what follows the
 * last "Answer:" / "the answer is"; else the last math span; else the whole text.
 */
export function extractAnswer(response: string): Extracted {
  assertReadable(response);
  const candidate = stripResponseTail(response);
  const boxed = boxedContents(candidate);
  // A "final answer" stated after the last boxed value: the boxes were intermediate results.
  let finalEnd = -1;
  for (let m = FINAL_MARKER.exec(candidate); m; m = FINAL_MARKER.exec(candidate)) finalEnd = m.index + m[0].length;
  FINAL_MARKER.lastIndex = 0;
  if (finalEnd >= 0 && finalEnd > candidate.lastIndexOf('\\boxed') && candidate.length > 200) {
    const sentence = firstSentence(
      candidate
        .slice(finalEnd)
        .split(/\n\s*\n/)[0]!
        .trim(),
    );
    const found = fromSentence(sentence.replace(/^the\s+final\s+answer\s+is\s*/i, 'is '));
    if (found) return { text: found, how: 'marker' };
  }
  // A `\boxed{` never closed (a truncated response) holds everything after it.
  const open = boxed.length ? -1 : candidate.search(/\\boxed\s*\{(?![\s\S]*\\boxed\s*\{)/);
  if (open >= 0) return { text: trimAnswer(candidate.slice(candidate.indexOf('{', open) + 1)), how: 'boxed' };
  // The same value boxed twice (a model repeating its result) is one answer.
  if (boxed.length) return { text: trimAnswer([...new Set(boxed.map((b) => b.trim()))].join(', ')), how: 'boxed' };

  let lastMarkerEnd = -1;
  for (let m = MARKER.exec(candidate); m; m = MARKER.exec(candidate)) lastMarkerEnd = m.index + m[0].length;
  MARKER.lastIndex = 0;
  if (lastMarkerEnd >= 0 && lastMarkerEnd < candidate.length) {
    let after = candidate.slice(lastMarkerEnd).split(/\n\s*\n/)[0]!;
    // In a long response the conclusion is one sentence; what follows is commentary.
    if (candidate.length > 200) {
      const sentence = firstSentence(after);
      const found = fromSentence(sentence);
      if (found) return { text: found, how: 'marker' };
      after = sentence;
    }
    const spans = mathSpans(after);
    // "The largest $n$ is 34.": the value after the last "is" beats a math span naming the unknown.
    const isTail = /^[\s\S]*\b(?:is|it's|are|equals)\s+([^\s$][^$]*?)\s*[.]?\s*$/.exec(after);
    if (isTail && /\d/.test(isTail[1]!)) return { text: trimAnswer(isTail[1]!), how: 'marker' };
    if (spans.length) return { text: trimAnswer(spans[spans.length - 1]!), how: 'marker' };
    return { text: trimAnswer(after.split('\n')[0]!), how: 'marker' };
  }
  const spans = mathSpans(candidate);
  if (spans.length > 1 && listedSpans(candidate)) {
    return { text: spans.map((s) => trimAnswer(s)).join(', '), how: 'math' };
  }
  const first = candidate.search(/\$|\\\(|\\\[/);
  if (
    spans.length === 1 &&
    first >= 0 &&
    candidate.slice(0, first).trim() === '' &&
    /^[^$]*$/.test(candidate.slice(candidate.lastIndexOf('$') + 1)) &&
    candidate.slice(candidate.lastIndexOf('$') + 1).trim().length <= 12
  ) {
    // `$28$ percent`: a percent word after a lone formula qualifies it; any other word
    // (`$66n^{2}$ states`) names what was counted and is not part of the value.
    const after = candidate.slice(candidate.lastIndexOf('$') + 1).trim();
    if (!after || /^(?:%|percent|per\s*cent|pct)\b/i.test(after) || !/^[A-Za-z]/.test(after)) {
      return { text: trimAnswer(candidate.replace(/\$\$?/g, ' ').replace(/\\[()[\]]/g, ' ')), how: 'whole' };
    }
    return { text: trimAnswer(spans[0]!), how: 'math' };
  }
  if (spans.length) return { text: trimAnswer(spans[spans.length - 1]!), how: 'math' };
  if (candidate.length > LIMITS.answerChars) {
    // A long text with no math and no marker: its last line is where conclusions go.
    const lines = candidate.trim().split('\n');
    return { text: trimAnswer(lines[lines.length - 1]!), how: 'whole' };
  }
  const isTail = /^.*\b(?:is|it's|are|equals)\s+([^\s].*?)\s*$/s.exec(candidate);
  if (isTail && /\d/.test(isTail[1]!) && candidate.length < 200) return { text: trimAnswer(isTail[1]!), how: 'marker' };
  // `Receptive field after L layers of size K:  1 + L(K - 1)`: words before a colon name the formula after it (read whole, the colon divides).
  const named = WORDED_NAME.exec(candidate.trim());
  if (named && /[\d=+*/^()]/.test(named[1]!)) return { text: trimAnswer(named[1]!), how: 'whole' };
  return { text: trimAnswer(candidate), how: 'whole' };
}

// ---------------------------------------------------------------------------------------------
// The scored candidate finder: where in a whole response the final answer may be (grading
// chooses among these by fit; `extractAnswer` above reads one candidate).

/** A place in a response that may hold the final answer, with how it was found. */
export interface Candidate {
  text: string;
  how: 'boxed' | 'marker' | 'display' | 'inline' | 'table' | 'line';
  /** Offset in the response of its last occurrence (for telling which of two statements came later). */
  at?: number;
  /** Stated as a final answer (boxed, after "Answer:" / "Final answer:"), not merely concluded or displayed. */
  final?: boolean;
}

const COMMAND = /\\([A-Za-z]+)/y;
const ARROWS = new Set(['Rightarrow', 'implies', 'therefore', 'to', 'rightarrow']);

/** `a = b = c ≈ d` → `c`: the last side before any `≈`, cut at top-level relation signs. */
export function lastSide(latex: string): string {
  const cut = latex.split(/\\approx|≈/)[0]!;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cut.length; i++) {
    const c = cut[i]!;
    if (c === '\\') {
      // Sticky patterns read the command where it stands: slicing the rest at every backslash made long formulas quadratic.
      COMMAND.lastIndex = i;
      const command = COMMAND.exec(cut)?.[1];
      if (command === 'begin') depth++;
      else if (command === 'end') depth--;
      else if (depth === 0 && command && ARROWS.has(command)) start = i + 1 + command.length;
      i++;
      continue;
    }
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    else if (c === '=' && depth === 0 && cut[i - 1] !== '<' && cut[i - 1] !== '>' && cut[i - 1] !== '!' && cut[i - 1] !== ':') start = i + 1;
  }
  return cut
    .slice(start)
    .trim()
    .replace(/[.,;]\s*$/, '');
}

/**
 * A formula cut where `cutsAt(latex, i)` says, outside braces, brackets, parentheses,
 * environments and `\left...\right` pairs (a `\left\{ ... \right.` has no bracket to count).
 * The pieces are untrimmed; the cutting character is left out.
 */
export function splitTopLevel(latex: string, cutsAt: (latex: string, i: number) => boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i]!;
    if (c === '\\') {
      // Whole command names: `\leftarrow` and `\rightarrow` open and close nothing.
      const command = /^\\([A-Za-z]+)/.exec(latex.slice(i, i + 8))?.[1];
      if (command === 'begin' || command === 'left') depth++;
      else if (command === 'end' || command === 'right') depth--;
      i++;
      continue;
    }
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
    else if (depth === 0 && cutsAt(latex, i)) {
      out.push(latex.slice(start, i));
      start = i + 1;
    }
  }
  out.push(latex.slice(start));
  return out;
}

/** The sides of a formula cut at its top-level `=` signs (`a = b = c` → a, b, c); braces, brackets and environments stay whole. */
export function sides(latex: string): string[] {
  return splitTopLevel(latex, (t, i) => t[i] === '=' && !'<>!:'.includes(t[i - 1] ?? ''))
    .map((side) => side.trim())
    .filter(Boolean);
}

/** `\|\Delta W\|_2 \le \sqrt{d_{out}}` → `\sqrt{d_{out}}`: the value a bound gives, when a value is asked for. */
export function boundSide(latex: string): string[] {
  // Most readings state no bound, and the pattern tried every length of a left side before failing on each.
  if (!/\\[lg]e|[≤≥<>]/.test(latex)) return [];
  const m = /^(?:[^{}()[\]]|\{[^{}]*\}|\([^()]*\))*?(?:\\leq?|\\geq?|≤|≥|<|>)(?![a-z])\s*([\s\S]+)$/.exec(latex);
  if (!m) return [];
  const rest = m[1]!.trim().replace(/[.,;]\s*$/, '');
  return rest && !/\\leq?|\\geq?|≤|≥|<|>/.test(rest) ? [rest] : [];
}

/** The equations a chain states: `y_2[n] = y[n-5] = \begin{cases}...` → `y_2[n] = y[n-5]`, `y_2[n] = \begin{cases}...`. */
export function chainEquations(latex: string): string[] {
  // A chain of three sides has two signs `=`: with fewer there is nothing to split (most candidates; 0.15 s of 600 write-ups).
  if (latex.indexOf('=') === latex.lastIndexOf('=')) return [];
  const s = sides(latex.split(/\\approx|≈/)[0]!);
  if (s.length < 3) return [];
  return s.slice(1, 5).map((rhs) => `${s[0]} = ${rhs.replace(/[.,;]\s*$/, '')}`);
}

/** Formulas a response writes: the checker's math spans and display environments, one vocabulary. */
const MATH = new RegExp(`${MATH_SPAN.source}|\\\\begin\\{(equation|align|gather)\\*?\\}([\\s\\S]+?)\\\\end\\{\\5\\*?\\}`, 'g');

/** The pieces of a formula written side by side: `A \quad , \quad B = ...` → A, B = .... */
export function pieces(formula: string): string[] {
  // Without a `\quad` or a `\text{...}` there is one piece, and so none to list (most formulas).
  if (!formula.includes('quad') && !formula.includes('\\text')) return [];
  const parts = formula
    .split(/\\q?quad|\\text\{\s*(?:and|where|with)\s*\}/)
    .map((p) =>
      p
        .trim()
        .replace(/^[,;.]+|[,;.]+$/g, '')
        .trim(),
    )
    .filter(Boolean);
  return parts.length > 1 ? parts : [];
}

/** A statement's name and its sign: a short left side, then `=`, `:=` or an arrow of assignment. */
const STATEMENT = /^\s*([^=<>←;]{1,40}?)\s*(?::=|=|←|\\leftarrow\b)/;

/**
 * `dw = Σ dy x,   w ← w − η dw`: equations set side by side at a formula's top-level commas or
 * semicolons, as `\quad` sets them, when each names a quantity of its own (no sum or difference at
 * its top) before its sign. `a = 1, 2` and `f(x) = x, x > 0` are none.
 */
export function statementsSideBySide(formula: string): string[] {
  // Most formulas have one sign of a statement, or no comma to set two apart.
  if ((!formula.includes(',') && !formula.includes(';')) || (formula.match(/=|←|\\leftarrow/g)?.length ?? 0) < 2) return [];
  const items = splitTopLevel(formula, (t, i) => t[i] === ',' || t[i] === ';')
    .map((p) =>
      p
        .trim()
        .replace(/[.,;]+$/, '')
        .trim(),
    )
    .filter(Boolean);
  const names = items.map((p) => STATEMENT.exec(p)?.[1]?.trim());
  const named = names.every((n) => n && !/[+\-−]\s*\S/.test(n.replace(/\{[^{}]*\}|\([^()]*\)|\[[^\]]*\]/g, '')));
  return items.length > 1 && named && new Set(names).size === names.length ? items : [];
}

/** Display and inline formulas of a text, in order, with their kind. */
export function formulas(text: string): readonly Formula[] {
  // A part's text is read for formulas by the candidate finder and for definitions in turn: the last reading is kept.
  if (lastFormulas?.text !== text) lastFormulas = { text, found: findFormulas(text) };
  return lastFormulas.found;
}

/** A formula of a text: its LaTeX, whether it is displayed, and where it starts. */
export interface Formula {
  text: string;
  display: boolean;
  index: number;
}

let lastFormulas: { text: string; found: readonly Formula[] } | undefined;

function findFormulas(text: string): Formula[] {
  const out: Formula[] = [];
  for (const m of allMatches(MATH, text)) {
    const display = m[1] ?? m[2] ?? m[6];
    out.push({ text: (display ?? m[3] ?? m[4] ?? '').trim(), display: display !== undefined, index: m.index! });
  }
  // A line of bare LaTeX outside any delimiters (converters put math in code blocks, people
  // forget the dollars): commands and few words make it a display formula.
  // Spans are in order, so one pointer walks them beside the lines (linear in the text).
  const spans = out.map((f) => [f.index, f.index + f.text.length + 4] as const);
  let span = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    // Most lines have no command, or are delimited already: nothing to look at.
    if (!line.includes('\\') || line.includes('$') || line.includes('`')) {
      offset += line.length + 1;
      continue;
    }
    const t = line.replace(/^\s*(?:[-*]\s+)?(?:\([a-h]\)|[a-h]\)|\([ivx]+\))\s*/, '').trim();
    while (span < spans.length && spans[span]![1] <= offset) span++;
    const inside = span < spans.length && offset >= spans[span]![0] && offset < spans[span]![1];
    const words = t.replace(/\\[A-Za-z]+/g, ' ').match(/[A-Za-z]{4,}/g)?.length ?? 0;
    if (t && !inside && !/[$`]|\\\(|\\\[/.test(t) && /\\[A-Za-z]+/.test(t) && words <= 2) out.push({ text: t, display: true, index: offset });
    offset += line.length + 1;
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Short words of prose that are no symbol in a formula typed as plain text. */
const PROSE_WORDS = new Set('a an and as at be by do if is it of on or so the to we us'.split(' '));
/** A token that is only a tick or a cross (JUDGEMENT_MARKS). */
const JUDGEMENT_TOKEN = /^[✓✔☑✅✗✘❌]\uFE0F?$/u;

/** A relation or an operator that makes a run of symbols a formula (`w ← w − η·dw`, an update, among them). */
const RELATION = /[=≤≥<>≈←]/;
/** The words that introduce a quotation of someone's answer: a verb of saying or writing, or a colon. */
const QUOTE_INTRODUCED = /(?:\b(?:wrote|writes|says|said|answered|answers|replied|replies|gave|returned|returns|printed|outputs)|:)\s*$/i;

/** Whether a formula at `at` in a line opens a quotation the words before it introduce as an answer (`it wrote "O(n)`). */
function quotedAnswer(line: string, at: number): boolean {
  return /["“„«]/.test(line[at - 1] ?? '') && QUOTE_INTRODUCED.test(line.slice(Math.max(0, at - 41), at - 1));
}

/** Whether the run of tokens `i..j` ends on a colon that closes it: after an equation, or a number alone. */
function closedByColon(tokens: readonly RegExpMatchArray[], i: number, j: number): boolean {
  const last = tokens[j]![0];
  if (!last.endsWith(':')) return false;
  return (i === j && /^\d+:$/.test(last)) || tokens.slice(i, j + 1).some((t) => RELATION.test(t[0]));
}

/** An arrow between formulas, read "gives" (`→`, `⇒`, `⟹`, `=>`, `->`). */
const ARROW = /^(?:→|⇒|⟹|=>|->)$/;

/** Whether a space-separated token of plain text belongs to a formula (`2c·d_out²·d_in`, `≤`, `√d_in`). */
function mathToken(token: string): boolean {
  const t = token.replace(/[,.;:!?]+$/, '');
  // `(c),` in "the bound from (c), α = ...": a part's label, not a factor.
  // (`i.e.`, `e.g.` after a formula: an abbreviation of prose, however many dots it has.)
  // `(of that layer)` after a formula: a short word of prose is one in brackets too (a letter alone may be a symbol: `(a + b)`).
  const bare = t.replace(/^[([]+|[)\]]+$/g, '').toLowerCase();
  if (!t || PROSE_WORDS.has(t.toLowerCase()) || (bare.length > 1 && PROSE_WORDS.has(bare)) || /^\(?[a-h]\)$/.test(t) || /^(?:i\.e|e\.g|cf|etc|viz)$/i.test(t)) return false;
  // (`∂L/∂w_{h,l}`: a partial derivative's sign is of a formula as a sum's is.)
  // (`E[x_{…}]`: an index elided with an ellipsis is still the formula's; an ellipsis alone is prose's.)
  const elided = t.includes('…') || t.includes('⋯') ? t.replace(/[…⋯]/g, '') : t;
  if (elided !== t && !/[^()[\]{}_^]/.test(elided)) return false;
  // (`1⁄2`, `π∕4`: the fraction slash and the division slash are a formula's as `/` is.)
  if (!/^[\p{L}\p{N}_{}^()[\].,·×*∗⋆/⁄∕+\-−=≤≥<>≈←√‖|⌊⌋⌈⌉∑∏∂∇'!%\u00b2\u00b3\u00b9\u2070-\u209f\u1d40-\u1d6a]+$/u.test(elided)) return false;
  // `dy[i][j]`, `w[h,`: a name indexed as code indexes an array is no word, whatever its letters spell.
  const word = t.replace(/[()[\]'!]/g, '');
  return INDEXED_NAME.test(t) || !(isProseWord(word) || hyphenatedProse(word));
}

/**
 * `speed-up`, `zero-padded`, `row-wise`: words of prose joined by a hyphen, none of a formula (read as
 * one, `s·p·e·e·d − u·p`). Letters only, two or more a piece, one piece a word of prose; `d-k`,
 * `ab-cd` and `d_out-d_in` stay what they were.
 */
function hyphenatedProse(token: string): boolean {
  if (!/^\p{L}{2,}(?:-\p{L}{2,})+$/u.test(token)) return false;
  return token.split('-').some((piece) => piece.length >= 3 && isProseWord(piece));
}

/**
 * A token of text with Chinese, Japanese or Korean in it: a run of their letters (with the bracket that
 * opens on it: `(그 층의 d_out)` is an aside in words), or a run of other letters and signs up to a space or such a word.
 */
const CJK_TOKEN = new RegExp(`[([{]*[${CJK_LETTERS}]+|[^\\s${CJK_LETTERS}]+?(?=[([{]*[${CJK_LETTERS}]|\\s|$)`, 'gu');

/** A name followed by an index in square brackets (`w[h][l]`, `x[i+h-1,`). */
const INDEXED_NAME = /^\p{L}[\p{L}\p{N}_]*\[[^\s\]]/u;

/**
 * `w - eta * dw`: a Greek letter's name spelled out, which the formula reader takes for a word of
 * prose, is a symbol where an operator stands before it and the formula goes on after it.
 */
function greekOperand(tokens: readonly RegExpMatchArray[], k: number): boolean {
  const next = tokens[k + 1]?.[0];
  return GREEK_NAME.test(tokens[k]![0]) && /[-+−*·×/=←]$/.test(tokens[k - 1]?.[0] ?? '') && next !== undefined && mathToken(next);
}

/**
 * An expression as a program prints it (sympy's `2*c*d_in*d_out**2`, `sigma_g*sigma_x*(-k + n + 1)`):
 * names, numbers and operators only, with a product or power in code syntax between operands.
 */
const PROGRAM_EXPRESSION = /^(?=.*[\w)]\s*\*{1,2}\s*[\w(])[\w.()+\-*/ ]+$/;

/**
 * Formulas a reply sets as inline code (`` `g3 = [0, 0.8, 0]` ``, as chat replies set values): a
 * span that states a relation, lists values in brackets, or is an expression a program printed. Names alone (`` `x3` ``) and code
 * blocks are not formulas.
 */
export function codeFormulas(text: string): { text: string; display: boolean; index: number; said: boolean }[] {
  const out: { text: string; display: boolean; index: number; said: boolean }[] = [];
  for (const m of allMatches(/(?<!`)`([^`\n]{1,200})`(?!`)/g, text)) {
    const t = m[1]!.trim();
    const printed = PROGRAM_EXPRESSION.test(t);
    const formula = printed || /[=≤≥<>]|\[[^\]]*\d[^\]]*\]/.test(t);
    // "the runtime is `2*c*d_in*d_out**2`, i.e. two $d_{out} \times ...$ products": the value the sentence says the quantity is.
    const is = /\b(?:is|are|equals)\s*$/i.test(text.slice(Math.max(0, m.index! - 20), m.index!));
    // "The mean is `0`": a number the sentence gives is a value however short.
    const number = is && /^[-+]?\d+(?:\.\d+)?$/.test(t);
    const said = is && (printed || number);
    if (!number && (t.length < 3 || !formula || /[;{}]\s*$|\b(?:def|return|import|print|let|const|var)\b/.test(t))) continue;
    out.push({ text: t, display: false, index: m.index!, said });
  }
  return out;
}

/** A formula typed as plain text: bold when the reply set it in bold, with the label before its `=` (`Updated runtime`). */
export interface PlainFormula {
  text: string;
  display: boolean;
  index: number;
  bold: boolean;
  label?: string;
}

/**
 * Formulas a reply typed as plain text, with no LaTeX at all (`Runtime per iteration = 2c·d_out²·d_in`,
 * a line `c = 1/√d_in`): each run of formula tokens that states a relation, or that is a line on
 * its own; a run after a label and `=` (`Updated runtime = ...`) is its right side. Lines are
 * display formulas when the run is the whole line, inline otherwise.
 */
export function plainFormulas(text: string): PlainFormula[] {
  const out: PlainFormula[] = [];
  let offset = 0;
  // (`F個で`, `gradient에`: Chinese, Japanese and Korean glue words to a formula with no space; a run of their letters is a word of its own.)
  const words = CJK_LETTER.test(text) ? CJK_TOKEN : /\S+/g;
  for (const line of text.split('\n')) {
    const unlisted = line.replace(/^\s*(?:[-*•]\s+|\([a-h]\)\s*|[a-h]\)\s*|\d{1,2}[.)]\s+)?/, '');
    const lead = line.length - unlisted.length;
    // `c*d_in*d_out**2`: a program's power between operands is no bold (same length, places kept).
    const kept = unlisted.includes('**') ? unlisted.replace(PROGRAM_POWER, '^ ') : unlisted;
    // Bold and code marks become spaces of the same length, so that places in the line stay where they were.
    const bold = [...kept.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => [m.index, m.index + m[0].length] as const);
    // So do quotation marks: a report quoting a model (`Gemini: "RF = L(K − 1) + 1."`) closes its last
    // formula with one, which would end the formula's run before its last token (`L(K − 1) +`).
    const body = kept.replace(/\*\*|__/g, '  ').replace(/[`"“”„«»]/g, ' ');
    const tokens = [...body.matchAll(words)];
    let i = 0;
    while (i < tokens.length) {
      if (!mathToken(tokens[i]![0])) {
        i++;
        continue;
      }
      let j = i;
      // (`x₂(n) = x(n − 5): y₂(n) = y(n − 5)`, `stride 1: L(K − 1) + 1`: a colon after an equation or a lone number closes
      // it, a given or a setting's number, and opens the value; after a name, `Q2: c = ...`, it is the name's. A sentence's
      // stop ends the run too: `g3 = [0, 0.8, 0]. g4 = [0.8, 0, 0].` states two values, no product of them.)
      while (j + 1 < tokens.length && !SENTENCE_STOP.test(tokens[j]![0]) && !closedByColon(tokens, i, j) && (mathToken(tokens[j + 1]![0]) || greekOperand(tokens, j + 1))) j++;
      // (`y2(n) = y(n − 5)  -> same curve, shifted`: an arrow the run stops right after points at words; what it gives is said in prose.)
      while (j > i && ARROW.test(tokens[j]![0])) j--;
      let run = body.slice(tokens[i]!.index, tokens[j]!.index + tokens[j]![0].length).replace(/[,.;:!?]+$/, '');
      if (run.includes('(')) run = withoutBracketedRemark(run, body.slice(tokens[j]!.index + tokens[j]![0].length));
      // (`(a) 2c·d_out²·d_in ✔ (speed-up ...)`: a person's tick or cross after it closes the line's formula as its end does.)
      const whole = i === 0 && (j === tokens.length - 1 || JUDGEMENT_TOKEN.test(tokens[j + 1]![0]));
      // "the max spectral norm is sqrt(d_out)": the value a sentence says the quantity is.
      // `is **O(d_out d_in²)**, a ...`: bold taken off leaves the comma a token of its own.
      // (`... is 2c·d_out²·d_in multiplications.`: one word of what is counted, ending the clause, ends it too.)
      const next = tokens[j + 1]?.[0] ?? '';
      const counted = /^\p{L}{3,}[,.;:!?]?$/u.test(next) && (j + 2 === tokens.length || /[,.;:!?]$/.test(next));
      const ends = j === tokens.length - 1 || /[,.;:!?]$/.test(tokens[j]![0]) || /^[,.;:!?]/.test(next) || counted;
      const before = i > 0 ? tokens[i - 1]![0] : '';
      // "multiply by 1/√d_out to keep it stable": a factor named after "by" (`por`, `par`, `mit`, `com`, Russian and Ukrainian `на`), when it is plainly a formula.
      // Once its sentence has stated a formula, "because the update is c·ΔW" after it explains; it states nothing.
      const sentenceStart = Math.max(0, body.lastIndexOf('. ', tokens[i]!.index), body.lastIndexOf('; ', tokens[i]!.index), body.lastIndexOf('。', tokens[i]!.index));
      const sentence = offset + lead + sentenceStart;
      const first = !out.some((f) => f.index >= sentence);
      // "X costs ... and Y costs ..., so the runtime is 2c·d_out·d_in² per iteration": what a concluding clause says
      // the quantity is states it, after the steps its sentence stated first and with the words that follow it.
      const concluded = VALUE_VERB.test(before) && CONCLUDED_CLAUSE.test(body.slice(sentenceStart, tokens[i]!.index));
      // `O(d_out·d_in²) via W(3I − WᵀW)/2`: a summary's line that opens on its formula and goes on to say how it was found.
      const explained = i === 0 && /^(?:via|using|from|because|since)$/i.test(next);
      // "gradient에 1/√d_out 곱하기", "乘以 1/√d_out 即可": Chinese, Japanese and Korean say what a formula is with particles and
      // verbs glued to the words around it, which no list like `is` and `by` holds: an operator's formula first in its sentence, between their words, is stated.
      const amidCjk = CJK_LETTER.test(before) && (next === '' || CJK_LETTER.test(next)) && /[√/^²³×·*+\-−]/.test(run);
      const stated =
        amidCjk ||
        explained ||
        (first && ends && /^(?:is|are|equals|be|becomes|gives|costs|takes|needs|requires|равн[оаы]|равен|составляет|дорівнює)$/iu.test(before)) ||
        concluded ||
        (/^(?:by|por|par|mit|com|на)$/iu.test(before) && /[√/^²³]/.test(tokens[i]![0])) ||
        // `each c·d_out²·d_in → 2c·d_out²·d_in per iteration`: an arrow says what the working before it gives (a
        // name alone after one, `d_in → d_out`, is where a map goes).
        (ARROW.test(before) && /[\d·×*^²³√/+−-]/.test(run)) ||
        // `it just wrote "O(d_out·d_in²) per iteration"`, `Magistral: "α = ..."`: a report quotes the answer it judges.
        quotedAnswer(kept, tokens[i]!.index!);
      // `Updated runtime = 2c·...`: the label's `=` opens the run; the formula is what follows it.
      const afterLabel = /^[=:]\s*/.exec(run);
      if (afterLabel) run = run.slice(afterLabel[0].length);
      // `Updated runtime: 2c·d_out·d_in²`: a label's colon ends its last word, and the run after it is its value.
      const afterColon = !afterLabel && i > 0 && before.endsWith(':');
      // `Total 2c·d_out·d_in², faster by ...`: the word "total" labels the formula right after it, as `Total:` does.
      const afterTotal = !afterLabel && !afterColon && /^total$/i.test(before);
      if (/[\p{L}\p{N}]/u.test(run) && (RELATION.test(run) || afterLabel || afterColon || afterTotal || whole || stated) && /[\p{N}_^√·×/²³ᵀ]|\p{L}\s*[=≤≥<>]/u.test(run)) {
        const at = tokens[i]!.index!;
        const label = afterLabel ? body.slice(0, at).trim() : afterColon ? body.slice(0, at).trim().slice(0, -1) : afterTotal ? before : '';
        out.push({ text: run.trim(), display: whole, index: offset + lead + at, bold: bold.some(([from, to]) => at >= from && at < to), ...(label ? { label } : {}) });
      }
      i = j + 1;
    }
    offset += line.length + 1;
  }
  return out;
}

/** A verb that says what a quantity is or costs: the word CONCLUDED_CLAUSE ends on, looked at before the clause is. */
const VALUE_VERB = /^(?:is|are|equals|becomes|costs|takes|needs|requires|gives)$/i;

/**
 * The words of a clause that concludes with a quantity's value: a conclusion word, a few words of prose
 * naming the quantity, and a verb of value (`so the runtime is`, `hence each iteration costs`). "So that"
 * states a purpose and "so far" a step on the way; a formula among the words (`so WᵀW costs`) names a
 * step's product, not the result.
 */
const CONCLUDED_CLAUSE = /(?:^|[\s,;:(])(?:so|thus|hence|therefore)(?!\s+(?:that|far)\b),?\s+(?:\p{Ll}[\p{L}'’-]*\s+){0,5}(?:is|are|equals|becomes|costs|takes|needs|requires|gives)\s+$/iu;

/**
 * `Var(dw) = (n − k + 1)²·σ_x²·σ_g² (m² = (n−k+1)² uncorrelated terms)`: a bracket that a run of formula
 * tokens opens after a space, and that the line closes only after words of prose, is a remark on the
 * formula before it (the run ended at its first word), none of the formula. The run without it; as it is otherwise.
 */
function withoutBracketedRemark(run: string, rest: string): string {
  const opens: number[] = [];
  for (let k = 0; k < run.length; k++) {
    if (run[k] === '(') opens.push(k);
    else if (run[k] === ')') opens.pop();
  }
  const open = opens[0] ?? -1;
  if (open <= 0 || !/\s/.test(run[open - 1]!) || !/\S/.test(run.slice(0, open))) return run;
  let depth = opens.length;
  for (const c of rest) {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return run.slice(0, open).trimEnd();
  }
  return run;
}

/**
 * A token that ends a sentence: its one period after a number, a bracket, a raised character (`σ_g².`, `2ⁿ.`, `Wᵀ.`:
 * a power's end) or a vulgar fraction (`½.`): a decimal point has digits after it, an ellipsis more periods.
 */
const SENTENCE_STOP = /[\d)\]}⁰¹²³⁴-⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ⁾¼½¾⅐-⅞↉][.]$/;

/** Signs only a formula typed as plain text shows: a raised power, a product's dot, a root, a transpose, a norm, a bound. */
const PLAIN_MATH_SIGN = /[·²³√ᵀ‖≤≥]/;

/**
 * A reply that sets some formulas in LaTeX and types others as plain text (a post that pastes a
 * model's display, then sums up `Total 2c·d_out·d_in²` in its own words): the plain formulas of its
 * lines with no LaTeX of their own, the other lines blanked so that places stay where they were.
 */
function plainFormulasBesideLatex(response: string): PlainFormula[] {
  if (!PLAIN_MATH_SIGN.test(response)) return [];
  return plainFormulas(withoutCodeBlocks(response).replace(/^[^\n$\\]*[$\\].*$/gm, (line) => ' '.repeat(line.length)));
}

/**
 * `‖ΔW‖₂ ≤ √d_out   ← my answer for (c)`, `α = √(d_out d_in)  <-- final for (e)`: a note after a
 * formula on its line that points back at it as the answer (a student marking theirs among the
 * working). An arrow to anything else (`w ← w − η·dw`, an update) points at nothing.
 */
const POINTED_ANSWER = /[ \t]+(?:←|⟵|⇐|<-{1,2})[ \t]*(?:(?:this\s+is\s+|that's\s+)?(?:my|our|the)\s+)?(?:final|answer|ans\b|result|solution)\b[^\n]{0,60}$/gim;

/**
 * `**Each iteration now costs $2c\,d_{out}\,d_{in}^2$.**`, `**$\alpha = 1/\sqrt{d_{in}}$**`: bold that ends on
 * a formula its words state (after a verb of value, `=` or a colon), or holds only the formula. A bold
 * heading of a case (`**Case $n < 0$:**`) ends on its colon, and states nothing.
 */
const BOLD_STATEMENT =
  /\*\*((?:[^*\n$]|\$[^$\n]{1,200}\$){0,200}?\b(?:is|are|equals?|costs?|gives?|becomes?|takes?|needs?|requires?)\s*|[^*\n$]{0,200}?[=:]\s*|\s*)\$([^$\n]{1,300})\$\s*[.!]?\s*\*\*/gi;

/** The part an answer word names before its colon (`Answer 2(b):`, `Ans (c):`, `Answer 3d(ii):`). */
export const NAMED_PART = String.raw`(?:\d{1,2}\s*[.(]?\s*[a-h]\)?|\([a-h]\))(?:\s*\(?[ivx]{1,4}\))?`;
/** NAMED_PART or nothing, with the space after it. */
const ANSWERED_PART = String.raw`(?:${NAMED_PART}\s*)?`;
/** `result is` with no colon: a sentence saying what a step gives ("The result is a ... matrix"), not a label. */
const DESCRIBES_RESULT = /^result\s*is\b/i;
/** Words after which a formula is the conclusion: "Answer:", "Therefore", "Thus". */
const CONCLUSION = new RegExp(`(?:${ANSWER_WORDS}|sol(?:ution)?)\\s*(?:is\\b|${ANSWERED_PART}:|=)|(?:^|[\\s*$])(?:${CONCLUSION_WORDS}|∴|\\\\therefore)\\b[,:\\s]`, 'gi');
/**
 * `People say the official answer is ...`, `(my partner thinks the answer is ...)`, `according to the
 * book, the answer is ...`: an answer the writer attributes to someone else, in the words before the
 * marker in its sentence. (`They are independent, so the answer is ...` says nothing of anyone.)
 */
const REPORTED =
  /\b(?:(?:people|they|others|some(?:one|body)?|the\s+(?:ta|book|grader|professor|instructor|solutions?)|my\s+(?:classmates?|friends?|partner))\s+(?:say|says|said|claim(?:s|ed)?|think|thinks|thought|wrote|suggest(?:s|ed)?)|official|according\s+to)\b[^.!?]*$/i;

/** A word every REPORTED attribution holds: a reply without one reports no one's answer, and no formula of it is looked behind. */
const REPORTING_WORD = /\b(?:sa(?:ys?|id)|claim|think|thought|wrote|suggest|official|according)/i;

/** Whether the answer a marker at `index` introduces is reported as someone else's (REPORTED). */
function reportedBefore(response: string, index: number): boolean {
  const from = Math.max(0, index - 160);
  const before = response.slice(from, index);
  // (A paragraph wrapped by hand goes on over its line break: `My partner` / `thinks the answer is`.)
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf('('), before.lastIndexOf('\n\n')) + 1);
  return sentence.length > 2 && REPORTED.test(sentence.replace(/\s+/g, ' '));
}

/** A result line: a short label and a colon before a formula (`Total updated runtime per iteration: $...$`). */
const RESULT_LINE = /^\s*(?:[-*]\s+)?(?:\*\*)?([A-Za-z][\w\s()'-]{2,60}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?=\$)/gm;
/**
 * A result's label alone on its line in a reply typed as plain text (`**Total runtime per iteration:**`), the
 * formula on the next: the line it heads, an equation chain of the working up to its value, is the result.
 */
const PLAIN_RESULT_LINE = /^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?([A-Za-z][\w \t()'-]{2,60}?)(?:\*\*)?[ \t]*:[ \t]*(?:\*\*)?[ \t]*$/gm;
/** Words that make a label name a result (`Output shape:`, `Total runtime:`, `Receptive field:`). */
const RESULT_WORDS =
  /\b(?:answer|result|final|total|runtime|time|cost|shape|size|dimensions?|output|value|count|number|parameters?|weights|flops?|field|bound|rate|mean|variance|norm|constant|gradient|probability|solution)s?\b/i;
/** Labels that introduce a setup, not a result (`Given:`, `Forward:`, `Step 2:`). */
const SETUP_WORDS =
  /^(?:given|where|let|note|step|forward|backward|hint|recall|since|because|assume|assuming|with|using|for|if|constraint|goal|method|definition|input|setup|example|analysis|proof|derivation|why|how|key)\b/i;

/** A label of a step on the way (`Output so far:`, `Add to output:`, `Running total:`): no result yet. */
const PROVISIONAL = /\b(?:so\s+far|running|intermediate|partial|current|add(?:ed)?\s+to|after\s+step)\b/i;
/** "I'll commit to this:", "I'll go with $...$": what a reply that hedged settles on states the answer, as "Answer:" does. */
const COMMITS = /\bI(?:'ll|’ll|\s+will)\s+(?:commit\s+to|go\s+with|settle\s+on|stick\s+with)(?:\s+(?:this|that|the\s+following))?(?:\s*:|\s+(?=\$))/gi;
/** "The final output of the transpose convolution is:": a sentence that says the formula after it is the final one. */
const FINAL_SENTENCE = /\bthe\s+final\s+(?!answer\b)[a-z][\w\s-]{0,60}?\s(?:is|are)\s*:?\s*(?:\*\*)?\s*(?=\$|\\\[|\n)/gi;

/** How strongly a label before a formula names it a result (`Total runtime`, `Final answer`): 0 when it does not. */
function resultLabel(label: string): number {
  if (
    SETUP_WORDS.test(label) ||
    PROVISIONAL.test(label) ||
    label.split(/\s+/).length > 6 ||
    !RESULT_WORDS.test(label) ||
    /\b(?:rule|step|formula|definition|idea|approach|method|analysis|property)\s*$/i.test(label)
  )
    return 0;
  return /\b(?:answer|result|final)\b/i.test(label) ? 50 : /\btotal\b/i.test(label) ? 30 : 15;
}

/**
 * Places in a part's response that may hold its final answer, best first. Each formula scores
 * by its strongest reason — boxed (100), right after "Answer:" (50), a "Total ..." line (30),
 * after "Therefore" / "Thus" (20), after a result label such as "Receptive field:" (15), a
 * display formula (10) — plus up to 10 for coming later. Then a Markdown table and the last line.
 */
/**
 * The range of a formula's free indices written after it (`dw_{h,l} = ..., h, l = 1..k`, `..., \quad h,l = 1,\dots,k`,
 * `... for 1 \le h, l \le k`, `..., h, l ∈ {1, …, k}`): where the formula holds, not part of its value. Only a
 * range (`..`, dots, `∈`, `≤ ... ≤`) of one to three single letters: `x = 1, y = 2` lists values.
 */
const RANGE = String.raw`(?:all\s+|\\forall\s*|∀\s*)?\(?\s*(?:[a-z](?:\s*,\s*[a-z]){0,2}\s*(?:=\s*\d\s*(?:\.\.|,\s*(?:\\l?dots|…|\.\.\.)\s*,|…|\\l?dots)\s*[\w{}]+|(?:\\in|∈)\s*\\?\{[^{}]*\\?\})|\d\s*(?:\\le|≤|<=)\s*[a-z](?:\s*,\s*[a-z]){0,2}\s*(?:\\le|≤|<=)\s*[\w{}]+)\s*\)?\s*[,.;]?\s*$`;
const INDEX_RANGE = new RegExp(String.raw`(?:,|;|\\q?quad|\\text\{\s*for\s*\}|\s(?:for|where)\b|\s{2,})\s*${RANGE}`);
/** A piece of a formula that is only such a range (`h, l \in \{1, \dots, k\}` after a `\quad`). */
const RANGE_ALONE = new RegExp(String.raw`^\s*(?:for\s+)?${RANGE}`);

/** What every range holds (a run of dots, `∈`, `≤`): the cheap test before the patterns, as every candidate comes through. */
const MAY_BE_RANGE = /\.\.|…|dots|\\in\b|∈|≤|\\le\b|<=/;

/** A candidate without the range of its free indices after it (INDEX_RANGE); as it is without one. */
export function withoutIndexRange(candidate: string): string {
  if (!MAY_BE_RANGE.test(candidate)) return candidate;
  const m = INDEX_RANGE.exec(candidate);
  return m && m.index > 0 && candidate.slice(0, m.index).includes('=') ? candidate.slice(0, m.index).replace(/[\s,;]+$/, '') : candidate;
}

/**
 * A definition set after a formula, apart from it by a wide gap (a column of its own, with a comma or
 * not) or by "where", of a name its value uses (`dw_{h,l} = Σ_{i=1}^{m} ...,   m = n − k + 1`,
 * `dw = Σ dy·x        m = n - k + 1`): what a symbol stands for, none of the formula's value.
 * (`y = 2x, x = 3`, a narrow comma, lists two values.)
 */
const SIDE_DEFINITION = /(?:,[ \t]{2,}|[ \t]{3,}|\t|,?[ \t]+where[ \t]+)([A-Za-z])[ \t]*=(?!=)[^=,;]{1,40}$/;

/** A candidate without a definition after it of a name it uses (SIDE_DEFINITION); as it is without one. */
export function withoutSideDefinition(candidate: string): string {
  const m = SIDE_DEFINITION.exec(candidate);
  if (!m) return candidate;
  const head = candidate.slice(0, m.index);
  const value = head.slice(head.indexOf('=') + 1);
  if (!head.includes('=') || !new RegExp(`(?<![A-Za-z\\\\])${m[1]}(?![A-Za-z])`).test(value)) return candidate;
  return head.trimEnd();
}

/**
 * The words right after a formula up to a colon that introduces the next (`$K-1$ pixels :`): a few, with no stop,
 * no list's comma, no `and` of a second statement and no condition (`for strides:`), which would make the next formula another case.
 */
const COLON_AFTER_COUNT =
  /^(?![^:\n]*(?:^|[ \t])(?:and|or|et|ou|und|oder|y|o|e|и|или)(?=[ \t]|$))(?![ \t]*(?:for|with|when|if|where|pour|avec|quand|si|für|mit|wenn|para|con|cuando|per|при|для|с)(?=[ \t]))[ \t]*[\p{L}][\p{L}'’-]*(?:[ \t]+[\p{L}'’-]+){0,3}[ \t]*:[ \t]*(?:\*\*)?[ \t]*[$\\(]*$/u;

export function answerCandidates(written: string): Candidate[] {
  // A note pointing back at a formula (`← my answer for (c)`) is blanked, keeping offsets: none of the formula.
  const pointers = written.includes('<') || written.includes('←') || written.includes('⟵') || written.includes('⇐') ? [...written.matchAll(POINTED_ANSWER)] : [];
  const response = pointers.length ? written.replace(POINTED_ANSWER, (note) => ' '.repeat(note.length)) : written;
  const scored = new Map<string, Candidate & { score: number; at: number }>();
  const push = (text: string, how: Candidate['how'], score: number, at: number, final = false) => {
    const ranged = withoutIndexRange(text.trim());
    // (Checked only where two `=` are: most candidates state one value or none.)
    const t = ranged.indexOf('=') !== ranged.lastIndexOf('=') ? withoutSideDefinition(ranged) : ranged;
    if (!t || (MAY_BE_RANGE.test(t) && RANGE_ALONE.test(t))) return;
    const existing = scored.get(t);
    if (existing) {
      existing.score = Math.max(existing.score, score);
      existing.at = Math.max(existing.at, at);
      if (final) existing.final = true;
    } else scored.set(t, { text: t, how, score, at, ...(final ? { final } : {}) });
  };
  const lineAfter = (from: number) => {
    const end = response.indexOf('\n', from);
    return response.slice(from, end < 0 ? undefined : end);
  };
  // Each box is looked for after the one before it: `\boxed{32}` after `\boxed{320}` is not inside it.
  let from = 0;
  boxedContents(response).forEach((b, i, list) => {
    const found = response.indexOf(b, from);
    const at = found < 0 ? from : found;
    from = at + b.length;
    push(b, 'boxed', 100 + (10 * (i + 1)) / list.length, at, true);
  });
  // A reply with no LaTeX at all states its formulas in plain text.
  const latex = formulas(response);
  const all: { text: string; display: boolean; index: number; bold?: boolean; label?: string; said?: boolean }[] = [
    ...(latex.length || /[$\\]/.test(response) ? latex : plainFormulas(withoutCodeBlocks(response))),
    ...codeFormulas(response),
    ...codeAssignments(response),
  ].sort((a, b) => a.index - b.index);
  // In a reply typed as plain text, a formula in bold is the one it states as its result; code a sentence says the quantity is, a result.
  // (A loop, not a flatMap: two arrays made for every formula of every response only to be dropped.)
  const reason = new Map<number, number>();
  all.forEach((f, i) => {
    if (f.bold) reason.set(i, 40);
    else if (f.said) reason.set(i, 15);
  });
  // Formulas stated as the answer ("Answer:", "Final answer:", "Result:"), not merely concluded ("Thus", "Solution:").
  const finals = new Set<number>();
  const mark = (index: number, score: number, final = false) => {
    // The first formula at or after the marker (binary search: formulas are in order).
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.index >= index) hi = mid;
      else lo = mid + 1;
    }
    // "so after $L$ layers it is $1 + L(K-1)$": the formula the sentence says the quantity is, not the one it is about.
    while (all[lo + 1] && /^[^.!?\n]{0,60}\b(?:is|are|equals|becomes|gives)\s*:?\s*$/.test(response.slice(all[lo]!.index + all[lo]!.text.length + 1, all[lo + 1]!.index).replace(/[$\\)\]]/g, ' ')))
      lo++;
    // "so $\|\Delta W\|_2 = \alpha$ and $$\alpha = \sqrt{d_{in}}$$": a conclusion that ends on a bare name the next formula gives the value of.
    // (Formulas of the working may come between: "so ‖ΔW‖₂ = α. To satisfy ‖ΔW‖₂ ≤ √d_out you need α = ...".)
    const named = /=\s*(\\?[A-Za-z]+|[\u03b1-\u03c9])\s*$/.exec(all[lo]?.text ?? '')?.[1];
    const gives = (j: number) => all[j]!.text.startsWith(named!) && /^\s*=/.test(all[j]!.text.slice(named!.length)) && all[j]!.index - all[lo]!.index < 200;
    for (let j = lo + 1; named && j <= lo + 3 && all[j]; j++)
      if (gives(j)) {
        lo = j;
        break;
      }
    // "so only the remaining $L-1$ layers each add $K-1$:" then a display: the sentence's inline formulas
    // are what it counts with, the display its colon introduces is the conclusion.
    for (let j = lo + 1; all[lo] && !all[lo]!.display && all[j] && all[j]!.index - index <= 300; j++) {
      const lead = response.slice(index, all[j]!.index);
      // A new paragraph before the colon ("Answer: $c = ...$", then "For comparison, Glorot's:") is a sentence of its own.
      if (/[.!?]\s/.test(lead) || /\n\s*\n/.test(lead.replace(/:\s*(?:\*\*)?\s*$/, ''))) break;
      if (all[j]!.display && /:\s*(?:\*\*)?\s*$/.test(lead)) {
        lo = j;
        break;
      }
      // (`Each layer adds $K-1$ pixels: $1+L(K-1)$`, French's `… $K-1$ pixels : $1+L(K-1)$`: a colon after the
      // few words a formula counts introduces the value the sentence concludes with, inline too.)
      const counted = all[lo]!;
      if (j === lo + 1 && COLON_AFTER_COUNT.test(response.slice(response.indexOf(counted.text, counted.index) + counted.text.length, all[j]!.index).replace(/^[$\\)\]]+/, ''))) {
        lo = j;
        break;
      }
    }
    const f = all[lo];
    if (!f || f.index - index > 200) return;
    // Only a formula in the marker's own sentence: "Thus 3*(11*11+1) = 366. Next, $1 \times 1$" marks nothing.
    const between = response.slice(index, f.index);
    // "Thus the output shape is:" then the formula on its own after a blank line: still its formula.
    const introduces = /:\s*(?:\*\*)?\s*$/.test(between);
    if (/[.!?]\s/.test(between) || (!introduces && /\n\s*\n/.test(between))) return;
    reason.set(lo, Math.max(reason.get(lo) ?? 0, score));
    if (final) finals.add(lo);
  };
  const reports = REPORTING_WORD.test(response);
  for (const m of allMatches(CONCLUSION, response)) {
    if (reports && reportedBefore(response, m.index!)) continue;
    const strong = STATES_ANSWER.test(m[0]) || /sol/i.test(m[0]);
    // "The result is $d_{out} \times d_{out}$" in a step of the working says what a step produced, as
    // strongly as "Answer:" says what the reply concludes, but not that it is the reply's final answer.
    const states = STATES_ANSWER.test(m[0]) && !DESCRIBES_RESULT.test(m[0]);
    mark(m.index! + m[0].length - 1, strong ? 50 : 20, states);
    // `SOL: (8,30,30)`: an answer in plain text on the marker's own line.
    const rest = lineAfter(m.index! + m[0].length)
      // Bold marks, not a power between two operands (`c*d_in*d_out**2` as SymPy prints it).
      .replace(/(?<![\w)])\*\*|\*\*(?![\w(])|TO BE GRADED:?|#+/gi, '')
      .trim();
    if (strong && rest && !rest.includes('$') && rest.length < 80 && /[\d(\\]/.test(rest)) {
      push(rest.replace(/[.]\s*$/, ''), 'marker', 55, m.index!, states);
      // `Answer: c = 1/sqrt(d_in), which recovers Xavier`: the formula the line opens on, before its words about it, is what it states.
      const first = plainFormulas(rest)[0];
      const start = first ? rest.indexOf(first.text) : -1;
      const end = start + (first?.text.length ?? 0);
      if (start >= 0 && start < 12 && WORDS_AFTER.test(rest.slice(end))) push(rest.slice(0, end), 'marker', 55.5, m.index!, states);
    }
  }
  // Each pattern below scans the whole reply; a word it cannot match without says when to skip it.
  const lower = response.toLowerCase();
  if (lower.includes('total')) for (const m of response.matchAll(/(?:^|\n)\s*(?:[-*]\s+)?(?:\*\*)?total\b[^$\n]{0,60}(?=\$)/gi)) mark(m.index! + m[0].length, 30);
  if (lower.includes('final')) for (const m of response.matchAll(FINAL_SENTENCE)) mark(m.index! + m[0].length, 50, true);
  // Every way to say it has "ll" and one of its verbs' words (the pattern ignoring case scanned each reply
  // from every letter i: about 2% of grading, for replies that almost never commit).
  if (lower.includes('ll') && (lower.includes('commit') || lower.includes('with') || lower.includes('settle'))) for (const m of response.matchAll(COMMITS)) mark(m.index! + m[0].length - 1, 50, true);
  if (response.includes(':'))
    for (const lines of latex.length ? [RESULT_LINE] : [RESULT_LINE, PLAIN_RESULT_LINE])
      for (const m of allMatches(lines, response)) {
        const score = resultLabel(m[1]!.trim());
        if (score) mark(m.index! + m[0].length, score, score === 50);
      }
  // `**Each iteration now costs $2c\,d_{out}\,d_{in}^2$.**`: a statement set in bold that ends on its formula,
  // as a TA reads the line a writer made stand out among the working (plain-text replies' bold is read above).
  if (latex.length && response.includes('**'))
    for (const m of response.matchAll(BOLD_STATEMENT)) {
      const end = m.index! + m[0].length;
      const i = all.findLastIndex((f) => f.index > m.index! && f.index < end);
      if (i >= 0 && all[i]!.text === m[2]!.trim()) reason.set(i, Math.max(reason.get(i) ?? 0, 40));
    }
  // The formula a pointing note stands after, on its line, is stated as the answer.
  for (const p of pointers) {
    const lineStart = response.lastIndexOf('\n', p.index!) + 1;
    const i = all.findLastIndex((f) => f.index >= lineStart && f.index < p.index!);
    if (i >= 0) {
      reason.set(i, Math.max(reason.get(i) ?? 0, 50));
      finals.add(i);
    }
  }
  // `Updated runtime = 2c·d_out·d_in²` in a plain-text reply: the label before the formula's `=`.
  all.forEach((f, i) => {
    const score = 'label' in f && f.label ? resultLabel(f.label) : 0;
    if (score) reason.set(i, Math.max(reason.get(i) ?? 0, score));
  });
  const at = (offset: number) => (10 * (offset + 1)) / Math.max(1, response.length);
  const printed = printedArrays(response);
  // A printed array's rows (`[-40., -40., -40.]]]])`) are pieces of it, not answers of their own.
  // So is the line that states one (`**y = [−40 −40; −40 −40]**`, read as text, subtracts): the array
  // is read in its place, as strongly as the line was marked (bold, after "Answer:").
  const printedMarks = new Map<number, { score: number; final: boolean }>();
  // Only a line that ends with its array states it: after `y = [1, 3, 5, 3], so the entries sum to
  // **12**` the line goes on to another answer, and its candidates are its own.
  const endsWithArray = (a: (typeof printed)[number]) => {
    const end = a.index + a.length;
    const lineEnd = response.indexOf('\n', end);
    return /^[\s*_.,;:)]*$/.test(response.slice(end, lineEnd < 0 ? undefined : lineEnd));
  };
  const inPrinted = (index: number) => printed.findIndex((a) => (index > a.index || (index >= a.start && endsWithArray(a))) && index < a.index + a.length);
  all.forEach((f, i) => {
    const within = inPrinted(f.index);
    if (within >= 0) {
      const had = printedMarks.get(within);
      printedMarks.set(within, { score: Math.max(had?.score ?? 0, reason.get(i) ?? 0), final: !!had?.final || finals.has(i) });
      return;
    }
    // "$T = 2c\,n_{out} n_{in}^2$ — cheaper by $n_{out}/n_{in}$": the factor a line compares the
    // formula before it by comments on that answer (alone, "faster by a factor of $k$" may be one).
    const lineStart = response.lastIndexOf('\n', f.index) + 1;
    let before = response.slice(lineStart, f.index);
    // (`... runtime $2c\,d_{out}\,d_{in}^2$` / `per iteration, i.e. a speed-up of $d_{out}/d_{in}$`: a
    // paragraph wrapped by hand, whose line goes on in lower case, compares by the formula of the line above.)
    if (!before.includes('$') && lineStart > 1 && /^[a-z]/.test(before) && response[lineStart - 2] !== '\n')
      before = `${response.slice(response.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1)} ${before}`;
    // The formula's text begins within its opening delimiter (`$`, `\\(`, `$$`, a code span's `` ` ``).
    const near = response.slice(f.index, f.index + f.text.length + 8).indexOf(f.text);
    const start = near < 0 ? -1 : f.index + near;
    // A few words after it suffice; a bounded slice keeps a long one-line reply linear.
    const after =
      start < 0
        ? ''
        : response
            .slice(start + f.text.length, start + f.text.length + 40)
            .split('\n')[0]!
            .replace(/^[\s$\\)\]]*/, '');
    const compares =
      ((before.includes('$') || before.includes('\\)')) && (COMPARED_BY.test(before) || COMPARED_BY_FR.test(before))) ||
      (before.includes('加') && COMPARED_BY_ZH.test(before)) ||
      COMPARES_AFTER.test(after) ||
      // (A reply in plain text names the comparison in words before the formula, or writes it as the ratio of its answers.)
      (!latex.length && (PLAIN_COMPARED_BY.test(labelOf(before, f.text)) || ratioOfStated(f.text, response, f.index)));
    // (`My partner thinks it is $\sqrt{d_{out} d_{in}}$`: a formula reported as someone else's answer is no conclusion of the writer's.)
    const position = at(f.index) - (compares || (reports && reportedBefore(response, f.index)) ? 20 : 0);
    // `$$\text{Answer: } \alpha = \sqrt{d_{out}}$$`: the marker written inside the formula.
    const inside = ANSWER_IN_FORMULA.exec(f.text);
    const marked = inside ? 50 : (reason.get(i) ?? 0);
    const score = Math.max(marked, f.display ? 10 : 0) + position;
    const how: Candidate['how'] = marked ? 'marker' : f.display ? 'display' : 'inline';
    // `\text{output} : (\lfloor ... \rfloor + 1) \times ...`: a label and a colon inside the formula state
    // the value as `=` does (read as it stands, the colon would divide).
    const labelled = inside ? undefined : LABEL_IN_FORMULA.exec(f.text);
    const text = inside ? f.text.slice(inside[0].length) : labelled ? `${labelled[1]} = ${f.text.slice(labelled[0].length)}` : f.text;
    push(text, how, score, f.index, finals.has(i) || !!inside);
    pieces(text).forEach((p) => push(p, how, score - 0.5, f.index, finals.has(i) || !!inside));
  });
  // Plain formulas beside LaTeX are read after every LaTeX formula, save one a result's label names
  // (`Total 2c·d_out·d_in²`): the LaTeX is what the reply set as its mathematics, and the markers
  // above were never meant for its words' own formulas.
  if (latex.length || /[$\\]/.test(response))
    for (const f of plainFormulasBesideLatex(response)) {
      if (inPrinted(f.index) >= 0) continue;
      const labelled = f.label ? resultLabel(f.label) : 0;
      push(f.text, labelled ? 'marker' : f.display ? 'display' : 'inline', (labelled || -20) + at(f.index), f.index);
    }
  // A conclusion in prose: "The output shape is (64, 56, 56).", "the total is 366+256=622".
  const prose = response.replace(MATH, ' ');
  // Every sentence it reads ends on a digit.
  const sentences = !/\d/.test(prose)
    ? []
    : [...prose.matchAll(/\b(?:is|are|equals|gives)\s+(?:approximately\s+|about\s+)?([-(\d][-\d.,\s()×x*+/=]*\d\)?(?:\s*[kKMG](?:\s*FLOPs?)?)?)\s*(?:[.;]|$)/gm)];
  sentences.forEach((m) => push(m[1]!.trim(), 'marker', 20 + at(m.index!), m.index!));
  // "all nine entries of the $3\times3$ output are $-40$": a constant matrix said in words.
  if (lower.includes('entr') || lower.includes('element') || lower.includes('component'))
    for (const m of response.matchAll(CONSTANT_MATRIX)) {
      const stated = MATRIX_SIZE.exec(m[0]);
      const side = SQUARE_COUNTS[SQUARE_COUNT.exec(m[0])?.[1]?.toLowerCase() ?? ''];
      const size = stated ? [Number(stated[1]), Number(stated[2])] : side ? [side, side] : undefined;
      if (!size) continue;
      const value = m[1]!.replace('−', '-');
      const rows = Array.from({ length: size[0]! }, () => Array.from({ length: size[1]! }, () => value).join(' & '));
      push(`\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`, 'marker', 45 + at(m.index!), m.index!);
    }
  // What a program printed (`[[-40 -40 -40] ...]` after a code block) is stated as a display formula is.
  printed.forEach((a, k) => {
    const marked = printedMarks.get(k);
    const score = Math.max(10, marked?.score ?? 0) + at(a.index);
    push(a.text, marked?.score ? 'marker' : 'display', score, a.index, !!marked?.final);
    // `g3 = [0, 0.8, 0]`: a vector under its name too, a statement of that answer where a part has several.
    if (a.name && a.text.startsWith('(')) push(`${a.name} = ${a.text}`, marked?.score ? 'marker' : 'display', score - 0.5, a.index, !!marked?.final);
  });
  const table = response.includes('|') ? response.split('\n').filter((l) => l.trim().startsWith('|')) : [];
  if (table.length >= 2) push(table.join('\n'), 'table', 5, response.indexOf(table[0]!));
  const lines = response
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const lastLine = lines.length ? response.lastIndexOf(lines[lines.length - 1]!) : -1;
  // A printed array's last row (`[ 49,  72,  59]]`) is a piece of it, not a line of its own.
  if (lines.length && inPrinted(lastLine) < 0) push(lines[lines.length - 1]!.replace(/^[-*]\s+/, ''), 'line', -1, lastLine);
  if (!all.length) {
    // No formulas: a plain-text answer after a conclusion word.
    let end = -1;
    for (const m of response.matchAll(CONCLUSION)) end = m.index! + m[0].length;
    const tail =
      end >= 0
        ? lineAfter(end)
            .replace(/^[\s:]+/, '')
            .replace(/[.]\s*$/, '')
        : '';
    if (tail && tail.length < 120) push(tail, 'marker', 20, end);
  }
  // Built property by property, in the order the entries were made: an object rest (`{ score, ...c }`)
  // per candidate was V8's slow path, once for every candidate of every response.
  return [...scored.values()].sort((a, b) => b.score - a.score).map((c) => (c.final ? { text: c.text, how: c.how, at: c.at, final: true } : { text: c.text, how: c.how, at: c.at }));
}
