/**
 * Formulas said aloud, as a recording's transcript writes them: `sigma x squared`, `two to the minus
 * n`, `one over the square root of d in`, `n minus k, squared, times sigma g squared`. A small,
 * stated reading, applied only to a caption or transcript document (never to written text):
 *
 * - number words are numbers; Greek letters' names are the letters; `plus`, `minus`, `times`,
 *   `over`, `divided by`, `squared`, `cubed`, `to the (power of) X`, `the square root of X` (`root X`),
 *   `the sum over V (from A to B) of X`, `equals`;
 * - a letter or Greek letter followed by single letters (or `in` / `out`, or digits' words after a
 *   letter) is indexed by them: `w h l` is w_{h,l}, `sigma x` is σ_x, `x one one` is x_{1,1}; a `d`
 *   before a letter names that letter's gradient (`d w h l` is dw_{h,l});
 * - a pause (a comma) closes what was said before it: `n minus k, squared` is (n-k)^2.
 *
 * What has two readings is not guessed: a sum or difference said with a product, power, root or
 * quotient in it and no pause between (`w minus eta d w`, `n minus k squared`) is left as the words,
 * and when it is an equation's side the reader is told (`unread`), so its part goes to a person.
 */

import type { Key } from '../model/key.js';
import type { Attempt, Submission } from '../model/submission.js';

/** A formula said aloud that was left as the words: an equation's side with no single reading. */
export interface UnreadFormula {
  words: string;
  /** Where in the paragraph it was said (its offset). */
  at: number;
}

export interface SpokenMathText {
  text: string;
  unread: UnreadFormula[];
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'phi', 'chi', 'psi', 'omega']);
const FRACTIONS: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4 };
/** Words said only inside a formula: a span of words must hold one to be read as one. */
const OPERATORS = new Set(['plus', 'minus', 'times', 'over', 'divided', 'squared', 'cubed', 'power', 'root', 'sum', 'equals']);
/** Every word a formula said aloud is made of (besides letters, numbers and Greek names). */
const FORMULA_WORDS = new Set([...OPERATORS, 'by', 'to', 'the', 'of', 'square', 'from', 'equal', 'negative', 'and', 'in', 'out', ...Object.keys(FRACTIONS)]);
/** Words that make an equation of what follows them. */
const EQUATION_VERBS = new Set(['is', 'equals', 'becomes', 'gives', 'be']);

/** Words that follow `in` as a preposition (`in each direction`, `in general`): no index `in` before them. */
const PREPOSITION_OBJECT =
  /^(?:the|a|an|each|every|all|any|this|that|these|those|its|their|his|her|our|my|your|which|what|both|general|terms|total|order|particular|practice|fact|other|one|place|turn|case)$/;

/** The cheap test: a text with none of these words says no formula aloud. */
const SPOKEN_OPERATOR = /\b(?:plus|minus|times|over|divided by|squared|cubed|to the|root|sum over|equals)\b/i;

class Unreadable extends Error {}

function numberOf(word: string): number | undefined {
  const unit = UNITS.indexOf(word);
  if (unit >= 0) return unit;
  const ten = TENS.indexOf(word);
  return ten >= 2 ? ten * 10 : undefined;
}

const isLetter = (w: string | undefined) => w !== undefined && /^[a-zA-Z]$/.test(w);
/** A letter said after a name is one of its indices when lower-case: a capital names a quantity of its own (`L K`). */
const isIndexLetter = (w: string | undefined) => w !== undefined && /^[a-z]$/.test(w);
const isNumberWord = (w: string | undefined) => w !== undefined && (numberOf(w) !== undefined || /^\d+$/.test(w));
const isGreek = (w: string | undefined) => w !== undefined && GREEK.has(w);
const isAtomWord = (w: string | undefined) => isLetter(w) || isNumberWord(w) || isGreek(w);

/** An expression read so far: its LaTeX, and whether a sum or difference is at its top. */
interface Expr {
  tex: string;
  additive: boolean;
}

const grouped = (e: Expr) => (e.additive ? `(${e.tex})` : e.tex);

/** Reads the words of one side of a formula; throws Unreadable when it has no single reading. */
class SideReader {
  private at = 0;
  constructor(private readonly words: string[]) {}

  private peek(k = 0): string | undefined {
    return this.words[this.at + k];
  }

  private take(word?: string): string {
    const w = this.words[this.at];
    if (w === undefined || (word !== undefined && w !== word)) throw new Unreadable();
    this.at++;
    return w;
  }

  private skip(word: string): boolean {
    if (this.peek() !== word) return false;
    this.at++;
    return true;
  }

  /** The whole side: chunks between pauses, each after the first continuing what was said before it. */
  side(): Expr {
    let e = this.chunk();
    while (this.skip(',')) {
      const w = this.peek();
      if (w === 'squared' || w === 'cubed' || (w === 'to' && this.peek(1) === 'the')) e = { tex: `${grouped(e)}${this.power()}`, additive: false };
      else if (w === 'times' || w === 'over' || w === 'divided') {
        const op = this.multiplier();
        const right = this.chunk();
        e = { tex: op === '/' ? `\\frac{${e.tex}}{${right.tex}}` : `${grouped(e)} ${grouped(right)}`, additive: false };
      } else if (w === 'plus' || w === 'minus') {
        this.at++;
        const right = this.chunk();
        e = { tex: `${e.tex} ${w === 'plus' ? '+' : '-'} ${grouped(right)}`, additive: true };
      } else throw new Unreadable();
    }
    if (this.at < this.words.length) throw new Unreadable();
    return e;
  }

  /**
   * Words up to the next pause: terms joined by plus and minus. Letters and numbers said one after
   * another bind as written (`two n plus one`); a term with times, over, a power or a root beside a
   * plus or minus has two readings.
   */
  private chunk(stops: readonly string[] = []): Expr {
    const terms: { sign: string; factors: string[]; compound: boolean }[] = [];
    let sign = '';
    for (;;) {
      const term = this.term(stops);
      terms.push({ sign, ...term });
      const w = this.peek();
      if (w !== 'plus' && w !== 'minus') break;
      this.at++;
      sign = w === 'plus' ? '+' : '-';
    }
    // `n minus k squared`, `w minus eta d w`: is the product the last term, or the whole? Said with no pause, both.
    if (terms.length > 1 && terms.some((t) => t.compound)) throw new Unreadable();
    if (terms.length === 1 && terms[0]!.sign === '' && terms[0]!.factors.length > 0) return { tex: terms[0]!.factors.join(' '), additive: false };
    return { tex: terms.map((t, i) => (i === 0 ? t.factors.join(' ') : `${t.sign} ${t.factors.join(' ')}`)).join(' '), additive: true };
  }

  private multiplier(): '*' | '/' {
    const w = this.take();
    if (w === 'times') return '*';
    if (w === 'over') return '/';
    this.take('by');
    return '/';
  }

  /** Factors said one after another or joined by times and over; `compound` when an operator was said in it. */
  private term(stops: readonly string[]): { factors: string[]; compound: boolean } {
    const factors: string[] = [];
    let compound = false;
    let tex = '';
    for (;;) {
      const f = this.factor();
      compound ||= f.compound;
      tex = tex ? `${tex} ${f.tex}` : f.tex;
      const w = this.peek();
      if (w === undefined || w === ',' || stops.includes(w) || w === 'plus' || w === 'minus') break;
      // `root of d in times d out`: the root of the product, or the root times d out? Said with no pause, both.
      if (f.tex.startsWith('\\sqrt')) throw new Unreadable();
      if (w === 'times' || w === 'over' || w === 'divided') {
        compound = true;
        const op = this.multiplier();
        const next = this.factor();
        compound ||= next.compound;
        tex = op === '/' ? `\\frac{${tex}}{${next.tex}}` : `${tex} ${next.tex}`;
        const after = this.peek();
        if (after === undefined || after === ',' || stops.includes(after) || after === 'plus' || after === 'minus') break;
        if (next.tex.startsWith('\\sqrt')) throw new Unreadable();
      }
      // Said one after another: a product (`sigma x sigma g`, `two n`), binding as tightly as when written.
    }
    factors.push(tex);
    return { factors, compound };
  }

  /** An atom and the powers said after it. */
  private factor(): { tex: string; compound: boolean } {
    const atom = this.atom();
    let tex = atom.tex;
    let compound = atom.compound;
    while (this.peek() === 'squared' || this.peek() === 'cubed' || (this.peek() === 'to' && this.peek(1) === 'the')) {
      tex = `${tex}${this.power()}`;
      compound = true;
    }
    return { tex, compound };
  }

  /** `squared`, `cubed`, `to the (power of) (minus) X`. */
  private power(): string {
    if (this.skip('squared')) return '^{2}';
    if (this.skip('cubed')) return '^{3}';
    this.take('to');
    this.take('the');
    if (this.skip('power')) this.take('of');
    const negative = this.skip('minus') || this.skip('negative');
    const exponent = this.atom();
    return `^{${negative ? '-' : ''}${exponent.tex}}`;
  }

  private atom(): { tex: string; compound: boolean } {
    this.skip('the');
    const w = this.peek();
    // (`root d out`, `root of n`: said for short, as people say it, `of` or not.)
    if ((w === 'square' && this.peek(1) === 'root') || w === 'root') {
      this.at += w === 'root' ? 1 : 2;
      if (!this.skip('of') && w === 'square') throw new Unreadable();
      const inner = this.factor();
      return { tex: `\\sqrt{${inner.tex}}`, compound: true };
    }
    if (w === 'sum') return this.sum();
    if (w === 'minus' || w === 'negative') {
      this.at++;
      const inner = this.factor();
      return { tex: `-${inner.tex}`, compound: true };
    }
    if (isNumberWord(w)) return this.number();
    if (isLetter(w) || isGreek(w)) return { tex: this.name(), compound: false };
    throw new Unreadable();
  }

  /** A number, or a fraction said as one (`one quarter`, `three halves`). */
  private number(): { tex: string; compound: boolean } {
    let w = this.take();
    let n = /^\d+$/.test(w) ? Number(w) : numberOf(w)!;
    if (n >= 20 && n % 10 === 0 && numberOf(this.peek() ?? '') !== undefined && numberOf(this.peek()!)! < 10) n += numberOf(this.take())!;
    w = this.peek() ?? '';
    if (w in FRACTIONS) {
      this.at++;
      return { tex: `\\frac{${n}}{${FRACTIONS[w]}}`, compound: false };
    }
    return { tex: String(n), compound: false };
  }

  /** A letter or Greek letter with the indices said after it; `d` before a letter names a gradient. */
  private name(): string {
    let base = this.take();
    if (base === 'd' && isLetter(this.peek())) base = `d${this.take()}`;
    else if (isGreek(base)) base = `\\${base}`;
    const indices: string[] = [];
    for (;;) {
      const w = this.peek();
      // A `d` before a letter starts the next name (`eta d w`); a Greek name is a factor of its own.
      if (w === 'd' && isLetter(this.peek(1))) break;
      // (So does a letter with its own `in` / `out`: `c d out` is c times d_out.)
      if (isLetter(w) && (this.peek(1) === 'in' || this.peek(1) === 'out')) break;
      if (isIndexLetter(w) || w === 'in' || w === 'out') indices.push(this.take());
      else if (!base.startsWith('\\') && isNumberWord(w) && !(this.peek(1) ?? '').match(/^(?:half|halves|third|thirds|quarter|quarters|fourth|fourths)$/)) {
        const n = /^\d+$/.test(w!) ? Number(w) : numberOf(w!)!;
        if (n > 9) break;
        this.at++;
        indices.push(String(n));
      } else break;
    }
    if (!indices.length) return base;
    return `${base}_{${indices.join(',')}}`;
  }

  /** `the sum over V (from A to B) (, and the sum over W ...) of X`: X is everything said after `of`. */
  private sum(): { tex: string; compound: boolean } {
    const heads: string[] = [];
    for (;;) {
      this.take('sum');
      this.take('over');
      const variables = [this.take()];
      if (!isLetter(variables[0])) throw new Unreadable();
      while (this.peek() === 'and' && isLetter(this.peek(1))) {
        this.at++;
        variables.push(this.take());
      }
      if (this.skip('from')) {
        const low = this.chunk(['to']);
        this.take('to');
        const high = this.chunk(['of', 'and']);
        heads.push(`\\sum_{${variables.join(',')}=${low.tex}}^{${high.tex}}`);
      } else heads.push(`\\sum_{${variables.join(',')}}`);
      this.skip(',');
      if (this.peek() === 'and' && (this.peek(1) === 'sum' || (this.peek(1) === 'the' && this.peek(2) === 'sum'))) {
        this.at++;
        this.skip('the');
        continue;
      }
      break;
    }
    this.skip(',');
    this.take('of');
    const body = this.side();
    return { tex: `${heads.join(' ')} ${body.tex}`, compound: true };
  }
}

/** Reads a formula's words (an equation's sides split at `equals`); undefined when it has no single reading. */
export function readSpokenFormula(words: string[]): string | undefined {
  const sides: string[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'equals') sides.push([]);
    else if (w === 'is' && words[i + 1] === 'equal' && words[i + 2] === 'to') {
      sides.push([]);
      i += 2;
    } else sides[sides.length - 1]!.push(w);
  }
  try {
    return sides.map((s) => new SideReader(s.filter((w, i) => !(w === ',' && (i === 0 || i === s.length - 1)))).side().tex).join(' = ');
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}

/** A word of a formula: an atom's word or one of the words formulas are said with. */
const isFormulaWord = (w: string) => isAtomWord(w) || FORMULA_WORDS.has(w);

/**
 * A paragraph of speech with each formula said in it written as LaTeX (`$...$`) where it has one
 * reading; formulas with two readings stay as said, and those that are an equation's side are
 * returned as `unread`.
 */
export function spokenMathAsLatex(paragraph: string): SpokenMathText {
  if (!SPOKEN_OPERATOR.test(paragraph)) return { text: paragraph, unread: [] };
  const unread: UnreadFormula[] = [];
  // Words and pauses with where they stand; a sentence's end ends any formula.
  const tokens = [...paragraph.matchAll(/[A-Za-z]+|\d+|,|[.;:?!()]/g)].map((m) => ({ word: m[0].length === 1 ? m[0] : m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const pieces: string[] = [];
  let done = 0;
  let i = 0;
  while (i < tokens.length) {
    if (!isFormulaWord(tokens[i]!.word) || tokens[i]!.word === ',' || tokens[i]!.word === 'and') {
      i++;
      continue;
    }
    let j = i + 1;
    // (`is` joins a formula only as `is equal to`; `and` only between a sum's variables or sums: else they join sentences.)
    const continues = (k: number) => {
      const w = tokens[k]!.word;
      if (w === 'is') return tokens[k + 1]?.word === 'equal';
      // (`d in` is an index; `n minus k in each direction`, `linear in n` are English.)
      // (`d in d out`: the next name has an index of its own.)
      if (w === 'in' || w === 'out')
        return (!PREPOSITION_OBJECT.test(tokens[k + 1]?.word ?? '') && !isAtomWord(tokens[k + 1]?.word)) || (isLetter(tokens[k + 1]?.word) && /^(?:in|out)$/.test(tokens[k + 2]?.word ?? ''));
      if (w === 'by') return tokens[k - 1]?.word === 'divided';
      if (w === 'and') return tokens.slice(i, k).some((t) => t.word === 'sum');
      return isFormulaWord(w) || w === ',';
    };
    while (j < tokens.length && continues(j)) j++;
    const span = trimSpan(tokens, i, j);
    i = j;
    if (!span) continue;
    const words = tokens.slice(span.from, span.to).map((t) => t.word);
    const before = tokens[span.from - 1]?.word;
    // (`the mean is zero.`: a number said alone as what something is, the clause ending with it.)
    const stated = words.length === 1 && isNumberWord(words[0]) && before !== undefined && EQUATION_VERBS.has(before) && /^[.,;!?]?$/.test(tokens[span.to]?.word ?? '');
    if (!stated && (!words.some((w) => OPERATORS.has(w)) || !words.some(isAtomWord))) continue;
    let tex = readSpokenFormula(words);
    // (`K squared C F, one K by K filter for each`: a formula may end at a pause, where nothing said after it is an operator.)
    for (let cut = words.lastIndexOf(','); tex === undefined && cut > 0; cut = words.lastIndexOf(',', cut - 1)) {
      if (words.slice(cut).some((w) => OPERATORS.has(w))) break;
      tex = readSpokenFormula(words.slice(0, cut));
      if (tex !== undefined) span.to = span.from + cut;
    }
    const from = tokens[span.from]!.start;
    const to = tokens[span.to - 1]!.end;
    // (`d y of the block it belongs to`: a formula that runs on into English is the English's.)
    if (tex === undefined || tokens[span.to]?.word === 'of') {
      // (Quoted to its sentence's end, so a person reads what was said, not a fragment.)
      if (words.includes('equals') || (before !== undefined && EQUATION_VERBS.has(before)))
        unread.push({
          at: from,
          words: paragraph
            .slice(from)
            .split(/[.?!](?:\s|$)/)[0]!
            .slice(0, 200),
        });
      continue;
    }
    pieces.push(paragraph.slice(done, from), `$${tex}$`);
    done = to;
  }
  pieces.push(paragraph.slice(done));
  return { text: pieces.join(''), unread };
}

/** A span of formula words trimmed to where a formula can start and end: no leading English (`the`, `is`), no trailing `of`. */
function trimSpan(tokens: { word: string }[], from: number, to: number): { from: number; to: number } | undefined {
  const leading = new Set([',', 'the', 'is', 'to', 'of', 'by', 'and', 'from', 'in', 'out', 'be', 'equal']);
  // (`a` and `i` start sentences as words: a formula starting with one needs an operator next.)
  const english = (k: number) =>
    (leading.has(tokens[k]!.word) && !(tokens[k]!.word === 'the' && ['sum', 'square'].includes(tokens[k + 1]?.word ?? ''))) ||
    (/^[aiAI]$/.test(tokens[k]!.word) && !OPERATORS.has(tokens[k + 1]?.word ?? ''));
  while (from < to && english(from)) from++;
  const trailing = new Set([',', 'the', 'is', 'to', 'of', 'by', 'and', 'from', 'be', 'equal', 'a', 'over', 'times', 'plus', 'minus', 'divided']);
  while (to > from && trailing.has(tokens[to - 1]!.word)) to--;
  return to > from ? { from, to } : undefined;
}

/** A one-letter name in LaTeX: not part of a command or a word (`\alpha`, `out`), perhaps with a subscript after it. */
const LONE_LETTER = /(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])/g;

/** The one-letter names of some LaTeX formulas (`2 c\, d_{out}^2 d_{in}`: c and d), commands' names and words left out. */
export function letterNamesOf(formulas: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of formulas) for (const m of f.replace(/\\[A-Za-z]+/g, ' ').matchAll(LONE_LETTER)) out.add(m[0]);
  return out;
}

/**
 * A spoken text's formulas with each letter in the case the expected answer writes it. Speech has
 * no letter case: a transcriber writes a letter said aloud as a capital (`two C D out squared D in`)
 * or not, as it pleases, so a letter whose one case the answer uses, and not the other, is that one.
 * Only inside `$...$`, where `spokenMathAsLatex` wrote the formulas said.
 */
export function withLetterCaseOf(text: string, expected: ReadonlySet<string>): string {
  if (!expected.size || !text.includes('$')) return text;
  const cased = (letter: string) => {
    const other = letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase();
    return !expected.has(letter) && expected.has(other) ? other : letter;
  };
  return text.replace(/\$([^$]+)\$/g, (_, tex: string) => `$${tex.replace(LONE_LETTER, cased)}$`);
}

/** The `value`s of a key part's answers (nested ones too): the formulas its letters are read from. */
function answerValuesOf(spec: unknown, out: string[] = []): string[] {
  if (Array.isArray(spec)) for (const s of spec) answerValuesOf(s, out);
  else if (spec && typeof spec === 'object')
    for (const [field, v] of Object.entries(spec)) {
      if (field === 'value' && typeof v === 'string') out.push(v);
      else if (field !== 'rubric' && typeof v === 'object') answerValuesOf(v, out);
    }
  return out;
}

/** A transcript's responses with the letters said aloud in the case their part's answers write them (speech has none). */
export function withSpokenLetterCase(s: Submission, key: Key): Submission {
  const byPart = new Map(key.parts.map((p) => [p.id, p]));
  return {
    ...s,
    responses: s.responses.map((r) => {
      const part = byPart.get(r.partId);
      if (!part) return r;
      const letters = letterNamesOf(answerValuesOf([part.answers, part.accept, part.partial, part.conventions]));
      const cased = (a: Attempt): Attempt => ({ ...a, text: withLetterCaseOf(a.text, letters) });
      return { ...r, first: cased(r.first), final: cased(r.final), attempts: r.attempts.map(cased) };
    }),
  };
}
