/**
 * A person who adds their own remarks to a copied chat or a report often says, at the top, how they
 * marked them: `My review comments are the lines starting with REVIEW:.`, `%% = my comments`, `Notes to
 * myself in [ck ...] brackets.`, `My notes are the "💬 HO:" lines.`. Every writer picks another mark, so
 * no list of marks can know them; the sentence that declares one does. Left in, a remark's part labels
 * and formulas (`REVIEW: 1(a) ✓ (2c d_out² d_in)`) are read as answers.
 *
 * What the lines that open with the declared mark say is taken out (the mark stays alone on its line,
 * and lines keep their numbers); a bracketed mark's remark goes on to its closing bracket. A mark is only taken from a sentence that
 * says the writer's notes, comments or remarks are marked by it, and only a mark that is not plain
 * words (`REVIEW:`, `[eval]`, `%%`, `"grading:"` in quotes): `my notes start with the model's answer`
 * declares nothing.
 */

import { blankLinesDropped } from './paragraph-breaks.js';
import { closingLabel } from './closing-labels.js';
import { headsMessage } from './stamped-senders.js';
import { verbatimLines } from './verbatim-lines.js';
import { ASSISTANT_NAMES, USER_NAMES, VERSION } from './speaker-names.js';

/** What the writer calls their remarks. */
const NOTES = String.raw`(?:(?:review|grading|grader'?s?)\s+)?(?:notes?|comments?|remarks?|annotations?|evaluations?|verdicts?|assessments?)`;
/** What a writer calls the chat's own turns or their answers: lines said to be these are no remarks. */
const TURN_WORDS = '(?:prompts?|questions?|messages?|inputs?|requests?|quer(?:y|ies)|turns?|answers?|solutions?|work|repl(?:y|ies)|code|commands?|own)';
/** A mark as written in the declaration: quoted, or a run of non-space characters. */
const MARK = String.raw`(?:"([^"\n]{1,16})"|“([^”\n]{1,16})”|\x60([^\x60\n]{1,16})\x60|'([^'\n]{1,16})'|(\S{0,15}[^\s.,;]))`;
/** Where a mark ends: before the sentence's own stop, a comma, a bracket, emphasis or the line's end. */
const MARK_END = String.raw`(?=[.,;]*[)\]]*[*_]*(?:\s|$))`;

/** Brackets named in words (`in square brackets`, `in {curly braces}`, `in parentheses`), as the mark they open with. */
const NAMED_BRACKETS: Record<string, string> = {
  square: '[',
  round: '(',
  curly: '{',
  angle: '<',
  pointy: '<',
  parentheses: '(',
  parenthesis: '(',
  parens: '(',
  braces: '{',
  chevrons: '<',
};

/**
 * The declaration of a bracketed mark: `My remarks are in square brackets`, `in {curly braces}`, `in
 * (round) brackets`, `in parentheses`, `in {...}` (the brackets shown, not named), `Notes to myself in
 * [ck ...] brackets.`. Groups: the kind of a named bracket, a bracket named in one word, a bracket
 * shown, a mark written out.
 */
const BRACKETED = new RegExp(
  String.raw`\b${NOTES}\b[^.\n]{0,30}?\bin\s+(?:[\[({<]?(square|round|curly|angle|pointy)[\])}>]?\s+(?:brackets|braces|parenthes[ie]s)\b[\])}>]?|[\[({<]?(parenthes[ie]s|parens|braces|chevrons)\b[\])}>]?|([\[({<])\s*(?:\.\.\.|…)?\s*[\])}>](?![^\s.,;:)])|(\S{1,12}?)\s*(?:\.\.\.|…)?[\]>)}]?\s+(?:brackets|tags)\b)`,
  'i',
);

/**
 * `My notes are the "💬 HO:" lines.`, `My evaluation is in the "EVAL" cells`: the mark and the unit it
 * marks. A line, paragraph or message is a remark up to its end; a cell, section or block (a notebook's
 * cell, a report's section) runs on from its titled line to the block's end.
 */
const UNITS = new RegExp(
  String.raw`\b(?:my|our)\s+(?:own\s+)?${NOTES}\s+(?:are|is)\s+(?:in\s+)?(?:the\s+)?${MARK}\s+(?:lines|paragraphs|replies|messages|(cells?|sections?|blocks?|boxes|box))\b`,
  'i',
);

const DECLARATIONS: readonly RegExp[] = [
  // `My review comments are the lines starting with REVIEW:.`, `Grading notes are my own replies that start with "grading:"`.
  new RegExp(String.raw`\b${NOTES}\b[^.]{0,50}?\b(?:(?:start(?:ing|s)?|begin(?:ning|s)?|prefixed|opening)\s+with|(?:marked|tagged|flagged)(?:\s+(?:with|by|as))?)\s+${MARK}${MARK_END}`, 'im'),
  // `%% = my comments`, `>> marks my notes`.
  new RegExp(String.raw`^${MARK}\s*(?:=|:|—|–|-|marks?|means?|is|are)\s*(?:my|our)\s+(?:own\s+)?${NOTES}\b`, 'im'),
  BRACKETED,
  // `Lines beginning with NB: are my own notes.`, `Lines starting with ⚑ are my grading.`: the mark first, then
  // whose lines they are. The sentence names the lines, so whatever the writer calls them they are theirs,
  // unless it calls them the chat's own turns (`lines starting with > are my prompts`).
  new RegExp(
    String.raw`\blines?\s+(?:that\s+)?(?:start(?:ing|s)?|begin(?:ning|s)?|open(?:ing|s)?|prefixed)\s+with\s+${MARK}${MARK_END}[^.\n]{0,6}?\s+(?:are|is)\s+(?:mine\b|(?:my|our)\s+(?:own\s+)?(?!${TURN_WORDS}\b)[a-z]{3,})`,
    'i',
  ),
  // `My notes are the "💬 HO:" lines.`, `My evaluation is in the "EVAL" cells.`
  UNITS,
];

/** The opening a declaration is looked for in: a header is at the top. */
const OPENING_CHARS = 1500;

/** The mark the text's opening declares for the writer's remarks, and where the declaration stands; undefined when it declares none. */
export function declaredRemarkMark(text: string): { mark: string; at: number; block?: true } | undefined {
  const opening = text.slice(0, OPENING_CHARS);
  // (Cheap test first: most texts never name their notes.)
  if (!/notes?|comments?|remarks?|annotations?|evaluations?|verdicts?|assessments?|lines?\s+(?:that\s+)?(?:start|begin|open|prefix)/i.test(opening)) return undefined;
  for (const declaration of DECLARATIONS) {
    const m = declaration.exec(opening);
    if (!m) continue;
    const named = declaration === BRACKETED ? (NAMED_BRACKETS[(m[1] ?? m[2] ?? '').toLowerCase()] ?? m[3]) : undefined;
    const quoted = named ?? (declaration === BRACKETED ? undefined : m.slice(1, 5).find((g) => g !== undefined));
    let mark = (quoted ?? (declaration === BRACKETED ? m[4] : m[5]) ?? '').trim();
    // `(... my comments are lines starting with ##TO)`: the bracket closes the sentence, not the mark.
    if (quoted === undefined && mark.endsWith(')') && !mark.includes('(')) mark = mark.slice(0, -1);
    // `marked ### NOTE.`: a symbol and a word in capitals after it are one mark.
    if (quoted === undefined && /^[^\p{L}\p{N}\s]+$/u.test(mark)) {
      const word = /^\s(\p{Lu}{2,})\b/u.exec(opening.slice(m.index + m[0].length));
      if (word) mark = `${mark} ${word[1]}`;
    }
    // An unquoted mark is a symbol or a word in capitals (`REVIEW:`, `[eval]`, `%%`, `##TO`), never a plain word.
    if (!mark || (quoted === undefined && !/[^\p{L}\p{N}\s]|^\p{Lu}{2,}/u.test(mark))) continue;
    // (A mark of one common character would take out far more than remarks; a bracket the sentence names
    // or shows is a mark, its remarks told from other brackets by what they hold.)
    if (named === undefined && /^[-*#>|(.<{]$/.test(mark)) continue;
    return declaration === UNITS && m[6] ? { mark, at: m.index, block: true } : { mark, at: m.index };
  }
  return undefined;
}

/** Lines a remark's paragraph never wraps onto: a rule of any sign, a heading, a fence, display math, a chat message's stamped header. */
const WRAP_STOPS = /^\s*(?:([^\p{L}\p{N}\s])\1{2,}\s*$|#{1,6}\s|```|~~~|\$\$)/u;
/**
 * A line a chat's next turn opens with, its speaker named before a colon (`User: ...`, `**Assistant:**`,
 * `System: Executed code block.`): a terminal or a log prints the turns with no blank line between
 * them, and a remark above one ends there, however long its last line.
 */
const TURN_OPENS = new RegExp(String.raw`^\s*(?:\*\*)?(?:${USER_NAMES}|(?:${ASSISTANT_NAMES})${VERSION}|System|Tool)(?:\*\*)?\s*:(?:\*\*)?(?:\s|$)`, 'i');
const wrapStops = (line: string) => WRAP_STOPS.test(line) || headsMessage(line) || TURN_OPENS.test(line);

/** Where a cell or section ends: a fence (the notebook's next cell) or the next heading. */
const BLOCK_ENDS = /^\s*(?:```|~~~|#{1,6}\s)/;

/** The brackets a mark may open, by their closing one. */
const CLOSING: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' };

/** Words of three letters or more: a remark in brackets says something (`[me: correct.]`); a matrix row (`[1, 2, 3]`) does not. */
const saysSomething = (text: string) => (text.match(/\p{L}{3,}/gu)?.length ?? 0) >= 2;

/**
 * The text with the lines of the writer's declared remarks blanked; as it is when it declares no mark.
 * Only lines after the declaration: the header above it is the writer's own account of the file.
 */
export function withoutDeclaredRemarks(text: string): string {
  const declared = declaredRemarkMark(text);
  if (!declared) return text;
  const { mark } = declared;
  const lines = text.split('\n');
  // The mark ends where it ends: `--` opens no `----` rule, `>>` no `>>>` prompt, `##` no `###` heading.
  const last = mark[mark.length - 1]!;
  const words = /\p{L}/u.test(mark);
  const opens = (line: string) => {
    let t = mark.startsWith('>') ? line.trimStart() : line.replace(/^\s*(?:>\s*)*/, '');
    // A cell's or section's mark is in its title: `## EVAL (mine)`, `**EVAL**`.
    if (declared.block) t = t.replace(/^(?:#{1,6}\s+)?(?:\*\*|__)?/, '');
    const head = t.slice(0, mark.length);
    if (!(head === mark || (words && head.toLowerCase() === mark.toLowerCase()))) return false;
    // (A mark of one sign stands apart from what it marks: `~ looks wrong`, never a shell's `~/hw4 ❯` or `~5 s`.)
    if (mark.length === 1 && !CLOSING[mark] && !/^(?:\s|$)/.test(t.slice(1))) return false;
    return /[\p{L}\p{N}]/u.test(last) ? !/^[\p{L}\p{N}]/u.test(t.slice(mark.length)) : t[mark.length] !== last;
  };
  // A mark of signs then words (`%% me:`): the signs lead every line of the remark's block, the lines around
  // it that open with them and no word of the mark (`%% ----`, `%%   3(a) all -40  ✓`) are the remark's too.
  // (Two signs or more, no bracket: `[ 1 2 ]` under a `[ck: ...]` remark is a matrix's row, `- item` a list's.)
  const signs = /^[^\p{L}\p{N}\s[\](){}<]{2,}(?=\s*\p{L})/u.exec(mark)?.[0];
  const led = (line: string | undefined) => !!signs && line !== undefined && line.trimStart().startsWith(signs) && /^[ \t]+\S/.test(line.trimStart().slice(signs.length));
  const declaredOn = text.slice(0, declared.at + 1).split('\n').length - 1 + (text[declared.at] === '\n' ? 1 : 0);
  const close = mark.length === 1 ? CLOSING[mark] : CLOSING[mark[0]!] && !mark.includes(CLOSING[mark[0]!]!) ? CLOSING[mark[0]!] : undefined;
  let changed = false;
  // Where blank lines part the paragraphs, a remark is its paragraph: a long one wraps onto the lines under it.
  const paragraphs = !blankLinesDropped(lines, verbatimLines(lines));
  for (let i = declaredOn + 1; i < lines.length; i++) {
    if (!opens(lines[i]!)) continue;
    // `[ck: wrong — ... ]` over several lines: to the closing bracket (never past a blank line).
    let j = i;
    if (declared.block) while (j + 1 < lines.length && !BLOCK_ENDS.test(lines[j + 1]!)) j++;
    else if (close) while (j + 1 < lines.length && !lines[j]!.includes(close) && lines[j + 1]!.trim()) j++;
    // (Only under a line long enough to have been wrapped, and never onto a rule, a heading, a fence or display math.)
    else if (paragraphs) while (j + 1 < lines.length && lines[j]!.trim().length >= 60 && lines[j + 1]!.trim() && !opens(lines[j + 1]!) && !wrapStops(lines[j + 1]!)) j++;
    // A bracket alone is a mark only where what it opens is words.
    if (mark.length === 1 && !saysSomething(lines.slice(i, j + 1).join(' '))) continue;
    // Prose opens round brackets at a line's start too (`(W Wᵀ)W costs ...`): a remark's holds its whole line.
    if (mark === '(' && !lines[j]!.trimEnd().endsWith(')')) continue;
    // The mark stays, alone on its line: where a remark stood is structure the readers use (a writer who
    // marks `JW: first message` above each turn), what it says is not.
    // (Only a mark of words, `JW:`, `NB:`: one led by a symbol, `=> me:`, `%%`, alone on a line reads as a step or an operator.)
    const at = lines[i]!.indexOf(mark) >= 0 ? lines[i]!.indexOf(mark) : lines[i]!.toLowerCase().indexOf(mark.toLowerCase());
    // A remark naming the part of the exchange above it (`>> 3(a): answer above`) is the only label that exchange has:
    // it stays, marked as the person's note every reader after this one knows.
    const said = lines[i]!.slice(at + mark.length);
    if (closingLabel(said)) {
      lines[i] = `>> ${said.trim()}`;
      changed = true;
      i = j;
      continue;
    }
    // (Where the text's blank lines were dropped, a blanked line would be a paragraph's end the text does not have
    // elsewhere, and would keep its blank lines from being read back: the mark stays there too.)
    lines[i] = /^\p{L}/u.test(mark) || !paragraphs ? lines[i]!.slice(0, at + mark.length) + (close ?? '') : '';
    for (let k = i + 1; k <= j; k++) lines[k] = '';
    for (let k = i - 1; k > declaredOn && led(lines[k]) && !opens(lines[k]!); k--) lines[k] = '';
    while (j + 1 < lines.length && led(lines[j + 1]) && !opens(lines[j + 1]!)) lines[++j] = '';
    changed = true;
    i = j;
  }
  return changed ? lines.join('\n') : text;
}
