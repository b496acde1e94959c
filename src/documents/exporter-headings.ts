import { ASSISTANT_NAMES, VERSION } from './speaker-names.js';

/**
 * Speaker lines as chat exporters decorate them: an icon before the name (`### 👤 User`,
 * `## 🤖 Assistant`), the turn's time or cost after it (`### Human — 2025-10-04 18:22:10`,
 * `### 🤖 x-ai/grok-3 · 612 tokens · 4.1s`), the model in brackets (`Assistant (gpt-oss-120b)`),
 * and a router's model id in place of a name (`openai/gpt-4o`, `mistralai/mistral-large-2411`).
 * The line is a Markdown heading, a bold line or a plain one, as the exporter or the person who
 * pasted it set it: the decoration, not the markup, says it heads a turn. Each is rewritten as the
 * bare line the transcript reader knows (`### User`, `**Assistant**`, `User`). A room where several
 * models answer each prompt side by side (OpenRouter's chatroom) is read as the first model's
 * chat: the others' replies, read as turns of the same chat, would stand as later answers of one
 * model. Lines stay where they are, so locations still point into the file.
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
const META = String.raw`[ \t]*(?:[—–·|•(\[-]|,)[ \t]*(?=[^\n]*\d)(?:[\d \t:./,·|•()[\]+-]|tokens?|toks?|[smh]\b|ms\b|sec(?:onds?)?|min(?:utes?)?|[AP]\.?M\.?|UTC|GMT|at\b|T(?=\d)|Z\b|\$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)*`;

/**
 * What a model's name carries in brackets (`(gpt-oss-120b)`, `(via Groq)`): letters, at least three
 * characters, and no part's label (`## Assistant (b)`, `(Part a)` head a section of the reply).
 */
const ASIDE = String.raw`[ \t]*\((?![ivx]{1,4}\)|[a-z]\)|[^)\n]*\b(?:part|question|problem|step|q\d)\b)(?=[^)\n]*\p{L})[^()\n]{3,60}\)`;

/**
 * A decorated speaker line: `(markup)(icon )(name)(closing bold)(metadata or aside)(closing bold)`,
 * its markup a heading's mark, bold, or none. Groups: markup, icon, name, bold closed before the
 * metadata, metadata, bold closed after it.
 */
const SPEAKER = new RegExp(
  String.raw`^([ \t]*(?:#{1,6}[ \t]*|\*\*|__)?)(${ICON}[ \t]*)?(${USER}|${MODEL_ID}|(?:${ASSISTANT_NAMES})${VERSION})(\*\*|__)?((?:${META}|${ASIDE})?)(\*\*|__)?[ \t]*:?[ \t]*$`,
  'gimu',
);

/** A text with its decorated speaker lines read; `setAside` names the models of a room whose replies were left out. */
export interface ExporterHeadings {
  text: string;
  setAside?: string;
}

type Markup = 'heading' | 'bold' | 'plain';

interface SpeakerLine {
  match: RegExpMatchArray;
  markup: Markup;
  name: string;
  decorated: boolean;
}

/** A match as a speaker line, or undefined when its bold is not closed once, or a plain or bold line does not stand alone. */
function speakerLine(text: string, m: RegExpMatchArray): SpeakerLine | undefined {
  const lead = m[1]!;
  const markup: Markup = lead.includes('#') ? 'heading' : /\*\*|__/.test(lead) ? 'bold' : 'plain';
  const closings = Number(Boolean(m[4])) + Number(Boolean(m[6]));
  if (closings !== (markup === 'bold' ? 1 : 0)) return undefined;
  const name = m[3]!;
  const decorated = Boolean(m[2] || m[5]?.trim() || name.includes('/'));
  if (markup !== 'heading') {
    // A bold or plain line heads a turn as a paragraph of its own: after a blank line, a rule or at the top.
    const before = text.lastIndexOf('\n', m.index! - 2);
    const previous = m.index! === 0 ? '' : text.slice(before + 1, m.index! - 1);
    if (!/^\s*(?:[-*_=─━]{3,}\s*)?$/.test(previous)) return undefined;
  }
  return { match: m, markup, name, decorated };
}

/** The line as the transcript reader knows it, in its own markup. */
function bare(line: SpeakerLine): string {
  const name = line.name.includes('/') ? 'Assistant' : line.name;
  const m = line.match;
  if (line.markup === 'heading') return `${m[1]!.trimEnd()} ${name}`;
  const indent = /^[ \t]*/.exec(m[1]!)![0];
  return line.markup === 'bold' ? `${indent}**${name}**` : `${indent}${name}`;
}

/** The text with its exporter's speaker lines made bare; unchanged (and cheap) when it has none. */
export function exporterHeadings(text: string): ExporterHeadings {
  // (Cheap for most texts: a chat exporter heads the person's turns with one of a few names near a line's start.)
  if (!/^[^\n]{0,16}\b(?:user|human|you|me|student|prompt)\b/im.test(text)) return { text };
  const lines = [...text.matchAll(SPEAKER)].map((m) => speakerLine(text, m)).filter((l): l is SpeakerLine => l !== undefined);
  const isUser = (l: SpeakerLine) => USER_NAME.test(l.name);
  // A chat: some line decorated, and a person's turn among them (a write-up may name a model in a heading); lines
  // that are no headings also a model's turn (a write-up's `Me (draft 2)` line is no chat's).
  const chat = (of: SpeakerLine[]) => of.some((l) => l.decorated) && of.some(isUser) && (of[0]?.markup === 'heading' || of.some((l) => !isUser(l)));
  const headings = lines.filter((l) => l.markup === 'heading');
  const others = (['bold', 'plain'] as const).flatMap((k) => {
    const of = lines.filter((l) => l.markup === k);
    return chat(of) ? of : [];
  });
  const read = [...(chat(headings) ? headings : []), ...others].sort((a, b) => a.match.index! - b.match.index!);
  if (!read.length) return { text };
  const models = [...new Set(read.map((l) => l.name).filter((n) => n.includes('/')))];
  const kept = models[0];
  let out = '';
  let from = 0;
  let blanking = false;
  const blank = (s: string) => s.replace(/[^\n]+/g, '');
  // (A bare `User` or `**Assistant**` line is the transcript reader's to read as it is.)
  for (const l of read.filter((r) => r.markup === 'heading' || r.decorated)) {
    const before = text.slice(from, l.match.index);
    out += blanking ? blank(before) : before;
    blanking = l.name.includes('/') && l.name !== kept;
    out += blanking ? '' : bare(l);
    from = l.match.index! + l.match[0].length;
  }
  const rest = text.slice(from);
  out += blanking ? blank(rest) : rest;
  return models.length > 1
    ? { text: out, setAside: `a room where ${models.length} models answered side by side: ${kept}'s replies are read, ${models.slice(1).join(', ')}'s left out` }
    : { text: out };
}
