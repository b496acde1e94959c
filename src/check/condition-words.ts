/**
 * A piecewise answer says under which condition each branch holds with a word of its own language:
 * `y(n) = 127/2^n für n ≥ 7`, `pour n < 0`, `para 0 ≤ n ≤ 6`, `при n ≥ 7`, `当 n ≥ 7 时`, `n ≥ 7 のとき`,
 * `n ≥ 7일 때`, and `sonst`, `sinon`, `иначе`, `否则` for the values the other branches leave. The
 * readers of cases know the English words (`for`, `otherwise`); a text's condition words are read
 * as those, so a branch written in any of these languages is one case of the answer, not prose.
 * A word counts only where a condition follows it (or, for a word after its condition, precedes it):
 * `para` or `per` in a sentence are left alone.
 */

/**
 * A bound in plain text: a number, or a length named by one letter, perhaps with a factor or an
 * offset (`6`, `L`, `L-1`, `2N + 1`), as a solution in general terms states its cases.
 */
const PLAIN_BOUND = String.raw`(?:-?\d+|\d*[a-z](?![\w(\[])(?:\s*[-+−]\s*\d+)?)`;

/** A condition in plain text: a letter related to a bound, perhaps after a lower bound (`n > 7`, `0 <= n <= L-1`). Two groups. */
export const PLAIN_RELATION = String.raw`(${PLAIN_BOUND}\s*(?:<=|<|≤)\s*)?([a-z]\s*(?:<=|>=|<|>|≤|≥)\s*${PLAIN_BOUND})`;

/** A condition: a plain relation (`0 ≤ n ≤ 6`, `n >= 7`), or a formula in `$` that relates (`$n \ge 7$`). */
const CONDITION = String.raw`(?:\$[^$\n]{0,40}?(?:<|>|\\le|\\ge|\\lt|\\gt|≤|≥)[^$\n]{0,40}\$|${PLAIN_RELATION.replace(/\((?!\?)/g, '(?:')})`;

/** Words before a condition, meaning "for", "when" or "if": German, Dutch, French, Spanish, Portuguese, Italian, Russian, Polish, Chinese. */
const BEFORE_WORDS = ['für', 'wenn', 'falls', 'voor', 'als', 'pour', 'quand', 'lorsque', 'si', 'para', 'cuando', 'quando', 'se', 'per', 'при', 'для', 'если', 'когда', 'dla', 'gdy', 'jeśli', 'jeżeli'];
/** Words set before a condition in Chinese (`当 n ≥ 7 时`, `若 n < 0`, `对于 n ≥ 7`), which need no space around them. */
const CJK_BEFORE = '当|當|若|对于|對於';
/** Words after a condition: Chinese `时`, Japanese `のとき`, `の場合`, Korean `일 때`, `인 경우`, Turkish `için`. */
const AFTER_WORDS = String.raw`的时候|時候|时|時|のとき|の時|の場合|では|일\s?때|인\s?경우|일\s?경우|에서는?|\s+için`;
/** Whether a text has a word that follows its condition (most texts have none, and skip that rewrite). */
const HAS_AFTER_WORD = /时|時|のとき|の場合|では|때|경우|에서|için/u;

const BEFORE = new RegExp(String.raw`(?<!\p{L})(?:${BEFORE_WORDS.join('|')})(?=\s+${CONDITION})`, 'giu');
/** A condition with a word after it, perhaps a Chinese word before it too: group 1 is the condition. */
const AROUND = new RegExp(String.raw`(?:(?:${CJK_BEFORE})\s*)?(${CONDITION})\s*(?:${AFTER_WORDS})`, 'giu');
const CJK_LEADING = new RegExp(String.raw`(?:${CJK_BEFORE})\s*(?=${CONDITION})`, 'gu');

/** Words for the remaining values: "otherwise" in German, French, Spanish, Italian, Russian, Chinese, Japanese, Korean. */
const OTHERWISE =
  /(?<!\p{L})(?:sonst|andernfalls|ansonsten|sinon|autrement|en otro caso|de lo contrario|altrimenti|иначе|в остальных случаях|в противном случае)(?!\p{L})|否则|其他情况|其余情况|それ以外|그\s?외(?:에는)?|그렇지 않으면/giu;

/**
 * "And" before a list's last case (`…, et 127·2^(−n) sinon`, `…, y 127·2^(−n) para n ≥ 7`): read after the
 * condition words are, so only where a condition or "otherwise" follows on the line. (`y` the letter is
 * followed by a bracket or `=`, never by a value.)
 */
const AND_BEFORE_CASE = /(?<=[,;]\s{0,3})(?:et|und|y|e|i|и|oraz)\s+(?=[^=\s][^\n]{0,60}?\b(?:for|otherwise)\b)/gu;

/** Full-width punctuation as CJK texts type it, and the ASCII the readers of cases know. */
const FULL_WIDTH: Record<string, string> = { '，': ', ', '；': '; ', '：': ': ', '（': ' (', '）': ') ', '。': '. ', '、': ', ' };

/** A relation: without one a text states no condition, and is returned as it is without a scan for words. */
const HAS_RELATION = /[<>≤≥]|\\[lg]/;

/**
 * `text` with the condition words of other languages written as the English words the readers of
 * cases know (`y(n) = 0 für n < 0` → `y(n) = 0 for n < 0`, `当 n ≥ 7 时，y(n) = …` → `for n ≥ 7, y(n) = …`,
 * `sinon` → `otherwise`), and full-width punctuation as ASCII; a text in English is returned as it is.
 */
export function withEnglishConditionWords(text: string): string {
  if (!HAS_RELATION.test(text)) return text;
  let out = text.replace(/[，；：（）。、]/g, (c) => FULL_WIDTH[c]!);
  if (HAS_AFTER_WORD.test(out)) out = out.replace(AROUND, (_m, condition: string) => ` for ${condition}`);
  out = out.replace(CJK_LEADING, ' for ').replace(BEFORE, 'for').replace(OTHERWISE, 'otherwise');
  return out.replace(AND_BEFORE_CASE, 'and ');
}
