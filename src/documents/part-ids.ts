/**
 * Part ids and the labels that name them in documents. Ids are dot-separated levels: question
 * number, part letter, roman subpart (`1.a`, `3.d.ii`); keys may write `1a` or `3d.ii`.
 */

import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

export function isRoman(s: string): boolean {
  return ROMAN.includes(s.toLowerCase());
}

/** `1a` → `1.a`, `3d.ii` → `3.d.ii`, `3(d)(ii)` → `3.d.ii`, `Q4 e` → `4.e`; undefined when not an id. */
export function canonicalPartId(raw: string): string | undefined {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^(?:q|question|problem|prob\.?|p)\s*/, '');
  const m = /^(\d+)(?:[\s./]*\(?([a-z])\)?(?![a-z]))?(?:[\s./]*\(?([ivx]+)\)?)?\.?$/.exec(s);
  if (!m) return undefined;
  if (m[3] && !isRoman(m[3])) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('.');
}

/** A table's or a sheet's cell that is a part's label whole: `3(a)`, `3(d)i`, `Q4 (c)`, `2.e`, `(b)`, `Problem 3 d ii`. */
const CELL_LABEL =
  /^(?:(?:q(?:uestion)?|problem|prob\.?|ex(?:ercise)?|task|part)\s*)?(\d{1,2})?\s*[.\-–]?\s*(?:\(\s*([a-h])\s*\)|([a-h])(?![a-hj-uwyz]))?\s*[.\-–]?\s*(?:\(\s*([ivx]{1,4})\s*\)|([ivx]{1,4}))?\s*[.:)]?$/i;

/** A part's label as the readers know it (`3(d)(i)`), or undefined when the cell is no label. */
export function cellLabel(cell: string): string | undefined {
  const m = CELL_LABEL.exec(cell.replace(/\*+/g, '').trim());
  if (!m) return undefined;
  const question = m[1];
  const letter = (m[2] ?? m[3])?.toLowerCase();
  const roman = (m[4] ?? m[5])?.toLowerCase();
  // A number alone is a row's count as often as a question's; a roman numeral needs its letter.
  if (!letter || (roman && !letter)) return undefined;
  return `${question ?? ''}(${letter})${roman ? `(${roman})` : ''}`;
}

/**
 * The label a table's label cell holds whole, and the cell written as the lines' labels write it
 * (`3(d)i` → `3(d)(i)`, `1a` → `1(a)`, `Q4 (c)` → `4(c)`); undefined when the cell is no label, or more
 * than one. A cell with no question's number is read as it is, since a letter alone keys a row of items
 * (`| A | [h, d, q] |`) as often as a part. The one reader of a row's label cell: Markdown rows, rows
 * laid out with spaces, a table's columns of marks.
 */
export function labelCell(cell: string): { name: string; label: LineLabel } | undefined {
  const name = (/\d/.test(cell) && cellLabel(cell)) || cell;
  const label = readLineLabel(`${name} `);
  return label && label.length >= name.length ? { name, label } : undefined;
}

/** The levels of an id: `3.d.ii` → ['3', 'd', 'ii']. */
export function idLevels(id: string): string[] {
  return id.split('.');
}

/** Whether `child` is `parent` or below it (`3.d.ii` is within `3.d` and `3`). */
export function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(`${parent}.`);
}

/**
 * A homework's name before the part a line names (`HW4 Problem 1(a)`, `Homework 4, Q2(b)`, `PS3: 1a`), as a
 * quiz's question text or a study card's term files it: the course's filing, no label of its own.
 */
export const HOMEWORK_NAME = /^[ \t]*(?:\*\*)?(?:hw|homework|pset|ps|problem[ \t]+set|assignment|lab)[ \t]*\d{1,2}[ \t]*[,:.\-–—]?[ \t]*/i;

/** A word of a machine's identifier that files it under a course or a homework (`hw4`, `hw`, `cs182`, `pset3`): no part's name. */
const FILING_WORD = /^(?:hw|hwk|homework|pset|ps|lab|assignment|[a-z]{2,6}\d{2,4}[a-z]?|(?:hw|hwk|homework|pset|ps|lab|assignment)\d{1,2})$/;
/** A word of it that names a question outright (`q3`, `question2`, `problem`). */
const QUESTION_WORD = /^(?:q|question|problem|prob)\d{0,2}(?:[a-h][ivx]{0,4})?$/;

/**
 * The part a machine's identifier names (a batch request's `custom_id`, a trace's name, a record's
 * `part` field): `hw4-q3-d-ii` → `3.d.ii`, `q1a` → `1.a`, `problem_2_c` → `2.c`, `3.d.ii`, `Q2` → `2`;
 * undefined when it names none. Its words are read after the course's and the homework's names (or
 * from a question's word on: `req-q1a`), and words after the part (`-run2`, `-retry`) are the tool's own. A number alone names nothing (`task-2`,
 * `request-1` count requests): a question's word or a part's letter must say it is a part.
 */
export function partIdOfName(name: string): string | undefined {
  if (name.length > 80 || !/\d/.test(name)) return undefined;
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && FILING_WORD.test(words[i]!) && !QUESTION_WORD.test(words[i]!)) {
    // (`hw-4-q3-a`: a bare filing word's number is the homework's.)
    i += !/\d/.test(words[i]!) && /^\d{1,2}$/.test(words[i + 1]!) ? 2 : 1;
  }
  const at = (j: number): string | undefined => {
    for (let n = Math.min(3, words.length - j); n >= 1; n--) {
      const id = canonicalPartId(words.slice(j, j + n).join(' '));
      if (id && (id.includes('.') || QUESTION_WORD.test(words[j]!))) return id;
    }
    return undefined;
  };
  // (Further on, only a question's word starts a part: `req-q1a`, `eval-q3-c`.)
  const further = words.findIndex((w, j) => j > i && QUESTION_WORD.test(w));
  return at(i) ?? (further > 0 ? at(further) : undefined);
}

/** A part's id as a line's label writes it: `4.a` → `4(a)`, `3.d.ii` → `3(d)(ii)`. */
export function labelOfPartId(id: string): string {
  const [question, ...levels] = idLevels(id);
  return `${question}${levels.map((l) => `(${l})`).join('')}`;
}

/** A label at the start of a line, as write-ups, transcripts and problem sets write them. */
export interface LineLabel {
  question?: string;
  part?: string;
  subpart?: string;
  /** The characters the label took, to cut it from the line. */
  length: number;
  /** Whether it is an explicit heading (`Problem 4:`, `Question 7`) rather than a bare `(a)`. */
  strong: boolean;
  /** The label says what follows it is the part's answer (`Answer (b): ...`, `Final answer 3(d):`), not its working. */
  answers?: true;
}

/** Lead-in a label may carry: a list bullet, a Markdown heading, bold or italics. */
const LEAD = String.raw`^\s*(?:[-*+•‣◦▪]\s+)?(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?\s*`;
/**
 * Words that name a question; `Part 3(a)` names question 3's part (a) (`Part 3` alone may be a
 * section of a paper); the number sign against its number (`#4 CNN dims`, handwriting's and
 * OCR's way of numbering a problem; `# 4` is a Markdown heading, read as before).
 */
const Q_WORD = String.raw`(?:problem|question|exercise|task|prob\.?|q|#(?=\d{1,2}\b)|part(?=\s*\d{1,2}\s*[.(]?[a-h]\b))\s*`;
/** A part letter, bare or in parentheses, and a roman subpart after it. */
const PART = String.raw`(?:part\s*)?\(?([a-h])\)?`;
// `(d)(ii)`, `d.ii`, `(d) ii.` (a space, then the roman closed by a point: `(b) i.e.` is none), and
// `**3(d) ii**`, where the closing bold ends the roman as a point would (`(a) x: the input` is no subpart),
// and `3(d)ii:`, the roman written against the part's closing bracket as summaries list them.
const SUB = String.raw`(?:(?:\s*\(|\.|\s+(?=[ivx]{1,4}(?:[.)](?![a-z])|:?(?:\*\*|__)))|(?<=\))(?=[ivx]{1,4}(?![a-z])))([ivx]{1,4})\)?)?`;
/** What ends a label: punctuation, closing emphasis, then a space or the end of the line. */
// A label may run straight on into more part letters (`1(a)–(b)`, `Parts (a), (b)`): see alsoNamed.
// A comma ends one before a word that qualifies it (`### Part (c), corrected`, `Question 2, revisited`),
// not before the next letter it names.
const END = String.raw`\s*(?:\*\*|__|\*|_)?\s*(?:[:.)]|,(?!\s*(?:and\s+)?(?:parts?\s*)?\(?[a-h]\))|[-–—](?!\s*\(?[a-h]\)))?\s*(?:\*\*|__)?(?=\s|$|(?:[-–—/&,]\s*)?\(?[a-h]\))`;

const WORD_LABEL = new RegExp(`${LEAD}${Q_WORD}(\\d{1,2})(?:\\s*[:.)\\-–—/]?\\s*(?:\\*\\*)?\\s*,?\\s*${PART}${SUB})?${END}`, 'i');
const NUMBER_PART = new RegExp(`${LEAD}(\\d{1,2})\\s*[/.]?\\s*\\(?([a-h])\\)?${SUB}${END}`, 'i');
const PART_WORD = new RegExp(`${LEAD}parts?\\s*\\(?([a-h])\\)?${SUB}${END}`, 'i');

/**
 * `(A)` or `a`: a part letter; a bare capital (`4. A layer ...`) is the first word of a sentence, unless
 * it is joined to the question's number (`1.A`, `Problem 2.B`, `Problem 2B:`), as outlines and downloaded
 * notes number parts: a sentence's first word stands apart from the number before it. Without a point it
 * needs the question's word (`2D convolution` is an adjective).
 */
function letterIsLabel(match: string, letter: string, worded = false): boolean {
  return letter === letter.toLowerCase() || match.includes(`(${letter}`) || (worded ? WORDED_CAPITAL : JOINED_CAPITAL).test(match);
}

/** A capital part letter written against its question's number after a point (`1.A`), or with nothing between after a question's word. */
const JOINED_CAPITAL = /\d\.[A-H](?![\p{L}\p{N}])/u;
const WORDED_CAPITAL = /\d\.?[A-H](?![\p{L}\p{N}])/u;

function label(question: string | undefined, part: string | undefined, subpart: string | undefined, length: number, strong: boolean): LineLabel {
  return {
    ...(question ? { question } : {}),
    ...(part ? { part: part.toLowerCase() } : {}),
    ...(subpart && isRoman(subpart) ? { subpart: subpart.toLowerCase() } : {}),
    length,
    strong,
  };
}

/** A section's capital letter in brackets, before a question's word and number (`### (A) Problem 1(b)`, `**(B)** Question 3`). */
const SECTION_LETTER = /^\s*(?:#{1,6}\s*)?(?:\*\*)?\(?[A-Z]\)(?:\*\*)?\s*[.:]?\s+(?=(?:\*\*)?(?:[Pp]roblem|PROBLEM|[Qq]uestion|QUESTION|[Ee]xercise|[Tt]ask|Q)\s*\d{1,2})/;

/**
 * A section's number as Chinese and Japanese write it at a heading's start: a numeral and the enumeration
 * comma (`一、`, `2、`), or a numeral in brackets (`（一）`, `(三)`); a numeral in words is a section's only.
 */
const CJK_ORDINAL = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*、)\s*/u;

/**
 * An emoji, arrow, record mark or geometric bullet that decorates a line's start (`⏺ `, `● `, `✅ `,
 * `➤ `, `◆ `): a terminal's or a chat's mark of a message, of whatever shape (U+25A0-U+25FF).
 */
const LEADING_MARK = /^\s*[\p{Extended_Pictographic}\u2190-\u21ff\u2794-\u27bf\u25a0-\u25ff]+\uFE0F?\s+/u;

/**
 * A model's name in brackets before a numbered label (`【DeepSeek】3(a)：`, `[ChatGPT] Q2(b):`): the answer's
 * source, as a person pasting several models' answers tags each paste; the label after it is the line's.
 */
const SOURCE_TAG = new RegExp(String.raw`^\s*(?:\*\*)?(?:【|〖|\[)(?:${ASSISTANT_NAMES})${VERSION}(?:】|〗|\])(?:\*\*)?\s*[:：]?\s*(?=\S)`, 'iu');

/**
 * A heading that files its question under the homework's name (`## HW4 Q3 — conv as FIR`, `# Homework 4, Problem 2`),
 * as a note's or a page's title does: the heading's mark, then the name, before a question's word and number.
 */
const FILED_HEADING = /^(\s*#{1,6}[ \t]+)(?:hw|homework|pset|ps|assignment|lab)[ \t]*\d{1,2}[ \t]*[,:.\-–—]?[ \t]*(?=(?:q|question|problem)[ \t]*\d)/i;

/**
 * A report's appendix section before the question it holds, the rest of the line a heading
 * (`B Task 3`, `Appendix B: Problem 4`, `A.2 Question 3: Discrete Convolution`): the section's own
 * letter or number, no question of its own. (Case matters: `a Problem` in a sentence is none.)
 * Read only as a heading between a chat's turns, not as a line label: inside a reply or a write-up
 * such an appendix repeats the prompts under it (a real export's `C Task 3` / `First Prompt` /
 * `(a) Suppose ...` / `Answer`), and the statements' labels would take the answers after them.
 */
export const APPENDIX_SECTION =
  /^[ \t]*(?:(?:Appendix|APPENDIX)[ \t]+(?:[A-Z]|\d{1,2})(?:\.\d{1,2})*|[A-Z](?:\.\d{1,2})*)[.:]?[ \t]+(?=(?:Question|Problem|Task|Exercise|QUESTION|PROBLEM|TASK|EXERCISE)[ \t]*\d{1,2}\b(?:[ \t]*[:.—–-][ \t]*[^.?!\n]{0,80})?[ \t]*$)/;

/**
 * Reads a part label at the start of a line, in the numberings people use: `1/a).`, `1a.`,
 * `1.a`, `1a:`, `1(a)`, `Q1a`, `Q1(a)`, `Problem 1a`, `Question 1 (a)`, `Problem 4: Part (a)`,
 * `**1a**`, `### 1(a)`, `(b).`, `c).`, `a.`, `**(a):**`, `Solution (a):`, `i.`, `Part (c)`, `Question 7`,
 * `3(d)(ii)`, `- (a)`.
 * Undefined when the line does not start with one.
 */
/** A revision's word opening a label (`**Corrected (c)**`, `Revised (d)(i):`), kept apart from the bold mark before it. */
const REVISION_WORD = /^(\s*(?:#{1,6}\s*)?(?:\*\*)?)(?:corrected|revised|updated|fixed|redone)\s+(?=(?:\*\*|__)?\(\s*[a-h]\s*\))/i;

/**
 * `3-A`, `7-C`, `3-D.1`: a question's number and its part's letter joined by a dash, a case of the
 * part numbered after a point (`.1` for (i)), alone on a line or before a note in brackets or a
 * colon. Followed by words (`2-D convolution`, `1-D signals`) it is an adjective, no label.
 */
const DASHED = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(\d{1,2})[-–]([a-hA-H])(?:[.-]([1-9]|[ivx]{1,4}))?(?:\*\*)?\s*[:.]?(?:\*\*)?(?=\s*$|\s*\(|\s+[—–]\s)/;
/**
 * `1-(a)`, `3-(b)(ii)`: the dash before a part's letter in brackets, as Korean and Japanese write-ups
 * number parts (`問1-(2)` in their own numbering); the brackets make it a label whatever follows it.
 */
const DASHED_BRACKETED = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(\d{1,2})[-–]\(([a-h])\)(?:\(([ivx]{1,4})\))?(?:\*\*)?\s*[:.]?(?:\*\*)?(?=\s|$)/;

/** The word `answer` (not `solution`, which heads working) before a label. */
const SAYS_ANSWER = /\b(?:answer|ans)\b/i;

/** An answer's word before a numbered part's label (`**Answer 3(d) i.**`), kept apart from the bold mark before it. */
const ANSWER_WORD = /^(\s*(?:#{1,6}\s*)?(?:\*\*)?)(?:(?:final\s+)?answer|solution|ans\.|sol\.)\s+(?:(?:to|for|of)\s+)?(?=(?:q|question|problem)?\s*\d{1,2}\s*\(?[a-h]\))/i;

/**
 * Words that lead into a bracketed part's letter on a line of their own, the line ending on a colon
 * (`Final answer (a):`, `For (b):`, `Answer to (d)(ii):`); a sentence that goes on after the colon is no label.
 */
const LED_LETTER = /^(\s*(?:\*\*)?)(?:(?:final\s+)?(?:answer|result)|solution|for)\s+(?:(?:to|for|of)\s+)?(?=\([a-h]\)(?:\s*\(?[ivx]{1,4}\))?\s*:(?:\*\*)?\s*$)/i;

/**
 * A part's id set in a pair of delimiters, the way a typed write-up tags each answer (`[1a]`, `{2.c}`,
 * `<Q3d.ii>`, `【2b】`, `[(c)]`): any bracket pair, the id inside in any numbering canonicalPartId
 * reads, or a part letter alone. Then the end of the line, a space or a colon (after Chinese brackets, which
 * need no space, the text itself: `【第2题(c)】ΔW 的...`); `[1a](url)` is a link,
 * `[1]` a citation, `[3, 4]` an interval, `[x]` a ticked box: none is a label.
 */
const BRACKET_PAIRS: Readonly<Record<string, string>> = { '[': ']', '{': '}', '<': '>', '⟨': '⟩', '【': '】', '〔': '〕', '「': '」', '『': '』', '«': '»', '〈': '〉' };
const BRACKETED =
  /^(\s*(?:[-*+]\s+)?(?:#{1,6}\s*)?(?:\*\*|__)?)([[{<⟨【〔「『«〈])\s*([^\]}>⟩】〕」』»〉\s][^\]}>⟩】〕」』»〉\n]{0,14}?)\s*([\]}>⟩】〕」』»〉])(?:\*\*|__)?\s*[:.\-–—]?(?:\*\*|__)?(?=\s|$|(?<=[】〕]))/;

function bracketedLabel(line: string): LineLabel | undefined {
  const m = BRACKETED.exec(line);
  if (!m || BRACKET_PAIRS[m[2]!] !== m[4]) return undefined;
  const inner = m[3]!;
  const id = canonicalPartId(inner);
  if (id?.includes('.')) {
    const [question, part, subpart] = idLevels(id);
    return /^[a-h]$/.test(part!) ? label(question, part, subpart, m[0].length, true) : undefined;
  }
  // `【第2题(c)】` (folded to `【Question 2(c)】`): a label in words, when it is all the brackets hold.
  const worded = /^[A-Za-z]{4,}/.test(inner) ? readLineLabel(inner) : undefined;
  if (worded?.question && worded.part && worded.length >= inner.trim().length) return { ...worded, length: m[0].length };
  // `[b]`, `[(c)]`, `{d.ii}`: a part letter alone, read as a bare `(b)` is.
  const letter = /^\(?([a-h])\)?(?:[\s.]*\(?([ivx]{1,4})\)?)?$/.exec(inner);
  if (letter && (!letter[2] || isRoman(letter[2]))) return { part: letter[1]!, ...(letter[2] ? { subpart: letter[2] } : {}), length: m[0].length, strong: false };
  return undefined;
}

/**
 * A heading that is a pair of brackets around a part's label and its title, the whole line
 * (`【(b) Xavier の利点を取り戻す定数 c】`, `〔問2(c) 最大スペクトルノルム〕`, `[(d) Learning rate for SignSGD]`,
 * `« 4(c) champ récepteur »`): East Asian write-ups and forum posts set a part's heading in lenticular or
 * corner brackets as English ones set it in bold. The title restates the question, so the label takes the whole line.
 * Braces and angle brackets are left out (`{a: 1}` is data, `<b>` markup); the label must be a question's
 * number and letter or a letter in brackets (`(b)`, `b)`), so a bracketed phrase that opens on a word is none.
 */
const TITLED_BRACKET = /^(\s*(?:#{1,6}\s*)?(?:\*\*|__)?)([[⟨【〔〖「『«〈])\s*([^\]⟩】〕〗」』»〉\n]{3,80}?)\s*([\]⟩】〕〗」』»〉])(?:\*\*|__)?\s*[:：]?\s*$/;
const TITLED_PAIRS: Readonly<Record<string, string>> = { ...BRACKET_PAIRS, '〖': '〗' };

function titledBracketLabel(line: string): LineLabel | undefined {
  const m = TITLED_BRACKET.exec(line);
  if (!m || TITLED_PAIRS[m[2]!] !== m[4]) return undefined;
  const inner = readLineLabel(m[3]!);
  if (!inner?.part || inner.length >= m[3]!.length) return undefined;
  if (!inner.question && !/^\s*(?:\*\*)?\(?[a-h]\)/i.test(m[3]!)) return undefined;
  return { ...inner, length: m[0].length };
}

/** Labels of the lines read last, frozen: shared by every caller, so none may change one. */
const RECENT_LABELS = new Map<string, Readonly<LineLabel> | null>();
const RECENT_LABELS_MAX = 512;

/**
 * The label a line starts with. A write-up's lines are read for labels by several passes (its
 * remarks, its chat cues, its segments, each line again): the last few hundred lines' labels are
 * kept, bounded, so each line's many patterns run about once per document.
 */
export function readLineLabel(line: string): LineLabel | undefined {
  const kept = RECENT_LABELS.get(line);
  if (kept !== undefined) return kept ?? undefined;
  const read = labelOfLine(line);
  if (RECENT_LABELS.size >= RECENT_LABELS_MAX) RECENT_LABELS.clear();
  RECENT_LABELS.set(line, read ? Object.freeze(read) : null);
  return read;
}

function labelOfLine(line: string): LineLabel | undefined {
  // `> **(a) What is the runtime ...**`: a reply that quotes each part's question before answering it.
  const quote = /^\s*(?:>\s?)+/.exec(line);
  if (quote) {
    const inner = readLineLabel(line.slice(quote[0].length));
    return inner && { ...inner, length: inner.length + quote[0].length };
  }
  // `⏺ Q4 (b) — ...`, `➤ Problem 2(a)`: a terminal's or a chat's mark before a numbered label
  // (Claude Code starts each of its messages with ⏺); the label after it is read as on its own.
  const mark = LEADING_MARK.exec(line);
  if (mark && /\d/.test(line.slice(mark[0].length, mark[0].length + 12))) {
    const inner = readLineLabel(line.slice(mark[0].length));
    if (inner?.question) return { ...inner, length: inner.length + mark[0].length };
  }
  const tag = SOURCE_TAG.exec(line);
  if (tag) {
    const inner = readLineLabel(line.slice(tag[0].length));
    if (inner?.question) return { ...inner, length: inner.length + tag[0].length };
  }
  const filed = FILED_HEADING.exec(line);
  if (filed) {
    const inner = readLineLabel(filed[1]! + line.slice(filed[0].length));
    if (inner?.question) return { ...inner, length: inner.length + filed[0].length - filed[1]!.length };
  }
  // `### (A) Problem 1(b)`: a write-up's own section letter before the question it holds; the
  // question's label is the line's (the capital in brackets would read as part (a)).
  const section = SECTION_LETTER.exec(line);
  if (section) {
    const inner = readLineLabel(line.slice(section[0].length));
    if (inner?.question) return { ...inner, length: inner.length + section[0].length };
  }
  // `一、Q2(e)：...`, `（三）第2题`, `2、(b)`: a Chinese or Japanese writer's section number before the label it holds.
  const ordinal = CJK_ORDINAL.exec(line);
  if (ordinal) {
    const inner = readLineLabel(line.slice(ordinal[0].length));
    if (inner?.question || inner?.part) return { ...inner, length: inner.length + ordinal[0].length };
  }
  // `**Corrected (c)** (no padding):`, `Revised (d)(i):`: a revision's word before the part it redoes.
  const revised = REVISION_WORD.exec(line);
  if (revised) {
    const inner = readLineLabel(revised[1]! + line.slice(revised[0].length));
    if (inner?.part) return { ...inner, length: inner.length + revised[0].length - revised[1]!.length };
  }
  // `**Answer 3(d) i.**`, `Solution to Q2(b):`: the word a write-up puts before the question and part it answers.
  const answered = ANSWER_WORD.exec(line);
  if (answered) {
    const inner = readLineLabel(answered[1]! + line.slice(answered[0].length));
    if (inner?.question && inner.part) return { ...inner, length: inner.length + answered[0].length - answered[1]!.length, ...(SAYS_ANSWER.test(answered[0]) ? { answers: true as const } : {}) };
  }
  // `Final answer (a):`, `For (b):` alone on a line: a reply's words leading into the part it goes on to answer.
  const led = LED_LETTER.exec(line);
  if (led) {
    const inner = readLineLabel(led[1]! + line.slice(led[0].length));
    if (inner?.part) return { ...inner, length: inner.length + led[0].length - led[1]!.length };
  }
  const bracketed = bracketedLabel(line) ?? titledBracketLabel(line);
  if (bracketed) return bracketed;
  let m: RegExpExecArray | null;
  // Problem 4: Part (a) / Question 7 / Q1(a) / ## Problem 2 (5+5 points)
  if ((m = WORD_LABEL.exec(line))) {
    if (!m[2] || letterIsLabel(m[0], m[2], true)) return label(m[1], m[2], m[3], m[0].length, true);
    // `Question 1 A student ...`: a capital letter with no brackets starts the text, not a part.
    const q = new RegExp(`${LEAD}${Q_WORD}(\\d{1,2})${END}`, 'i').exec(line);
    if (q) return label(q[1], undefined, undefined, q[0].length, true);
  }
  if ((m = DASHED_BRACKETED.exec(line))) return label(m[1], m[2], m[3], m[0].length, true);
  if ((m = DASHED.exec(line))) {
    const sub = m[3] && /^\d$/.test(m[3]) ? ROMAN[Number(m[3]) - 1] : m[3];
    return label(m[1], m[2], sub, m[0].length, true);
  }
  // Part (c): / Part c.
  if ((m = PART_WORD.exec(line))) return label(undefined, m[1], m[2], m[0].length, true);
  // 1/a). 3/d. 1a. 1.a 1a: 3(d)(ii) **1a** ### 1(a)
  if (
    (m = NUMBER_PART.exec(line)) &&
    letterIsLabel(m[0], m[2]!) &&
    // `2. c = 1/√d_in`: a list's item that opens on an equation for a one-letter name, not part (c).
    !(/^[^()]*$/.test(m[0]) && /^\s*(?:[=≈≤≥<>]|\\(?:approx|leq?|geq?)\b)/.test(line.slice(m[0].length))) &&
    (/[/.(]/.test(m[0].replace(/^\s*(?:[-*+]\s+)?/, '').slice(m[1]!.length, m[1]!.length + 3)) || /[).:*_]|^\s*#/.test(m[0]) || /\)\s*$/.test(m[0]))
  ) {
    return label(m[1], m[2], m[3], m[0].length, true);
  }
  // `## (a) The convolution`: a Markdown heading over a bare part letter. Before it, what chat
  // replies decorate a line with: a bullet, an emoji or arrow (`✅ (a)`, `➤ (b)`), or a list's own
  // number before a part letter in brackets (`1. **(a)**`).
  const bare = line.replace(/^\s*(?:[-*+•]\s+|[\p{Extended_Pictographic}\u2190-\u21ff\u2794-\u27bf\u25b6\u25ba]+\uFE0F?\s*|\d{1,2}[.)]\s+(?=(?:\*\*)?\([a-hA-H]\)))?(?:#{1,6}\s+)?/u, '');
  // `Solution (a):`, `**Answer to (b).**`, `**Answer (ii)**`: the word a write-up puts before the part or subpart it answers.
  const answerWord = /^(\*\*)?(?:(?:final\s+)?answer|solution|ans\.?|sol\.?)\s*(?:(?:to|for|of)\s+)?(?:part\s*)?(?=\([a-h]\)|[a-h]\)|\([ivx]{1,4}\))/i.exec(bare);
  const s = answerWord ? (answerWord[1] ?? '') + bare.slice(answerWord[0].length) : bare;
  const lead = line.length - s.length;
  // (a) **(a)** a) (b). **(a):** (A) B) — a part letter alone; `a.` / `**a.**` / `a:` only before a space, so
  // `e.g.` is none; a capital only with a bracket (`A. Smith`, `A: yes` start sentences).
  // `**(d)(ii)**`, `**(d) ii.**`: a subpart right after the letter is the letter's (`(b) i.e.` is no subpart);
  // so is it after a letter with one bracket, in brackets as the letter is (`d) ii) stride 2`, `d)(ii)`).
  if (
    (m =
      /^(?:\*\*)?\(([a-hA-H])\)(?:\s*\(([ivx]{1,4})\)|\s+([ivx]{1,4})(?:[.)](?![a-z])|(?=:?\*\*)))?(?:\*\*)?\s*[.:]?(?:\*\*)?|^(?:\*\*)?([a-hA-H])\)(?:\s*\(([ivx]{1,4})\)|\s+([ivx]{1,4})\)(?=\s|$))?(?:\*\*)?\s*[.:]?(?:\*\*)?|^(?:\*\*)?([a-h])[.:](?:\*\*)?(?=\s|$)/.exec(
        s,
      ))
  ) {
    // `(c)의 조건 …`, `(c)の式より …`: a part's letter its possessive particle follows is a sentence's reference to it, not its heading.
    if (POSSESSED.test(s.slice(m[0].length))) return undefined;
    const roman = m[2] ?? m[3] ?? m[5] ?? m[6];
    const sub = roman && isRoman(roman) ? { subpart: roman } : {};
    const answers = answerWord && SAYS_ANSWER.test(answerWord[0]) ? { answers: true as const } : {};
    return { part: (m[1] ?? m[4] ?? m[7])!.toLowerCase(), ...sub, length: lead + m[0].length, strong: false, ...answers };
  }
  // i. ii) (iii) **ii.**
  if ((m = /^(?:\*\*)?\(?([ivx]{1,4})[.)](?:\*\*)?\s+|^(?:\*\*)?\(([ivx]{1,4})\)(?:\*\*)?\s*/.exec(s)) && isRoman(m[1] ?? m[2]!)) {
    const answers = answerWord && SAYS_ANSWER.test(answerWord[0]) ? { answers: true as const } : {};
    return { subpart: (m[1] ?? m[2])!, length: lead + m[0].length, strong: false, ...answers };
  }
  return undefined;
}

/** Korean's, Japanese's and Chinese's possessive particle (의, の, 的) right after a label, unless what it possesses is the answer (`(a)の答え`, `(a)의 답`). */
const POSSESSED = /^(?:의|の|的)(?!\s*(?:答え|解答|答案|解|정답|답|풀이))/;

const ALSO = /^\s*(?:\*\*)?\s*(,|and|&|\/|\+|–|—|-|to|through)\s*(?:part\s*)?\(?([a-h])\)(?:\*\*)?/i;

/**
 * The other part letters a label names after its first (`(a) and (b)`, `(a)–(c)`, `Parts (a), (b)`):
 * one block of text that answers several parts. `rest` is the line after the label; `length` is
 * how much of it the letters took.
 */
export function alsoNamed(first: string, rest: string): { parts: string[]; length: number } {
  const parts: string[] = [];
  let length = 0;
  let last = first;
  for (let m = ALSO.exec(rest); m; m = ALSO.exec(rest.slice(length))) {
    const letter = m[2]!.toLowerCase();
    if (letter <= last) break;
    // `(a)–(c)`: a range names the letters between too.
    const range = /^(?:–|—|-|to|through)$/i.test(m[1]!);
    for (let c = range ? last.charCodeAt(0) + 1 : letter.charCodeAt(0); c <= letter.charCodeAt(0); c++) parts.push(String.fromCharCode(c));
    last = letter;
    length += m[0].length;
  }
  if (parts.length) length += /^\s*(?:\*\*)?\s*[:.]?(?:\*\*)?/.exec(rest.slice(length))![0].length;
  return { parts, length };
}
