import { readLineLabel } from './part-ids.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';

/**
 * A model's answer that a person pastes into a chat among people (a class's group on WeChat, QQ, LINE,
 * Telegram, Teams): no sender is the model, but a message opens on a tag naming it, `【DeepSeek】3(a)：…`,
 * `[ChatGPT] …`, `Claude: …`, `ChatGPT says: …`, `Kimi 的回答：…`, and what follows the tag is the model's
 * words, not the person's. A person reads such a message as the model's turn and everything else (the
 * paster's own remarks, classmates' comments, a quoted message `「Name：…」`) as the people's.
 */

/**
 * What a paster writes between a model's name and its words (`ChatGPT says:`, `Claude's answer:`, `DeepSeek 的回答如下：`,
 * `Kimi の回答：`, `ChatGPT 답변:`).
 */
const SAYS = String.raw`(?:(?:[ \t]+|'s[ \t]+|’s[ \t]+)(?:says|said|answered|replied|wrote|answer|response|reply)(?:[ \t]+below)?|[ \t]*(?:的回答|的答案|的回复|回答|答复|回复|说|說|の回答|の答え|의 답변|답변|의 대답)(?:如下)?)?`;

/** A paster's words before the model's name that say its answer follows (`Here's what ChatGPT said:`, `以下是 DeepSeek 的回答：`). */
const LEAD = String.raw`(?:here(?:'s|’s|[ \t]+is)[ \t]+(?:what[ \t]+)?|(?:以下是|下面是|这是|這是)[ \t]*)?`;

/**
 * A tag naming a model at a message's start: its name in brackets (`【DeepSeek】`, `[Claude 3.5 Sonnet]`), or
 * its name and perhaps words of saying before a colon (`ChatGPT:`, `Gemini said：`, `Here's Claude's answer:`).
 */
const PASTE_TAG = new RegExp(String.raw`^[ \t]*(?:(?:【|〖|\[)(?:${ASSISTANT_NAMES})${VERSION}${SAYS}(?:】|〗|\])[ \t]*[:：]?|${LEAD}(?:${ASSISTANT_NAMES})${VERSION}${SAYS}[ \t]*[:：])[ \t]*`, 'iu');

/** The message's words after a tag naming a model (PASTE_TAG), or undefined when it opens on none or holds nothing after it. */
export function pastedAnswer(message: string): string | undefined {
  const body = message.replace(/^\s*\n/, '');
  const tag = PASTE_TAG.exec(body);
  if (!tag) return undefined;
  const rest = body.slice(tag[0].length);
  return /[\p{L}\p{N}]/u.test(rest) ? rest : undefined;
}

/**
 * The same tag opening a line of a write-up, perhaps after the bullet or arrow a post sets before it
 * (`➡️ GPT-4.5: 1 + L(K − 1)`, `→ Gemini 2.5 Pro said: ...`): a report quoting one model's answer under
 * each part's label. The name's version is no term of the answer (`GPT-4.5: 1 + L(K − 1)` was read as a
 * ratio), and what the tag says is that the part's answer follows: before a value it is read as `Answer:`;
 * before a sentence of the model's (its setting first, then its answer) it is only left out. Only a model's own name: a part's `Model: ResNet-18` or `AI: ...` is a field or a role, no tag.
 */
const REPORTED_TAG = new RegExp(
  String.raw`^([ \t]*(?:[-*•▪▸▶►→➡⇒➜✅📌👉][\uFE0F]?[ \t]*)?)(?:${LEAD}(?!(?:assistant|ai|model|bot)[ \t]*[:：])(?:${ASSISTANT_NAMES})${VERSION}${SAYS}[ \t]*[:：])[ \t]*(?=\S)`,
  'iu',
);

/** Words that open a sentence: three words of prose, or a run of a script written without spaces (`L 层步长为 ...`), before any formula. */
const SENTENCE = /^\s*(?:(?:\p{L}+[ \t,]+){2}\p{L}{2,}|\S{0,3}[ \t]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2})/u;

/** A write-up with the model's tags read as `Answer:` in the lines under its part labels that open on one (see REPORTED_TAG); as it is when none does. */
export function withoutReportedModelTags(text: string): string {
  // (Cheap test first: no colon after a letter or digit, no tag. Lines are tried for a tag, anchored, before
  // any is read for a label, so a write-up with no tag costs one scan of its lines.)
  if (!/[\p{L}\p{N}][ \t]*[:：]/u.test(text)) return text;
  const lines = text.split('\n');
  const tags = lines.map((line) => REPORTED_TAG.exec(line));
  if (!tags.some(Boolean)) return text;
  const labelAt = lines.findIndex((line, i) => !tags[i] && !!readLineLabel(line)?.part);
  if (labelAt < 0) return text;
  let changed = false;
  for (const [i, tag] of tags.entries()) {
    if (!tag || i < labelAt) continue;
    const words = lines[i]!.slice(tag[0].length);
    // (`Kimi 的回答：L 层 ... 的 K×K 卷积，感受野为 L(K − 1) + 1。`: before a sentence the tag only says who speaks;
    // the sentence puts its answer where it does, and `Answer:` would take its first formula, the setting's.)
    lines[i] = `${tag[1]!}${SENTENCE.test(words) ? '' : 'Answer: '}${words}`;
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}
