/**
 * A reply that answers several questions of an attached problem set under headings of their
 * number and title alone (`2. Graph Dynamics and GNN Concepts`, then `(a) ...`; `3. Graph Neural
 * Networks`, then `(a) ...`). A bare `N. Title` line in a reply is usually a step of a list
 * (`1. Objective Function`), so such lines are read as questions only when every one of them in
 * the reply heads lettered parts: each is followed, before the next, by a part labelled `(a)`.
 */
import { readLineLabel } from './part-ids.js';
import type { QuestionOutline } from './segment.js';

/** `2. Graph Dynamics and GNN Concepts`, `**3) Graph Neural Networks**`: a number, then a title (no formula, no closing stop). */
const TITLED = /^\s*(?:#{1,6}\s+)?(?:\*\*)?(\d{1,2})[.)]\s+(?:\*\*)?([A-Z][^$\\]{2,70}?)(?:\*\*)?\s*$/;
/** The cheap test first: a line that starts with a number and a capital at all. */
const MAY_HAVE = /^\s*(?:#{1,6}\s+)?(?:\*\*)?\d{1,2}[.)]\s+(?:\*\*)?[A-Z]/m;

/**
 * The reply with each question heading of that kind written as `Question N. Title`, which every
 * reader of labels takes as a question; the text unchanged when any numbered title heads no
 * lettered parts, or fewer than two do.
 */
export function titledQuestionHeadings(reply: string): string {
  if (!MAY_HAVE.test(reply)) return reply;
  const lines = reply.split('\n');
  const heads: { at: number; number: number }[] = [];
  lines.forEach((line, at) => {
    const m = TITLED.exec(line);
    if (m && !/[.:;,?]$/.test(m[2]!.trim())) heads.push({ at, number: Number(m[1]) });
  });
  if (heads.length < 2 || heads.some((h, i) => i > 0 && h.number <= heads[i - 1]!.number)) return reply;
  const headsParts = heads.every((h, i) => {
    const end = heads[i + 1]?.at ?? lines.length;
    for (let j = h.at + 1; j < end; j++) {
      const label = readLineLabel(lines[j]!);
      if (label?.question) return false;
      if (label?.part) return label.part === 'a' && !label.subpart;
    }
    return false;
  });
  if (!headsParts) return reply;
  for (const h of heads) lines[h.at] = lines[h.at]!.replace(/^(\s*(?:#{1,6}\s+)?(?:\*\*)?)/, '$1Question ');
  return lines.join('\n');
}

/** A Markdown heading's marks and its words. */
const HEADING = /^(#{1,6}[ \t]+)(\S.*)$/;

/** A title's words that name it: three letters or more, no linking word. */
function titleWords(title: string): Set<string> {
  return new Set((title.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).filter((w) => !/^(?:the|and|for|with|from|into|its|our|your|part|question|problem)$/.test(w)));
}

/**
 * The text with each Markdown heading that is a question's title and nothing more (`## Weights and
 * gradients in a CNN`, its number left to a renderer that numbers sections itself, or never
 * written) headed `Question N.` as its number would: every word of one question's title, at most
 * one word besides, and no other question's title fits. A heading with a label keeps it.
 */
export function questionTitleHeadings(text: string, outline: readonly QuestionOutline[]): string {
  if (!text.includes('#')) return text;
  const titles = outline.filter((q) => q.title).map((q) => ({ number: q.number, words: titleWords(q.title!) }));
  if (!titles.some((t) => t.words.size >= 2)) return text;
  let changed = false;
  const lines = text.split('\n').map((line) => {
    const m = HEADING.exec(line);
    if (!m || m[2]!.length > 100 || readLineLabel(m[2]!)) return line;
    const words = titleWords(m[2]!);
    const fits = titles.filter((t) => t.words.size >= 2 && [...t.words].every((w) => words.has(w)) && words.size - t.words.size <= 1);
    if (fits.length !== 1) return line;
    changed = true;
    return `${m[1]}Question ${fits[0]!.number}. ${m[2]}`;
  });
  return changed ? lines.join('\n') : text;
}
