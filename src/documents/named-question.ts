import type { QuestionOutline } from './segment.js';

/**
 * The question a document names around its parts rather than in their labels: people who answer one
 * question label its parts by letter alone (`### (a)`, `- (b) ...`, `==== Photo 2: (c) ====`) and say
 * the question once, in the title block at the top (`HW4 Q2 with a local model`, a second line
 * `Name: Priya S. | Question 4 (Feature Dimensions of CNN)`, a front matter's `title:`) or in the
 * file's name (`hw4-q2.md`, `ps6_problem4.txt`). Either names the question only when it names one
 * and no other (`Q3abc & Q4cdf` names two: the letters under them are placed by their own headings).
 */

/**
 * `Q2`, `question 4`, `Problem #3`, `Q2(b)-(e)`, `Q2bcde`, and a second number joined to the first
 * (`questions 3-4`, `Q1 and Q2`); not `HW4`, `problem set 6`, `Q3.1`.
 */
const QUESTION_WORD =
  /(?<![\p{L}\p{N}_])(?:q|questions?|problems?|prob\.|exercises?|tasks?)[ \t]*#?[ \t]*(\d{1,2})(?:[a-h]{1,8})?(?![\p{L}\p{N}_]|[.,]\d)(?:[ \t]*(?:,|and|&|-|–|to)[ \t]*(?:q[ \t]*)?(\d{1,2})(?![\p{L}\p{N}_]))?/giu;

/** The most lines a title block has, and the longest line it holds (a paragraph of prose is none). */
const TITLE_LINES = 4;
const TITLE_CHARS = 200;

/** The one question of the key that `text` names, however often; undefined when it names none, several, or one the key lacks. */
function onlyKeyQuestion(text: string, outline: readonly QuestionOutline[]): string | undefined {
  if (!/\d/.test(text)) return undefined;
  return onlyOf(
    [...text.matchAll(QUESTION_WORD)].flatMap((m) => [m[1], m[2]]),
    outline,
  );
}

/** The question numbers named (`'04'` is 4), when they are one the key has and no other. */
function onlyOf(numbers: readonly (string | undefined)[], outline: readonly QuestionOutline[]): string | undefined {
  const named = new Set(numbers.filter((n): n is string => !!n).map((n) => String(Number(n))));
  const only = named.size === 1 ? [...named][0]! : undefined;
  return only && outline.some((o) => o.number === only) ? only : undefined;
}

/** A YAML front matter at the text's top (`---` ... `---`): its `title:` field, and the line after it. */
function frontMatter(lines: readonly string[]): { title?: string; end: number } {
  if (lines[0]?.trim() !== '---') return { end: 0 };
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
  if (close < 0 || close > 40) return { end: 0 };
  const title = lines.slice(1, close).find((l) => /^title\s*:/i.test(l));
  return { ...(title ? { title } : {}), end: close + 1 };
}

/**
 * The one question a text's title block names: its first lines with words, up to the first blank
 * line (at most four, each short), or its front matter's `title:`; `before` bounds it (where the
 * first turn or label starts, a line index).
 */
export function questionOfTitleBlock(text: string, outline: readonly QuestionOutline[], before = Number.POSITIVE_INFINITY): string | undefined {
  // (Cheap test first: a title names a question by a word and a number in the text's first lines.)
  const head = text.slice(0, TITLE_CHARS * (TITLE_LINES + 2));
  if (!/\d/.test(head)) return undefined;
  const lines = head.split('\n');
  const matter = frontMatter(lines);
  if (matter.title) return onlyKeyQuestion(matter.title, outline);
  let from = matter.end;
  while (from < lines.length && from < before && !lines[from]!.trim()) from++;
  const block: string[] = [];
  for (let i = from; i < lines.length && i < before && lines[i]!.trim() && block.length < TITLE_LINES; i++) {
    if (lines[i]!.length > TITLE_CHARS) return undefined;
    block.push(lines[i]!);
  }
  return onlyKeyQuestion(block.join('\n'), outline);
}

/** A file name's question token: `q2`, `Q2bcde`, `question4`, `problem_4`, `prob4`, `ex3` (`hw4q2` too: its `q` follows a digit). */
const FILE_QUESTION = /(?<![a-z])(?:q|question|problem|prob|ex|exercise)[-_ ]?(\d{1,2})(?:[a-h]{1,8})?(?![a-z0-9])/g;

/** The one question a file's name names (`hw4-q2.md`, `ps6_problem4.txt`), when it names one the key has and no other. */
export function questionOfFileName(path: string | undefined, outline: readonly QuestionOutline[]): string | undefined {
  const base = path
    ?.split(/[\\/]/)
    .pop()
    ?.toLowerCase()
    .replace(/\.[a-z0-9]{1,5}$/, '');
  if (!base || !/\d/.test(base)) return undefined;
  return onlyOf(
    [...base.matchAll(FILE_QUESTION)].map((m) => m[1]),
    outline,
  );
}
