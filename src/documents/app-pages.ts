import type { Message } from '../model/submission.js';

/**
 * A chat app's web page copied as text (an app built with Streamlit, Chainlit, Gradio, Open WebUI,
 * a Hugging Face Space) carries the page's furniture between and after the turns: its icons, drawn
 * with an icon font whose glyphs are words, copy as their names (`smart_toy` for the model's avatar,
 * `arrow_upward` for the send button, `content_copy` under a reply); a step the app ran shows as a
 * badge over the reply (`Used ChatGroq`); and the page ends on its message box (`Your message`,
 * `Type your message here...`) and its maker's footer (`Made with Streamlit`, `Built with Chainlit`).
 * None of it is the model's words: left in, the last reply ran on through the footer into whatever the
 * person pasted under the page (their notes, `4c: ok`), and that was read as the last part's answer.
 */

/** Icon-font names a chat page sets as the person's avatar (Streamlit's `face`). */
const PERSON_ICON = /^(?:face|person|person_outline|account_circle|account_box)$/;
/** Icon-font names a chat page sets as the model's avatar (Streamlit's `smart_toy`). */
const MODEL_ICON = /^(?:smart_toy|robot|robot_2|support_agent|psychology|auto_awesome|neurology)$/;
/** An icon's name as the font spells it, of two words or more: lower-case words joined by `_` (`arrow_upward`, `more_vert`). */
const LIGATURE = /^[a-z]+(?:_[a-z0-9]+)+$/;
/** Icons of one word that chat pages set on their buttons (copy, retry, send, menu). */
const BUTTON_ICON = /^(?:send|refresh|autorenew|replay|edit|delete|share|menu|close|add|mic|stop|check|done|download|upload|logout|settings)$/;

/** Whose avatar an icon's name alone on a line is, when it is one. */
export function avatarIcon(line: string): 'user' | 'assistant' | undefined {
  const t = line.trim();
  return PERSON_ICON.test(t) ? 'user' : MODEL_ICON.test(t) ? 'assistant' : undefined;
}

/**
 * Whether a page shows its icons by name: avatars of both sides, and an icon named as only the font
 * names it (words joined by `_`) or each side's avatar twice. (A write-up's `face` alone on a line is
 * a word, once.)
 */
export function iconsShownByName(lines: readonly string[]): boolean {
  let person = 0;
  let model = 0;
  let ligature = false;
  for (const l of lines) {
    const t = l.trim();
    if (t.length > 40) continue;
    const side = avatarIcon(t);
    if (side === 'user') person++;
    else if (side === 'assistant') model++;
    if (LIGATURE.test(t)) ligature = true;
  }
  return person > 0 && model > 0 && (ligature || (person >= 2 && model >= 2));
}

/** Whether a line is a button's icon named by the font (on a page that shows its icons by name). */
export function isIconLine(line: string): boolean {
  const t = line.trim();
  return LIGATURE.test(t) || BUTTON_ICON.test(t);
}

/**
 * An app framework's footer (`Made with Streamlit`, `Built with Chainlit`, `Use via API · Built with
 * Gradio`): a short line naming what the page was made with, perhaps among the footer's links.
 */
const FOOTER = /^(?:[^\n]{0,40}[·|•][ \t]*)?(?:made|built|created|powered)[ \t]+(?:with|by|using)[ \t]+\p{Lu}[\p{L}\p{N} .-]{1,30}(?:[ \t]*[·|•][^\n]{0,40})?$/iu;
/** FOOTER on any line of a message, in one scan instead of a split and a test per line. */
const FOOTER_ON_A_LINE = new RegExp(String.raw`^\s*(?:${FOOTER.source.slice(1, -1)})\s*$`, 'imu');
/** The page's message box, its placeholder copied with it: the app's, under the last turn. */
const COMPOSER =
  /^(?:your message|type (?:your|a) (?:message|question)(?: here)?|send a message|enter (?:your|a) (?:message|prompt|question)|ask (?:anything|a question|me anything))[ \t]*(?:\.{3}|…)?$/i;

/**
 * A badge the app sets over a reply for a step it ran (Chainlit's `Used ChatGroq`, `Using Retriever`):
 * the step's name, one or two words with a capital, alone on the reply's first line.
 */
const STEP_BADGE = /^(?:[Uu]sed|[Uu]sing|[Rr]an|[Rr]unning|[Cc]alled|[Cc]alling)[ \t]+\p{Lu}[\p{L}\p{N}_.-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}_.-]*)?$/u;

/** Whether a message's first line with text is a step's badge. */
function opensOnBadge(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0]!;
  return first !== '' && STEP_BADGE.test(first.trim());
}

/**
 * The chat with the page's end set apart: the footer (and the message box and icons right above it)
 * ends the chat, and what follows it (the person's notes pasted under the page) is notes; the step
 * badges that open two replies or more are blanked. The chat as it is when it shows neither.
 */
export function appPageEndApart(messages: Message[]): Message[] {
  // (Cheap: a page's footer is in its last lines; a badge must open two replies.)
  const badges = messages.filter((m) => m.role === 'assistant' && opensOnBadge(m.text)).length >= 2;
  let out = badges ? messages.map(withoutStepBadge) : messages;
  const at = out.findLastIndex((m) => m.role !== 'note' && m.text.length < 200_000 && FOOTER_ON_A_LINE.test(m.text));
  if (at < 0) return out;
  const m = out[at]!;
  const lines = m.text.split('\n');
  const footer = lines.findIndex((l) => FOOTER.test(l.trim()));
  let start = footer;
  while (start > 0 && (!lines[start - 1]!.trim() || COMPOSER.test(lines[start - 1]!.trim()) || isIconLine(lines[start - 1]!) || FOOTER.test(lines[start - 1]!.trim()))) start--;
  const kept = lines.slice(0, start).join('\n').trimEnd();
  const after = lines
    .slice(footer + 1)
    .filter((l) => !FOOTER.test(l.trim()))
    .join('\n')
    .trim();
  const line = m.line === undefined ? {} : { line: m.line + footer + 1 };
  out = [
    ...out.slice(0, at),
    ...(kept ? [{ ...m, text: kept }] : []),
    ...(after ? [{ role: 'note' as const, text: after, ...line }] : []),
    // (Turns after the footer are no turns of the page's: what was pasted under it.)
    ...out.slice(at + 1).map((n) => ({ ...n, role: 'note' as const })),
  ];
  return out;
}

/** A reply without the step badge on its first line. */
function withoutStepBadge(m: Message): Message {
  if (m.role !== 'assistant' || !opensOnBadge(m.text)) return m;
  const lines = m.text.split('\n');
  // (Blanked, not cut: the reply's lines keep their numbers.)
  lines[lines.findIndex((l) => l.trim())] = '';
  return { ...m, text: lines.join('\n') };
}
