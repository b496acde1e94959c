import type { Message } from '../model/submission.js';

/**
 * A person who copies a chat into a report and adds remarks of their own usually says, over it, how
 * to tell them from the model's words: `%% = my comments`, `My notes are the lines starting with
 * EVAL.`, `My comments start with "⟶ my take:"`, `Grading notes are my own replies that start with
 * "grading:"`. Whatever the mark, the person has named it: a line that opens on it is theirs, never
 * the model's answer or a request. Read without that, the remark's letters and formulas
 * (`%% weights: K²·F — should be K²·C·F`) are taken for the reply's. The mark is learnt from the
 * document's own words, so no list of marks is needed; the readers of turns know the usual ones by
 * their shape (labelled-remarks.ts), this one knows those a document declares.
 */

/** How far into the text a declaration is looked for: the preamble over the chat, not the chat. */
const PREAMBLE = 2500;

/** A mark as a declaration writes it: quoted, in backticks or bold, or bare (a token, or symbols and a word in capitals: `### NOTE`). */
const MARK = String.raw`(?:"([^"\n]{1,20})"|“([^”\n]{1,20})”|'([^'\n]{1,20})'|\x60([^\x60\n]{1,20})\x60|\*\*([^*\n]{1,20})\*\*|([^\s\p{L}\p{N}]{1,6}[ \t]\p{Lu}{2,12}|\S{1,20}))`;

/** `... lines starting with MARK`, `... start with MARK`, `... prefixed by MARK`, `... lines starting MARK`. */
// (Case kept: a mark's word in capitals is told from the sentence's next word by its case.)
const STARTING_WITH = new RegExp(String.raw`\b(?:[Ss]tart(?:s|ing)?|[Bb]egin(?:s|ning)?|[Pp]refixed|[Mm]arked|[Ll]ed|[Oo]pening)\s+(?:(?:with|by)\s+)?${MARK}`, 'gu');

/** `MARK = my comments`, `MARK: my notes` at a line's start. */
const MARK_IS_MINE = new RegExp(
  String.raw`^[ \t]*${MARK}[ \t]*(?:=|:|[—–-]|means|marks)[ \t]*(?:are[ \t]+)?(?:[Mm]y|[Oo]ur)[ \t]+(?:own[ \t]+)?(?:[Cc]omments?|[Nn]otes?|[Rr]emarks?|[Aa]nnotations?)\b`,
  'gmu',
);

/** The declaration's words that make it one: the person's own (my, our), and what they are (comments, notes). */
const OWN = /\b(?:my|our)\b/i;
const REMARK_WORD = /\b(?:comments?|notes?|remarks?|verdicts?|annotations?|evaluation|review|grading|take)\b/i;

/** The mark out of a match's groups: quoted as written, a bare token without the sentence's closing punctuation. */
function markOf(m: RegExpExecArray, first: number): string | undefined {
  for (let g = first; g < first + 5; g++) if (m[g]?.trim()) return m[g]!.trim();
  let bare = m[first + 5];
  if (!bare) return undefined;
  bare = bare.replace(/[.,;]+$/, '');
  // (`##TO)` closing the sentence's bracket: an unbalanced bracket is the sentence's.)
  if (bare.endsWith(')') && !bare.includes('(')) bare = bare.slice(0, -1);
  if (bare.endsWith(']') && !bare.includes('[')) bare = bare.slice(0, -1);
  // A bare word is a mark only when it looks like one: a symbol in it, or capitals (`REVIEW:`, `EVAL`, `%%`, `→`), not `a` of "a dash".
  if (!bare || (/^[\p{L}\p{N}]+$/u.test(bare) && !/^\p{Lu}{2,}$/u.test(bare))) return undefined;
  return bare;
}

/**
 * A mark fit to stand for the person's lines: two characters or more, or one symbol no Markdown line
 * opens on (`→`, `↳`, `📝`; not `-`, `*`, `#`, `>`).
 */
function fit(mark: string): boolean {
  if (/^[-*+#>|=_~`.]+$/.test(mark) && mark.length < 2) return false;
  if ([...mark].length === 1) return !/[\p{L}\p{N}\s\-*+#>|=_~`.,;:!?'"()[\]{}]/u.test(mark);
  return true;
}

/** The marks a text's preamble declares for the person's own lines; most texts declare none. */
export function declaredRemarkMarks(text: string): string[] {
  const head = text.slice(0, PREAMBLE);
  if (!OWN.test(head) || !REMARK_WORD.test(head)) return [];
  const marks = new Set<string>();
  const flat = head.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(STARTING_WITH)) {
    // The clause the mark is declared in, either side of it (`My notes start with X`, `Lines starting with X are my
    // notes`); another clause of the sentence says something else (`I asked it to begin with "Result:", so my notes ...`).
    const before = flat.slice(Math.max(0, m.index - 160), m.index);
    const after = flat.slice(m.index + m[0].length, m.index + m[0].length + 160);
    const from = before.search(/(?:[.!?;,]\s|\bso\s)(?:(?![.!?;,]\s|\bso\s)[\s\S])*$/);
    const to = after.search(/[.!?;,](?:\s|$)|\bso\s/);
    const clause = `${from < 0 ? before : before.slice(from + 2)} ${to < 0 ? after : after.slice(0, to)}`;
    if (!OWN.test(clause) || !REMARK_WORD.test(clause)) continue;
    const mark = markOf(m as RegExpExecArray, 1);
    if (mark && fit(mark)) marks.add(mark);
  }
  for (const m of head.matchAll(MARK_IS_MINE)) {
    const mark = markOf(m as RegExpExecArray, 1);
    if (mark && fit(mark)) marks.add(mark);
  }
  return [...marks];
}

/** Whether a line opens on one of the marks (after its indent, a quote's `>` and bold), a word mark as a whole word. */
function opensOn(line: string, marks: readonly string[]): boolean {
  // (As written, and without a quote's marks and bold: a mark of `>>` is its own.)
  const forms = [line.trimStart(), line.replace(/^[ \t]*(?:>[ \t]*)*(?:\*\*|__?)?/, '')];
  return marks.some((mark) =>
    forms.some((t) => {
      if (!t.toLowerCase().startsWith(mark.toLowerCase())) return false;
      // (`EVAL` marks `EVAL: ...`, not `EVALUATE`.)
      return !/[\p{L}\p{N}]$/u.test(mark) || !/^[\p{L}\p{N}]/u.test(t.slice(mark.length));
    }),
  );
}

/**
 * The messages with the person's marked lines taken out as notes: a paragraph that opens on a mark is
 * theirs whole (a remark wraps onto lines of its own), any other marked line alone. A turn left with
 * nothing is no turn (a thread's "grading:" reply). Unchanged when the text declares no mark.
 */
export function declaredRemarksApart(messages: Message[], text: string): Message[] {
  const marks = declaredRemarkMarks(text);
  if (!marks.length) return messages;
  const out: Message[] = [];
  for (const m of messages) {
    if (m.role === 'note' || !m.text.split('\n').some((l) => opensOn(l, marks))) {
      out.push(m);
      continue;
    }
    const kept: string[] = [];
    for (const para of m.text.split(/\n[ \t]*\n/)) {
      const lines = para.split('\n');
      const first = lines.find((l) => l.trim());
      if (first && opensOn(first, marks)) {
        out.push({ role: 'note', text: para.trim(), ...(m.line ? { line: m.line } : {}) });
        continue;
      }
      const own = lines.filter((l) => !opensOn(l, marks));
      for (const l of lines) if (opensOn(l, marks)) out.push({ role: 'note', text: l.trim(), ...(m.line ? { line: m.line } : {}) });
      kept.push(own.join('\n'));
    }
    const rest = kept.join('\n\n').trim();
    if (rest) out.push({ ...m, text: rest });
  }
  return out;
}
