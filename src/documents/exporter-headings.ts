import { ASSISTANT_NAMES, VERSION } from './transcripts.js';

/**
 * Speaker headings as chat exporters decorate them: an icon before the name (`### 👤 User`,
 * `## 🤖 Assistant`), the turn's time or cost after it (`### Human — 2025-10-04 18:22:10`,
 * `### 🤖 x-ai/grok-3 · 612 tokens · 4.1s`), and a router's model id in place of a name
 * (`openai/gpt-4o`, `mistralai/mistral-large-2411`). Each is rewritten as the bare heading the
 * transcript reader knows (`### User`, `### Assistant`). A room where several models answer each
 * prompt side by side (OpenRouter's chatroom) is read as the first model's chat: the others'
 * replies, read as turns of the same chat, would stand as later answers of one model. Lines stay
 * where they are, so locations still point into the file.
 */

/** A pictograph and what joins or styles it (`🧑‍💻`, `✍️`). */
const ICON = String.raw`[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F]+`;
/** A router's model id: the provider, a slash, the model (`x-ai/grok-3`, `meta-llama/llama-3.1-70b-instruct:free`). */
const MODEL_ID = String.raw`[a-z0-9][\w.-]*\/[\w.:-]*[a-z0-9][\w.:-]*`;
const USER = 'User|Human|You|Me|Student|Prompt';
const USER_NAME = new RegExp(`^(?:${USER})$`, 'i');
/**
 * A heading's metadata after the name: a separator, then a date, time, token count or duration
 * (it has a digit, and no word but a month's, a day's or a unit's); never words of a section (`## Assistant — Part (a)`).
 */
const META = String.raw`[ \t]*(?:[—–·|•(\[-]|,)[ \t]*(?=[^\n]*\d)(?:[\d\s:./,·|•()[\]+-]|tokens?|toks?|[smh]\b|ms\b|sec(?:onds?)?|min(?:utes?)?|[AP]\.?M\.?|UTC|GMT|at\b|T(?=\d)|Z\b|\$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)*`;

/** A decorated speaker heading: `(#### )(icon )(name)( metadata)`. Groups: heading mark, icon, name, metadata. */
const HEADING = new RegExp(String.raw`^([ \t]*#{1,6}[ \t]*)(${ICON}[ \t]*)?(${USER}|${MODEL_ID}|(?:${ASSISTANT_NAMES})${VERSION})((?:${META})?)[ \t]*$`, 'gimu');

/** A text with its decorated speaker headings read; `setAside` names the models of a room whose replies were left out. */
export interface ExporterHeadings {
  text: string;
  setAside?: string;
}

/** The text with its exporter's speaker headings made bare; unchanged (and cheap) when it has none. */
export function exporterHeadings(text: string): ExporterHeadings {
  if (!text.includes('#')) return { text };
  const headings = [...text.matchAll(HEADING)];
  const decorated = (m: RegExpMatchArray) => Boolean(m[2] || m[4]?.trim() || m[3]!.includes('/'));
  const isUser = (m: RegExpMatchArray) => USER_NAME.test(m[3]!);
  // A chat: some heading decorated, and a person's turn among them (a write-up may name a model in a heading).
  if (!headings.some(decorated) || !headings.some(isUser)) return { text };
  const models = [...new Set(headings.map((m) => m[3]!).filter((n) => n.includes('/')))];
  const kept = models[0];
  let out = '';
  let from = 0;
  let blanking = false;
  const blank = (s: string) => s.replace(/[^\n]+/g, '');
  for (const m of headings) {
    const before = text.slice(from, m.index);
    out += blanking ? blank(before) : before;
    const name = m[3]!;
    blanking = name.includes('/') && name !== kept;
    out += blanking ? '' : `${m[1]!.trimEnd()} ${name.includes('/') ? 'Assistant' : name}`;
    from = m.index + m[0].length;
  }
  const rest = text.slice(from);
  out += blanking ? blank(rest) : rest;
  return models.length > 1
    ? { text: out, setAside: `a room where ${models.length} models answered side by side: ${kept}'s replies are read, ${models.slice(1).join(', ')}'s left out` }
    : { text: out };
}
