import { RULE } from './rule-line.js';
import { readLineLabel } from './part-ids.js';

/**
 * Section rules that carry their label (`-------------------- Q4 (a)`, `==== 2(b) ====`, `Q7 (c)
 * ~~~~~~~~~~~~`): a plain-text write-up typed in an editor draws each part's heading as a rule with
 * the part's label at its end, its start, or its middle. The readers of labels look at a line's start;
 * the rule hides the label from them. Each such line is written as its label alone, when two lines or
 * more of the text are so drawn (one rule with words beside it may be a drawn formula or a remark).
 */

/** A line of a rule and a short text beside it: rule first (its text at the end), or text first. */
const RULE_BEFORE = new RegExp(String.raw`^\s*${RULE}\s+(\S.{0,40}?)(?:\s+\1{3,})?\s*$`, 'u');
// (The rule's own group is the second here: its repeat refers to it by that number.)
const RULE_AFTER = new RegExp(String.raw`^\s*(\S.{0,40}?)\s+${RULE.replace('\\1', '\\2')}\s*$`, 'u');
/** The cheap test first: a run of one symbol and a space, then a word or number, somewhere. */
const MAY_HAVE = new RegExp(String.raw`${RULE}[ \t]+[\p{L}\p{N}(]|[\p{L}\p{N})][ \t]+${RULE.replace('\\1', '\\2')}`, 'u');

/** The label a ruled line carries, when its text beside the rule is a label and nothing more. */
function ruledLabel(line: string): string | undefined {
  const before = RULE_BEFORE.exec(line);
  const text = before ? before[2]! : RULE_AFTER.exec(line)?.[1];
  if (!text) return undefined;
  const label = readLineLabel(text);
  // (A label and its title, `Q4 (a) output shape`, is still a heading; words with no label are a remark.)
  return label && (label.question || label.part) ? text.trim() : undefined;
}

/** The text with each part heading drawn on a rule written as the label alone (see above). */
export function ruledLabelsApart(text: string): string {
  if (!MAY_HAVE.test(text)) return text;
  const lines = text.split('\n');
  const found = lines.map(ruledLabel);
  if (found.filter(Boolean).length < 2) return text;
  return lines.map((l, i) => found[i] ?? l).join('\n');
}
