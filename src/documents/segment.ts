import type { Attempt, Message, PartResponse } from '../model/submission.js';
import { alsoNamed, APPENDIX_SECTION, labelCell, readLineLabel, type LineLabel } from './part-ids.js';
import { subsectionOf } from './subsection-numbers.js';
import { alignedRows, continuesRow, type AlignedRow } from './aligned-rows.js';
import { quotesBeforeVerdicts } from './quotes-before-verdicts.js';
import { splitInlineLabels } from './inline-labels.js';
import { commentLabel, cutBeforeComment, labellingComments } from './code-comment-labels.js';
import { SOLUTION_LINE } from './problem-set.js';
import { correctsItself } from '../check/retraction.js';
import { rowCells } from '../check/types/table.js';
import { isPersonColumn } from './column-headers.js';
import { markColumns } from './person-scores.js';
import { pastedPart, withoutCopiedStatements } from './pasted-statements.js';
import { restartsQuestion } from './restarted-labels.js';
import { headingsToNextPrompt } from './trailing-headings.js';
import { titledQuestionHeadings } from './titled-questions.js';
import { listedQuestions } from './listed-questions.js';
import { isQuestionNote } from './transcripts.js';
import { endsAskingLearner, LEARNER_REPLY_MAX } from './tutor-questions.js';
import { PICTURE_EXTENSIONS } from './upload-names.js';
import { questionNamedInProse } from './named-in-prose.js';
import { questionOfTitleBlock } from './named-question.js';
import { withPartsNamedBySubject } from './subject-named-parts.js';
import { partByData } from './part-by-data.js';

/** SOLUTION_LINE on any line of a text, in one scan instead of one test per line. */
const SOLUTION_ON_A_LINE = new RegExp(SOLUTION_LINE.source, 'im');

/** What alignment knows of the key's questions: their parts in order, and their titles and text. */
export interface QuestionOutline {
  number: string;
  title?: string;
  text?: string;
  /** Part ids of this question, in document order (`3.a`, `3.d.i`, ...). */
  parts: string[];
  /** Each part's own statement (its title and text), by part id, where the problem set or key has one. */
  partTexts?: Record<string, string>;
  /** Whether `text` and `partTexts` are the problem set's own words (not the key's titles): a pasted copy of them can be recognised. */
  stated?: boolean;
}

const STOP = new Set('the a an of and or for to in on with by at as is are be this that we our your from into using use let part problem question'.split(' '));

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .replace(/\\[a-z]+/g, ' ')
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' ')
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

/**
 * A runner-up match at least this share of the best makes an alignment by text doubtful: fewer
 * than one word in ten tells the two questions apart (relative, so a long pasted question with
 * many shared words is judged like a short heading).
 */
const CLOSE_MATCH = 0.9;

/** How a response was aligned, and why that may be doubted. */
interface Aligned {
  by: PartResponse['alignedBy'];
  doubt?: string;
  /** The doubt is only which of one question's parts a turn asks: a reply's own part labels settle it. */
  ofPart?: boolean;
}

/** Share of a heading's words found in a question's title and text (0..1). */
function similarity(heading: string, q: QuestionOutline): number {
  const h = words(heading);
  if (!h.size) return 0;
  const title = words(q.title ?? '');
  const text = words(`${q.title ?? ''} ${q.text ?? ''}`);
  let inTitle = 0;
  let inText = 0;
  for (const w of h) {
    if (title.has(w)) inTitle++;
    if (text.has(w)) inText++;
  }
  return Math.max(title.size ? inTitle / Math.min(h.size, title.size) : 0, (0.8 * inText) / h.size);
}

/**
 * The key question a submission's question refers to: by its title or text when one matches
 * well (a transcript's "Problem 5" may be the key's question 7), else by its number.
 */
export function alignQuestion(number: string | undefined, heading: string, outline: QuestionOutline[], after?: string): { number?: string; by: 'number' | 'title'; doubt?: string } {
  const byNumber = number ? outline.find((q) => q.number === number) : undefined;
  if (heading.trim()) {
    const scored = outline.map((q) => ({ q, s: similarity(heading, q) })).sort((a, b) => b.s - a.s);
    const best = scored[0];
    const numberScore = byNumber ? similarity(heading, byNumber) : 0;
    // A question the key has, named by a heading of a word or two: too little text to overrule its number.
    const few = byNumber && words(heading).size < 3;
    if (best && !few && best.s >= 0.5 && best.s > numberScore + 0.15) {
      // Another question's text matches nearly as well: the choice between them is a guess.
      const close = scored[1] && scored[1].s >= best.s * CLOSE_MATCH ? scored[1] : undefined;
      const said = number ? `numbered ${number}, ` : '';
      const doubt = close
        ? `${said}aligned to question ${best.q.number} by its text (match ${best.s.toFixed(2)}), but question ${close.q.number} matches nearly as well (${close.s.toFixed(2)})`
        : undefined;
      return { number: best.q.number, by: 'title', ...(doubt ? { doubt } : {}) };
    }
  }
  if (byNumber) return { number: byNumber.number, by: 'number' };
  // A number the key does not have (its questions 5–6 were coding, left out): the key's next
  // question after the one answered last.
  if (number && after !== undefined) {
    const next = outline[outline.findIndex((q) => q.number === after) + 1];
    if (next && Number(next.number) > Number(after) && Number(number) > Number(after)) return { number: next.number, by: 'number' };
  }
  return { ...(number ? { number } : {}), by: 'number' };
}

/**
 * The question a text pasted with no number is: the one its opening lines match by title, unless
 * another matches nearly as well (`Consider a conv layer with input X ...` is one question's
 * dimensions and another's gradients); then the one its whole text, parts and all, is about, when that is clear.
 */
function questionOfPaste(heading: string, text: string, outline: QuestionOutline[]): { number?: string; by: 'number' | 'title'; doubt?: string } {
  const aligned = alignQuestion(undefined, heading, outline);
  if (!aligned.doubt) return aligned;
  const whole = questionByContent(text, outline);
  return whole && !whole.doubt ? { number: whole.question, by: 'title' } : aligned;
}

/** Accumulates attempts per part id, keeping their order. */
class Responses {
  private readonly byId = new Map<string, PartResponse>();
  private readonly turns = new Set<number>();

  has(partId: string): boolean {
    return this.byId.has(partId);
  }

  /** Whether the message at `turn` answered some part. */
  answeredIn(turn: number): boolean {
    return this.turns.has(turn);
  }

  /** `restated`: a new attempt even within the reply of the last one (a closing summary's row). */
  add(partId: string, label: string, attempt: Attempt, aligned: Aligned, asNewAttempt = true, restated = false): void {
    const text = attempt.text.trim();
    if (!text) return;
    if (attempt.turn !== undefined) this.turns.add(attempt.turn);
    const existing = this.byId.get(partId);
    if (!existing) {
      const a = { ...attempt, text };
      this.byId.set(partId, { partId, label, first: a, final: a, attempts: [a], alignedBy: aligned.by, ...(aligned.doubt ? { alignmentDoubt: aligned.doubt } : {}) });
      return;
    }
    // Two labels of one reply that name the same part (`(d)` then `i.`) are one attempt.
    if (restated || (asNewAttempt && !(attempt.turn !== undefined && existing.final.turn === attempt.turn))) {
      const a = { ...attempt, text };
      existing.attempts.push(a);
      existing.final = a;
    } else {
      // More of the same attempt (a write-up that returns to a part).
      const shared = [...new Set([...(existing.final.sharedWith ?? []), ...(attempt.sharedWith ?? [])])];
      const merged = { ...existing.final, text: `${existing.final.text}\n${text}`, ...(shared.length ? { sharedWith: shared } : {}) };
      existing.attempts[existing.attempts.length - 1] = merged;
      if (existing.attempts.length === 1) existing.first = merged;
      existing.final = merged;
    }
  }

  list(order: string[]): PartResponse[] {
    const rank = (id: string) => {
      const i = order.indexOf(id);
      return i < 0 ? order.length : i;
    };
    return [...this.byId.values()].sort((a, b) => rank(a.partId) - rank(b.partId));
  }
}

/** The id a label names, in a question, against the key's parts (`3` + `d` + `ii` → `3.d.ii`). */
function idFor(question: string | undefined, part: string | undefined, subpart: string | undefined, outline: QuestionOutline[]): string | undefined {
  if (!question) return undefined;
  const q = outline.find((o) => o.number === question);
  const candidates = [[question, part, subpart].filter(Boolean).join('.'), [question, part].filter(Boolean).join('.'), question];
  if (!q) return candidates[0];
  // `ii.` with no part label: the key's only subpart of that name in the question.
  if (!part && subpart) {
    const matches = q.parts.filter((p) => p.endsWith(`.${subpart}`) && p.split('.').length === 3);
    if (matches.length === 1) return matches[0];
  }
  for (const c of candidates) if (q.parts.includes(c)) return c;
  // A subpart label alone inside a part: `ii.` under the current part.
  return q.parts.find((p) => p.startsWith(`${candidates[0]!}.`)) ?? candidates[0];
}

/** The key's part ids of the further letters a label names (`(a) and (b)`), in its question. */
function alsoIds(question: string | undefined, letters: string[] | undefined, outline: QuestionOutline[]): string[] {
  const q = outline.find((o) => o.number === question);
  return (letters ?? []).map((x) => idFor(question, x, undefined, outline)).filter((x): x is string => !!x && !!q?.parts.includes(x));
}

/** `sharedWith` for one of the parts a block answers: the others. */
function sharing(id: string, ids: string[]): { sharedWith?: string[] } {
  const others = ids.filter((x) => x !== id);
  return others.length ? { sharedWith: others } : {};
}

interface Segment {
  label?: LineLabel;
  /** Further part letters the label names (`(a) and (b)`): the segment answers them too. */
  also?: string[];
  text: string;
  line: number;
  /** A `N. text` line: a question heading only if N is the next question (the caller decides). */
  numbered?: string;
  /** The label is a table row's first cell (`| 4(c) | $K + L(K-1)$ |`). */
  row?: boolean;
  /** The report's section the label's subsection is in (`2` of `2.5  Q4(a) — ...`), when it is numbered so. */
  section?: string;
}

/**
 * `| (b) | $y_2(n) = y(n-5)$ |`, `| 7(b) | Mean | $0$ |`: a table row whose first cell is a part's
 * label, as a line `(b) ...` with its other cells (`Mean: $0$`), so a summary table of all parts
 * is read part by part. Undefined for any other line.
 */
function labelledRow(line: string, header?: readonly string[], marks?: ReadonlySet<number>): string | undefined {
  const m = /^\s*\|\s*([^|]{1,24}?)\s*\|(.*)$/.exec(line);
  if (!m) return undefined;
  const name = labelCell(m[1]!)?.name;
  if (name === undefined) return undefined;
  // A cell that opens on a mark of judgement (`✗ (tail looks wrong)`, `✓`) is the person's verdict column, no part of the answer.
  const all = rowCells(m[2]!);
  // So is a column the header gives to the person (`What we asked`, `Our solution`, `Verdict / notes`),
  // unless it gives them every column (`| Part | My answer |` in a student's own table).
  // So is a column of marks and scores (`½`, `✓`), whatever its header.
  const theirs = header || marks?.size ? all.map((_, k) => !!marks?.has(k) || (!!header && isPersonColumn(header[k] ?? ''))) : [];
  const kept = theirs.some((t) => !t) ? all.filter((_, k) => !theirs[k]) : all;
  const cells = kept.filter((c) => c && !JUDGEMENT_MARK.test(c));
  return cells.length ? `${name} ${cells.join(': ')}` : undefined;
}

/** The mark columns (markColumns) of the table whose first line is `lines[from]`, read over its rows that open on a part's label. */
function tableMarks(lines: readonly { text: string }[], from: number): Set<number> {
  const rows: string[][] = [];
  for (let k = from; k < lines.length && /^\s*\|/.test(lines[k]!.text); k++) {
    const cells = rowCells(lines[k]!.text);
    if (labelCell(cells[0] ?? '')) rows.push(cells.slice(1));
  }
  return markColumns(rows);
}

/** A row of column names: two cells or more, each a few words, no numbers or formulas (`Part | What we asked | Model's final answer`). */
function namesColumns(cells: readonly string[]): boolean {
  const named = cells.filter((c) => c);
  return named.length >= 2 && named.every((c) => c.length <= 40 && !/[\d=$\\]/.test(c));
}

/** A Markdown table's separator row (`|---|:--:|`), under its header. */
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** A section's number before a question's word and number (`1. Problem 2:`, `## 2. Question 3 excerpts`), which is no question of its own. */
const SECTION_NUMBER = /^\s*(#{1,6}\s*)?\d{1,2}[.)]\s+(?=(?:\*\*)?(?:problem|question|exercise)\s*\d{1,2}\b)/i;

/**
 * `### Excerpt 1 — 3(a)`, `## Appendix B: 3(c) and 3(d)`: a heading whose title ends on the parts it
 * holds, after a dash or a colon. Read as if the parts came first (`### 3(a) — Excerpt 1`).
 */
const TITLE_THEN_PARTS =
  /^(\s*#{1,6}\s+)(?!\s*(?:\*\*)?(?:\d|\(|problem|question|part)\b)([^\n]{1,60}?)(?:\s*:|\s+[—–-])\s+(\d{1,2}\s*\(?[a-h]\)?(?:\s*\(?[ivx]{1,4}\))?(?:\s*(?:,|and|&)\s*(?:\d{1,2}\s*)?\(?[a-h]\)?(?:\s*\(?[ivx]{1,4}\))?)*)\s*$/i;

/** A mark of judgement opening a text. */
const JUDGEMENT_MARK = /^\s*[✓✔✗✘❌☑✅❎☒]/u;

/** Marks of judgement alone (`✓`, `✗;`, `✔️ ✔️`), with the punctuation around them: what a person scores a part with. */
const JUDGEMENT_ONLY = /^[\s:;,.–—-]*(?:[✓✔✗✘❌☑✅❎☒]\uFE0F?[\s;,.!]*)+$/u;

/** `(f ) Many parallel problems`: a PDF's letter set apart from its closing bracket (the kerning of an italic f). */
const SPACED_LETTER = /^(\s*(?:\*\*)?\()([a-h]) \)/;

/** A line that ends on a word no sentence ends with: the next line carries the sentence on. */
const ENDS_MID_SENTENCE = /\b(?:from|of|in|to|by|with|for|on|at|the|an|and|or|than|into|under)\s*$/i;

/** A line that opens or closes a fenced code block (three backticks or tildes, perhaps a language). */
const FENCE = /^\s*(?:`{3,}|~{3,})/;
/** A comment line in code (Python, shell, C, MATLAB, SQL). */
const CODE_COMMENT = /^\s*(?:#|\/\/|%|--)/;

/** Cuts a text at the part labels that start its lines; text before the first label has none. `answers`: also where a label opens a clause (splitInlineLabels). */

export function splitAtLabels(text: string, firstLine = 1, numberedQuestions = false, answers = false): Segment[] {
  const out: Segment[] = [];
  let current: Segment = { text: '', line: firstLine };
  let previous = '';
  // A line of answers to several parts in a row is read as one line per part, each at the line's number.
  // (A prompt that asks "(a) ...? (b) ...?" in one line asks them as it did before.)
  let fenced = false;
  let opener = '';
  const lines = text.split('\n').flatMap((whole, i) => {
    // Inside a fenced code block, a comment is code: `# (a) W W^T, then ...` labels nothing. (A
    // program's printed output, `i. stride 1, pad 1:` over its matrix, still labels what follows.)
    const fence = FENCE.test(whole);
    const inside = fenced || fence;
    if (fence) fenced = !fenced;
    if (fence && fenced) opener = whole;
    const comment = fence || (inside && CODE_COMMENT.test(whole));
    return (answers && !inside ? splitInlineLabels(whole).split('\n') : [whole]).map((piece) => ({ text: piece, i, inside, comment, opener }));
  });
  // Unless the comments are all that names the parts (helpers answering each part in turn).
  const labelling = labellingComments(lines);
  // Rows of a table of parts laid out with spaces (`1a     2c·d_out²·d_in     ✔`), and the column the
  // row under way has its cells from, while one is.
  const aligned = alignedRows(lines.map((l) => (l.inside ? '' : l.text)));
  let rowColumn: number | undefined;
  // How a line wrapped under that row goes on with it (its cells as the row's table reads them).
  let rowWrapped: AlignedRow['wrapped'] | undefined;
  // `> **(d)(i)** stride 1 ...` / `> y = [[...],` / `>      [...]]`: a part quoted whole (a report's
  // excerpt of a reply) goes on over the quoted lines after its label, read without their marks.
  let quoted = false;
  // The header of the table the lines are in, its cells after the label column's: the last row
  // above that names its columns in words (a sheet printed with its title rows above the header
  // has no Markdown header of its own).
  let header: string[] | undefined;
  // The columns of the table the lines are in that hold the person's marks (markColumns), found at its first line.
  let marks: Set<number> | undefined;
  lines.forEach(({ text: raw, i, comment, opener: fence }, at) => {
    if (!/^\s*\|/.test(raw)) header = marks = undefined;
    else if (!TABLE_SEPARATOR.test(raw)) {
      marks ??= tableMarks(lines, at);
      const cells = rowCells(raw);
      if (namesColumns(cells) && !labelledRow(raw)) header = cells.slice(1);
    }
    if (labelling.has(at)) {
      const { before, moved } = cutBeforeComment(current.text, fence);
      current.text = before;
      if (current.text.trim() || current.label || current.numbered) out.push(current);
      current = { label: commentLabel(raw)!, text: [fence, moved, raw].filter(Boolean).join('\n'), line: firstLine + i };
      previous = raw;
      return;
    }
    // A blank line labels nothing (no pattern below reads one) and is kept as a comment is: a third of
    // a write-up's lines went through every label pattern.
    if (comment || !raw.trim()) {
      current.text += (current.text ? '\n' : '') + raw;
      previous = raw;
      return;
    }
    const alignedRow = aligned.get(at);
    if (alignedRow) {
      if (current.text.trim() || current.label || current.numbered) out.push(current);
      current = { label: alignedRow.label, text: alignedRow.text, line: firstLine + i, row: true };
      rowColumn = alignedRow.column;
      rowWrapped = alignedRow.wrapped;
      previous = raw;
      return;
    }
    if (rowColumn !== undefined) {
      // A cell wrapped under the row goes on with it; a line out of the table's columns ends the table,
      // and what follows it (a score, the next section) is no row's.
      if (continuesRow(raw, rowColumn)) {
        current.text += rowWrapped ? rowWrapped(raw) : ` ${raw.trim()}`;
        previous = raw;
        return;
      }
      rowColumn = undefined;
      out.push(current);
      current = { text: '', line: firstLine + i };
    }
    const quote = /^\s*>\s?/.exec(raw);
    // `$$i. \begin{bmatrix}`: a subpart label written inside display math.
    const dollar = /^\s*\$\$\s*(?=(?:[ivx]{1,4})\.\s)/.exec(raw);
    const row = dollar ? undefined : labelledRow(raw, header, marks);
    // `1. Problem 2: Vector Calculus Review`: a section's own number before the question it names.
    const numberedAs = subsectionOf(row ?? (dollar ? raw.slice(dollar[0].length) : raw));
    const line = numberedAs.line.replace(SECTION_NUMBER, '$1').replace(SPACED_LETTER, '$1$2)').replace(TITLE_THEN_PARTS, '$1$3 — $2');
    const read = readLineLabel(line);
    // `... the constraint from` / `(c) gives ...`: a sentence a page (or a writer) wrapped before a
    // part's letter refers to that part; it does not start it.
    // `(g) ✓`, `4(b): ✗`: a part's label over nothing but a mark of judgement is a person scoring the
    // part, never its answer (`My scores: (e) ✓; (f) ✓` after a reply), and starts no part.
    const label = read && ((!read.question && ENDS_MID_SENTENCE.test(previous)) || JUDGEMENT_ONLY.test(line.slice(read.length))) ? undefined : read;
    previous = raw;
    // `8.` or `1)` alone, `**4.** T = ...`, or `- 5. Suppose ...`: possibly a question heading.
    const numbered = label || !numberedQuestions ? null : /^\s*(?:[-*]\s+)?(?:\*\*)?(\d{1,2})[.)](?:\*\*)?(?:\s+(\S.*))?\s*$/.exec(raw);
    if (label || numbered) {
      quoted = !!quote && !!label;
      if (current.text.trim() || current.label || current.numbered) out.push(current);
      const also = label?.part ? alsoNamed(label.part, line.slice(label.length)) : undefined;
      current = label
        ? {
            label,
            // (`Answer (b): 2c d_out d_in^2 per iteration, ...`: the label's word marks what follows it on its line as the answer.)
            text: (dollar ? '$$' : '') + answerMark(label, line, line.slice(label.length + (also?.length ?? 0))),
            line: firstLine + i,
            ...(also?.parts.length ? { also: also.parts } : {}),
            ...(row ? { row: true } : {}),
            ...(numberedAs.section ? { section: numberedAs.section } : {}),
          }
        : { text: numbered![2] ?? '', line: firstLine + i, numbered: numbered![1]! };
      return;
    }
    quoted &&= !!quote;
    // A table's row is one line: what follows the table (a closing remark, the next post) is no row's.
    if (current.row && rowColumn === undefined && !/^\s*\|/.test(raw)) {
      out.push(current);
      current = { text: '', line: firstLine + i };
    }
    current.text += (current.text ? '\n' : '') + (quoted ? raw.slice(quote![0].length) : raw);
  });
  if (current.text.trim() || current.label || current.numbered) out.push(current);
  return out;
}

/** A label's line after it, marked `Answer:` when the label says its text is the answer (LineLabel.answers). */
const answerMark = (label: LineLabel, line: string, rest: string) =>
  // (Only a label closed by its colon: `Answer problem 1 (a) and (b) ...` asks for answers; it states none.)
  label.answers && rest.trim() && /[:：]\s*(?:\*\*)?\s*$/.test(line.slice(0, label.length)) ? `Answer: ${rest.trimStart()}` : rest;

/** Words that ask, at a sentence's start: what a pasted part statement has and a reply's text seldom does. */
export const ASKS = /(?:^|[.:)]\s+)(?:compute|derive|evaluate|find|show|prove|explain|determine|calculate|fill in|give|write|plot|sketch|what|which|how|why|is there)\b/i;

/** Whether a turn asks something: a question mark, or a request's verb at a sentence's start (ASKS). */
export const asksSomething = (text: string): boolean => text.includes('?') || ASKS.test(text);

/**
 * A question pasted above its answers with no number, its parts' letters then the answer's
 * (`(a) ... How many weights? (b) ... What is the output shape?` then `### (a) ...`): the first run
 * of lettered parts, each asking in words with no formula typeset, whose letters the text labels
 * again in the same order right after it, is the question (`asked`), not answers to it; `rest` is the text's other segments.
 */
function askedRun(segs: Segment[]): { asked: Segment[]; rest: Segment[] } {
  const { start, end } = firstLetters(segs);
  const n = end - start;
  if (n < 2 || !segs.slice(start, end).every((s) => asksInWords(s.text))) return { asked: [], rest: segs };
  const again = segs.slice(end, end + n);
  const repeated = again.length === n && again.every((s, i) => letterOf(s) === letterOf(segs[start + i]));
  return repeated ? { asked: segs.slice(start, end), rest: [...segs.slice(0, start), ...segs.slice(end)] } : { asked: [], rest: segs };
}

/** A part's letter in a segment (`(b)`, `Q4 (b)`), with or without its question's number. */
const partLetter = (s: Segment) => s.label?.part;

/**
 * What a pasted question or a note's opening line only names, when the text labels the same
 * letters again below it (`Q2 MuP ... (b) what c ...? (d) ...?` on one line, then `**(b)**` ...;
 * `Q4 (a)-(d), asked you.com ...` over `(a)` ... `(d)`): two or more parts asked in one line
 * (each in words, no formula typeset), or a first label that lists several parts. These name the
 * question, so they keep its number as a heading (no part's answer); the labels below are its
 * parts' answers, not the next question's.
 */
function namingOnly(segs: Segment[]): Segment[] {
  const out = [...segs];
  const laterHas = (from: number, line: number, letter: string) => out.some((s, j) => j > from && s.line > line && partLetter(s) === letter);
  const headingOnly = (s: Segment): Segment[] => (s.label?.question ? [{ text: s.text, line: s.line, label: { question: s.label.question, length: s.label.length, strong: s.label.strong } }] : []);
  const first = out.findIndex((s) => s.label);
  const opening = out[first];
  if (opening?.label?.question && opening.label.part && opening.also?.length && [opening.label.part, ...opening.also].every((x) => laterHas(first, opening.line, x))) {
    out.splice(first, 1, ...headingOnly(opening));
  }
  for (let i = 0; i < out.length; i++) {
    let end = i;
    while (out[end + 1]?.line === out[i]!.line) end++;
    const run = out.slice(i, end + 1).filter(partLetter);
    if (run.length >= 2 && run.every((s) => asksInWords(s.text.split('\n', 1)[0]!)) && run.every((s) => laterHas(end, s.line, partLetter(s)!))) {
      const kept = out.slice(i, end + 1).flatMap((s) => (partLetter(s) ? headingOnly(s) : [s]));
      out.splice(i, end + 1 - i, ...kept);
      end = i + kept.length - 1;
    }
    i = end;
  }
  return out;
}

/** A reply that ends on a code block or its printed output (an agent's run, before the reply goes on). */
const RAN_CODE = /```\s*$/;

/** A row's cells that hold no answer: a dash or `n/a` where the answer would be, perhaps with the person's `no answer` beside it. */
const NO_ANSWER_CELL = /^(?:[—–-]+|n\/?a)?(?:\s*:?\s*(?:[—–-]+|n\/?a|no\s+answer|not\s+answered|skipped))*$/i;

/** A part's statement as a person pastes it: it asks, in words, with no formula typeset. (In one line: the line after its label, not the reply below it.) */
const asksInWords = (text: string) => !/\$|\\\(|\\begin\{/.test(text) && (text.includes('?') || ASKS.test(text.trimStart()));

/** A bare part letter's segment's letter (`(b)`, no question named with it). */
const letterOf = (s: Segment | undefined) => (s?.label?.part && !s.label.question ? s.label.part : undefined);

/** The text's first labels when they are bare letters, each once (`(a)` ... `(f)`): where that run starts and ends (empty when a label before them names more). */
function firstLetters(segs: readonly Segment[]): { start: number; end: number } {
  const start = segs.findIndex((s) => s.label);
  if (start < 0 || !letterOf(segs[start])) return { start: 0, end: 0 };
  let end = start;
  const seen = new Set<string>();
  while (letterOf(segs[end]) && !seen.has(letterOf(segs[end])!)) seen.add(letterOf(segs[end++])!);
  return { start, end };
}

/**
 * LaTeX's default `enumerate` numbers a question's parts `1.` `2.` ... and a part's own items
 * `(a)` `(b)`: a run of `1.`, `2.`, ... starting right under a question heading (nothing but its
 * title between) names that question's lettered parts in order, and the lettered items inside
 * one name its subparts. Guards, so that a student's numbered steps stay steps: the question has
 * at least as many lettered parts as the run has items (two or more), the heading has no prose of
 * its own, and every lettered item stands in an item whose part has that many subparts.
 */
function enumeratedParts(segs: Segment[], outline: QuestionOutline[]): Segment[] {
  const out = [...segs];
  for (let h = 0; h < out.length; h++) {
    const head = out[h]!.label;
    if (!head?.question || head.part || head.subpart || !out[h + 1]) continue;
    // The lines between the heading and the next label (its title, on the heading's line, aside) are blank.
    const between = out[h + 1]!.line - out[h]!.line - 1;
    if (
      between > 0 &&
      out[h]!.text.split('\n')
        .slice(-between)
        .some((l) => l.trim())
    )
      continue;
    const q = outline.find((o) => o.number === head.question);
    const letters = [...new Set((q?.parts ?? []).map((id) => id.split('.')[1]).filter((x): x is string => !!x && /^[a-z]$/.test(x)))];
    const subs = (letter: string) => (q?.parts ?? []).filter((id) => id.split('.')[1] === letter && id.split('.')[2]).map((id) => id.split('.')[2]!);
    // The run: items `k.` (or `k. (a)`, which reads as question k's part a) and lettered items inside them.
    const run: { at: number; item: number; nested?: string }[] = [];
    let item = 0;
    for (let i = h + 1; i < out.length; i++) {
      const s = out[i]!;
      const k = Number(s.numbered ?? (s.label?.question && !s.label.subpart ? s.label.question : NaN));
      if (k === item + 1 && (s.numbered || s.label?.part)) {
        item = k;
        run.push({ at: i, item, ...(s.label?.part ? { nested: s.label.part } : {}) });
      } else if (item && s.label && !s.label.question && s.label.part && !s.label.subpart) run.push({ at: i, item, nested: s.label.part });
      else break;
    }
    const items = item;
    const nestedOk = run.every((r) => {
      if (!r.nested) return true;
      const subparts = subs(letters[r.item - 1] ?? '');
      const index = r.nested.charCodeAt(0) - 97;
      return index < subparts.length;
    });
    if (items < 2 || items > letters.length || !nestedOk) continue;
    for (const r of run) {
      const part = letters[r.item - 1]!;
      const subpart = r.nested ? subs(part)[r.nested.charCodeAt(0) - 97] : undefined;
      const s = out[r.at]!;
      const { numbered: _, ...rest } = s;
      out[r.at] = { ...rest, label: { part, ...(subpart ? { subpart } : {}), length: 0, strong: false } };
    }
    h = run[run.length - 1]!.at;
  }
  return out;
}

/** A line that reads as a title: a capital, then no formula and no sentence's end. */
const TITLE_LINE = /^[A-Z][^$=\\.:;?!]{2,70}$/;

/** A line of rule characters only (`=====`, `-----`, `***`): a box drawn around a heading. */
const RULE_LINE = /^[=\-_*~#]{3,}$/;

/**
 * `3. Convolution as FIR filter` over `(a)`, after question 1 (the student skipped 2): a numbered
 * title is that question's heading, though it is not the next number, when the key has the
 * question, a part label of it comes right after, and the title is one (title-cased, or its words
 * are the question's). A step `3. multiply by W` in an answer is none of these.
 */
function headsQuestion(seg: Segment, following: Segment | undefined, outline: QuestionOutline[], current: string | undefined): boolean {
  const q = outline.find((o) => o.number === seg.numbered);
  const letter = letterOf(following);
  if (!q || q.number === current || !letter || !q.parts.some((id) => id.split('.')[1] === letter)) return false;
  const heading = (seg.text.split('\n')[0] ?? '').trim();
  // `4.` alone on its line (perhaps boxed in by rules, `=====`) over its own lettered parts: a
  // section heading, though questions were skipped before it (a group that answered 1, 2, 4 and 7);
  // a list's item has words after its number.
  if ((heading === '' || RULE_LINE.test(heading)) && (current === undefined || Number(q.number) > Number(current))) return true;
  return TITLE_LINE.test(heading) && (titleCased(heading) || similarity(heading, q) >= 0.5);
}

/** Whether the labelled segment at `k` (`Q3 (c), (d)`) is followed, before any other label, by its own first letter again with no number (`(c)`). */
function headsItsParts(segs: readonly Segment[], k: number): boolean {
  const next = segs.slice(k + 1).find((s) => s.label);
  return !!next?.label && !next.label.question && next.label.part === segs[k]!.label!.part;
}

/**
 * A write-up's responses: labels in any usual numbering (`1/a).`, `(b).`, `3/d.`, `i.`,
 * `Part (c)`, `Problem 4: Part (a)`, `Question 7`), each continuing the question before it.
 * `fileQuestion`: the one question the file's name names (`hw4-q2.md`), for letters nothing else places.
 * `letterQuestion`: the question a bare letter is of by the parts the document says it covers (coveredQuestionOf), before any is named.
 */
export function segmentWriteup(text: string, outline: QuestionOutline[], fileQuestion?: string, letterQuestion?: (letter: string, current?: string) => string | undefined): PartResponse[] {
  const responses = new Responses();
  let question: string | undefined;
  let part: string | undefined;
  let alignedBy: Aligned = { by: 'number' };
  let lastId: string | undefined;
  let solutionSeen = false;
  // Where the last question heading stood, and where each part was last answered (indices of segs).
  let headedAt = -1;
  const answeredAt = new Map<string, number>();
  // Parts answered by a text that does more than ask (not only a pasted statement), and the letter labelled last.
  const answered = new Set<string>();
  const longer = new Set<string>();
  let previousLetter: string | undefined;
  // Subparts answered only under their part's label (`## 3(d)` read as 3.d.i, the key's first of 3.d):
  // a later `(d)(i)` names the subpart for the first time, and repeats no label.
  const partLabelOnly = new Set<string>();
  // The number of the last numbered line kept as a list item in an answer (`1) expand the square`).
  let listItem: number | undefined;
  // The report's section its parts' subsections are numbered in (`2` of `2.1  Q2(b) — ...`), once one is.
  let reportSection: string | undefined;
  const { asked, rest } = askedRun(splitAtLabels(text, 1, true, true));
  // A question pasted above its answers with no number: the one whose parts its asks' words are, when each names its own letter's part of one question.
  const pastedQuestion = questionOfParts(asked, outline);
  const segs = withPartsNamedBySubject(quotesBeforeVerdicts(enumeratedParts(namingOnly(rest), outline)), outline);
  // `HW4 Q4 — Alex R. (...)` over bare `(d)`, `(e)`, `(b)`: the one question the title block names;
  // else the one the file's name names.
  const headed = (segs[0] && !segs[0].label && !segs[0].numbered ? questionOfTitleBlock(segs[0].text, outline) : undefined) ?? fileQuestion;
  for (const [k, seg] of segs.entries()) {
    if (question === undefined && pastedQuestion && letterOf(seg)) {
      question = pastedQuestion;
      alignedBy = { by: 'title' };
    }
    if (question === undefined && headed && letterOf(seg)) question = headed;
    if (question === undefined && letterOf(seg)) question = letterQuestion?.(letterOf(seg)!);
    let l = seg.label;
    const sawSolution = SOLUTION_ON_A_LINE.test(seg.text);
    if (seg.section) reportSection = seg.section;
    // `3. Summary table` after `2.7  Q7(a) — ...`: the report's next section ends its last part's subsection.
    if (seg.numbered && reportSection !== undefined && Number(seg.numbered) > Number(reportSection)) {
      lastId = undefined;
      part = undefined;
      listItem = undefined;
      continue;
    }
    if (seg.numbered) {
      const next = question === undefined ? undefined : String(Number(question) + 1);
      const known = outline.some((o) => o.number === seg.numbered);
      // A numbered line opens a question when it is the next one (or the first the key has), and
      // does not go on from a list item before it (steps `1)`, `2)` inside question 1's answer).
      const continuesList = listItem !== undefined && Number(seg.numbered) === listItem + 1;
      if (!continuesList && ((question === undefined && known) || seg.numbered === next || headsQuestion(seg, segs[k + 1], outline, question))) l = { question: seg.numbered, length: 0, strong: true };
      else {
        if (lastId) responses.add(lastId, lastId, { text: `${seg.numbered}. ${seg.text}`, line: seg.line }, alignedBy, false);
        listItem = Number(seg.numbered);
        continue;
      }
    }
    listItem = undefined;
    if (!l) continue;
    if (l.question) {
      const heading = seg.text.split('\n')[0] ?? '';
      const aligned = alignQuestion(l.question, l.part ? '' : heading, outline, question);
      if (aligned.number !== question) solutionSeen = false;
      question = aligned.number;
      headedAt = k;
      previousLetter = undefined;
      alignedBy = aligned;
      part = undefined;
    }
    // `## Q3 (c), (d) — 2D convolution` over `**(c)** ...` and `**(d) i.** ...`: a heading that names
    // the parts labelled again under it is the question's section; its own text (the setup they
    // share) answers none of them, and the letters under it are that question's.
    if (l.question && l.part && headsItsParts(segs, k)) {
      part = undefined;
      continue;
    }
    if (l.part) part = l.part;
    // A part's letter over a copy of the statement of a part with that letter (a question pasted or
    // quoted with no number, or under another question's heading): that part's question.
    const copied = l.part && !l.question ? pastedPart(seg.text.split(/\n\s*\n/)[0]!, outline) : undefined;
    if (copied && copied.split('.')[1] === l.part && copied.split('.')[0] !== question) {
      question = copied.split('.')[0];
      alignedBy = { by: 'title' };
    }
    let id = idFor(question, l.part ?? part, l.subpart, outline);
    // `(c).` again after `(c).`: a student who left (a) blank never wrote the next question's number.
    // After a `SOL:` heading, though, repeated labels are the solutions restating the parts.
    // A heading that names the question again (`## Question 3 excerpts` after a summary table of
    // every part) says the letters under it are its own: a part answered before the heading is
    // restated, not skipped past.
    // Any other repeat is the same part again unless the letters' run says otherwise (restartsQuestion).
    if (id && l.part && !l.question && responses.has(id) && !solutionSeen && (answeredAt.get(id) ?? -1) >= headedAt && !(l.subpart && partLabelOnly.has(id))) {
      const next = outline[outline.findIndex((o) => o.number === question) + 1];
      const nextId = next && idFor(next.number, l.part, l.subpart, outline);
      const parts = outline.find((o) => o.number === question)?.parts ?? [];
      const lastLetter = parts[parts.length - 1]?.split('.')[1];
      const lastAnswered = parts.some((p) => p.split('.')[1] === lastLetter && answered.has(p) && (answeredAt.get(p) ?? -1) >= headedAt);
      if (
        next &&
        nextId &&
        next.parts.includes(nextId) &&
        restartsQuestion({ letter: l.part, ...(previousLetter ? { previous: previousLetter } : {}), lastAnswered, statedOnly: !answered.has(id), text: seg.text, longer: longer.has(id) })
      ) {
        question = next.number;
        id = nextId;
      }
    }
    if (!id) continue;
    // A question heading's own text (its statement) belongs to no part when the question has parts.
    if (l.question && !l.part && !l.subpart && id !== question) {
      if (sawSolution) solutionSeen = true;
      continue;
    }
    const label = [l.question, l.part ?? (l.subpart ? part : undefined), l.subpart].filter(Boolean).join('/');
    const ids = [id, ...alsoIds(question, seg.also, outline)];
    const text = withoutCopiedStatements(seg.text, outline);
    // `## 3(d)` (its working, a printout of both subparts' results), `(c) ...`, then `(d)(i) y = ...`: a
    // summary that comes back to the subpart, another part between, and names it for the first time
    // states its answer; right under its part's label (`(d)` then `i.`) it is more of the same attempt.
    // A summary's row that gives the part no answer (`3d(ii) | — | no answer`) is the report's last word on it.
    const restates = (!!l.subpart && partLabelOnly.has(id) && (answeredAt.get(id) ?? k) < k - 1) || (!!seg.row && answered.has(id) && NO_ANSWER_CELL.test(seg.text.trim()));
    // (A part's statement pasted over the reply, asking in words with no formula, does not answer it.)
    const asks = asksInWords(seg.text.split(/\n\s*\n/)[0]!);
    for (const each of ids) {
      responses.add(each, label || each, { text, line: seg.line, ...sharing(each, ids) }, alignedBy, false, restates && each === id);
      answeredAt.set(each, k);
      if (!asks) answered.add(each);
      if (text.trim().includes('\n')) longer.add(each);
      if (l.subpart || each.split('.').length < 3) partLabelOnly.delete(each);
      else partLabelOnly.add(each);
    }
    lastId = id;
    previousLetter = id.split('.')[1];
    if (sawSolution) solutionSeen = true;
  }
  return responses.list(outline.flatMap((q) => q.parts));
}

const RECHECK =
  /\b(?:check|again|sure\??|wrong|mistake|incorrect|not right|recompute|redo|re-?derive|fix|try again|double[- ]check|forg[eo]t|missed|left out|should (?:it |this )?be|isn'?t it|i thought|are you certain|verify)\b/i;

/** Whether a follow-up asks the model to go on with what it was writing ("please continue it thoroughly"). */
export function isContinuation(prompt: string): boolean {
  return /^\s*(?:please\s+|ok(?:ay)?,?\s+|now\s+)?(?:continue|go on|keep going|finish(?: it| that| the rest)?)\b/i.test(prompt) && prompt.length < 200;
}

/** Whether a short follow-up asks for the next part or problem ("solve this next part!"). */
export function asksForNext(prompt: string): boolean {
  return prompt.length < 200 && /\b(?:next|following|remaining|last|other)\s+(?:part|problem|question|exercise|one)s?\b|\bsolve\s+(?:this|these|it)\b/i.test(prompt);
}

/**
 * The same doubts in Russian and Ukrainian (`разве не c = ...?` "isn't it", `ты уверен?`, `ошибка`, `перепроверь`,
 * `хіба не`), whose letters `\b` does not see.
 */
const RECHECK_CYRILLIC = /(?<!\p{L})(?:разве\s+не|хіба\s+не|а\s+не\s+должно|ты\s+уверен|вы\s+уверены|ти\s+впевнен|ошиб|помилк|неправильн|неверн|перепровер|проверь|перевір)/iu;

/** Whether a follow-up prompt asks the model to reconsider its answer (so the reply is a new attempt). */
export function isRecheck(prompt: string): boolean {
  return (RECHECK.test(prompt) || RECHECK_CYRILLIC.test(prompt)) && prompt.length < 600;
}

/**
 * Words that ask for a question by its number (`Please solve`, `Now do`, `Can you answer`,
 * `Now Problem 2:`, `OK, next: Question 3`, `请解答`). Only these: `I'm working through Question 2 (...). For part (b): ...` is a remark,
 * whose part the rest of the prompt names.
 */
const ASKS_FOR = String.raw`(?:(?:please|pls|now|next|ok(?:ay)?|and|then|can you|could you|let'?s)[\s,]+)*(?:solve|do|answer|try|attempt|work on|help me with|move on to|go on to|continue with)\s+(?:the\s+)?|(?:(?:ok(?:ay)?|and|great|thanks)[\s,]+)*(?:now|next|then)[\s,:]+|请?(?:解答|回答|完成|做)\s*`;

const NAMED_PROMPT = new RegExp(String.raw`^(?:#{1,6}\s*)?(?:\*\*)?(?:${ASKS_FOR})?(?:problem|question|exercise|task)\s*(\d{1,2})\b[.:)]?(?:\*\*)?\s*(.*)$`, 'i');

/** Words after a part's name that remark on its answer (`4(c) is wrong`), not ask it. */
const REMARKED_ON = String.raw`(?:is|was|isn'?t|wasn'?t|looks?|seems?|should|needs?|has|had|got|gets|wrongly|also|still|and|or|vs\.?|versus)\b`;

/** The words a follow-up opens on before the part it asks (`Now`, `OK,`, `Next:`). */
const FOLLOW_UP_WORDS = '(?:also|now|next|then|finally|ok(?:ay)?|great|thanks)';
/** A verb that asks for a part before it (`please do`, `solve`), if any. */
const ASKING_VERB = String.raw`(?:(?:please\s+)?(?:do|solve|answer|try)\s+)?`;

/**
 * A prompt that opens on a question's part, perhaps after a word that moves on (`Also 4(f): ...`,
 * `Now do Q2(b).`, `4(c) receptive field after L layers?`, `4c`); not a remark on it (`4(c) is wrong`).
 */
const PART_PROMPT = new RegExp(
  // (or after a few words and a comma: `last one, 7(b). ...`, `one more: 4(c)?`)
  // (or after the homework's own name, a word with its number glued on: `HW4 3(b). x(n) is ...`, `ps6 2(a)?`)
  String.raw`^(?:[a-z]{1,8}-?\d{1,2}[,:]?\s+(?=(?:q(?:uestion)?\s*)?\d))?(?:(?:and|${FOLLOW_UP_WORDS})[,!.]?\s+|(?:[a-z']+\s+){0,2}[a-z']+[,:]\s+)?${ASKING_VERB}(?:q(?:uestion)?\s*)?(\d{1,2})\s*` +
    // `4(c)` or `4.(c)`, then a separator (`and 4(c), L stacked convs ...`, `and 4(e)? the table: ...`), the end, or words that ask; `4c` / `4.c` only before a separator, the end or a word (`2c d_out` is a product).
    String.raw`(?:\.?\s*\(\s*([a-h])\s*\)(?:\s*[:.,)?-]|\s*$|\s+(?!${REMARKED_ON})(?=\S))|\.?([a-h])(?:\s*[:.)?-]|\s*$|\s+(?!${REMARKED_ON})(?=[A-Za-z]{3,}\b(?![_^]))))`,
  'i',
);

/**
 * `Now 4(e) and 4(f) from the same file.`, `Please do 2(b), 2(c) and 2(d).`: a request that opens on
 * several parts of one question, each by its number and letter; not a remark on them (`4(e) and 4(f) are wrong`,
 * `4(c), 4(d), 4(e) are wrong`: the whole list is read, never its first items alone).
 */
const PARTS_PROMPT = new RegExp(
  String.raw`^(?:${FOLLOW_UP_WORDS}[,!.]?\s+)?${ASKING_VERB}` +
    String.raw`((?:q(?:uestion)?\s*)?\d{1,2}\s*\(\s*[a-h]\s*\)(?:\s*(?:,|and|&|,\s*and)\s*(?:q(?:uestion)?\s*)?\d{1,2}\s*\(\s*[a-h]\s*\))+)(?![?]?\s*(?:${REMARKED_ON}|(?:are|were|aren'?t|weren'?t)\b|[✓✔✗✘❌]|[,&]\s*(?:q(?:uestion)?\s*)?\d))`,
  'i',
);

/**
 * Whether a person's turn opens on the part it asks for (`7(b): x and dy independent ...`,
 * `Now 4(c) and 4(d)`), however it goes on: naming the part is the request, whether or not a verb asks.
 */
export function opensOnAskedPart(text: string): boolean {
  return promptHeading(text).part !== undefined;
}

/** `... 1(a): statement`: a question's part named inside a line, a colon and its statement after it. */
const PART_BEFORE_COLON = /(?:^|[\s,.;])(?:q(?:uestion)?\s*)?(\d{1,2})\s*\(\s*([a-h])\s*\)\s*:\s+\S/gi;

/** A part named after a word that compares with it, within a sentence (`like in (a)`, `same as part (b)`, `than (c)`). */
/**
 * `for (d) ...`, `in part (b), ...`, `about (c):`: a follow-up that opens on the part it is about. A subpart
 * may follow the letter (`for (d)(i) we got ...`): a push-back names the subpart it doubts so.
 */
const OPENS_ON_PART = /^\s*(?:for|in|on|about|regarding)\s+(?:part\s*)?\(([a-h])\)(?=[\s,:]|\s*\(?[ivx]{1,4}\)?[\s,:])/i;
const REFERS_TO_PART = /\S\s+(?:like|as|from|than|in|with|to)\s+(?:in\s+)?(?:part\s*)?(?:\([a-h]\)|\b[a-h]\b(?=\s*[?.!,]|$))/i;

/**
 * A request for an answer (`give`, `write it as`, `express`, `compute`), not for an explanation
 * (`why`, `explain`): said of a part already answered, it asks that answer again.
 */
const ASKS_ANSWER = /\b(?:give|write|express|compute|calculate|count|state|find|derive|simplify|rewrite)\b/i;
const ASKS_WHY = /\b(?:why|explain|how come)\b/i;

function asksForAnswerAgain(prompt: string): boolean {
  return ASKS_ANSWER.test(prompt) && !ASKS_WHY.test(prompt);
}

/** A part's letter in brackets anywhere in a reply, bold or in a subscript (`**(a)**`, `T_{(a)}`), and the text before it. */
const LETTER_ANYWHERE = /\(([a-h])\)/gi;

/** Whether a reply names, other than in pointing back (`as in (a)`), some part's letter but never `letter`. */
function answersAnotherPart(reply: string, letter: string): boolean {
  // (Cheap bail-out: no bracketed letter at all.)
  if (!/\([a-h]\)/i.test(reply)) return false;
  const named = new Set<string>();
  for (const m of reply.matchAll(LETTER_ANYWHERE)) {
    const before = reply.slice(Math.max(0, m.index - 30), m.index).replace(/[*_{]+$/, '');
    if (!POINTS_BACK.test(before)) named.add(m[1]!.toLowerCase());
  }
  return named.size > 0 && !named.has(letter);
}

/** A part's letter in brackets within a sentence (`ok (e) now.`, `the 2D part: (c) x = ...`). */
const LETTER_IN_SENTENCE = /(?:^|[\s:,.;])(?:part\s*)?\(([a-h])\)/gi;
/**
 * Words that point back to a part named after them (`the constraint from (c)`, `as in part (a)`),
 * or own it as an answer already given (`your own (c) says ...`, `my (b)`): neither asks it.
 */
const POINTS_BACK = /\b(?:like|as|from|than|in|with|to|of|see|using|per|by|under|(?:your|my|our|its)(?:\s+own)?)\s+(?:in\s+)?(?:part\s*)?$/i;

/**
 * The one part letter a longer follow-up names other than in pointing back (`ok (e) now. Muon: ...
 * which α satisfies the constraint from (c)?` names (e)); undefined when it names none or several.
 */
function soleLetterNamed(text: string): string | undefined {
  const letters = new Set<string>();
  for (const m of text.slice(0, 600).matchAll(LETTER_IN_SENTENCE)) {
    if (!POINTS_BACK.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].indexOf('(')))) letters.add(m[1]!.toLowerCase());
  }
  // (Said rather than typed, the letter has no brackets: `Cool. Part b, a max pooling layer ...`.)
  for (const m of text.slice(0, 600).matchAll(SPOKEN_PART)) {
    if (!POINTS_BACK.test(text.slice(Math.max(0, m.index - 30), m.index))) letters.add(m[1]!.toLowerCase());
  }
  return letters.size === 1 ? [...letters][0] : undefined;
}

/**
 * A part named as people text it, its question's number and its letter in one word with no brackets (`4e`,
 * `Q4e`, `4.e`), anywhere in a message: neither in a path or a name (`Attachments/4b/`, `img_4c`), nor a figure
 * (`1e-3`; `2c d_out`, `2c·d_in` is the product's `2c`: a name with its subscript or power, or a sign of product, after it), nor a dimension (`2d conv`, `3D`).
 * Groups: the number, the letter.
 */
const SHORT_ID =
  /(?<![\w/\\.^$-])(?:q\s?)?(\d{1,2})\.?([a-h])(?![\w/\\(^-])(?![ \t]*[_^=*/+·×]|[ \t]+[A-Za-z\\]\w*[_^{]|[ \t]+(?:conv\w*|case|input|image|signal|array|grid|kernel|filter|tensor|matrix|plot)\b)/gi;
/**
 * Words that compare with a part named after them (`the bound from 2c`, `like in 4e`, `same as 3b`): it is no
 * part asked. (`done with 2b`, `stuck on 4e`, `my 7d`: a texted part is named after any other word.)
 */
const COMPARED_WITH = /\b(?:like|as|from|than|see|using|per)\s+(?:in\s+)?$/i;
/** Nouns that number other things than parts (`equation 3.b`, `fig 2a`, `slide 4c`): the id after one names that thing. */
const NUMBERED_THING = /\b(?:equations?|eqn?s?|figures?|figs?|tables?|sections?|pages?|lines?|slides?|lectures?|chapters?|appendix|steps?|lemmas?|theorems?)\.?\s*$/i;
/** A message this short names its part in passing (`did u do 4e yet`); a longer one is a paste or a write-up whose ids are its own. */
const SHORT_MESSAGE = 240;

/**
 * The one part a short message names by its number and letter (SHORT_ID), as a partner or a person texts
 * it (`did u do 4e yet`, `4c i have 1 + L(K-1)`, `that's my 7d`), other than in comparing with it; undefined
 * when it names none, several, or one the key does not have.
 */
function soleShortId(text: string, outline: QuestionOutline[]): string | undefined {
  // (A bracketed `4(e)` is a label the readers of prompts weigh, remark or request: a message with one is theirs.)
  if (text.length >= SHORT_MESSAGE || !/\d\.?[a-h]/i.test(text) || /\d\s*\(\s*[a-h]\s*\)/i.test(text)) return undefined;
  const ids = new Set<string>();
  for (const m of text.matchAll(SHORT_ID)) {
    const letter = m[2]!;
    // (A capital letter alone after the number is a dimension's `2D` or a unit's, no part's.)
    if (letter !== letter.toLowerCase() && !/^q/i.test(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (COMPARED_WITH.test(before) || NUMBERED_THING.test(before)) continue;
    const id = idFor(m[1], letter.toLowerCase(), undefined, outline);
    if (!id || !outline.some((o) => o.parts.includes(id))) return undefined;
    ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** A part named in words with its bare letter, then a stop or a comma (`Part b, a max pooling layer`, `and part d, if ...`); `part a bit` is no part. */
const SPOKEN_PART = /\bpart\s+([a-h])(?=[,.:;?!]|$)/gim;

/** `question 7, parts (a) and (b)`, `Q2 (b)-(d)` inside a prompt's sentence: a question's word and number, and the lettered parts after it (a bare `2(b)` may be a remark's). */
const NAMED_INLINE = /\b(?:question|problem|exercise|q)\s*(\d{1,2})\s*,?\s*(?:parts?\s*)?((?:\(\s*[a-h]\s*\)(?:\s*(?:,|and|&|\/|-|–|to)\s*(?:parts?\s*)?(?=\())?)+)/gi;

/** `question 3.b.i`, `problem 4.c`: a question's word, then a part's dotted id. */
const DOTTED_INLINE = /\b(?:question|problem|exercise)\s*(\d{1,2})\.([a-h])(?:\.([ivx]{1,4}))?(?![\w.]*\d)\b/gi;

/** `Q1 and Q2`, `questions 3-4`, `problem 7`: a question's word and number, perhaps a second number joined to it. */
const QUESTIONS_NAMED = /\b(?:q|questions?|problems?|exercises?)\s*(\d{1,2})(?:\s*(?:,|and|&|-|–|to)\s*(?:q\s*)?(\d{1,2}))?\b(?![.,]\d)/gi;

/**
 * Whether a turn that asks nothing by its opening names several questions, some of them whole
 * (`HW4 Q1 and Q2 (b)-(e) on Poe, copied the whole page`): an overview of what the chat goes
 * through, not a request for the last question it names. (Parts named for each question, as in
 * `question 7 (a), (b) and question 4(f)`, are a request, read by `partsNamedInline`.)
 */
function namesSeveralQuestions(text: string, inline: readonly string[], outline: QuestionOutline[]): boolean {
  if (!/\d/.test(text)) return false;
  const named = new Set<string>();
  for (const m of text.slice(0, 400).matchAll(QUESTIONS_NAMED)) for (const n of [m[1], m[2]]) if (n && outline.some((o) => o.number === n)) named.add(n);
  return named.size > 1 && new Set(inline.map((id) => id.split('.')[0])).size < named.size;
}

/**
 * The parts a prompt names in its words, when they belong to more than one question or come after
 * other words (`HW4 question 7, parts (a) and (b), and question 4(f)`): each question's number with
 * its part letters, in the prompt's order, as the key's part ids.
 */
function partsNamedInline(text: string, outline: QuestionOutline[]): string[] {
  const ids: string[] = [];
  // `Start with question 3.b.i.`: a part named by its dotted id, subpart and all.
  for (const m of text.slice(0, 400).matchAll(DOTTED_INLINE)) {
    const id = idFor(m[1], m[2]!.toLowerCase(), m[3]?.toLowerCase(), outline);
    if (id && outline.some((o) => o.parts.includes(id)) && !ids.includes(id)) ids.push(id);
  }
  for (const m of text.slice(0, 400).matchAll(NAMED_INLINE)) {
    const q = outline.find((o) => o.number === m[1]);
    if (!q) continue;
    const first = m[2]!.match(/[a-h]/i)![0].toLowerCase();
    const { parts } = alsoNamed(first, m[2]!.replace(/^\s*\(\s*[a-h]\s*\)/i, ''));
    for (const letter of [first, ...parts]) {
      const id = q.parts.find((x) => x.split('.')[1] === letter);
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/**
 * `Hi! Testing you for a report (CS182, HW 4). Question 2, MuP. Dense layer ... (b) Weights are ...`: a
 * request typed as one paragraph names its question as a sentence's first words, after a greeting of any
 * length, and the part it asks as the bracketed letter that opens a later sentence. Group: the number.
 */
const SENTENCE_QUESTION = /(?:^|[.!?]\s+)(?:problem|question|exercise)\s+(\d{1,2})(?![\d.,]\d)\s*[,.:]\s/i;
/** A bracketed letter that opens a sentence (`... σ_g². (b) Find ...`), as a part's label in running text. Group: the letter. */
const SENTENCE_PART = /[.!?:]\s+\(([a-h])\)\s+\p{Lu}/gu;

/** A question's number and title, then more on the same line after a full stop, colon or dash. */
const TITLE_LEAD = /^(?:#{1,6}\s*)?(?:(?:problem|question|q)\s*)?(\d{1,2})[.:)]\s+([A-Z][^.?!:\n]{2,80}?)\s*(?:[.:]|\s[—–-])\s+\S/i;

/** Whether every word of four letters or more starts with a capital (`MuP at the Unit Scale`). */
function titleCased(title: string): boolean {
  const long = title.split(/[\s-]+/).filter((w) => /^[A-Za-z]{4,}/.test(w));
  return long.length > 0 && long.every((w) => /^[A-Z]/.test(w));
}

/** Words that present a question (`here's q1`, `next up is question 2`, `moving on to problem 4`), and its number. */
const PRESENTED_QUESTION =
  /\b(?:here'?s|here\s+is|this\s+is|below\s+is|attached\s+is|next\s+(?:up\s+)?(?:is|one\s+is|comes)|moving\s+on\s+to|on\s+to|now(?:\s+for)?|let'?s\s+do)\s+(?:the\s+)?(?:(?:problem|question|exercise)\s*|q\s?)(\d{1,2})\b(?![.,]\d)/i;

/**
 * A question's part by its number and bracketed letter within a request's words, written as one id
 * (`in 4(e) please`, `Q2(f)?`); a number set apart from a letter is a count's (`batch size 1 (d)?`).
 */
const PART_IN_REQUEST = /(?:^|[\s,;:(])(?:q(?:uestion)?\s*)?(\d{1,2})\(([a-h])\)(?=[\s,.;:!?)]|$)/gi;

/** Verbs that ask for a question to be done, in English and in Russian and Ukrainian (`реши`, `сделайте`, `розв'яжи`). */
const REQUEST_VERB = String.raw`(?:please\s+)?(?:solve|do|answer|work through|try)\b|(?:реши(?:те)?|сделай(?:те)?|разбери(?:те)?|ответь(?:те)?|помоги(?:те)?|розв['’]яж(?:и|іть)|зроби(?:ть)?)(?!\p{L})`;

/**
 * A request that opens on a verb and names the question it is for (`solve this (question 4 a, b, c)`),
 * perhaps after a greeting or a word of its own (`Hi! Please solve question 2`, `ok, do problem 3`).
 */
const REQUESTED_QUESTION = new RegExp(
  String.raw`^(?:[^.?!\n]{1,24}[!,]\s+)?(?:${REQUEST_VERB})[^.?!\n\d]{0,30}?(?<![\p{L}\p{N}_])(?:(?:problem|question|exercise)\s*|q\s?)(\d{1,2})(?![\p{L}\p{N}_])(?![.,]\d)`,
  'iu',
);

/** Headings a prompt or a note gives: `1. Newton-Schulz Runtime`, `Question 3`, a title line. */
function promptHeading(text: string): { number?: string; heading: string; part?: string; also?: string[] } {
  // `@workspace Q4 of ...`, `/explain 2(b)`: an editor chat's agent or command before the request.
  // Pictures the person posted above the request (`![q7.png](attachment)`, `[image]`) are no words
  // of it: the request is the first line that says something.
  const first = text
    .replace(/^\s*(?:[@/][\w-]+\s+)+/, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.replace(IMAGE_MARK, '').trim());
  // `Problem 1. A conv layer takes ...`: a number after Problem / Question, however long the rest,
  // after words that ask for it (`Please solve Question 2 ...`, `请解答第 2 题`) or none.
  const named = NAMED_PROMPT.exec(first[0] ?? '');
  // `Problem 7 (a) and (b) please. Conv layer, X is n×n ...`: after part letters comes the question's
  // body, not its title; its words (a convolution) must not overrule the number the key has.
  if (named) return { number: named[1]!, heading: readLineLabel(named[2]!)?.part ? '' : named[2]!.slice(0, 90) };
  // `Also 4(f): circular padding ...`, `Next, 2(b): ...`: a follow-up that opens on the question and part it asks.
  // (`now 2D.`, `the 3D case`: a number and a capital D say how many dimensions, not question 2's part (d).)
  // (`OK, 4(e), 4(f) next`: several parts of one question first, or the first alone would be read.)
  const several = PARTS_PROMPT.exec(first[0] ?? '');
  const listedParts = several ? [...several[1]!.matchAll(/(\d{1,2})\s*\(\s*([a-h])\s*\)/gi)] : [];
  if (listedParts.length >= 2 && listedParts.every((n) => n[1] === listedParts[0]![1])) {
    const letters = listedParts.map((n) => n[2]!.toLowerCase());
    return { number: listedParts[0]![1]!, heading: '', part: letters[0]!, also: letters.slice(1) };
  }
  const part = PART_PROMPT.exec(first[0] ?? '');
  if (part && !(part[3] === 'D' && /^[1-3]$/.test(part[1]!))) return { number: part[1]!, heading: '', part: (part[2] ?? part[3])!.toLowerCase() };
  // `hw4, please check against the official solutions. 1(a): p(W) = ...`: after words of its own, the
  // one part the turn names with a colon, its statement after it (two or more are a list of parts).
  const midLine = [...text.slice(0, 600).matchAll(PART_BEFORE_COLON)];
  if (midLine.length === 1 && first[0]?.includes(midLine[0]![0].trim())) return { number: midLine[0]![1]!, heading: '', part: midLine[0]![2]!.toLowerCase() };
  for (const l of first.slice(0, 12)) {
    const m = /^(?:#{1,6}\s*)?(?:(?:problem|question|q)\s*)?(\d{1,2})[.:)]?\s+([A-Z].{2,90})$/i.exec(l);
    // (A bare number's title starts in a capital: `1 channel, no bias.` is a wrapped line of a request's words.)
    if (m && !/^\d+\.\s*\*\*/.test(l) && (/^\s*(?:#|problem|question|q)/i.test(l) || /^[\p{Lu}]/u.test(m[2]!))) return { number: m[1]!, heading: m[2]! };
    // `Question 2`, `Q2:` alone on a line.
    const q = /^(?:(?:question|problem)\s+|q\s*)(\d{1,2})\s*:?\s*$/i.exec(l);
    if (q) return { number: q[1]!, heading: '' };
  }
  // `2. MuP at the Unit Scale. [pasted parts ...] Please put the answers in a canvas`: the question's
  // number and title lead a long first line. Only a title-cased title counts, so a remark that opens
  // with a number ("1. The answer to (a) is wrong because ...") stays a remark.
  const led = TITLE_LEAD.exec(first[0] ?? '');
  if (led && titleCased(led[2]!)) return { number: led[1]!, heading: led[2]! };
  // "Here's question 4 of my CNN homework. Can you do ...", "nice. ok next is question 2, ...", "hey so I
  // have this hw on newton schulz. here's q1:": the number the opening presents, in its first two
  // sentences (a greeting or a thank-you often comes first), not one a remark mentions ("My friend
  // said question 2 was hard").
  // "solve this (question 4 a, b, c of my homework)", "please do problem 3 for me": a request for the question it
  // names, its words no title of it.
  // (Below a file the person attached, `hw4.pdf` / `PDF · 9 pages`, or their name over the chat:
  // the request opens a line of its own, a few lines down.)
  // (A report's preamble copied into the chat's first turn puts the request lower: it is the paragraph
  // the reply answers, the turn's last.)
  const closing = text
    .trim()
    .split(/\n[ \t]*\n/)
    .at(-1)!
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const requested = [...first.slice(0, 6), ...closing.slice(0, 6)].map((l) => REQUESTED_QUESTION.exec(l)).find((r) => r);
  if (requested) return { number: requested[1]!, heading: '' };
  // `fill in the table in 4(e) please` under a picture or a preamble: the request, the turn's last line,
  // short and with no formula, names one part by its number and letter anywhere in its words.
  const request = closing.at(-1) ?? '';
  // (Not a remark on it, `2(b) is what I care about, but first: are you sure about (a)?`: no other letter, no verdict after it.)
  const soleId = request.length < 120 && !/[$\\=]/.test(request) ? [...request.matchAll(PART_IN_REQUEST)] : [];
  const sole = soleId.length === 1 ? soleId[0]! : undefined;
  const remarked = sole && (new RegExp(String.raw`^\s*${REMARKED_ON}`, 'i').test(request.slice(sole.index + sole[0].length)) || (request.match(/\([a-h]\)/gi)?.length ?? 0) > 1);
  if (sole && !remarked) return { number: sole[1]!, heading: '', part: sole[2]!.toLowerCase() };
  const typed = SENTENCE_QUESTION.exec((first[0] ?? '').slice(0, 800));
  if (typed) {
    const letters = [...(first[0] ?? '').slice(typed.index + typed[0].length, 1600).matchAll(SENTENCE_PART)].map((m) => m[1]!.toLowerCase());
    return { number: typed[1]!, heading: '', ...(letters.length === 1 ? { part: letters[0]! } : {}) };
  }
  const opening = (first[0] ?? '')
    .split(/[.?!](?:\s|$)/)
    .slice(0, 2)
    .join('. ');
  const mentioned =
    PRESENTED_QUESTION.exec(opening) ??
    // "ok next question. Q2. Dense layer ...": the number alone as a sentence of the opening.
    /(?:^|\.\s)(?:(?:problem|question|exercise)\s+|q\s?)(\d{1,2})\s*:?\s*(?:\.|$)/i.exec(opening) ??
    /\b(?:(?:problem|question|exercise)\s+|q\s*)(\d{1,2})\s+(?:of|from)\s+(?:my|the|our|this)\b/i.exec(opening) ??
    // "can you do all of question 2 (...)?", "solve all parts (a)–(g) of question 2": every part of the question it names.
    /\b(?:all|each|every)\s+(?:the\s+)?(?:parts?\s+(?:\(?[a-h]\)?\s*(?:-|–|to|through)\s*\(?[a-h]\)?\s+)?)?of\s+(?:problem|question|exercise)\s+(\d{1,2})\b(?![.,]\d)/i.exec(opening);
  return { ...(mentioned ? { number: mentioned[1]! } : {}), heading: first.slice(0, 3).join(' ').slice(0, 300) };
}

/**
 * A reply's own section headings: `### Receptive field`, `**1. Max pooling output shape**`, `2. **Conv
 * layer**` alone on a line, or `1. Max pooling output shape` as a PDF shows it once the bold is
 * lost (a short capitalised title without formula or full stop).
 */
const SECTION_HEADING = /^\s*(?:#{1,6}\s+(?:\d{1,2}[.)]\s*)?(.+?)|\*\*(?:\d{1,2}[.)]\s*)?([^*]+?):?\*\*:?|\d{1,2}[.)]\s+\*\*([^*]+?):?\*\*:?|\d{1,2}[.)]\s+([A-Z][^$.:*]{2,60}?))\s*$/;

/**
 * A page copy's section title led by an emoji, its formatting lost (Copilot: `🎯 Choosing c`,
 * `📏 Spectral norm bound on ΔW`): a short line with no formula and no full stop.
 */
const EMOJI_HEADING = /^\s*\p{Extended_Pictographic}\uFE0F?\s+([^$.:=\\]{2,60}?)\s*$/u;

/**
 * A section's title in bold that runs on into its text (`**Runtime of one iteration.** The update
 * ...`, `1. **Receptive field after $L$ layers.** The first layer ...`): the title, then the text.
 */
const SECTION_LEAD = /^\s*(?:\d{1,2}[.)]\s+)?\*\*(?:\d{1,2}[.)]\s*)?([^*]{3,80}?)[.:]?\*\*[.:]?\s+(\S.*)$/;

/**
 * A reply to several asked parts that heads its sections its own way, in its own order (`**1.
 * Max pooling output shape**` for the asked (b)): each section and the asked part whose statement
 * its heading's words name, when every section names exactly one, each a different part (else
 * undefined, and the reply is placed as before).
 */
function sectionsByContent(reply: string, asked: ReadonlyMap<string, string>): { id: string; heading: string; text: string }[] | undefined {
  if (asked.size < 2) return undefined;
  const sections = replySections(reply);
  if (sections.length < 2 || sections.length > asked.size) return undefined;
  // The headings alone first: a title (`**Norm after clipping**`) says which part it answers better than the
  // working under it, whose words (`the clipped gradient has norm ...`) are the whole question's.
  const titled = rankSections(
    sections.map((sec) => ({ heading: sec.heading, lines: [] })),
    asked,
  ).map(clearPart);
  if (titled.every((id, i) => id && titled.indexOf(id) === i)) return sections.map((sec, i) => ({ id: titled[i]!, heading: sec.heading, text: sec.lines.join('\n') }));
  const ranked = rankSections(sections, asked);
  const ids: (string | undefined)[] = ranked.map(clearPart);
  // A section whose words fit two parts equally, one of them another section's clear part: the other
  // one, when the section's own title shares a word with it (a title that names nothing is no guess).
  ranked.forEach((scored, i) => {
    if (ids[i] || scored[0]!.s < 1) return;
    const left = scored.filter((x) => x.s >= scored[0]!.s * 0.75 && !ids.includes(x.id));
    const titled = left.length === 1 && [...words(sections[i]!.heading)].some((w) => has(words(asked.get(left[0]!.id)!), w));
    if (titled) ids[i] = left[0]!.id;
  });
  if (ids.some((id, i) => !id || ids.indexOf(id) !== i)) return undefined;
  return sections.map((sec, i) => ({ id: ids[i]!, heading: sec.heading, text: sec.lines.join('\n') }));
}

/**
 * A section title that lost its markup (a page copied as text, a heading pasted as a line): a short
 * capitalised line of two to eight words (a short formula may be one), no sentence's or label's end
 * (`Max pooling layer`, `Convolutional layer: output shape`, `Receptive field of $L$ layers`).
 */
const PLAIN_TITLE = /^[ \t]*\p{Lu}[\p{L}'’-]*(?:[ \t]*[,:&/–—-]?[ \t]+(?:\$[^$\n]{1,12}\$|[\p{L}\p{N}'’-]+)){1,7}[ \t]*$/u;

/**
 * The lines of a reply that are titles without markup: PLAIN_TITLE lines that stand alone between
 * blank lines, when the reply has two or more of them (one such line is as
 * likely a sentence left without its stop).
 */
function plainTitles(lines: readonly string[]): Set<number> {
  const at = new Set<number>();
  lines.forEach((l, i) => {
    if (!PLAIN_TITLE.test(l) || l.length > 70) return;
    if (lines[i - 1]?.trim() || lines[i + 1]?.trim()) return;
    at.add(i);
  });
  return at.size >= 2 ? at : new Set();
}

/** The last reply cut into sections: the two placements by content cut the same reply in turn. */
let lastSections: { reply: string; sections: readonly ReplySection[] } | undefined;

interface ReplySection {
  heading: string;
  lines: readonly string[];
}

/** A reply's sections under its own headings (see SECTION_HEADING, PLAIN_TITLE); what comes before the first is no section. */
function replySections(reply: string): readonly ReplySection[] {
  if (lastSections?.reply !== reply) lastSections = { reply, sections: sectionsOf(reply) };
  return lastSections.sections;
}

function sectionsOf(reply: string): ReplySection[] {
  const sections: { heading: string; lines: string[] }[] = [];
  const lines = reply.split('\n');
  const plain = plainTitles(lines);
  for (const [i, line] of lines.entries()) {
    const h = SECTION_HEADING.exec(line);
    const e = h ? undefined : EMOJI_HEADING.exec(line);
    const heading = h ? (h[1] ?? h[2] ?? h[3] ?? h[4])!.trim() : (e?.[1]?.trim() ?? (plain.has(i) ? line.trim() : undefined));
    const lead = heading ? undefined : SECTION_LEAD.exec(line);
    if (heading && words(heading).size) sections.push({ heading, lines: [] });
    else if (lead && words(lead[1]!).size) sections.push({ heading: lead[1]!.trim(), lines: [lead[2]!] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  return sections;
}

/** Each section's asked parts, best first, scored by the words its title and text share with each part's statement (formulas aside). */
function rankSections(sections: readonly ReplySection[], asked: ReadonlyMap<string, string>): { id: string; s: number }[][] {
  const texts = [...asked].map(([id, text]) => ({ id, w: words(text) }));
  // A word that several asked parts use tells them apart less: each counts 1 / (how many use it).
  const weight = (w: string) => {
    const n = texts.filter((t) => has(t.w, w)).length;
    return n ? 1 / n : 0;
  };
  return sections.map((sec) => {
    const said = words(`${sec.heading} ${sec.lines.join(' ').replace(/\$[^$]*\$/g, ' ')}`);
    return texts.map((t) => ({ id: t.id, s: [...said].filter((w) => has(t.w, w)).reduce((sum, w) => sum + weight(w), 0) })).sort((x, y) => y.s - x.s);
  });
}

/** The part a section's words clearly name: the best, with no rival within three quarters of it. */
function clearPart(scored: { id: string; s: number }[]): string | undefined {
  const best = scored[0]!;
  return best.s >= 1 && !(scored[1] && scored[1].s >= best.s * 0.75) ? best.id : undefined;
}

/**
 * Mathematics in a text: a formula's delimiters, a command, a power or an index, or an equation
 * (`x = 2`, not a rule of `=====`). A recap of answers holds some, a list of sources or a writer's
 * note on how they worked does not.
 */
export const HOLDS_MATH = /[$^_\\]|[\w)]\s*=\s*[\w(-]/;

/**
 * A reply to parts the person asked in words that spends more sections than parts (`## Conv layer:
 * parameters`, `## Conv layer: output shape`, `## Max pooling layer`, `**Sources**` for the conv
 * layer's part and the pooling layer's): each section goes to the asked part its words clearly name,
 * and one that names no part goes on with the part before it (the next step of its working); before
 * the first it is the reply's preamble. After the last part's first section, a section whose title
 * names no part and that holds a formula is a recap of every part's value (`## Final answers`), and
 * ends the parts (its sources, a remark without formula, still go on with the last). Every asked part
 * must be named, each by a run of consecutive sections; undefined otherwise (and the reply is
 * placed as before).
 */
function sectionGroupsByContent(reply: string, asked: ReadonlyMap<string, string>): { id: string; heading: string; text: string }[] | undefined {
  if (asked.size < 2) return undefined;
  const sections = replySections(reply);
  if (sections.length <= asked.size) return undefined;
  const ranked = rankSections(sections, asked);
  const titled = rankSections(
    sections.map((sec) => ({ heading: sec.heading, lines: [] })),
    asked,
  ).map(clearPart);
  const groups: { id: string; heading: string; lines: string[] }[] = [];
  let current: (typeof groups)[number] | undefined;
  let recap = false;
  for (const [i, sec] of sections.entries()) {
    const id = clearPart(ranked[i]!);
    const last = groups.length === asked.size;
    if (last && !titled[i] && HOLDS_MATH.test(sec.lines.join('\n'))) recap = true;
    if (recap) continue;
    if (!id || id === current?.id) {
      // Words of no part (or of the part under way): the working goes on; words of two: a summary, neither part's.
      if (!id && ranked[i]![0]!.s >= 1) current = undefined;
      else current?.lines.push(sec.heading, ...sec.lines);
      continue;
    }
    if (groups.some((g) => g.id === id)) return undefined;
    current = { id, heading: sec.heading, lines: [...sec.lines] };
    groups.push(current);
  }
  return groups.length === asked.size ? groups.map((g) => ({ id: g.id, heading: g.heading, text: g.lines.join('\n') })) : undefined;
}

/** A reply's numbered section heading: `### 2. Backpropagated gradients`, `**3. Max pooling**`, `4. **Receptive field**`. */
const NUMBERED_HEADING =
  /^\s*(?:#{1,6}\s+(?:\*\*)?(\d{1,2})[.)]\s+(\S.*?)|\*\*(\d{1,2})[.)]\s*([^*]+?)\*\*:?|(\d{1,2})[.)]\s+\*\*([^*]+?)\*\*:?|(?:#{1,6}\s+)?(?:\*\*)?Part\s+(\d{1,2})\s*[:.)—–-]\s*([^*\n]{2,60}?)(?:\*\*)?:?)\s*$/;

/**
 * A reply to a list of questions that numbers its sections by that list (`### 1.` ... `### 4.`
 * for four questions of different problems): section k answers the list's k-th part. Only when
 * the headings number 1 to n, in order, with n the list's length; the text before the first is
 * the reply's preamble. Undefined otherwise.
 */
function sectionsInListOrder(reply: string, ids: readonly string[]): { id: string; heading: string; text: string }[] | undefined {
  const sections: { heading: string; lines: string[] }[] = [];
  let fenced = false;
  for (const line of reply.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    const h = fenced ? null : NUMBERED_HEADING.exec(line);
    if (h) {
      if (Number(h[1] ?? h[3] ?? h[5] ?? h[7]) !== sections.length + 1) return undefined;
      sections.push({ heading: (h[2] ?? h[4] ?? h[6] ?? h[8])!.trim(), lines: [] });
    } else sections[sections.length - 1]?.lines.push(line);
  }
  if (sections.length !== ids.length) return undefined;
  return sections.map((sec, i) => ({ id: ids[i]!, heading: sec.heading, text: sec.lines.join('\n') }));
}

/**
 * A reply that answers a question's lettered parts as a numbered list (`1.` ... `7.` for (a)-(g)),
 * with no label of its own: each item, when the items are numbered 1, 2, ... at the line's start
 * and there are exactly as many as the parts it answers. Undefined otherwise.
 */
function numberedItems(reply: string, count: number): string[] | undefined {
  if (count < 2) return undefined;
  const items: string[][] = [];
  let intro = 0;
  for (const line of reply.split('\n')) {
    const m = /^(\d{1,2})[.)]\s+(\S.*)$/.exec(line);
    // `1. **Receptive field.** ...`: items under titles of their own are sections, placed by their words (sectionsByContent).
    if (m && /^\*\*/.test(m[2]!)) return undefined;
    if (m && Number(m[1]) === items.length + 1) items.push([m[2]!]);
    else if (m) return undefined;
    // The list is the whole reply: a line or two before it, no headings of its own (a list of steps sits under them).
    else if (/^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$)/.test(line)) return undefined;
    else if (items.length) items[items.length - 1]!.push(line);
    else if (line.trim() && ++intro > 2) return undefined;
  }
  return items.length === count ? items.map((l) => l.join('\n')) : undefined;
}

/** A reply's closing recap: `**Summary**`, `### Final answers`, `TL;DR`, `In summary:` alone on its line (perhaps after a rule). */
const RECAP = /^\s*(?:-{3,}\s*\n\s*)?(?:#{1,6}\s*|\*\*)?(?:summary|final answers|answers|recap|tl;?dr|in summary|to summarize|overview of (?:the )?answers)(?:\*\*)?\s*:?\s*(?:\*\*)?\s*$/im;

/**
 * A recap at the end of a reply that answers several parts under their labels, which lists the
 * answers again with no labels (`- Muon learning rate: $\boxed{...}$`, in its own order): it
 * restates the parts, it is none of the last part's text. Cut off when the last part has a formula
 * of its own before it and the recap lists two answers or more.
 */
function withoutRecap(segments: Segment[]): Segment[] {
  const labelled = segments.filter((x) => x.label?.part);
  const last = segments[segments.length - 1];
  if (labelled.length < 2 || !last?.label?.part) return segments;
  const m = RECAP.exec(last.text);
  if (!m) return segments;
  const before = last.text.slice(0, m.index);
  const after = last.text.slice(m.index + m[0].length);
  const items = after.split('\n').filter((l) => /^\s*(?:[-*+]|\d{1,2}[.)])\s+.*\$/.test(l) || /\\boxed\{/.test(l)).length;
  if (items < 2 || !/\$[^$]+\$/.test(before)) return segments;
  return [...segments.slice(0, -1), { ...last, text: before.replace(/\n\s*-{3,}\s*$/, '').trimEnd() }];
}

/** A prompt that asks for every part of a question: `all of question 2`, `every part`, `parts a to g`, `(a)-(g)`. */
const ASKS_WHOLE =
  /\b(?:all|each|every)\s+(?:the\s+)?(?:parts?\s+)?of\s+(?:problem|question|exercise)\s+\d|\b(?:all|every|each)\s+(?:the\s+)?parts\b|\bparts?\s*\(?a\)?\s*(?:-|–|to|through)\s*\(?[b-h]\)?/i;

/** How close a question asked without any number must come to a part's statement (cosine of idf-weighted words). */
/** A prompt this close to one part's statement is that statement pasted (cosine of idf-weighted words). */
const PASTED_VERBATIM = 0.95;
const ASKED_BY_CONTENT_MIN = 0.25;
/** How close a turn with words of doubt (`should`, `again`) must come to an unanswered part's statement to ask it rather than recheck the last. */
const NAMES_PART_MIN = 0.4;
/** A turn shorter than this restates no part (`and the next one?`): it is not weighed against the parts' statements. */
const RETYPED_MIN_CHARS = 80;
/** The same for a reply to a picture of the question: longer, so further from any one statement. */
const REPLY_BY_CONTENT_MIN = 0.15;

const has = (set: Set<string>, w: string) => set.has(w) || set.has(`${w}s`) || (w.endsWith('s') && set.has(w.slice(0, -1)));

/** Each part's statement as words, and each word's idf weight: made once per outline (an Assignment's is built once per run). */
type Statement = { id: string; question: string; w: Set<string> };
const STATEMENTS = new WeakMap<QuestionOutline[], { statements: Statement[]; weight: (w: string) => number; norm: (t: Statement) => number }>();

function statementsOf(outline: QuestionOutline[]) {
  let known = STATEMENTS.get(outline);
  if (known) return known;
  const statements: Statement[] = outline.flatMap((q) => Object.entries(q.partTexts ?? {}).map(([id, t]) => ({ id, question: q.number, w: words(t) })));
  const idf = new Map<string, number>();
  const weight = (w: string) => {
    let v = idf.get(w);
    if (v === undefined) idf.set(w, (v = Math.log(1 + statements.length / Math.max(1, statements.filter((t) => has(t.w, w)).length)) ** 2));
    return v;
  };
  const norms = new Map(statements.map((t) => [t, Math.sqrt([...t.w].reduce((sum, w) => sum + weight(w), 0)) || 1]));
  known = { statements, weight, norm: (t: (typeof statements)[number]) => norms.get(t)! };
  STATEMENTS.set(outline, known);
  return known;
}

/** Every part's statement scored against a text's words (cosine of idf-weighted word sets), best first. */
function scoreStatements(text: string, outline: QuestionOutline[]): (Statement & { shared: number; words: string[]; s: number })[] {
  const { statements, weight, norm } = statementsOf(outline);
  if (statements.length < 2) return [];
  const asked = words(text.replace(/\$[^$]*\$/g, ' '));
  const askedNorm = Math.sqrt([...asked].reduce((sum, w) => sum + weight(w), 0));
  if (!askedNorm) return [];
  return statements
    .map((t) => {
      const shared = [...asked].filter((w) => has(t.w, w));
      return { ...t, shared: shared.length, words: shared, s: shared.reduce((sum, w) => sum + weight(w), 0) / (askedNorm * norm(t)) };
    })
    .sort((x, y) => y.s - x.s);
}

/**
 * Whether a runner-up part is a rival to the best on the asked words' own evidence: the words only
 * it shares with them weigh at least half of those only the best shares. A runner-up that scores
 * by the words the two statements have in common (`output feature shape` in both a conv layer's
 * part and a pooling layer's) says nothing against the best, which the rest of the words name
 * (`max pooling`); two or more words of its own must name the best for that.
 */
function rivals(best: { words: string[] }, second: { words: string[] }, outline: QuestionOutline[]): boolean {
  const { weight } = statementsOf(outline);
  const own = (a: string[], b: string[]) => a.filter((w) => !b.includes(w));
  const mine = own(best.words, second.words);
  const theirs = own(second.words, best.words);
  const sum = (ws: string[]) => ws.reduce((t, w) => t + weight(w), 0);
  return mine.length < 2 || sum(theirs) >= sum(mine) / 2;
}

/**
 * A part the person types out in words of their own, led by its letter (`(a) Derive the gradient to
 * the weight matrix dw ...`), when the question under way has that letter answered already: the
 * unanswered part of the same letter whose statement its words clearly name, in whichever question.
 */
function retyped(text: string, labels: readonly Segment[], question: string | undefined, outline: QuestionOutline[], answered: (id: string) => boolean): string | undefined {
  const letter = labels.length === 1 && /^\s*(?:\*\*)?\(([a-h])\)/i.exec(text)?.[1]?.toLowerCase();
  if (!letter || text.length < 100 || text.length > 600) return undefined;
  const own = idFor(question, letter, undefined, outline);
  if (own && !answered(own)) return undefined;
  const named = partByContent(text, outline);
  return named && !named.doubt && named.id.split('.')[1] === letter && !answered(named.id) ? named.id : undefined;
}

/**
 * The question whose parts lettered segments are (`(a) A conv layer has filter size K ...`, `(b)
 * ...`): two or more, and each one's words nearest that question's part of the same letter, in
 * any question; undefined when they disagree or say nothing.
 */
function questionOfParts(lettered: readonly Segment[], outline: QuestionOutline[]): string | undefined {
  const typed = lettered.filter((l) => l.label?.part && l.text.trim());
  if (typed.length < 2) return undefined;
  const votes = typed.map((l) => {
    const best = scoreStatements(l.text, outline).find((t) => t.id.split('.')[1] === l.label!.part);
    return best && best.s > 0 ? best.question : undefined;
  });
  return votes.every((v) => v && v === votes[0]) ? votes[0] : undefined;
}

/**
 * The question a text without any number is about when its words match several parts of that one
 * question about equally (a pasted question with all its parts, a reply that answers them all):
 * every part that comes close to the best is the same question's. Doubtful when another
 * question's part comes within half; undefined when none leads or the close ones disagree.
 */
export function questionByContent(text: string, outline: QuestionOutline[]): { question: string; doubt?: string } | undefined {
  const scored = scoreStatements(text, outline);
  const best = scored[0];
  if (!best || best.s < ASKED_BY_CONTENT_MIN || best.shared < 2) return undefined;
  if (scored.some((t) => t.s >= best.s * 0.75 && t.question !== best.question)) return undefined;
  const rival = scored.find((t) => t.question !== best.question && t.s >= best.s * 0.5);
  const doubt = rival
    ? `asked without a number, aligned to question ${best.question} by its words (match ${best.s.toFixed(2)}), but question ${rival.question} matches nearly as well (${rival.s.toFixed(2)})`
    : undefined;
  return { question: best.question, ...(doubt ? { doubt } : {}) };
}

/**
 * The part a question asked without any number or label is about (`what's the receptive field of
 * the last output if I stack L conv layers`): the part whose statement is nearest in words, each
 * weighted by how few statements use it (cosine of idf-weighted word sets, so a long statement
 * does not win by length), when that part clearly leads; doubtful when another comes close.
 * Undefined when no statements are known or none leads. `min`: how near the best must come;
 * `prefer`: the question under way, whose one part among near ties is taken, with a doubt.
 */
export function partByContent(text: string, outline: QuestionOutline[], options: { min?: number; prefer?: string } = {}): { id: string; question: string; doubt?: string; rival?: string } | undefined {
  const scored = scoreStatements(text, outline);
  const [best, second] = scored;
  if (!best || best.s < (options.min ?? ASKED_BY_CONTENT_MIN) || best.shared < 2) return undefined;
  if (second && second.s >= best.s * 0.75) {
    // Parts of two questions about equally near: the one of the question under way, as a doubt.
    const own = scored.filter((t) => t.s >= best.s * 0.75 && t.question === options.prefer);
    if (own.length !== 1) return undefined;
    const rival = own[0] === best ? second : best;
    return {
      id: own[0]!.id,
      question: own[0]!.question,
      doubt: `aligned to part ${own[0]!.id} by its words and the question under way, but part ${rival.id} matches nearly as well (${rival.s.toFixed(2)})`,
      rival: rival.id,
    };
  }
  // A part's statement pasted word for word is that part, however many words a sibling shares with it.
  const doubt =
    second && second.s >= best.s * 0.5 && best.s < PASTED_VERBATIM && rivals(best, second, outline)
      ? `asked without a number, aligned to part ${best.id} by its words (match ${best.s.toFixed(2)}), but part ${second.id} matches nearly as well (${second.s.toFixed(2)})`
      : undefined;
  return { id: best.id, question: best.question, ...(doubt ? { doubt, rival: second!.id } : {}) };
}

/** Where a person's turn asks its next thing: a question mark, a semicolon, a full stop, `also`, `and then`. */
const ASKED_APART = /\?|;|\.\s+|\s+(?:—|–)\s+|,?\s+(?:also|and then|then)\b\s*:?/i;

/**
 * The parts a turn with no number or label asks one sentence each (`what is the receptive field
 * of the last output? also: with a 2x2 max pool, how much does it grow?`): two or more of one
 * question, each sentence's words nearest one part with no close rival, in the turn's order.
 * Empty when fewer, or when the sentences name parts of different questions.
 */
function partsAskedInWords(text: string, outline: QuestionOutline[]): string[] {
  const ids = clausesAsking(text, outline);
  return ids.length >= 2 ? ids : [];
}

/**
 * The parts a turn's sentences ask, each sentence's words nearest one part with no close rival, in
 * the turn's order, all of one question (else none).
 */
function clausesAsking(text: string, outline: QuestionOutline[]): string[] {
  if (text.length > 1200) return [];
  const found: { id: string; rival?: string }[] = [];
  for (const clause of text.split(ASKED_APART)) {
    if (words(clause).size < 3) continue;
    const part = partByContent(clause, outline);
    if (part) found.push({ id: part.id, ...(part.doubt ? { rival: part.rival ?? '' } : {}) });
  }
  // A sentence whose words fit its part and a rival is that part when another sentence clearly asks the rival.
  const clear = found.filter((f) => f.rival === undefined).map((f) => f.id);
  const ids: string[] = [];
  for (const f of found) if (!ids.includes(f.id) && (f.rival === undefined || (clear.includes(f.rival) && !clear.includes(f.id)))) ids.push(f.id);
  return ids.every((id) => id.split('.')[0] === ids[0]!.split('.')[0]) ? ids : [];
}

/**
 * The parts a turn asks one question each (`What is the runtime of one iteration? And if d_out >> d_in,
 * how ... and what is the new runtime?`), in its order: as clausesAsking, and a question whose words fit
 * several parts of the same question about equally is the one of them the turn's order leaves (people ask
 * a question's parts in the order it sets them: a question before one that clearly asks (b) asks (a)).
 * Only questions count, each asked with a question mark; two or more parts, else none.
 */
function partsAskedInOrder(text: string, outline: QuestionOutline[]): string[] {
  if (text.length > 1200 || text.split('?').length < 3) return [];
  const pieces = text.split(new RegExp(`(${ASKED_APART.source})`, 'i'));
  const asked: { id?: string; tied?: string[] }[] = [];
  for (let k = 0; k < pieces.length; k += 2) {
    const clause = pieces[k]!;
    if (words(clause).size < 3) continue;
    // (`... what does it cost then?`: the question mark may come after a word the split took, before the next clause.)
    let end = k + 1;
    while (end + 1 < pieces.length && words(pieces[end + 1]!).size < 3 && !pieces[end]!.includes('?')) end += 2;
    if (!pieces[end]?.includes('?')) continue;
    const part = partByContent(clause, outline);
    if (part && !part.doubt) {
      asked.push({ id: part.id });
      continue;
    }
    // (`How long does one iteration take?`: too few of any statement's words to name a part; its place names it.)
    const scored = scoreStatements(clause, outline);
    const best = scored[0];
    const tied = best && best.s >= ASKED_BY_CONTENT_MIN && best.shared >= 2 ? scored.filter((t) => t.s >= best.s * 0.75) : [];
    if (tied.some((t) => t.question !== best!.question)) return [];
    asked.push({ tied: tied.map((t) => t.id) });
  }
  const question = asked.find((a) => a.id)?.id?.split('.')[0];
  const order = outline.find((o) => o.number === question)?.parts ?? [];
  if (!question || asked.some((a) => a.id?.split('.')[0] !== question && a.tied?.some((id) => id.split('.')[0] !== question))) return [];
  const ids: string[] = [];
  for (const [k, a] of asked.entries()) {
    if (a.id) {
      if (ids.includes(a.id) || order.indexOf(a.id) <= order.indexOf(ids[ids.length - 1] ?? '')) return [];
      ids.push(a.id);
      continue;
    }
    // Between the part asked before and the next one asked clearly.
    const after = order.indexOf(ids[ids.length - 1] ?? '');
    const next = asked.slice(k + 1).find((b) => b.id)?.id;
    const before = next ? order.indexOf(next) : order.length;
    const left = (a.tied!.length ? a.tied! : order).filter((id) => order.indexOf(id) > after && order.indexOf(id) < before);
    if (left.length !== 1) return [];
    ids.push(left[0]!);
  }
  return ids.length >= 2 ? ids : [];
}

/** A turn of two questions or more: two question marks, or a question and another asked after `also`, `and why`, `and how`. */
const ASKS_SEVERAL = /\?[^?]*\?|\?\s*(?:also|and)\b|\b(?:also|and)\s+(?:what|how|why|which)\b/i;

/** The one unanswered part a turn's sentences clearly ask (clausesAsking), when exactly one is, as partByContent gives a part (without doubt). */
function soleClauseAsking(text: string, outline: QuestionOutline[], answered: (id: string) => boolean): ReturnType<typeof partByContent> {
  const ids = clausesAsking(text, outline).filter((id) => !answered(id));
  return ids.length === 1 ? { id: ids[0]!, question: ids[0]!.split('.')[0]! } : undefined;
}

/**
 * The parts a turn asks as a list of its own (`- Newton-Schulz: ... faster?` / `- max pooling ...:
 * output shape?`): each item's words nearest one part with no close rival, each a different part,
 * of one question or several, in the list's order. Empty when any item names none clearly.
 */
function partsAskedAsList(text: string, outline: QuestionOutline[]): string[] {
  const items = listedQuestions(text);
  if (!items) return [];
  const ids = items.map((item) => {
    const part = partByContent(item, outline);
    return part && !part.doubt ? part.id : undefined;
  });
  return ids.every((id): id is string => !!id) && new Set(ids).size === ids.length ? ids : [];
}

/**
 * The one of `ids` (parts a reply just answered in sections) whose statement a follow-up's words
 * name (`the pooling one`), when it clearly leads the others; undefined otherwise.
 */
function partAmong(text: string, ids: readonly string[], outline: QuestionOutline[]): string | undefined {
  if (ids.length < 2) return undefined;
  const [best, second] = scoreStatements(text, outline).filter((t) => ids.includes(t.id));
  return best && best.s > 0 && (!second || second.s < best.s / 2) ? best.id : undefined;
}

/** The statements of a question's parts that have no answer yet, by part id. */
function unansweredStatements(ids: readonly string[], outline: QuestionOutline[], answered: (id: string) => boolean): Map<string, string> {
  const texts = outline.find((o) => o.parts.includes(ids[0] ?? ''))?.partTexts ?? {};
  return new Map(ids.filter((id) => !answered(id) && texts[id]).map((id) => [id, texts[id]!] as const));
}

/** The parts of one question a text's words fit about equally, the best among them (a tie `partByContent` leaves unplaced). */
function partsTied(text: string, question: string, outline: QuestionOutline[]): string[] {
  const scored = scoreStatements(text, outline);
  const best = scored[0];
  if (!best || best.question !== question || best.s < ASKED_BY_CONTENT_MIN) return [];
  return scored.filter((t) => t.question === question && t.s >= best.s * 0.75).map((t) => t.id);
}

/** An image marker a chat export leaves where a picture was sent: `[image]`, `<image>`, `![screenshot](...)`. */
const IMAGE_MARK = /\[(?:image|img|photo|picture|screenshot)[^\]\n]{0,60}\]|<image>|!\[[^\]\n]*\]\([^)\n]*\)/gi;

/**
 * The question a reply answers when the question was posted as a picture and the reply labels
 * its parts only ("(a) ... (b) ..."): the question its words name, where the problem set gives
 * words to match; else the current question while the labels are parts of it not yet answered
 * (a second picture of the same question); else the key's next question that has every label,
 * by order, as a TA takes screenshots pasted in turn. A question by order whose parts are not
 * the reply's labels is a doubt.
 */
function questionOfPicture(
  reply: string,
  letters: string[],
  outline: QuestionOutline[],
  current: string | undefined,
  answered: (id: string) => boolean,
): { question: string; aligned: Aligned } | undefined {
  const byWords = questionByContent(reply, outline);
  const byOrder = letters.length ? nextByOrder(letters, outline, current, answered) : undefined;
  // Words that lead only narrowly are no doubt when the order of the pictures says the same question.
  if (byWords) return { question: byWords.question, aligned: { by: 'title', ...(byWords.doubt && byOrder?.question !== byWords.question ? { doubt: byWords.doubt } : {}) } };
  return byOrder === null ? undefined : byOrder;
}

/** `questionOfPicture` by order alone: null to stay in the current question, undefined when no question fits. */
function nextByOrder(letters: string[], outline: QuestionOutline[], current: string | undefined, answered: (id: string) => boolean): { question: string; aligned: Aligned } | null | undefined {
  const letterOf = (id: string) => id.split('.')[1];
  const has = (q: QuestionOutline) => letters.every((l) => q.parts.some((id) => letterOf(id) === l));
  const now = outline.findIndex((o) => o.number === current);
  if (now >= 0 && has(outline[now]!) && letters.every((l) => !outline[now]!.parts.some((id) => letterOf(id) === l && answered(id)))) return null;
  const next = outline.slice(now + 1).find(has);
  if (!next) return undefined;
  // A screenshot of the question's first parts ((a) and (b) of three) fits too; later parts alone, or others, do not.
  const own = [...new Set(next.parts.map(letterOf))];
  const asked = new Set(letters);
  const fits = own.slice(0, asked.size).every((l) => asked.has(l!));
  return {
    question: next.number,
    aligned: {
      by: 'order',
      ...(fits
        ? {}
        : {
            doubt: `the question was posted as a picture and the reply names no number; taken as question ${next.number}, the next in the key, whose parts are (${own.join(', ')}) where the reply answers (${[...asked].join(', ')})`,
          }),
    },
  };
}

/**
 * A request to answer a picture it sends: "solve the attached problem", "please answer the
 * question in this screenshot". A remark about a picture ("the edge in the image is actually
 * vertical") asks nothing of it.
 */
const POINTS_AT_PICTURE =
  /\b(?:solve|answer|do|work\s+(?:through|out)|help(?:\s+me)?\s+with|look\s+at|fill\s+in|complete)\b[^.?!\n]{0,60}?\b(?:attach(?:ed|ment)|(?:the|this|these)\s+(?:image|picture|screenshot|photo)s?)\b|\battached\s+(?:problems?|questions?|images?|pictures?|screenshots?|files?)\b/i;

/**
 * Whether a user turn sends a picture with at most a request, no words of the question:
 * `[image]` "solve this", or a sentence or two that say which picture ("Let's move on to the
 * next question, on normalization. Please solve the attached problem.") — a chat export often
 * drops the picture's own mark, so such words are the sign. A part's label at its start, or a
 * longer text, is a question typed out.
 */
function uploadOnly(m: Message): boolean {
  const request = m.text.replace(IMAGE_MARK, '').trim();
  if (readLineLabel(request)) return false;
  const sent = !!m.files?.length || request !== m.text.trim();
  return (sent && request.length < 60) || ((sent || POINTS_AT_PICTURE.test(request)) && request.length < 300 && !request.includes('$'));
}

/** A picture's file name that names a question's part: `q2d.png`, `Q3_c.jpg`, `hw4-problem4b.png`, `q3d_ii.png`. */
const PICTURE_PART = new RegExp(String.raw`(?:^|[^a-z])(?:q|question|problem|prob)[ _-]?(\d{1,2})[ _.-]?\(?([a-h])\)?(?:[ _.-]?([ivx]{1,4}))?\.(?:${PICTURE_EXTENSIONS})\b`, 'i');
const PICTURE_NAME = new RegExp(String.raw`\.(?:${PICTURE_EXTENSIONS})\b`, 'i');

/**
 * The part a picture sent alone is of, when its file name (in `![q2d.png](...)` or as an
 * attachment) names one the key has: the person named the screenshot for the part it shows.
 */
function partOfPicture(m: Message, outline: QuestionOutline[]): string | undefined {
  if (!PICTURE_NAME.test(m.text) && !m.files?.length) return undefined;
  const names = [...(m.files ?? []), ...[...m.text.matchAll(/!\[([^\]\n]*)\]\(([^)\n]*)\)/g)].flatMap((x) => [x[1]!, x[2]!])];
  const ids = new Set<string>();
  for (const name of names) {
    const p = PICTURE_PART.exec(name.split(/[\\/]/).pop() ?? '');
    const id = p && idFor(p[1], p[2]!.toLowerCase(), p[3]?.toLowerCase(), outline);
    if (id && outline.some((o) => o.parts.includes(id))) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * Where a reply to a question sent as a picture goes, by its own words: the question whose parts
 * its text matches, and within it each bold-titled section to the part it names; or the one part
 * its whole text matches. Empty when its words name nothing clearly; a close rival is a doubt.
 */
function placeByContent(reply: string, outline: QuestionOutline[], current?: string): { id: string; question: string; heading: string; text: string; doubt?: string }[] {
  const whole = questionByContent(reply, outline);
  const q = whole && outline.find((o) => o.number === whole.question);
  if (q && q.parts.length > 1) {
    const asked = new Map(q.parts.map((id) => [id, q.partTexts?.[id] ?? ''] as const).filter(([, t]) => t));
    const sections = sectionsByContent(reply, asked);
    if (sections && sections.length > 1) return sections.map((sec) => ({ ...sec, question: q.number, ...(whole.doubt ? { doubt: whole.doubt } : {}) }));
  }
  // A reply says more than the question it answers: its words match any statement less closely, so it needs less to lead.
  const part = partByContent(reply, outline, { min: REPLY_BY_CONTENT_MIN, ...(current ? { prefer: current } : {}) });
  if (!part) return [];
  const doubt = part.doubt ?? (whole && whole.question !== part.question ? `its words name question ${whole.question}, its closest part is ${part.id}` : undefined);
  return [{ id: part.id, question: part.question, heading: `by its words`, text: reply, ...(doubt ? { doubt } : {}) }];
}

/**
 * A transcript's responses. Labels in the model's text decide where they exist; a reply with
 * none answers the next part after a new question or upload, and continues the current part
 * after a follow-up. A follow-up that asks to check again makes the reply a new attempt (the
 * final answer); a question that only asks why is discussion and leaves the answer as it was.
 * `fileQuestion`: the one question the file's name names (`hw4-q2.md`), for letters nothing else places.
 * `letterQuestion`: the question a bare letter is of by the parts the document says it covers (coveredQuestionOf),
 * for a letter the question under way does not have.
 */
export function segmentTranscript(read: Message[], outline: QuestionOutline[], fileQuestion?: string, letterQuestion?: (letter: string, current?: string) => string | undefined): PartResponse[] {
  const messages = headingsToNextPrompt(read);
  const responses = new Responses();
  const order = outline.flatMap((q) => q.parts);
  let question: string | undefined;
  let alignedBy: Aligned = { by: 'number' };
  let cursor = -1; // index into the current question's parts
  let lastPart: string | undefined;
  let pending: 'new' | 'recheck' | 'continue' | 'discussion' = 'new';
  let promptParts: string[] = [];
  // The statements of the parts the last pasted question asks, by part id.
  let askedTexts = new Map<string, string>();
  // Whether the current question was found by a turn's words alone (partByContent): a chat that
  // gives no numbers; one that does keeps its follow-ups as discussion of the part answered.
  let byWords = false;
  // Whether the last user turn asked for every part of a question ("all of question 2", "parts a to g").
  let askedWhole = false;
  // Whether it named a question and none of its parts (`Q2:`, `Question 4 please`): the whole question, perhaps.
  let namedOnly = false;
  // The parts the last user turn named in its words when they are of several questions: the reply's bare letters are theirs.
  let acrossQuestions: string[] = [];
  // Whether the last user turn was a picture with at most a word or two ("solve this"): the question is in the image.
  let uploaded = false;
  // Whether that picture came with a request to solve it ("solve the problem attached"): a new problem, not more of the last.
  let asksAnew = false;
  // Whether the last user turn's doubt is only its own words' tie between parts (partsTied).
  let tiedTurn = false;
  // Whether the last user turn, found by its words, asks two questions or more (`what's the runtime? And if d_out >> d_in, how ...?`).
  let askedInWords = false;
  // Why a reply to the parts the last user turn asked in words (partsAskedInWords) is doubtful when nothing in it tells them apart.
  let severalAsked: string | undefined;
  // The one answered part a push-back names as the one it doubts (`are you sure about (d)? In (c) you got ...`):
  // the reply is that part's new attempt, not more of the part answered last.
  let doubted: string | undefined;
  // Whether the last user turn re-asked the part just answered (`for (b) give the exact runtime`).
  let reasked = false;
  // Whether the last user turn asked its parts as a list of its own (partsAskedAsList): a reply numbers its sections by it.
  let askedAsList = false;
  // The parts the last user turn asked one sentence each, in its order, its sentences that fit two parts told apart by that order (partsAskedInOrder).
  let askedInOrder: string[] = [];
  // The parts the last reply answered in sections of its own (sectionsByContent, sectionsInListOrder).
  let lastSections: string[] = [];
  // The part a person's heading between the turns named (`### Question 3(c)`), until a reply answers it.
  let headedPart: string | undefined;
  const parts = () => outline.find((o) => o.number === question)?.parts ?? [];
  // `(e) ...` with no question named, or one the question under way has no (e) in, or one the document's
  // list of parts gives other letters: the question that list (or the key) gives it.
  const ofLetter = (q: string | undefined, letter: string) => (letterQuestion ? letterQuestion(letter, q) : q);
  // A number the transcript uses for a key question of another number ("Problem 5" for the key's 7),
  // once aligned by its text: the model's later "Problem 5" headings mean the same question.
  const renumbered = new Map<string, ReturnType<typeof alignQuestion>>();
  const align = (number: string | undefined, heading: string, after: string | undefined) => {
    const aligned = alignQuestion(number, heading, outline, after);
    if (!number || outline.some((o) => o.number === number)) return aligned;
    if (aligned.by === 'title' && aligned.number) renumbered.set(number, aligned);
    else if (renumbered.has(number)) return renumbered.get(number)!;
    return aligned;
  };
  const setQuestion = (number: string | undefined, heading: string) => {
    const aligned = align(number, heading, question);
    byWords = false;
    if (aligned.number && aligned.number !== question) {
      question = aligned.number;
      alignedBy = aligned;
      cursor = -1;
      lastPart = undefined;
    }
  };
  messages.forEach((m, turn) => {
    if (m.role === 'note') {
      // (`B Task 3`: an appendix's letter before the question it heads.)
      const h = promptHeading(m.text.replace(APPENDIX_SECTION, ''));
      if (h.number || /^(?:question|problem)\b/i.test(m.text)) setQuestion(h.number, h.heading);
      else if (question === undefined && messages.slice(0, turn).every((x) => x.role === 'note')) {
        // The chat's title above its first turn (`PS6 — Question 4, asked to ChatGPT`): the one question it names.
        // It numbers no part, so turns that ask in words are still read by their words.
        const titled = questionOfTitleBlock(m.text, outline);
        if (titled) {
          setQuestion(titled, '');
          byWords = true;
        }
      }
      // A report's `Question 3(c)` over an excerpt: the part the exchange under it is about, whatever its turns name.
      const named = isQuestionNote(m.text) ? readLineLabel(m.text) : undefined;
      const id = named?.part ? idFor(question, named.part, named.subpart, outline) : undefined;
      if (id) {
        headedPart = id;
        promptParts = [id];
        askedTexts = new Map();
        pending = 'new';
      }
      return;
    }
    if (m.role === 'user') {
      askedInWords = false;
      severalAsked = undefined;
      doubted = undefined;
      askedAsList = false;
      askedInOrder = [];
      // A tie between parts was the last turn's words': this turn's are read afresh.
      if (tiedTurn) alignedBy = { by: alignedBy.by };
      tiedTurn = false;
      uploaded = false;
      asksAnew = false;
      const h = promptHeading(m.text);
      const split = splitAtLabels(m.text);
      const labels = split.filter((s) => s.label?.part && !s.label.question);
      const inline = partsNamedInline(m.text, outline);
      let pictured: string | undefined;
      askedWhole = ASKS_WHOLE.test(m.text.slice(0, 400));
      namedOnly = false;
      acrossQuestions = new Set(inline.map((id) => id.split('.')[0])).size > 1 ? inline : [];
      if (!h.number && inline.length && namesSeveralQuestions(m.text, inline, outline)) {
        // An overview: the words of this turn and the next say which question each pastes.
        acrossQuestions = [];
        byWords = true;
      } else if (!h.number && inline.length) h.number = inline[0]!.split('.')[0]!;
      // `I'm doing HW4 Q3 (convolution as an FIR filter) ...` then `(a) Compute ...`: the one question the
      // words before the turn's bare labels name, when the turn's words are nearest that question's statements.
      if (!h.number && !inline.length && labels.length && !split[0]!.label) {
        const said = questionNamedInProse(split[0]!.text);
        if (said && outline.some((o) => o.number === said) && nearestStatements(m.text, outline).question === said) h.number = said;
      }
      // A copy of one part's statement from the problem set asks that part, whichever question came
      // before (`(a) Derive the gradient ...` pasted after question 3's replies).
      const copied = h.number ? undefined : (pastedPart(m.text, outline) ?? retyped(m.text, labels, question, outline, (id) => responses.has(id)));
      if (copied) {
        // (A copy names no number: a chat found by its words goes on being read by them.)
        const found = byWords;
        setQuestion(copied.split('.')[0], '');
        byWords = found;
        promptParts = [copied];
        askedTexts = new Map([[copied, m.text]]);
        askedWhole = false;
        acrossQuestions = [];
        pending = 'new';
        return;
      }
      // Two part statements or more, however short, are a question typed out (`(c) no padding, stride 1` / `(d) ...`).
      if (h.number || (labels.length && (m.text.length > 300 || labels.length >= 2))) {
        // A pasted question (with a heading or its part statements): a new question or its next parts.
        const before = question;
        // A number the key does not have: the pasted text, not only its heading line, says which question it is.
        const unknown = h.number && !outline.some((o) => o.number === h.number);
        // (Bare letters that the document's list of parts gives one question: that question.)
        const listed = h.number || fileQuestion ? undefined : new Set(labels.map((s) => ofLetter(question, s.label!.part!)));
        const byList = listed?.size === 1 ? [...listed][0] : undefined;
        setQuestion(h.number ?? (byList !== question ? byList : undefined) ?? (question === undefined ? (fileQuestion ?? outline[0]?.number) : undefined), unknown ? m.text.slice(0, 600) : h.heading);
        // The chat's first question, with no number and a heading that names none: the one its parts' words are about, if any clearly is.
        const byParts = !h.number && before === undefined && alignedBy.by === 'number' ? questionByContent(m.text, outline) : undefined;
        if (byParts && byParts.question !== question) {
          question = byParts.question;
          alignedBy = { by: 'title', ...(byParts.doubt ? { doubt: byParts.doubt } : {}) };
          // (Found by its words, as a chat that gives no number: the next question it pastes is found so too.)
          byWords = true;
        }
        // (Its opening lines matched two questions' titles about equally: its whole text decides.)
        if (!h.number && question !== before && alignedBy.by === 'title' && alignedBy.doubt) {
          const settled = questionOfPaste(h.heading, m.text, outline);
          if (!settled.doubt) {
            question = settled.number;
            alignedBy = { by: 'title' };
          }
        }
        // (A question a note or heading named, none of whose parts is answered yet, is the one this paste opens.)
        const begun = before !== undefined && outline.find((o) => o.number === before)?.parts.some((id) => responses.has(id));
        if (!h.number && question === before && labels.length && labels[0]!.label!.part === 'a' && begun) {
          // A new pasted question with no number: the one its title or text matches, else the key's next.
          const byTitle = questionOfPaste(h.heading, m.text, outline).number;
          setQuestion(byTitle ?? outline[outline.findIndex((o) => o.number === before) + 1]?.number, '');
        } else if (!h.number && labels.some((s) => !idFor(question, s.label!.part, undefined, outline))) {
          // Letters the current question does not have: the pasted words say which question they are.
          const whole = questionByContent(m.text, outline);
          if (whole) setQuestion(whole.question, '');
        }
        // A question chosen by text over a close rival, whose typed-out parts each read as its own part of that letter: no guess.
        if (alignedBy.doubt && question && questionOfParts(labels, outline) === question) alignedBy = { by: alignedBy.by };
        // `Question 7 (b): ...` names its part with the question: the reply answers that part too.
        const asked = split.filter((s) => s.label?.part);
        promptParts = asked.map((s) => idFor(question, s.label!.part, s.label!.subpart, outline)).filter((x): x is string => !!x);
        const opened = !promptParts.length && h.part ? [h.part, ...(h.also ?? [])].map((p) => idFor(question, p, undefined, outline)).filter((x): x is string => !!x) : [];
        if (opened.length) promptParts = opened;
        // (`Q3 (c) and (d)` in the remark over a paste that labels only `Q3 (c):` asks both.)
        if ((inline.length > 1 || !promptParts.length) && inline.some((id) => !promptParts.includes(id))) promptParts = [...new Set([...inline, ...promptParts])];
        askedTexts = new Map(
          asked.flatMap((s) => {
            const id = idFor(question, s.label!.part, s.label!.subpart, outline);
            return id ? [[id, s.text] as const] : [];
          }),
        );
        namedOnly = !!h.number && !promptParts.length && !inline.length;
        pending = 'new';
      } else if (uploadOnly(m) && (pictured = partOfPicture(m, outline))) {
        // A screenshot named for its part (`q2d.png`): that part, as if its number were typed.
        setQuestion(pictured.split('.')[0], '');
        alignedBy = { by: 'number' };
        promptParts = [pictured];
        askedTexts = new Map();
        pending = 'new';
      } else if (uploadOnly(m)) {
        askedTexts = new Map();
        promptParts = [];
        pending = 'new';
        uploaded = true;
        asksAnew = POINTS_AT_PICTURE.test(m.text);
      } else {
        // "and (c)?", "now part (d)": a short follow-up that names the part it asks for next.
        // A letter after words that point back ("don't we need 2P here too, like in (a)?") is the part compared with, not the one asked.
        // "for (d) the bound from (c) is sqrt(d_out), so alpha should be different": a follow-up that
        // opens on the part it questions names it, whatever it compares it with and however long it runs.
        const opens = m.text.length < 400 ? OPENS_ON_PART.exec(m.text) : null;
        const named = opens ?? (m.text.length < 80 && !REFERS_TO_PART.test(m.text) ? /(?:^|\s)(?:part\s*)?\(([a-h])\)|\bpart\s+([a-h])\b/i.exec(m.text) : null);
        // `(f) CONV2-3 -> ReLU ...`: a part the person types out in their own words, led by its
        // letter, asks that part when it has no answer yet ("(a) is wrong" about an answered one is discussion).
        const typed = /^\s*(?:\*\*)?\(([a-h])\)/i.exec(m.text);
        const typedId = typed ? idFor(ofLetter(question, typed[1]!.toLowerCase()), typed[1]!.toLowerCase(), undefined, outline) : undefined;
        // (`now do (d) ii: stride 2, pad 1`: the subpart after the letter is the one asked.)
        const sub = named && /^\s*\(?([ivx]{1,4})(?=[).:,\s])/i.exec(m.text.slice(named.index + named[0].length))?.[1]?.toLowerCase();
        const next = named ? idFor(question, (named[1] ?? named[2])!.toLowerCase(), sub || undefined, outline) : typedId && !responses.has(typedId) ? typedId : undefined;
        // `ok (e) now. Muon: ... the constraint from (c)?`, `the 2D part: (c) x = ...`: in a longer
        // follow-up, the one part it names (not pointing back) asks that part while it has no answer.
        const sole = !next && m.text.length < 600 ? soleLetterNamed(m.text) : undefined;
        const soleId = sole ? idFor(question, sole, undefined, outline) : undefined;
        const asksSole = soleId && parts().includes(soleId) && !responses.has(soleId) ? soleId : undefined;
        // `did u do 4e yet`, `4f is just g3 = g2 and g4 = g1 right?`: a short message that names one part by its number
        // and letter, anywhere in its words, asks that part while it has no answer (a remark on an answered one is discussion).
        const shortId = !next && !asksSole ? soleShortId(m.text, outline) : undefined;
        const asksShort = shortId && !responses.has(shortId) ? shortId : undefined;
        if (asksShort) setQuestion(asksShort.split('.')[0], '');
        promptParts = next && next !== lastPart ? [next] : asksSole ? [asksSole] : asksShort ? [asksShort] : [];
        // A question asked in words alone, in a chat that has given no number: the part its words name,
        // when that part has no answer yet (a question about the part just answered is discussion).
        // `ok and the variance part: ... derive the mean and variance ... should we assume ...`: a turn whose
        // words name an unanswered part about as closely as its statement asks that part, whatever words of doubt it uses.
        const doubts = isRecheck(m.text);
        const asksAnother = doubts ? partByContent(m.text, outline, { min: NAMES_PART_MIN }) : undefined;
        // `for (b) give the exact runtime, not big O`: a follow-up that opens on the part just answered and asks for
        // its answer again, in another form, is a re-ask of that part (its reply is the part's next attempt).
        const reasks = !!opens && !!next && next === lastPart && asksForAnswerAgain(m.text);
        const recheck = reasks || (doubts && !(asksAnother && !asksAnother.doubt && asksAnother.id !== lastPart && !responses.has(asksAnother.id)));
        const continuing = !recheck && isContinuation(m.text);
        reasked = reasks;
        if (reasks) doubted = next;
        else if (recheck && !promptParts.length && soleId && responses.has(soleId) && parts().includes(soleId)) doubted = soleId;
        // `Last one. A CNN with circular padding: ... What are g3, g4?`: in a chat read by its numbers, a turn
        // with no number or label that retypes, in its own words, a part of a question none of whose
        // parts is answered yet moves on to that question, as a turn of a chat with no numbers does.
        const retypedElsewhere =
          !promptParts.length && !recheck && !continuing && question !== undefined && !byWords && !labels.length && m.text.length >= RETYPED_MIN_CHARS ? partByContent(m.text, outline) : undefined;
        const movesOn =
          !!retypedElsewhere &&
          !retypedElsewhere.doubt &&
          retypedElsewhere.question !== question &&
          !!outline.find((o) => o.number === retypedElsewhere.question)?.parts.every((id) => !responses.has(id));
        const byContent = !promptParts.length && !recheck && !continuing && (question === undefined || byWords || movesOn);
        // `receptive field of L layers ...? also: with a 2x2 max pool, how much does it increase ...?`:
        // a turn whose sentences each ask one part of a question, in words alone, asks those parts:
        // in a chat that gave numbers too (`One more: ...`), where two unanswered parts named so are no discussion.
        // (`answer them all: - ... - ...`: a list's items, each its own part, of one question or several.)
        const unlabelled = !promptParts.length && !recheck && !continuing && !labels.length;
        const listed = unlabelled ? partsAskedAsList(m.text, outline).filter((id) => !responses.has(id)) : [];
        askedAsList = listed.length >= 2;
        askedInOrder = unlabelled && !askedAsList ? partsAskedInOrder(m.text, outline).filter((id) => !responses.has(id)) : [];
        const several = askedAsList ? listed : unlabelled ? partsAskedInWords(m.text, outline).filter((id) => !responses.has(id)) : [];
        // `if I stack L conv layers ..., what's the receptive field of the last output? also what happens if I add
        // a max pool, and why ...?`: a turn of several questions whose whole words name no part, one of whose
        // sentences clearly asks an unanswered one (the others fitting two parts, or none), asks that part.
        const byWordsAsked =
          byContent && several.length < 2
            ? (partByContent(m.text, outline) ?? (unlabelled && ASKS_SEVERAL.test(m.text) ? soleClauseAsking(m.text, outline, (id) => responses.has(id)) : undefined))
            : undefined;
        // `2D one. x = [[1,2,3,4,5],...], h = [[-1,-2,-1],...]. what is y`: a turn with no label whose numbers are
        // one part's data asks that part, in any chat, while it has no answer (else it is discussion of it).
        const byData = !byWordsAsked && unlabelled && several.length < 2 ? partByData(m.text, outline) : undefined;
        const asked: ReturnType<typeof partByContent> = byWordsAsked ?? (byData && !responses.has(byData.id) ? byData : undefined);
        if (several.length >= 2) {
          const q = several[0]!.split('.')[0]!;
          if (q !== question) cursor = -1;
          question = q;
          byWords = true;
          alignedBy = { by: 'title' };
          promptParts = several;
          severalAsked = `asked parts ${several.join(' and ')} in words, answered with no section or label that tells them apart; placed on the last`;
          askedTexts = new Map(several.map((id) => [id, outline.find((o) => o.parts.includes(id))?.partTexts?.[id] ?? ''] as const));
        } else if (asked && asked.id !== lastPart && !responses.has(asked.id)) {
          if (asked.question !== question) cursor = -1;
          question = asked.question;
          byWords = true;
          // (`Newton-Schulz ... (a) What is the runtime ... (b) ...`: a turn pasting two parts matches both.)
          const ofPart = asked.rival && asked.rival.split('.')[0] === asked.question;
          alignedBy = { by: 'title', ...(asked.doubt ? { doubt: asked.doubt, ...(ofPart ? { ofPart } : {}) } : {}) };
          promptParts = [asked.id];
          askedInWords = m.text.split('?').length > 2 || (m.text.match(/\b(?:what|how|which|why)\b/gi)?.length ?? 0) >= 2;
        } else if (!asked && !recheck && !continuing && (question === undefined || byWords)) {
          // A question pasted with all its parts in one line, no number: its words name the question, the reply's labels its parts.
          // (In a chat found by words, another question with parts still unanswered: the person moved on to it.)
          const whole = questionByContent(m.text, outline);
          const moved = whole && whole.question !== question && outline.find((o) => o.number === whole.question)?.parts.some((id) => !responses.has(id));
          if (whole && (question === undefined || moved)) {
            question = whole.question;
            cursor = -1;
            byWords = true;
            // A turn of one sentence or two whose words fit two of the question's parts about equally
            // (`what output shape does the layer produce?`, a conv layer's part or a pooling layer's):
            // a reply placed by order would be the question's first part by guess. The reply's own
            // labels settle it; without them it is for a person to say.
            // (Parts answered already are no candidates: a tie among them leaves the turn's question open.)
            const tied = labels.length ? [] : partsTied(m.text, whole.question, outline).filter((id) => !responses.has(id));
            const doubt = whole.doubt ?? (tied.length > 1 ? `asked without a number or label, its words fit parts ${tied.join(' and ')} about equally; placed by turn order` : undefined);
            alignedBy = { by: 'title', ...(doubt ? { doubt, ...(whole.doubt ? {} : { ofPart: true }) } : {}) };
            tiedTurn = !whole.doubt && !!doubt;
          }
        }
        // (A turn under a heading that named its part, naming none itself, asks that part.)
        if (!promptParts.length && headedPart && !responses.has(headedPart)) promptParts = [headedPart];
        pending = promptParts.length ? 'new' : recheck ? 'recheck' : continuing ? 'continue' : asksForNext(m.text) || !lastPart ? 'new' : 'discussion';
        // A tutor's question back, answered or passed over (`K*K*C?`, `just tell me`): the next reply goes on with the part's answer.
        const before = messages[turn - 1];
        if (pending === 'discussion' && before?.role === 'assistant' && m.text.length < LEARNER_REPLY_MAX && endsAskingLearner(before.text)) pending = 'continue';
        // `for the pooling one there are no filters tho?` after a reply in sections: a follow-up on
        // the section its words name, not on the last one.
        const about = pending === 'recheck' || pending === 'discussion' ? partAmong(m.text, lastSections, outline) : undefined;
        if (about) lastPart = about;
      }
      return;
    }
    // An assistant message.
    // A model's turn right after its own placed reply, nothing between (a terminal agent's `Assistant:`
    // again once the code it ran has printed its output): more of that reply, when it labels no part itself.
    // (Only after a run's output: a reply an exporter split in two, each half with its own sections, is two replies as before.)
    const goesOn = messages[turn - 1]?.role === 'assistant' && RAN_CODE.test(messages[turn - 1]!.text) && !!lastPart && responses.answeredIn(turn - 1);
    lastSections = [];
    headedPart = undefined;
    // A reply to a re-ask that names another part and never the one asked (`I need to correct (a) first:
    // T_{(a)} = ...`) is about that other part: it is no new attempt at the part asked.
    if (reasked && pending === 'recheck' && doubted && answersAnotherPart(m.text, doubted.split('.')[1]!)) {
      pending = 'discussion';
      doubted = undefined;
    }
    const segments = withoutRecap(splitAtLabels(titledQuestionHeadings(m.text), 1, false, true));
    const labelled = segments.filter((s) => s.label && (s.label.part || s.label.question || s.label.subpart));
    if (labelled.length && uploaded && pending === 'new' && !labelled.some((s) => s.label!.question)) {
      // A reply labelling parts only, to a question posted as a picture: which question it answers.
      const placed = questionOfPicture(
        m.text,
        labelled.map((s) => s.label!.part).filter((x): x is string => !!x),
        outline,
        question,
        (id) => responses.has(id),
      );
      if (placed && placed.question !== question) {
        question = placed.question;
        alignedBy = placed.aligned;
        cursor = -1;
        byWords = false;
      }
    }
    // `$y[n] = ...$` then `(b) ...`: to a question posted as a picture, a reply whose first label is the question's
    // second part answers its first, unanswered, in the worked text before that label.
    // `**Answer:** $$...$$` then `**(b) Answer:** ...`: an answer-first reply to parts asked in words puts
    // the first one's answer above any label, the next asked part's label after it.
    const lead = segments[0] && !segments[0].label ? segments[0] : undefined;
    const firstLabel = labelled[0]?.label;
    const qParts = parts();
    // (`**4(f)**` after the answer to 4(e): a label naming the question being asked is its part's label too.)
    const labelledId = firstLabel?.part && (!firstLabel.question || firstLabel.question === question) ? idFor(question, firstLabel.part, undefined, outline) : undefined;
    const askedBefore = labelledId ? (uploaded ? (labelledId === qParts[1] ? qParts[0] : undefined) : promptParts[promptParts.indexOf(labelledId) - 1]) : undefined;
    // (Its answer is a formula, or a table: prose before a label answers nothing.)
    if (lead && pending === 'new' && askedBefore && /\$|\\begin\{|^\s*\|[^\n]*\|\s*$/m.test(lead.text) && !responses.has(askedBefore)) {
      responses.add(askedBefore, 'before the first label', { text: lead.text, turn, ...(m.line ? { line: m.line } : {}) }, { by: 'order', ...(alignedBy.doubt ? { doubt: alignedBy.doubt } : {}) });
      lastPart = askedBefore;
      cursor = Math.max(cursor, qParts.indexOf(askedBefore));
    }
    // A push-back that named the part it doubts, answered before the reply's labels (a recap of the other parts, `(b) ..., (c) ...`): that part's new attempt.
    if (labelled.length && lead && pending === 'recheck' && doubted) {
      responses.add(doubted, 'rechecked', { text: lead.text, turn, ...(m.line ? { line: m.line } : {}) }, alignedBy);
    }
    // A reply cut off in a part, then "continue": the text before the new reply's first label ends that part.
    if (labelled.length && lead && pending === 'continue' && lastPart) {
      responses.add(lastPart, 'continued', { text: lead.text, turn, ...(m.line ? { line: m.line } : {}) }, alignedBy, false);
    }
    if (labelled.length) {
      let q = question;
      let p: string | undefined;
      // Parts the reply answered above its closing summary table, and those whose summary row began.
      const answeredAbove = new Set<string>();
      const summarised = new Set<string>();
      // The one part the person asked for, once the reply names it with its question (`**Problem 8(b): ...**`).
      let sole: string | undefined;
      for (const s of segments) {
        const l = s.label;
        if (!l) continue;
        if (l.question) {
          // `**Problem 7(b).** We have ...`: after a label naming its part, the text is the answer, not the question's title.
          const aligned = align(l.question, l.part ? '' : (s.text.split('\n')[0] ?? ''), question);
          q = aligned.number;
          question = q;
          alignedBy = aligned;
          byWords = false;
          p = undefined;
        }
        if (l.part) p = l.part;
        // A bare letter in a chat that has named no question: the one the file's name names.
        if (q === undefined && !l.question && l.part && fileQuestion) question = q = fileQuestion;
        // (`**(g)**` in a chat whose question under way has no (g): the question the document's list of parts gives it.)
        if (!l.question && l.part && ofLetter(q, l.part) !== q) question = q = ofLetter(q, l.part);
        // A bare `(a)` when the prompt named parts of several questions and one (a) among them (`question 7, parts (a) and (b), and question 4(f)`).
        const asked = !l.question && l.part ? acrossQuestions.filter((x) => x.split('.')[1] === l.part) : [];
        if (asked.length === 1 && asked[0]!.split('.')[0] !== q) question = q = asked[0]!.split('.')[0]!;
        let id = idFor(q, l.part ?? p, l.subpart, outline);
        // Then `**(a) Without regularization:**` and `**(b) With it:**`: letters that go back are that
        // part's own cases, not the earlier parts answered again.
        const [soleQ, soleLetter] = sole?.split('.') ?? [];
        if (sole && id && !l.question && l.part && q === soleQ && l.part <= soleLetter!) {
          id = sole;
          p = soleLetter;
        }
        if (l.question && l.part && promptParts.length === 1 && id === promptParts[0]) sole = id;
        // A question heading alone names no part, unless the question is one part (`**Problem 3.** The interval is ...`).
        if (!id || (!l.part && !l.subpart && id !== q)) continue;
        // After "continue", a part the reply labels again is more of the same attempt, not a new answer.
        const ids = [id, ...alsoIds(q, s.also, outline)];
        for (const each of ids) {
          // A summary table's row for a part answered above is what the reply ends on for it: its
          // own, later attempt (its further rows, `7(b) | Variance | ...`, are more of that row's).
          const restated = !!s.row && answeredAbove.has(each) && !summarised.has(each);
          if (restated) summarised.add(each);
          else if (!s.row) answeredAbove.add(each);
          responses.add(
            each,
            [l.question, each === id ? (l.part ?? p) : each.split('.')[1], l.subpart].filter(Boolean).join('/'),
            { text: s.text, turn, ...(m.line ? { line: m.line } : {}), ...sharing(each, ids) },
            alignedBy.ofPart ? { by: alignedBy.by } : alignedBy,
            pending !== 'continue',
            restated,
          );
          lastPart = each;
          cursor = Math.max(cursor, parts().indexOf(each));
        }
      }
      pending = 'discussion';
      return;
    }
    if (goesOn) {
      responses.add(lastPart!, `turn ${turn + 1}`, { text: m.text, turn, ...(m.line ? { line: m.line } : {}) }, alignedBy, false);
      return;
    }
    // A reply to a question that only asked why: discussion, unless the model corrects itself.
    if (pending === 'discussion' && !(lastPart && correctsItself(m.text))) return;
    // Several parts asked, answered under the reply's own headings in its own order: each section to the part it names.
    // A turn found by its words that asks more than the one part they name best: the reply's sections, each to the
    // unanswered part of that question its words name, when one of them is the part asked.
    const open = askedInWords && pending === 'new' && promptParts.length === 1 ? unansweredStatements(parts(), outline, (id) => responses.has(id)) : undefined;
    const byOwnWords = open && sectionsByContent(m.text, open);
    // `question 4: what is the side of its output, and how many parameters ...?`: a turn that names a question and
    // none of its parts asks them in words; a reply under headings of its own answers them by topic, each section
    // the unanswered part its words name (a reply whose sections name no part clearly is placed by order, as before).
    const topics = !byOwnWords && namedOnly && pending === 'new' && !promptParts.length ? unansweredStatements(parts(), outline, (id) => responses.has(id)) : undefined;
    const byTopic = topics && sectionsByContent(m.text, topics);
    // (`What is the runtime? And if d_out >> d_in, ...?` answered as `Part 1: ...` / `Part 2: ...`: the turn's questions in their order.)
    const inOrder = pending === 'new' && askedInOrder.length > 1 && !askedAsList ? sectionsInListOrder(m.text, askedInOrder) : undefined;
    const sections =
      inOrder ??
      (pending === 'new' && promptParts.length > 1
        ? ((askedAsList ? sectionsInListOrder(m.text, promptParts) : undefined) ?? sectionsByContent(m.text, askedTexts) ?? sectionGroupsByContent(m.text, askedTexts))
        : byOwnWords?.some((sec) => sec.id === promptParts[0])
          ? byOwnWords
          : byTopic && byTopic.length >= 2
            ? byTopic
            : undefined);
    if (sections) {
      lastSections = sections.map((sec) => sec.id);
      for (const sec of sections) {
        responses.add(sec.id, sec.heading.slice(0, 40), { text: sec.text, turn, ...(m.line ? { line: m.line } : {}) }, { by: 'title', ...(alignedBy.doubt ? { doubt: alignedBy.doubt } : {}) });
        lastPart = sec.id;
        cursor = Math.max(cursor, parts().indexOf(sec.id));
      }
      pending = 'discussion';
      return;
    }
    // A picture of a question with no number in a chat that gave none: the reply's own words say which question, its sections which parts.
    if (uploaded && pending === 'new' && (question === undefined || byWords)) {
      const placed = placeByContent(m.text, outline, question);
      if (placed.length) {
        for (const p of placed) {
          responses.add(p.id, p.heading.slice(0, 40), { text: p.text, turn, ...(m.line ? { line: m.line } : {}) }, { by: 'title', ...(p.doubt ? { doubt: p.doubt } : {}) });
          lastPart = p.id;
        }
        question = placed[0]!.question;
        byWords = true;
        cursor = Math.max(cursor, parts().indexOf(lastPart!));
        pending = 'discussion';
        return;
      }
    }
    // Every part of the question asked for, answered as items 1, 2, ... in the question's order.
    // Only for a whole question: when the prompt lists some parts, a reply may take them in another order (sectionsByContent).
    // A question named with no part (`Q2:`) and as many items as its parts, three or more, is the same
    // (two items are as likely a derivation's two steps).
    const whole = askedWhole || (namedOnly && parts().length >= 3);
    const list = pending === 'new' && question && whole ? parts() : [];
    const items = numberedItems(m.text, list.length);
    if (items) {
      items.forEach((text, i) => responses.add(list[i]!, `${i + 1}.`, { text, turn, ...(m.line ? { line: m.line } : {}) }, { by: 'order', ...(alignedBy.doubt ? { doubt: alignedBy.doubt } : {}) }));
      lastPart = list[list.length - 1];
      cursor = Math.max(cursor, parts().indexOf(lastPart!));
      pending = 'discussion';
      return;
    }
    let target: string | undefined;
    let continuation = false;
    if (pending === 'continue') continuation = true;
    if (pending === 'recheck' && doubted) target = doubted;
    else if (pending === 'recheck' || pending === 'continue' || pending === 'discussion' || (pending === 'new' && messages[turn - 1]?.role === 'assistant')) target = lastPart;
    // (Several asked in words and nothing in the reply to tell them apart: the first, as a reply takes them in order.)
    else if (promptParts.length) target = severalAsked ? promptParts[0] : promptParts[promptParts.length - 1];
    else {
      const list = parts();
      const next = outline[outline.findIndex((o) => o.number === question) + 1];
      if (uploaded && asksAnew && list.length && cursor + 1 >= list.length && next) {
        // A picture sent with "solve the problem attached" after the question's last part: the key's next question.
        question = next.number;
        alignedBy = { by: 'order' };
        // (Taken by order, as a question found by words: a later typed question may name another.)
        byWords = true;
        cursor = 0;
        target = next.parts[0] ?? next.number;
      } else if (list.length) {
        // Another upload after the question's last part: more of the same answer.
        continuation = cursor + 1 >= list.length && cursor >= 0;
        cursor = Math.min(cursor + 1, list.length - 1);
        target = list[cursor];
      } else target = question;
    }
    // The chat's first picture, no question named anywhere yet, and no problem set whose words could
    // say which (with one, words that fit no question clearly leave the reply unplaced): the key's
    // first question, as a TA takes screenshots pasted in turn.
    if (!target && uploaded && pending === 'new' && question === undefined && outline[0] && !outline.some((o) => o.stated)) {
      question = outline[0].number;
      alignedBy = { by: 'order' };
      byWords = true;
      cursor = 0;
      target = parts()[0] ?? question;
    }
    if (!target) return;
    // A reply placed by turn order within a question aligned by doubtful text shares the doubt.
    // (A reply to several parts asked in words, with no sections of its own to tell them apart, is the last one's by guess.)
    const guessed = alignedBy.doubt ?? (pending === 'new' && promptParts.length > 1 && severalAsked ? severalAsked : undefined);
    responses.add(target, `turn ${turn + 1}`, { text: m.text, turn, ...(m.line ? { line: m.line } : {}) }, { by: 'order', ...(guessed ? { doubt: guessed } : {}) }, !continuation);
    lastPart = target;
    // The next unlabeled reply answers the part after this one, however this one was found.
    cursor = Math.max(cursor, parts().indexOf(target));
    pending = 'discussion';
  });
  return responses.list(order);
}

/**
 * What a person's turn is about by its words, more loosely than `questionByContent` (a turn in
 * words nobody used before: `how wide is what the last output sees`), from one scoring of the
 * statements: `question`, that of the nearest part's statement when no other question's comes
 * within three quarters of it; `tied`, the parts its words fit about as well as the nearest (two or
 * more when they cannot tell them apart). For telling which question a reply may answer once its
 * answer is found, never for aligning a reply by itself.
 */
export function nearestStatements(text: string, outline: QuestionOutline[], min = 0.1): { question?: string; tied: string[] } {
  const scored = scoreStatements(text, outline);
  const best = scored[0];
  if (!best || best.s < min || best.shared < 2) return { tied: [] };
  const near = scored.filter((t) => t.s >= best.s * 0.75);
  const question = near.some((t) => t.question !== best.question) ? undefined : best.question;
  return { ...(question ? { question } : {}), tied: near.map((t) => t.id) };
}
