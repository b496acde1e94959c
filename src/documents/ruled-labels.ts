import { RULE } from './rule-line.js';
import { readLineLabel } from './part-ids.js';

/**
 * Section rules that carry their label (`-------------------- Q4 (a)`, `==== 2(b) ====`, `Q7 (c)
 * ************`): a plain-text write-up typed in an editor draws each part's heading as a rule with
 * the part's label at its end, its start, or its middle. The readers of labels look at a line's start;
 * the rule hides the label from them. Each such line is written as its label alone, when two lines or
 * more of the text are so drawn (one rule with words beside it may be a drawn formula or a remark).
 */

/** A line of a rule and a short text beside it: rule first (its text at the end), or text first. */
const RULE_BEFORE = new RegExp(String.raw`^\s*${RULE}\s+(\S.{0,40}?)(?:\s+\1{3,})?\s*$`, 'u');
// (The rule's own group is the second here: its repeat refers to it by that number.)
const RULE_AFTER = new RegExp(String.raw`^\s*(\S.{0,40}?)\s+${RULE.replace('\\1', '\\2')}\s*$`, 'u');
/**
 * A label framed by one rule on both sides, with the part's title after it (`--- Q4(e): 28x28x1 -> CONV3-10
 * -> ... ---`, as plain-text posts head their sections): the frame marks a heading however long its title.
 */
const FRAMED = new RegExp(String.raw`^\s*${RULE}\s+(\S.{0,160}?)\s+\1{3,}\s*$`, 'u');
/** A rule's symbol (RULE's): no letter, number or space, no fence's, heading's or formula's sign. */
const RULE_SYMBOL = /[^\p{L}\p{N}\s\x60~#$\\]/u;

/**
 * Whether the line `text[from, to)` opens or ends on three of one rule symbol, as every ruled label's
 * line does: read in place, with no line cut out, since most texts have no such line and every text
 * is put to this test.
 */
function endsInRule(text: string, from: number, to: number): boolean {
  let a = from;
  let b = to - 1;
  while (a <= b && (text[a] === ' ' || text[a] === '\t')) a++;
  while (b >= a && (text[b] === ' ' || text[b] === '\t' || text[b] === '\r')) b--;
  const three = (k: number) => text[k] === text[k + 1] && text[k] === text[k + 2] && RULE_SYMBOL.test(text[k]!);
  return b - a >= 2 && (three(a) || three(b - 2));
}

/**
 * A banner's count of the medium's own item before the label it carries (`Photo 1: Q4 (a)`, `Slide 3 —
 * 2(b)`, `Page 2 | Problem 4 (c)`, `Screenshot #4: (d)`): a write-up of photos, slides or pages numbers
 * them as it goes, and the label after the count is the part the item holds.
 */
const ITEM_COUNT = /^\s*(?:photo|image|picture|pic|screenshot|screen|slide|page|scan|shot|snap|upload|attachment|frame|card)\s*#?\s*\d{1,3}\s*(?:[:|—–]|-(?=\s))\s*(?=\S)/i;

/** The label a ruled line carries, when its text beside the rule is a label and nothing more. */
function ruledLabel(line: string): string | undefined {
  const before = RULE_BEFORE.exec(line) ?? FRAMED.exec(line);
  const caption = before ? before[2]! : RULE_AFTER.exec(line)?.[1];
  const text = caption?.replace(ITEM_COUNT, '');
  if (!text) return undefined;
  const label = readLineLabel(text);
  // (A label and its title, `Q4 (a) output shape`, is still a heading; words with no label are a remark.)
  return label && (label.question || label.part) ? text.trim() : undefined;
}

/** The text with each part heading drawn on a rule written as the label alone (see above). */
export function ruledLabelsApart(text: string): string {
  const found = new Map<number, string>();
  for (let from = 0, line = 0; from <= text.length; line++) {
    const end = text.indexOf('\n', from);
    const to = end < 0 ? text.length : end;
    if (endsInRule(text, from, to)) {
      const label = ruledLabel(text.slice(from, to));
      if (label) found.set(line, label);
    }
    from = to + 1;
  }
  if (found.size < 2) return text;
  return text
    .split('\n')
    .map((l, i) => found.get(i) ?? l)
    .join('\n');
}
