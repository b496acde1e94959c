import { isVerdictList } from './verdict-lists.js';
import { isTallyLine } from './tally-lines.js';

/**
 * A person's remark that says it is one by its first words: students who copy a chat into a report
 * mark their own lines so a reader can tell them from the model's (`My comment: (b) matches`,
 * `my notes (Noah K.):` over a list of verdicts, `(comment: both fine.)`, `**My notes:** ...`,
 * `TA note: ...`, `>> (c) looks wrong`). Left in a reply, its letters and formulas are read as answers; left at the top
 * of the next turn, it hides the question that turn names.
 *
 * Only the possessive or bracketed forms count: a model writes `Note:` and `**Comment:**` in its
 * own replies, never `My comment:` about itself.
 */

const OWN = String.raw`(?:my|our|ta|grader'?s?|reviewer'?s?)\s+(?:comments?|notes?|remarks?|thoughts?|verdicts?|assessment|take|observations?)`;

/** `My comment:`, `**My notes:**`, `my notes (Noah K.):`, `TA note -`: the person's mark, then a colon or dash. */
const LEAD = new RegExp(String.raw`^(?:\*\*|_)?${OWN}(?:\s*\([^)\n]{1,40}\))?\s*(?::|\s[-–—]\s)`, 'i');

/**
 * `评: (g) explode ✓ but ...`, `点评：`, `批注:`: Chinese students' marks for their own review of a reply (review,
 * comment, annotation). A model never opens a paragraph with one about itself; `注：` (note) it does, so that
 * one is not among them.
 */
const CJK_LEAD = /^(?:\*\*)?(?:(?:我的)?(?:评|点评|评语|评论|评价|批注|批语)|我的(?:看法|意见|备注|笔记)|私の(?:コメント|評価|感想|メモ))(?:\*\*)?\s*[:：]/;

/**
 * `Мой комментарий:`, `**Моя оценка:**`, `Мои заметки:`, `Мій коментар:`: the possessive forms of Russian and Ukrainian
 * students' marks of their own remarks (comment, assessment, notes, verdict), as `My comment:` is in English.
 */
const CYRILLIC_LEAD =
  /^(?:\*\*)?(?:мо[йяиё]|мій|мої)\s+(?:комментари[йи]|коментар(?:і)?|оценк[аи]|оцінк[аи]|заметк[аи]|пометк[аи]|нотатк[аи]|примечани[ея]|вердикт|вывод)(?:\*\*)?\s*(?::|\s[-–—]\s)/iu;

/** `(comment: ...)`, `[my note: ...]`: the remark bracketed whole. */
const BRACKETED = new RegExp(String.raw`^[([](?:${OWN}|comments?|remarks?)\s*:[\s\S]*[)\]]$`, 'i');

/**
 * `>> (c) looks wrong to me ...`: a line marked with a doubled quote mark, as students mark their notes in a
 * copied page (Markdown's nested quote, which no reply opens a paragraph with; `>>>` is a terminal's prompt).
 */
const CHEVRONS = /^>>(?!>)\s/;

/**
 * `> **[WL]** (b) is the Glorot version ...`, `(HP) wrong sign`, `<<JR>> off by one`: a paragraph led by its
 * writer's initials in brackets of any kind, as a student signs the notes they add to a copied chat. A model opens no paragraph on two or three
 * capitals in brackets; upper-case Roman numerals there (`(II)`, `[IV]`) are labels, and a language
 * model's special tokens and the field's acronyms (`[CLS] token ...`, `(MLP) ...`) are the model's words.
 */
const MODEL_ACRONYMS = 'CLS|SEP|EOS|BOS|SOS|PAD|UNK|MLP|CNN|RNN|GAP|FFT|SGD|GPU|CPU|FC';
const INITIALS = new RegExp(String.raw`^(?:>\s*)?(?:\*\*|_)?(?:<<|[[(<{])(?![IVXL]{2,3}(?:>>|[\])>}]))(?!(?:${MODEL_ACRONYMS})(?:>>|[\])>}]))[A-Z]{2,3}(?:>>|[\])>}])(?:\*\*|_)?:?\s+\S`);

/** A column that grades the model's answers: `My verdict`, `Correct?`, `Grade`. */
const VERDICT_COLUMN = /^(?:\*\*)?(?:my\s+|ta\s+)?(?:verdict|grade|assessment|judg(?:e)?ment|correct\s*\??|right\s*\??|ok\s*\?)(?:\*\*)?$/i;

/**
 * A table that grades the model part by part (`| Part | First answer | Final answer | My verdict |`): a
 * report's summary, the person's reading of the chat. Its answer cells are their shorthand
 * (`all −40`, `flipped version`), never the model's final answer.
 */
function verdictTable(t: string): boolean {
  const header = t.split('\n')[0]!;
  if (!/^\s*\|.*\|\s*$/.test(header)) return false;
  return header
    .split('|')
    .map((c) => c.trim())
    .some((c) => VERDICT_COLUMN.test(c));
}

/** Whether a paragraph is a remark its writer marked as theirs. */
export function isLabelledRemark(paragraph: string): boolean {
  const t = paragraph.trim();
  return LEAD.test(t) || CJK_LEAD.test(t) || CYRILLIC_LEAD.test(t) || BRACKETED.test(t) || CHEVRONS.test(t) || INITIALS.test(t) || verdictTable(t) || isVerdictList(t) || isTallyLine(t);
}

/** Where such a mark may open a paragraph (the cheap test a write-up is read for them with). */
const OWN_MARK_AT_LINE_START = /^(?:\*\*|_)?(?:my|our|ta|grader|reviewer|我的|评|点评|批|私の|мо[йяиё]|мій|мої)/imu;

/**
 * A write-up without the paragraphs its writer marks as their own remarks (`My comment: matches the key`,
 * `我的评价：和官方答案一样 ✅`, `Моя оценка: верно`): in a report that quotes a model's answers, the remark
 * after each is the writer's, and its formulas (the key's value it compares with) are none of the answer.
 * A paragraph ends at a blank line or a part's label; lines keep their places.
 */
export function withoutOwnRemarks(text: string, isLabel: (line: string) => boolean): string {
  if (!OWN_MARK_AT_LINE_START.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!(LEAD.test(t) || CJK_LEAD.test(t) || CYRILLIC_LEAD.test(t)) || (i > 0 && lines[i - 1]!.trim())) continue;
    for (let j = i; j < lines.length && lines[j]!.trim() && (j === i || !isLabel(lines[j]!)); j++) lines[j] = '';
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}
