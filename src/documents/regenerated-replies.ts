import type { Message } from '../model/submission.js';

/**
 * A chat site keeps every version of a reply the person regenerated, and its page shows a pager
 * with each (`< 1/2 >`, `‹ 2/2 ›`). Copied with both versions, one turn holds two answers to the
 * same parts; the person keeps the last one shown. Each version is read as a reply of its own, in
 * the order shown: the first is the model's first answer, the last its final one.
 */

/** A pager line: a version's number of the count, in angle brackets, alone on its line. */
const PAGER = /^[ \t]*(?:<|‹|〈|⟨)[ \t]*(\d{1,2})[ \t]*\/[ \t]*(\d{1,2})[ \t]*(?:>|›|〉|⟩)[ \t]*$/gm;

/**
 * The versions a reply shows, in order, with where each starts in it; the reply alone when it
 * shows fewer than two. The pager stands above each version (a preamble before the first, such as
 * a reasoning note, belongs to it) or under each (buttons after the last belong to it): whichever
 * end is the shorter piece is not a version of its own.
 */
export function replyVersions(text: string): { text: string; at: number }[] {
  const whole = [{ text, at: 0 }];
  if (!text.includes('/')) return whole;
  const pagers = [...text.matchAll(PAGER)].filter((m) => Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]) && Number(m[2]) >= 2);
  if (pagers.length < 2) return whole;
  const pieces: { text: string; at: number }[] = [];
  let from = 0;
  for (const p of pagers) {
    pieces.push({ text: text.slice(from, p.index), at: from });
    from = p.index + p[0].length;
  }
  pieces.push({ text: text.slice(from), at: from });
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const below = last.text.trim().length < first.text.trim().length;
  const versions = below
    ? [...pieces.slice(0, -2), { text: `${pieces[pieces.length - 2]!.text}${last.text}`, at: pieces[pieces.length - 2]!.at }]
    : [{ text: `${first.text}${pieces[1]!.text}`, at: first.at }, ...pieces.slice(2)];
  const shown = versions.filter((v) => v.text.trim());
  return shown.length >= 2 ? shown.map((v) => ({ text: v.text.trim(), at: v.at })) : whole;
}

/** A transcript's messages with each reply that shows several regenerated versions read as that many replies. */
export function regenerationsApart(messages: Message[]): Message[] {
  return messages.flatMap((m) => {
    if (m.role !== 'assistant') return [m];
    const versions = replyVersions(m.text);
    if (versions.length < 2) return [m];
    // Each version's line: the reply's, moved down by the lines before the version.
    return versions.map((v) => ({ ...m, text: v.text, ...(m.line ? { line: m.line + (m.text.slice(0, v.at).match(/\n/g)?.length ?? 0) } : {}) }));
  });
}
