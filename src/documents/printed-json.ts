/**
 * A chat a person ran against a model's API and copied from their terminal: the request and the
 * response printed as JSON (`curl ... | jq .`), a message's content printed as a JSON string
 * (`jq '.messages[0].content' req.json`), or a reply printed as text (`jq -r '... | .text'`). Read as
 * a write-up, the escaped strings (`\n`, `\\frac`) hold the answers on one line each and no part is
 * found. Any provider's shape says who speaks by the same structure: an object with a `role` and
 * its `content` (Anthropic's and OpenAI's messages, OpenAI's `choices[].message`, a request's
 * `messages` array) or its `parts` (Gemini's `contents` and `candidates[].content`); the blocks of
 * a content list that are the model's reasoning (`"type": "thinking"`, `"thought": true`,
 * `reasoning_content`) are not its answer.
 *
 * The session is set out as a Markdown chat (`### User` / `### Assistant`, each turn's text
 * decoded); the commands are left out, and the person's own lines between the outputs are kept as
 * their remarks. A text with no printed object of a speaker's role with content, or a JSON shown
 * inside a fenced block (an answer's config, a code cell's dict), is left as it is.
 */

import { contentWords, jsonValues, speakerOfWord } from './json-chat.js';

type Role = 'User' | 'Assistant';

interface Turn {
  role: Role;
  text: string;
}

/** The turns of a JSON value: every object with a speaker's role and content, in order. */
function turnsOf(value: unknown, out: Turn[]): void {
  if (Array.isArray(value)) {
    for (const v of value) turnsOf(v, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  const body = o.content ?? o.parts;
  if (typeof o.role === 'string' && body !== undefined) {
    const speaker = speakerOfWord(o.role);
    const role: Role | undefined = speaker === 'user' ? 'User' : speaker === 'assistant' ? 'Assistant' : undefined;
    const text = contentWords(body, '\n\n').trim();
    if (role && text) out.push({ role, text });
    return;
  }
  for (const v of Object.values(o)) turnsOf(v, out);
}

/** A shell prompt's line (`$ curl ...`, `% jq ...`, `PS> ...`). */
const PROMPT = /^(?:[\w.-]+@[\w.-]+(?::[^\s$#%]*)?[ \t]*[$#%]|[$%]|PS[^>\n]{0,40}>)[ \t]+\S/;
/** A command's filter that prints a request's message (`.messages[0].content`, `.contents[-1].parts`). */
const REQUEST_PATH = /\b(?:messages|contents|prompt|input)\b/;

/** Whether a command's filter prints a request's message (its words after `jq`: an endpoint's `/v1/messages` is no filter). */
const asksRequest = (command: string): boolean => {
  const jq = command.search(/\bjq\b/);
  return jq >= 0 && REQUEST_PATH.test(command.slice(jq));
};

/** Whether a line opens a printed JSON value at the margin. */
const opensJson = (l: string) => l.startsWith('{') || l.startsWith('[') || (l.startsWith('"') && l.trimEnd().endsWith('"') && l.length > 2);

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The text with a terminal session's printed API chat set out as a Markdown chat, or the text as it is. */
export function printedJsonChat(text: string): string {
  // (Cheap first: a printed chat has a role's key at a line's start, after its indent.)
  // (Or printed compact, one object a line: `{"id":"chatcmpl-1",...,"role":"assistant",...}`.)
  if (!/^[ \t]*"role"[ \t]*:|^[{[][^\n]*"role"[ \t]*:/m.test(text)) return text;
  const lines = text.split(/\r?\n/);
  const t = text.trimStart();
  // (A text that is JSON and nothing else, one value or several printed one after another, is the JSON reader's.)
  if ((t.startsWith('{') || t.startsWith('[')) && (parsed(t) !== undefined || jsonValues(t))) return text;
  const turns: Turn[] = [];
  const lead: string[] = [];
  const after: string[] = [];
  let fenced = false;
  let command = '';
  let found = false;
  const push = (turn: Turn) => {
    if (turns.some((x) => x.role === turn.role && x.text === turn.text)) return;
    if (after.length && turns.length) turns.push({ role: 'Assistant', text: `\u0000${after.splice(0).join('\n')}` });
    turns.push(turn);
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^[ \t]*(?:```|~~~)/.test(l)) fenced = !fenced;
    if (!fenced && PROMPT.test(l)) {
      // A command, with its continued lines.
      command = l;
      while (/\\[ \t]*$/.test(lines[i]!) && i + 1 < lines.length) command += `\n${lines[++i]!}`;
      // A reply printed as text: what a raw filter over a response prints, up to the next prompt.
      // (The response's text, from the call itself or a file it was saved in; a request's message is the person's.)
      if (/\bjq\b[^|\n]*\s-[a-zA-Z]*r/.test(command) && /\.(?:text|content)\b/.test(command)) {
        let j = i + 1;
        while (j < lines.length && !PROMPT.test(lines[j]!)) j++;
        const reply = lines.slice(i + 1, j);
        // (The person's lines after it, as between outputs, are theirs: from the last blank line before a run of them.)
        let end = reply.length;
        while (end > 0 && (!reply[end - 1]!.trim() || /^#/.test(reply[end - 1]!))) end--;
        const body = reply.slice(0, end).join('\n').trim();
        if (body) push({ role: asksRequest(command) ? 'User' : 'Assistant', text: body });
        after.push(...reply.slice(end).filter((x) => x.trim()));
        i = j - 1;
      }
      continue;
    }
    if (!fenced && opensJson(l)) {
      let value: unknown;
      let end = i;
      if (l.startsWith('"')) value = parsed(l.trimEnd());
      else {
        const close = l.startsWith('{') ? '}' : ']';
        value = parsed(l.trimEnd());
        if (value === undefined) {
          // (A printed value closes at the margin within a few thousand lines; a stray bracket does not scan the whole text.)
          const last = Math.min(lines.length, i + 5000);
          for (end = i + 1; end < last && !lines[end]!.startsWith(close); end++);
          if (end < last) value = parsed(lines.slice(i, end + 1).join('\n'));
        }
      }
      if (typeof value === 'string') {
        push({ role: asksRequest(command) ? 'User' : 'Assistant', text: value.trim() });
        continue;
      }
      if (value !== undefined) {
        const got: Turn[] = [];
        turnsOf(value, got);
        if (got.length) {
          found = true;
          for (const g of got) push(g);
          i = end;
          continue;
        }
      }
    }
    if (!l.trim()) continue;
    (turns.length ? after : lead).push(l);
  }
  if (!found || !turns.some((x) => x.role === 'Assistant')) return text;
  const out: string[] = [...lead, ''];
  for (const turn of turns) {
    if (turn.text.startsWith('\u0000')) {
      // The person's lines between two outputs: their remarks, one a line.
      for (const r of turn.text.slice(1).split('\n')) out.push(`[${r.trim().replace(/\[/g, '(').replace(/\]/g, ')')}](#)`, '');
      continue;
    }
    out.push(`### ${turn.role}`, '', turn.text, '');
  }
  for (const r of after) out.push(`[${r.trim().replace(/\[/g, '(').replace(/\]/g, ')')}](#)`, '');
  return out.join('\n');
}
