import type { AnswerSpec } from '../../model/answer-spec.js';
import { correct, incorrect, undecided, type TypeVerdict } from '../context.js';
import { letterAt, positionIn } from '../position-words.js';
import { optionWordsInEnglish } from '../option-words.js';

/** Lower case, LaTeX text wrappers and punctuation removed, spaces folded. */
export function normalizeWords(s: string): string {
  return s
    .replace(/\\(?:text|textbf|textit|mathrm|mathbf|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/[$\\{}()[\]*_`"'.,;:!?]/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `O(n)`, `\Theta(n^2)` as a formula reads, spaces, delimiters and sizing left out: `o(n)`, `\theta(n^2)`. */
function formulaForm(s: string): string {
  return (
    s
      // `std $\in \mathcal{O}(n)$`: a relation before the growth is no letter of its name.
      .replace(/\\(?:in|sim|approx|le|leq|ge|geq)(?![a-zA-Z])/g, '=')
      .replace(/\\(?:left|right|big|Big|mathcal|mathrm|operatorname)\b|[$\s{}]|\\[,;!]/g, '')
      .replace(/\\/g, '')
      .toLowerCase()
  );
}

/** `O(n)`, `\Theta(n)`: an order of growth, and the function it is of. */
const ORDER = /^\s*(?:O|\\Theta|Θ)\s*\((.+)\)\s*$/;

/**
 * `std \propto n`, `∝ n`, "proportional to n": a growth said as a proportion names the order of the
 * same function, whole (`\propto n^2` names another).
 */
function proportionalTo(order: string, raw: string, text: string): boolean {
  const f = ORDER.exec(order)?.[1];
  if (!f || !/propto|∝|proportional/.test(raw)) return false;
  const inner = formulaForm(f);
  const t = formulaForm(raw);
  for (const said of ['propto', '∝']) {
    for (let i = t.indexOf(said + inner); i >= 0; i = t.indexOf(said + inner, i + 1)) if (!/[a-z0-9^_\\(]/.test(t[i + said.length + inner.length] ?? '')) return true;
  }
  const words = normalizeWords(f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`proportional(?:ly)? to ${words}($|[^a-z0-9^])`).test(text);
}

/** An option of words as a pattern whose words may be inflected as a sentence needs ("blow up" in "it blows up", "grow" in "growing"). */
function inflectedPattern(words: string): string {
  return words
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (/^[a-z]{3,}$/.test(w) ? '(?:s|es|ed|d|ing)?' : ''))
    .join(' ');
}

/**
 * Where a line names an option in a form the option's own spelling does not find: its words
 * inflected ("blows up" for "blow up"), an order of growth said as a proportion (`\propto n` for
 * `O(n)`). -1 when it does not.
 */
export function inflectedMention(line: string, option: string): number {
  if (/[(^]/.test(option)) {
    if (!proportionalTo(option, line, normalizeWords(line))) return -1;
    return line.search(/propto|∝|proportional/);
  }
  const re = inflectedRegex(option);
  const m = re?.exec(line.toLowerCase());
  return m ? m.index + m[1]!.length : -1;
}

/** Each option's inflected pattern, compiled once: a key's options recur in every response graded. */
const INFLECTED = new Map<string, RegExp | undefined>();

function inflectedRegex(option: string): RegExp | undefined {
  if (!INFLECTED.has(option)) {
    // A server grading many keys keeps a bounded cache.
    if (INFLECTED.size > 4096) INFLECTED.clear();
    const o = normalizeWords(option);
    INFLECTED.set(option, o ? new RegExp(`(^|[^a-z0-9])${inflectedPattern(o)}($|[^a-z0-9])`) : undefined);
  }
  return INFLECTED.get(option);
}

function mentions(text: string, option: string, raw?: string): boolean {
  // An option that is a formula (`O(n)`) is named only whole: `O(n^2)` and `O(n \log n)` are other growths.
  if (raw !== undefined && /[(^]/.test(option)) {
    const o = formulaForm(option);
    const t = formulaForm(raw);
    for (let i = t.indexOf(o); i >= 0; i = t.indexOf(o, i + 1)) if (!/[a-z]/.test(t[i - 1] ?? '')) return true;
    return proportionalTo(option, raw, text);
  }
  return inflectedRegex(option)?.test(text) ?? false;
}

/** A word in brackets inside a term: `time (shift) invariance`; a negation (`(not)`) is none. */
const BRACKETED_WORDING = /\b([A-Za-z][\w-]*)\s+\(\s*(?!not\b|no\b|non\b)([A-Za-z][\w-]*)\s*\)\s+([A-Za-z][\w-]*)/g;

/**
 * The answer, then each wording a bracketed word gives its term (`time invariance`, `shift
 * invariance` for `time (shift) invariance`), joined by ` | `: the term names the option either way.
 * The answer's own text comes first, so a position found in it is a position in the answer.
 */
export function withBracketedWordings(answer: string): string {
  if (!answer.includes('(')) return answer;
  const readings = [...answer.matchAll(BRACKETED_WORDING)].flatMap((m) => [`${m[1]} ${m[3]}`, `${m[2]} ${m[3]}`]);
  return readings.length ? [answer, ...readings].join(' | ') : answer;
}

/** `choice`: the answer names one of the options and none of the `wrong` ones. */
export function checkChoice(spec: AnswerSpec, answer: string): TypeVerdict {
  const options = spec.options ?? (spec.value !== undefined ? [spec.value] : []);
  if (!options.length) return undecided('choice', 'the key lists no options for this choice');
  const own = normalizeWords(withBracketedWordings(answer));
  // An answer in another language names an option in its words: read in English when it names none as it is.
  const english = options.some((o) => mentions(own, o, answer)) ? undefined : optionWordsInEnglish(own);
  const text = english ?? own;
  const named = options.filter((o) => mentions(text, o, answer));
  // A wrong option read only inside a right one named whole (`[d, q]` inside `[h, d, q]`) is not named.
  const within = (w: string) => named.some((o) => normalizeWords(o).includes(normalizeWords(w)) && !mentions(text.split(normalizeWords(o)).join(' | '), w));
  const wrongNamed = (spec.wrong ?? []).filter((o) => mentions(text, o, answer) && !within(o));
  if (wrongNamed.length) {
    return incorrect('choice', `the answer names "${wrongNamed[0]}"${named.length ? ` as well as "${named[0]}"` : ''}, which is not right`);
  }
  if (named.length) return correct('choice', `the answer names "${named[0]}"`);
  // "the second option" for a lettered choice: the letter at that position.
  const position = positionIn(answer);
  const letter = position === undefined ? undefined : letterAt(position);
  if (letter && options.every((o) => /^[A-Ja-j]$/.test(o.trim()))) {
    const hit = options.find((o) => o.trim().toUpperCase() === letter);
    if (hit && !(spec.wrong ?? []).some((w) => w.trim().toUpperCase() === letter)) return correct('choice', `the answer names the option at position ${position}, "${hit}"`);
    return incorrect('choice', `the answer names the option at position ${position} (${letter}), not ${options.map((o) => `"${o}"`).join(', ')}`);
  }
  return incorrect('choice', `the answer names none of: ${options.map((o) => `"${o}"`).join(', ')}`);
}

/** `text`: free text is judged against a rubric; without a judge it waits for a person. */
export function checkText(spec: AnswerSpec): TypeVerdict {
  const n = spec.rubric?.length ?? 0;
  return {
    verdict: 'needs-review',
    score: 0,
    check: 'none',
    reason: n ? `a free-text answer with ${n} rubric criteria; no judge is configured, so a person must review it` : 'a free-text answer; no judge is configured, so a person must review it',
  };
}
