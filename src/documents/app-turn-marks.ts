import type { Message } from '../model/submission.js';
import { pushReply, pushUserTurn } from './transcripts.js';
import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';
import { withoutQuoteMarks } from './quoted-turns.js';
import { avatarIcon, iconsShownByName, isIconLine } from './app-pages.js';

/**
 * Chat apps whose exports head each turn with a mark of their own that neither `User:` nor a
 * model's name starts: Chatbox's `▶ USER:` / `▶ ASSISTANT:`, GitHub Copilot's web page copied as
 * `**someone** asked:` / `**Copilot** answered:`, Phind's `**Question:**` / `**Follow-up:**` and
 * `**Answer | Phind-70B Model**`, a script's log of API calls, a web app's page whose avatars are icons
 * copied by their names (Streamlit's `face` / `smart_toy`, see app-pages.ts). Read as a write-up, the person's
 * pasted questions would be graded with the answers and no part found. A chat is read this way only when its marks give
 * both a person's turn and a model's, the person's first: a write-up that merely uses an arrow or
 * a bold `**Question:**` label is not a chat.
 */

type Role = 'user' | 'assistant';

interface Mark {
  role: Role;
  /** Words after the mark on its own line (Phind's question shares the line with its mark). */
  rest: string;
}

const ARROW = new RegExp(String.raw`^\s*[▶►▸]\s*(?:(USER|HUMAN|YOU)|(ASSISTANT|${ASSISTANT_NAMES})${VERSION})\s*:?\s*$`, 'i');
const ASKED_ANSWERED = /^\s*\*\*[^*\n]{1,60}\*\*\s+(asked|answered|replied)\s*:\s*$/i;
const PHIND_QUESTION = /^\s*\*\*(?:Question|Follow-up|Follow up)\s*:\s*\*\*\s*(.*)$/i;
// The model's name after a bar is what sets Phind's answer heading apart from a student's `**Answer:**`.
const PHIND_ANSWER = /^\s*\*\*Answer\s*\|\s*[^*\n]+\*\*\s*$/i;
/**
 * A script's log of its requests to a model's API: `=== prompt [3a] ===`, `--- response (o4-mini,
 * 1,512 tokens) ---`, ruled on both sides. The bracketed id the script asked for is the turn's
 * first words, so the part it asks is known. (`Question` and `Answer` banners are a write-up's.)
 */
const LOG_BANNER =
  /^\s*(?:={2,}|-{2,}|\*{2,}|#{2,}|<{2,}|>{2,})\s*(?:(prompt|request|input|query|user)|response|output|completion|assistant|reply|model)\b\s*(?:\[([^\]\n]{1,16})\]|\([^)\n]{0,80}\))?\s*(?:={2,}|-{2,}|\*{2,}|#{2,}|<{2,}|>{2,})\s*$/i;

function markOf(line: string, icons: boolean): Mark | undefined {
  const avatar = icons ? avatarIcon(line) : undefined;
  if (avatar) return { role: avatar, rest: '' };
  const arrow = ARROW.exec(line);
  if (arrow) return { role: arrow[1] ? 'user' : 'assistant', rest: '' };
  const verb = ASKED_ANSWERED.exec(line)?.[1]?.toLowerCase();
  if (verb) return { role: verb === 'asked' ? 'user' : 'assistant', rest: '' };
  const question = PHIND_QUESTION.exec(line);
  if (question) return { role: 'user', rest: question[1]! };
  if (PHIND_ANSWER.test(line)) return { role: 'assistant', rest: '' };
  const banner = LOG_BANNER.exec(line);
  if (banner) return { role: banner[1] ? 'user' : 'assistant', rest: banner[1] ? (banner[2] ?? '') : '' };
  return undefined;
}

/**
 * A reply's shown reasoning as Chatbox sets it: a `Thinking:` line and the paragraph under it,
 * before the answer. Blanked, so its tries are not read as answers and lines keep their numbers.
 */
function withoutThinkingParagraph(body: string): string {
  return body.replace(/^([ \t]*\n)*[ \t]*Thinking:[ \t]*\n(?:[ \t]*\S.*(?:\n|$))*/i, (m) => m.replace(/[^\n]/g, ''));
}

/** A person's turn quoted as a blockquote (Copilot's page) without its marks. */
function unquoted(body: string): string {
  const lines = body.split('\n');
  return lines.filter((l) => l.trim()).every((l) => /^\s*>/.test(l)) ? withoutQuoteMarks(lines) : body;
}

/** The turns of a chat headed by one of these apps' marks, or undefined when the text is not one. */
export function appMarkedTurns(text: string): Message[] | undefined {
  const lines = text.split(/\r?\n/);
  const icons = iconsShownByName(lines);
  const marks = lines.map((l) => markOf(l, icons));
  const first = marks.findIndex(Boolean);
  if (first < 0 || marks[first]!.role !== 'user') return undefined;
  if (!marks.some((m) => m?.role === 'assistant')) return undefined;
  const messages: Message[] = [];
  for (let i = first; i < lines.length; i++) {
    const mark = marks[i];
    if (!mark) continue;
    let j = i + 1;
    while (j < lines.length && !marks[j]) j++;
    // (A page that names its avatars' icons names its buttons' too: `content_copy` under a reply is no word of it.)
    const body = [mark.rest, ...lines.slice(i + 1, j).map((l) => (icons && isIconLine(l) ? '' : l))].join('\n');
    if (mark.role === 'user') pushUserTurn(unquoted(body), i + 1, messages);
    else pushReply(withoutThinkingParagraph(body), i + 1, messages);
    i = j - 1;
  }
  return messages;
}
