/**
 * A person's turn that asks its questions as a list (`answer them all pls:` then `- Newton-Schulz:
 * ... faster?`, `- max pooling ...: output shape?`, or `1.` ... `4.`): each item one question,
 * often of a different problem. Replies number their sections by this list (`### 1.` ... `### 4.`),
 * which are the list's items, not the problem set's questions 1-4.
 */

/** A list item's mark at a line's start: a bullet, or a number with a point or bracket. */
const ITEM = /^\s*(?:[-*+•]|\d{1,2}[.)])\s+(\S.*)$/;

/** Most items a list of questions has (a longer list is a derivation's steps or a pasted table). */
const MOST = 8;

/**
 * The items of the one list a turn asks, each with the lines that run on under it; undefined
 * when the turn has no list of two items or more, or more than one list, or text after the list
 * beyond a closing line (a list inside a longer message is part of what it says, not its questions).
 */
export function listedQuestions(text: string): string[] | undefined {
  const items: string[] = [];
  let ended = false;
  let after = 0;
  for (const line of text.split('\n')) {
    const m = ITEM.exec(line);
    if (m) {
      if (ended) return undefined;
      items.push(m[1]!);
    } else if (!line.trim()) {
      // (Blank lines between items: a loose list.)
    } else if (items.length && !ended && /^\s{2,}\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else if (items.length && ++after > 1) return undefined;
    else if (items.length) ended = true;
  }
  return items.length >= 2 && items.length <= MOST ? items : undefined;
}
