import { LIMITS, LimitError } from '../math/limits.js';
import { boxedContents } from '../math/latex/braces.js';

/** The answer found in a candidate text, and how it was found (for the verdict's audit trail). */
export interface Extracted {
  text: string;
  how: 'boxed' | 'marker' | 'math' | 'whole';
}

/** A candidate that cannot be read at all (invalid UTF-8, lone surrogates, control bytes). */
export class UnreadableError extends Error {
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

const MARKER = /(?:final\s+answer|answer|result)\s*(?:is)?\s*[:：]\s*|(?:the\s+(?:final\s+)?answer\s+is|therefore|thus|hence|so)\s+|\b(?:therefore|thus|hence),\s+/gi;
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

/** Removes sentence punctuation and wrapping a candidate answer often carries. */
export function trimAnswer(s: string): string {
  // A part label in front (`ii.`, `(b)`, `c)`) is not part of the answer.
  let t = s.trim().replace(/^(?:\(?(?:[ivx]{1,4}|[a-h])\)|(?:[ivx]{1,4}|[a-h])[.)])\s+(?=\S)/i, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t
      .replace(/^\$+|\$+$/g, '')
      .replace(/^\\\[|\\\]$/g, '')
      .replace(/^\\\(|\\\)$/g, '')
      .replace(/(?<![\d)!])[.;:!?]+$|[.;:?]+$/, '')
      .replace(/\\[,;!]\s*$/, '')
      .replace(/\\(?:quad|qquad)\s*$/, '')
      .trim();
  }
  return t;
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
    const sentence = firstSentence(candidate.slice(finalEnd).split(/\n\s*\n/)[0]!.trim());
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
  if (spans.length === 1 && first >= 0 && candidate.slice(0, first).trim() === '' && /^[^$]*$/.test(candidate.slice(candidate.lastIndexOf('$') + 1)) && candidate.slice(candidate.lastIndexOf('$') + 1).trim().length <= 12) {
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
  return { text: trimAnswer(candidate), how: 'whole' };
}
