import { withoutHeaderFields } from '../header-fields.js';
import type { TextLine } from './layout.js';

/** Who wrote a stretch of a chat export. */
export type Speaker = 'user' | 'assistant';

/** A stretch of lines with one speaker. */
export interface Turn {
  role: Speaker;
  lines: TextLine[];
  /** The lines above the first role label: the document's head (its title, the person's notes on how the chat was had), no one's message. */
  head?: boolean;
}

/** Lines exporters print after each message: Claude Exporter's "10/13/2025, 12:47:31 PM". */
const STAMP = /^\d{1,2}\/\d{1,2}\/\d{2,4},\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?$/i;
/**
 * A stamp with words after it on its baseline: a reader's remark written in the margin beside
 * the stamp ("10/13/2025, 1:09:07 PM and further provided ..."). The stamp still closes a message.
 */
const STAMP_THEN_WORDS = /^(\d{1,2}\/\d{1,2}\/\d{2,4},\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)\s+(\S.*)$/i;

/** Lines that begin with a stamp, split into the stamp and the remark beside it. */
export function splitStampRemarks(lines: TextLine[]): { lines: TextLine[]; remarks: string[] } {
  const remarks: string[] = [];
  const out = lines.flatMap((l) => {
    const m = STAMP_THEN_WORDS.exec(l.text.trim());
    if (!m) return [l];
    remarks.push(m[2]!);
    return [{ ...l, text: m[1]! }];
  });
  return { lines: out, remarks };
}

/** A line of a posted file's card: its name, its kind, its size, or a title cut short (`Homework 09 Question…`). */
const ATTACHMENT_CARD = /^(?:\S.*\.[A-Za-z0-9]{2,5}|PDF|File|Document|Image|Spreadsheet|[\d.,]+\s*[KMG]i?B|.*…)$/;

/** Role labels that begin a line in printed chats and reports of them. */
const USER_LABEL = /^(?:\*\*)?(?:You said|You|User|Prompt|Me|Student|Human)(?:\*\*)?\s*[:.](?:\*\*)?\s*/i;
const MODEL_LABEL = /^(?:\*\*)?(?:ChatGPT said|Model Reply|Model Response|Model|Reply|Response|Assistant|ChatGPT|Claude|Gemini said|Gemini|Kimi|Qwen[\w.-]*|DeepSeek)(?:\*\*)?\s*[:.](?:\*\*)?\s*/i;

/** A line that is a role label and nothing else (`You said:`, `**Assistant:**`). */
const bareLabel = (text: string) => (USER_LABEL.test(text) && !text.replace(USER_LABEL, '').trim()) || (MODEL_LABEL.test(text) && !text.replace(MODEL_LABEL, '').trim());

/**
 * Whether every stamp stands right under a role label: a message that opens with the time it was
 * sent (a chat copied with its dates, printed by an exporter that labels each turn). Those stamps
 * open messages, where Claude Exporter's close them, so they cannot tell the turns apart; the
 * labels do.
 */
function stampsOpenLabelledMessages(lines: TextLine[]): boolean {
  const shown = lines.filter((l) => l.text.trim());
  const stamps = shown.flatMap((l, i) => (STAMP.test(l.text.trim()) ? [i] : []));
  return stamps.every((i) => i > 0 && bareLabel(shown[i - 1]!.text.trim()));
}

/**
 * Splits a chat export's lines into turns by the cues exporters leave: bubbles around the
 * person's messages (ChatGPT, Gemini, Qwen, DeepSeek printed from the browser), time stamps
 * closing each message (Claude Exporter), role labels ("You said:", "Prompt." / "Model
 * Reply."). Undefined when the document shows no such cue: it is read as a write-up.
 */
export function splitTurns(lines: TextLine[]): Turn[] | undefined {
  // Bubbles make turns when something outside them follows one: the model's reply. How many lines
  // they hold does not matter (a whole problem pasted as the first prompt outweighs short replies).
  // A picture at the right is the person's only where bubbles already mark the person (a write-up
  // may set a figure at the right margin).
  const firstBubble = lines.findIndex((l) => l.bubble);
  if (firstBubble >= 0 && lines.slice(firstBubble).some((l) => !l.bubble && !l.atRight && l.text.trim())) {
    const turns: Turn[] = [];
    for (const l of lines) {
      const role: Speaker = l.bubble || l.atRight ? 'user' : 'assistant';
      const last = turns[turns.length - 1];
      // Two bubbles one under the other on a page are two messages (a remark the person sent
      // before the question); a bubble the page break cut goes on at the next page's top.
      // A file's card the site draws over the message it came with (`hw7.pdf` / `661.7 KB`) is not one.
      const before = last?.lines[last.lines.length - 1];
      const otherBubble = !!before && before.page === l.page && before.bubbleTop !== undefined && l.bubbleTop !== undefined && before.bubbleTop !== l.bubbleTop;
      const nextBubble = otherBubble && !last!.lines.every((x) => !x.text.trim() || ATTACHMENT_CARD.test(x.text.trim()));
      if (last && last.role === role && !nextBubble) last.lines.push(l);
      else turns.push({ role, lines: [l] });
    }
    // A title above the first message (the chat's name) is not the model's turn.
    if (turns[0]?.role === 'assistant' && turns[1]?.role === 'user' && turns[0].lines.length <= 2) turns.shift();
    return turns.filter((t) => t.lines.some((l) => l.text.trim()));
  }
  const stamps = lines.filter((l) => STAMP.test(l.text.trim())).length;
  if (stamps >= 2 && !stampsOpenLabelledMessages(lines)) {
    const turns: Turn[] = [];
    let role: Speaker = 'user';
    let current: TextLine[] = [];
    const firstStamp = lines.findIndex((l) => STAMP.test(l.text.trim()));
    // The chat's title stands above the first message.
    const start = firstStamp > 1 && lines[0]!.size > lines[1]!.size * 1.15 ? 1 : 0;
    for (const l of lines.slice(start)) {
      if (STAMP.test(l.text.trim())) {
        if (current.length) turns.push({ role, lines: current });
        current = [];
        role = role === 'user' ? 'assistant' : 'user';
      } else current.push(l);
    }
    if (current.length) turns.push({ role, lines: current });
    // Where the exporter shades the person's messages and not the model's, the shading says whose
    // each is: the person may send two in a row (a remark on the chat, then the question), which
    // the turns' order alone would read as the model's reply.
    // Most of its prose: a message the page break cut may lose its frame's corners on the next
    // page. One with no prose (a posted picture alone, a reply all code) answers the message before.
    const shaded = turns.map((t) => {
      const prose = t.lines.filter((l) => l.text.trim() && !l.mono && !l.table && !l.image);
      return prose.length ? prose.filter((l) => l.shaded).length > prose.length / 2 : undefined;
    });
    if (shaded.includes(true) && shaded.includes(false))
      turns.forEach((t, i) => {
        const before = turns[i - 1]?.role ?? 'assistant';
        t.role = shaded[i] === undefined ? (before === 'user' ? 'assistant' : 'user') : shaded[i] ? 'user' : 'assistant';
      });
    return turns;
  }
  // The fields over a document (`Model: GPT-4.1 (ChatGPT web)`, `Student: R. Okafor`) are labelled
  // with the words that head turns; they head none, as when the text is read (header-fields.ts).
  const fields = headerFields(lines);
  const labelOf = (l: TextLine, i: number): Speaker | undefined => (fields.has(i) ? undefined : USER_LABEL.test(l.text) ? 'user' : MODEL_LABEL.test(l.text) ? 'assistant' : undefined);
  const users = lines.filter((l, i) => labelOf(l, i) === 'user').length;
  const models = lines.filter((l, i) => labelOf(l, i) === 'assistant').length;
  if (users >= 1 && models >= 1) {
    const turns: Turn[] = [];
    let current: Turn | undefined;
    for (const [i, l] of lines.entries()) {
      const role = labelOf(l, i);
      if (role) {
        // The label stays out of the turn; text after it on the same line is the turn's first line.
        const rest = l.text.replace(role === 'user' ? USER_LABEL : MODEL_LABEL, '');
        current = { role, lines: rest.trim() ? [{ ...l, text: rest }] : [] };
        turns.push(current);
      } else if (current) current.lines.push(l);
      // What a page shows above its first label is kept as the page shows it: the person's notes
      // there say what the chat below is (which column of a battle is graded, how its rounds are marked).
      else if (turns[0]?.head) turns[0].lines.push(l);
      else turns.push({ role: 'user', lines: [l], head: true });
    }
    return turns;
  }
  return undefined;
}

/** Which of the lines are a header's fields naming the model or the person (see withoutHeaderFields). */
function headerFields(lines: TextLine[]): Set<number> {
  const kept = withoutHeaderFields(lines.map((l) => l.text.replace(/\n/g, ' ')).join('\n')).split('\n');
  return new Set(lines.flatMap((l, i) => (l.text.trim() && !kept[i]?.trim() ? [i] : [])));
}
