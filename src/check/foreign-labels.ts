import type { Candidate } from './extract.js';
import { CJK_LETTER, CJK_LETTERS } from './prose.js';

/**
 * `・重み：… = K²CF 個` / `・バイアス：… → F 個` / `・出力の形：` over its lines, `- 权重数量：K²CF`,
 * `가중치 수: K²CF`: a reply that labels each of a part's answers in Chinese, Japanese or Korean
 * words, which no name of the key (`weights`, `biases`) can be matched with. A reply answers in the
 * order the question asks, so where exactly as many such labels conclude a value as the part has answers,
 * each answer is the value under the label at its place; any other number places nothing (the
 * answers are then looked for as in any reply, never one label's value copied into every answer).
 */

/** A line opening on a label in CJK words and a colon, after a list mark: group 1 is what follows the colon. */
const FOREIGN_LABEL = new RegExp(String.raw`^[ \t]*(?:(?:[-*+•‣・]|\p{So})[ \t]*)?(?:\*\*)?[${CJK_LETTERS}][${CJK_LETTERS}\p{L}\p{N} ]{0,24}?(?:\*\*)?[ \t]*[:：](?:\*\*)?[ \t]*(.*)$`, 'u');
/** An arrow of conclusion (`→ F 個`): what follows the last one is the label's value. */
const CONCLUDES = /(?:→|⇒|⟹|=>|->)(?!.*(?:→|⇒|⟹|=>|->))/;
/** `… 共 F 个滤波器，合计 K²CF`: a block whose last line ends on a formula after its words concludes with it. */
const ENDS_ON_FORMULA = new RegExp(String.raw`[${CJK_LETTERS}][ \t]*([^\s${CJK_LETTERS}][^${CJK_LETTERS}]*?)[ \t]*$`, 'u');
/** Where the value ends: at the first CJK letter, which opens the words after it (`K²CF 個`, `F 個`). */
const WORDS_AFTER = new RegExp(`[${CJK_LETTERS}].*$`, 'u');

/** The candidate for the answer `name` at its place in `order` among a reply's CJK-labelled lines, if they are as many as the answers. */
export function placedByForeignLabels(text: string, order: readonly string[], name: string): Candidate[] {
  const place = order.indexOf(name);
  if (place < 0 || order.length < 2 || !CJK_LETTER.test(text)) return [];
  const lines = text.split('\n');
  const labels: number[] = [];
  for (let i = 0; i < lines.length; i++) if (FOREIGN_LABEL.test(lines[i]!)) labels.push(i);
  if (labels.length < order.length) return [];
  // (`说明：输入为 W×H×C …` over the answers' labels: a label whose block concludes nothing is a remark, not an answer.)
  const valued = labels.flatMap((at) => {
    // The label's block: its line and the lines under it, up to a blank line or the next label.
    const block = [FOREIGN_LABEL.exec(lines[at]!)![1]!];
    for (let j = at + 1; j < lines.length && lines[j]!.trim() && !labels.includes(j); j++) block.push(lines[j]!);
    const value = valueOf(block);
    return value ? [{ at, value }] : [];
  });
  if (valued.length !== order.length) return [];
  const { at, value } = valued[place]!;
  const offset = lines.slice(0, at).reduce((n, l) => n + l.length + 1, 0);
  return [{ text: value, how: 'marker', at: offset }];
}

/**
 * A label's value: what its block's last arrow concludes, else the last side of its last `=`, else the
 * formula its last line ends on after its words, else what the colon is followed by when it is a formula set apart from the words after it; each up to
 * the words that follow it. (`1つのフィルタは …`: a number glued to a word counts that word, and is no value.)
 */
function valueOf(block: readonly string[]): string | undefined {
  const concluded = block.findLast((l) => CONCLUDES.test(l));
  const equated = block.findLast((l) => /=(?!=)/.test(l));
  let said: string;
  if (concluded !== undefined) said = concluded.split(CONCLUDES).at(-1)!;
  else if (equated !== undefined) said = equated.slice(equated.lastIndexOf('=') + 1);
  else if (ENDS_ON_FORMULA.test(block.at(-1)!)) said = ENDS_ON_FORMULA.exec(block.at(-1)!)![1]!;
  else if (block[0]!.trim() && !new RegExp(String.raw`^[^\s${CJK_LETTERS}]+[${CJK_LETTERS}]`, 'u').test(block[0]!.trim())) said = block[0]!;
  else return undefined;
  const value = said
    .replace(WORDS_AFTER, '')
    .replace(/[\s,.;:!?、。]+$/u, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(value) ? value : undefined;
}
