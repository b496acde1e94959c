import type { Candidate } from './extract.js';
import { PLAIN_RELATION, withEnglishConditionWords } from './condition-words.js';
import { casesFormula, plainCondition, plainValue, withUnicodeScripts, type Case } from './piecewise-answer.js';

/**
 * A piecewise answer told as prose, one sentence per case, its equations on lines of their own:
 *
 *     For 0 ≤ n ≤ 6 only the first n + 1 samples overlap:
 *     y(n) = Σ_{k=0}^{n} (½)^k = 2 − (½)^n.
 *     For n ≥ 7 the whole pulse is inside, so
 *     y(n) = (127/64)·(½)^{n−6}.
 *     y(n) = 0 for n < 0.
 *
 * Each sentence names its condition ("For <condition>", or the condition after the value) and
 * states the one function's value in an equation; the sentences together are the cases of that
 * function, graded whole rather than as the last branch that happens to be on a line of its own.
 */

/** "For n ≥ 7", "when 0 <= n <= 6", "if $n < 0$" (delimiters taken off): a condition in words. */
const WORDED_CONDITION = new RegExp(String.raw`\b(?:for|when|if)\s+${PLAIN_RELATION}(?![\w(])`, 'gi');
const HAS_WORDED_CONDITION = new RegExp(WORDED_CONDITION.source, 'i');

/** `y(n) =`, `y[n] =`, `y_2(n) =`: a function of one letter, set equal to its value. */
const FUNCTION_EQUATION = /(?<![\w\\])([A-Za-z](?:_\{?\w{1,3}\}?)?\s*[([]\s*[a-z]\s*[)\]])\s*=(?!=)/g;

/**
 * Sentences: cut at a full stop before a space, at a blank line, and at a line that opens on a capital
 * after a line that does not lead into it (a colon or a comma at its end, or a word like "so", leads on).
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n\s*\n|(?<![:,]|\b(?:so|then|thus|hence|gives|is|get|have))[ \t]*\n(?=[ \t]*[A-Z])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** One sentence's case: its one condition, and the value its last equation of a function gives there (before or after the condition). */
function caseOfSentence(sentence: string): (Case & { name: string }) | undefined {
  const conditions = [...sentence.matchAll(WORDED_CONDITION)];
  if (conditions.length !== 1) return undefined;
  const condition = conditions[0]!;
  const equations = [...sentence.matchAll(FUNCTION_EQUATION)];
  const equation = equations[equations.length - 1];
  if (!equation) return undefined;
  const end = equation.index + equation[0].length;
  // `y(n) = 0 for n < 0`: the value before the condition; `For n ≥ 7 ..., so y(n) = ...`: the value to the sentence's end.
  const raw = end <= condition.index ? sentence.slice(end, condition.index) : condition.index < equation.index ? sentence.slice(end) : undefined;
  if (raw === undefined) return undefined;
  // (`... = 2⁷⁻ⁿ − 2⁻ⁿ.”`: a report's closing quotation mark after the model's last case is no part of its value.)
  const last = raw.slice(raw.lastIndexOf('=') + 1).replace(/[.;,:]?\s*["”»]?\s*$/, '');
  const value = plainValue(withUnicodeScripts(last));
  return value && !/[A-Za-z]{3,}/.test(value.replace(/\\[A-Za-z]+/g, '')) ? { when: plainCondition(condition[1], condition[2]!), value, name: equation[1]!.replace(/\s+/g, '') } : undefined;
}

/** The cases formula consecutive sentences state for one function (prose with no equation may come between); none when fewer than two. */
export function sentenceCases(written: string): Candidate[] {
  // Only a text with two conditions in words can state two cases so (most responses have none).
  if (written.includes('\\begin{cases}') || !/[<>≤≥]|\\[lg]e/.test(written)) return [];
  const text = withEnglishConditionWords(written)
    .replace(/\\[()]|\$/g, ' ')
    .replace(/\\leq?(?![a-z])/g, '≤')
    .replace(/\\geq?(?![a-z])/g, '≥');
  if ((text.match(WORDED_CONDITION) ?? []).length < 2) return [];
  const found: string[] = [];
  let run: (Case & { name: string })[] = [];
  const flush = () => {
    const whens = new Set(run.map((c) => c.when));
    if (run.length >= 2 && whens.size === run.length) found.push(casesFormula(run));
    run = [];
  };
  for (const sentence of sentencesOf(text)) {
    const c = caseOfSentence(sentence);
    if (c && (!run.length || c.name === run[0]!.name)) run.push(c);
    else {
      // A sentence of prose between two cases (no equation, no condition) keeps the run.
      if (!c && !sentence.includes('=') && !HAS_WORDED_CONDITION.test(sentence)) continue;
      flush();
      if (c) run.push(c);
    }
  }
  flush();
  return found.reverse().map((text): Candidate => ({ text, how: 'display' }));
}
