import type { Message } from '../model/submission.js';

/**
 * A side-by-side battle copied from an arena site (LM Arena: the question, then `Model A`'s answer
 * and `Model B`'s, one column pasted after the other, then the vote buttons). Read whole, the two
 * answers are one write-up whose second set of labels looks like the next question's: the model
 * the person says they grade is read alone; when they name none, neither is read as sure.
 */

/**
 * A column's header alone on its line: `Model A`, `**Assistant B**`, `Model B: gemini-2.5-flash` once
 * the names are revealed, or set in a rule as a copy's divider (`----- Model A -----`, `=== Model B ===`).
 */
const HEADER = /^[ \t]*(?:#{1,6}[ \t]*)?(?:[-=─━_~]{3,}[ \t]*)?(?:\*\*)?(?:Model|Assistant)[ \t]+([AB])(?:\*\*)?(?:[ \t]*(?:[:(（—–=─━-][^\n]{0,60}))?[ \t]*$/gim;

/**
 * The vote buttons under the columns (`👈  A is better`, `🤝  Tie`, `👎  Both are bad`), one a line or
 * side by side in brackets as a copy renders them (`[ 👈 A is better ]  [ 👉 B is better ]`): the site's, no answer's.
 */
const VOTE_BUTTON = /^[ \t]*(?:\[?[ \t]*(?:\S{1,2}[ \t]+)?(?:[AB] is better|Tie|Both are bad)[ \t]*\]?[ \t]*)+$/gim;

/** The person saying which model they grade: `I'm grading **Model B**`, `scoring assistant A only`, `I voted B is better`, `vote: B`. */
const GRADES =
  /\b(?:grad(?:e|ed|ing)|scor(?:e|ed|ing)|mark(?:ed|ing)|evaluat(?:e|ed|ing)|check(?:ed|ing)|count(?:ed|ing)|submit(?:ted|ting)?|keep(?:ing)?|took|tak(?:e|ing))[ \t]+(?:only[ \t]+)?(?:the[ \t]+)?(?:answer[ \t]+(?:of|from|by)[ \t]+)?(?:\*\*)?(?:model|assistant)[ \t]+([AB])\b|\b(?:vot(?:e|ed)|picked|chose)[ \t]*:?[ \t]*(?:for[ \t]+)?(?:\*\*)?(?:(?:model|assistant)[ \t]+)?([AB])\b/gi;

/** A battle read: the text with only the graded column, or with the first and a doubt naming both when none is named. */
export interface Battle {
  text: string;
  /** A battle of one question: the person's paste above the columns, then the graded column, as a chat's two turns. */
  turns?: Message[];
  /** Why every answer read from it is doubtful (the person named neither model). */
  doubt?: string;
}

/**
 * The battle in a text, undefined when it is none: a `Model A` and a `Model B` header alone on
 * their lines, each column with text. The columns of the model not graded are blanked (from its
 * header to the other's); the vote buttons too.
 */
export function arenaBattle(text: string): Battle | undefined {
  // Every write-up passes here: a substring search rules most out before the pattern scans the text.
  if ((!text.includes('Model') && !text.includes('Assistant')) || !/(?:Model|Assistant)[ \t]+B/.test(text)) return undefined;
  const headers = [...text.matchAll(HEADER)].map((m) => ({ at: m.index, end: m.index + m[0].length, side: m[1]!.toUpperCase() }));
  if (!headers.some((h) => h.side === 'A') || !headers.some((h) => h.side === 'B') || headers[0]!.side !== 'A') return undefined;
  // Columns alternate A, B (a battle of several turns repeats them); anything else is a text that talks about models.
  if (headers.some((h, i) => h.side !== (i % 2 ? 'B' : 'A'))) return undefined;
  const named = new Set<string>();
  const outside = text.slice(0, headers[0]!.at) + text.slice(lastVote(text) ?? text.length);
  for (const m of outside.matchAll(GRADES)) named.add((m[1] ?? m[2])!.toUpperCase());
  const graded = named.size === 1 ? [...named][0]! : undefined;
  const keep = graded ?? 'A';
  let kept = '';
  let from = 0;
  // The other column, from its header to the next header (or the end), is blanked, its lines kept
  // (empty) so that every line read is where the file has it.
  const blank = (s: string) => s.replace(/[^\n]+/g, '');
  // A column ends at the vote buttons under it, when they come before the next header: what follows
  // them (the person's remarks, their next question) is no column's.
  const votes = [...text.matchAll(VOTE_BUTTON)].map((m) => m.index);
  const columnEnd = (i: number) => {
    const next = headers[i + 1]?.at ?? text.length;
    return votes.find((v) => v > headers[i]!.at && v < next) ?? next;
  };
  headers.forEach((h, i) => {
    if (h.side === keep) return;
    const to = columnEnd(i);
    kept += text.slice(from, h.at) + blank(text.slice(h.at, to));
    from = to;
  });
  kept += text.slice(from);
  kept = kept.replace(VOTE_BUTTON, '');
  const turns = headers.length === 2 ? oneQuestion(kept, headers[0]!.at) : severalQuestions(text, headers, keep, columnEnd);
  if (graded) return { text: kept, ...(turns ? { turns } : {}) };
  return {
    text: kept,
    ...(turns ? { turns } : {}),
    doubt: `a side-by-side battle with answers from Model A and Model B, and no word of which one is graded: Model A's answers are read (say "grading Model B" above the battle to grade B)`,
  };
}

/**
 * The two turns of a battle of one question: the paste above the columns (with the person's
 * remarks and the site's tabs), then the kept column, whose header line is left out.
 */
function oneQuestion(kept: string, columns: number): Message[] | undefined {
  const asked = kept.slice(0, columns);
  const body = kept.slice(columns);
  const firstLine = (at: number) => kept.slice(0, at).split('\n').length;
  const start = body.search(/\S/);
  if (!asked.trim() || start < 0) return undefined;
  const header = body.indexOf('\n', start);
  const reply = header < 0 ? '' : body.slice(header + 1);
  const lead = reply.search(/\S/);
  if (lead < 0) return undefined;
  return [
    { role: 'user', text: asked.trim(), line: firstLine(asked.search(/\S/)) },
    { role: 'assistant', text: reply.trim(), line: firstLine(columns + header + 1 + lead) },
  ];
}

/**
 * The turns of a battle of several questions, one round each (the person's paste, `Model A`'s
 * column, `Model B`'s, the vote): the person's turn is what stands before the round's first
 * header (with their remarks on the round before), the model's the graded column without its
 * header line. Read whole instead, every later question would sit inside the first column.
 */
function severalQuestions(text: string, headers: { at: number; end: number; side: string }[], keep: string, columnEnd: (i: number) => number): Message[] | undefined {
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  const turns: Message[] = [];
  let from = 0;
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const asked = text.slice(from, headers[i]!.at);
    const k = headers[i]!.side === keep ? i : i + 1;
    const reply = text.slice(headers[k]!.end, columnEnd(k));
    if (!asked.trim() || !reply.trim()) return undefined;
    turns.push({ role: 'user', text: asked.trim(), line: lineOf(from + asked.search(/\S/)) });
    turns.push({ role: 'assistant', text: reply.trim(), line: lineOf(headers[k]!.end + reply.search(/\S/)) });
    // The round ends after its vote buttons, or with the other column.
    const end = columnEnd(i + 1);
    const vote = text.slice(end).match(VOTE_ROW_AT_START);
    from = end + (vote?.[0].length ?? 0);
  }
  const after = text.slice(from).trim();
  if (after) turns.push({ role: 'note', text: after, line: lineOf(from + text.slice(from).search(/\S/)) });
  return turns;
}

/** The vote buttons' line where a column ends. */
const VOTE_ROW_AT_START = /^[^\n]*/;

/** Where the text after the last vote button starts (a remark under the battle may name the model graded). */
function lastVote(text: string): number | undefined {
  let end: number | undefined;
  for (const m of text.matchAll(VOTE_BUTTON)) end = m.index + m[0].length;
  return end;
}
