import type { Message } from '../model/submission.js';
import { replPromptTurns, wordy } from './repl-prompts.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat with a model held from a shell through a command-line tool, copied from the terminal
 * (`$ mods -m gpt-5-mini "..."`, `% llm -c "now 4e"`, `❯ sgpt "..."`, `PS C:\hw> aichat "..."`,
 * `$ ollama run llama3.2 "..."`, `$ gh copilot explain "..."`): each command that calls a chat tool
 * is the person's turn, its words the strings it passes (or a heredoc's lines, or the words typed
 * bare after it), and what the terminal printed under it up to the next prompt is the model's reply,
 * rendered Markdown (glamour's and rich's: indented, `•` bullets) read back as Markdown. A tool
 * started with no words (`llm chat`, `ollama run llama3`, `aichat`) holds its own REPL, read as one.
 * The person's shell comments (`# it used /d, not /√d`) are their remarks, notes beside the chat;
 * any other command (`ls`, `export`, `mods -s 5ad8e77 > q2.md`) and what it printed is no turn (a
 * tool showing a saved conversation prints old turns again). Read as a write-up, the prompts' part
 * names were taken for the parts' answers and the replies lost their parts.
 *
 * A write-up that shows one call of a tool is no session: two requests in words at least (from two
 * calls, or typed in one tool's REPL), most of them with a reply printed under them.
 */

/** The command-line chat tools people call from a shell, by the name typed (`gh copilot` is gh's). */
const TOOL_NAMES = String.raw`(?:mods|llm|aichat|sgpt|shell-gpt|ollama|tgpt|chatgpt(?:-cli)?|gpt|claude|gemini|gh[ \t]+copilot|openai|fabric|cody|codex|ai|lms|llamafile)(?=[ \t]|$)`;

/** A command that opens on a chat tool's name. */
const TOOL = new RegExp(`^${TOOL_NAMES}`);

/** Cheap test first: a tool's name after a shell's prompt sign, somewhere in the text. */
const MAY_APPLY = new RegExp(String.raw`(?:[$%❯➜λ»]|^PS[ \t][^\n>]*>)[ \t]+${TOOL_NAMES}`, 'mu');

/**
 * A line's prompt, before a chat tool's name typed after it: a few tokens holding a shell's prompt
 * sign (`$`, `%`, `❯`, `➜`, `λ`, `»`; `user@host:~/hw$`, `(venv) ~/hw %`, `➜  hw4 git:(main) ✗`), or
 * PowerShell's `PS C:\path>`; a tool may be reached through a pipe (`cat q.md | llm "..."`).
 */
const PROMPT_BEFORE_TOOL = new RegExp(
  String.raw`^(PS[ \t][^\n>]{1,80}>|(?:[^\s$%❯➜λ»]{1,60}[ \t]+){0,3}[^\s$%❯➜λ»]{0,60}[$%❯➜λ»](?:[ \t]+[^\s$%❯➜λ»]{1,60}){0,3}?)[ \t]+(?:[^\n|]{0,200}\|[ \t]*)?${TOOL_NAMES}`,
  'u',
);

/** A shell comment typed at the prompt: the person's remark. */
const COMMENT = /^#+[ \t]?/;

/** Escape sequences a terminal's colours and cursor moves leave in a copy (CSI, OSC). */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\n]*(?:\x07|\x1b\\)/g;

/** The shells' prompts on a command's further lines: zsh's `dquote> ` / `heredoc> `, bash's `> `. */
const FURTHER = /^(?:dquote|quote|heredoc|bquote|cmdsubst|pipe)?>[ \t]?/;

/** Options whose value, however long, is never the request: a system prompt, a role, a title. */
const SYSTEM_OPTION = /^(?:-s|--system(?:-prompt)?|--role|--title|--persona|--instructions?|--template|-t)$/;

/** What a tool is told before its words: a subcommand, and after `run` the model's name. */
const SUBCOMMAND = /^(?:run|chat|prompt|ask|exec|query|explain|suggest|copilot)$/;

/** A shell word: quoted, or bare; operators (`|`, `>`, `&&`, `;`, `<<`) as bare words. */
interface Word {
  text: string;
  quoted: boolean;
}

/** A command line's words, as a shell splits them (quotes kept apart, `\"` inside `"..."` a quote). */
function shellWords(command: string): Word[] {
  const out: Word[] = [];
  const re = /\$?'([^']*)'|"((?:[^"\\]|\\.)*)"|(\|\||&&|[|;>]|<<-?)|([^\s'"|;>&<]+)/g;
  for (const m of command.matchAll(re)) {
    if (m[1] !== undefined) out.push({ text: m[1], quoted: true });
    else if (m[2] !== undefined) out.push({ text: m[2].replace(/\\(.)/g, '$1'), quoted: true });
    else out.push({ text: (m[3] ?? m[4])!, quoted: false });
  }
  return out;
}

/** The words a command passes its chat tool (and an `echo` piped into it), or undefined when it calls none. */
function requestOf(command: string): string | undefined {
  const words = shellWords(command);
  const segments: Word[][] = [[]];
  for (const w of words) {
    if (!w.quoted && /^(?:\|\||&&|[|;])$/.test(w.text)) segments.push([]);
    else segments[segments.length - 1]!.push(w);
  }
  const toolAt = segments.findIndex((s) => TOOL.test(s.map((w) => w.text).join(' ')));
  if (toolAt < 0) return undefined;
  const piped = segments
    .slice(0, toolAt)
    .filter((s) => /^(?:echo|printf)$/.test(s[0]?.text ?? ''))
    .flatMap((s) =>
      s
        .slice(1)
        .filter((w) => w.quoted)
        .map((w) => w.text),
    );
  const segment = segments[toolAt]!;
  const quoted: string[] = [];
  const bare: string[] = [];
  let i = segment[0]!.text === 'gh' ? 2 : 1;
  for (; i < segment.length; i++) {
    const w = segment[i]!;
    if (!w.quoted && w.text === '>') break;
    if (!w.quoted && w.text.startsWith('<<')) {
      // (The heredoc's tag: its lines are read with the command, by commandAt.)
      i++;
      continue;
    }
    if (!w.quoted && /^--?\w/.test(w.text)) {
      // (An option's value is short, a model's name or an id; a request in words after a flag is the request: mods' `-C "..."`.)
      const value = segment[i + 1];
      if (value && !w.text.includes('=') && (SYSTEM_OPTION.test(w.text) || !wordy(value.text)) && !/^--?\w/.test(value.text)) i++;
      continue;
    }
    if (w.quoted) quoted.push(w.text);
    else if (!(bare.length === 0 && SUBCOMMAND.test(w.text))) bare.push(w.text);
    else if (w.text === 'run') i++;
  }
  const said = [...piped, ...quoted].filter((s) => s.trim());
  return (said.some(wordy) ? said.join('\n') : wordy(bare.join(' ')) ? bare.join(' ') : '').trim();
}

/** A command typed at the prompt: the line its output starts on, and its text with further lines joined. */
interface Command {
  outputAt: number;
  typed: string;
  /** A heredoc's lines, when the command reads one. */
  heredoc?: string;
}

/** The command typed on line `at` after the prompt, with the lines a shell reads as more of it (an open quote, a `\`, a heredoc). */
function commandAt(lines: readonly string[], at: number, typed: string): Command {
  let text = typed;
  let j = at + 1;
  const open = (s: string) =>
    (s
      .replace(/\\./g, '')
      .replace(/'[^']*'/g, '')
      .match(/"/g)?.length ?? 0) %
      2 ===
    1;
  while (j < lines.length && (open(text) || /\\[ \t]*$/.test(text))) {
    text = /\\[ \t]*$/.test(text) ? `${text.replace(/\\[ \t]*$/, '')} ${lines[j]!.replace(FURTHER, '')}` : `${text}\n${lines[j]!.replace(FURTHER, '')}`;
    j++;
  }
  const tag = /<<-?[ \t]*(['"]?)(\w+)\1/.exec(text)?.[2];
  if (!tag) return { outputAt: j, typed: text };
  const body: string[] = [];
  for (; j < lines.length; j++) {
    const l = lines[j]!.replace(FURTHER, '');
    if (l.trim() === tag) {
      j++;
      break;
    }
    body.push(l);
  }
  return { outputAt: j, typed: text, heredoc: body.join('\n') };
}

/** What a terminal printed, as the Markdown it was rendered from: the renderer's margin taken off, its `•` bullets as `-`. */
function renderedAsMarkdown(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const margin = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(margin).replace(/^([ \t]*)[•●▪◦][ \t]+/, '$1- '))
    .join('\n')
    .trim();
}

/** The prompts a session's tool calls are typed after: the text before the tool's name on each such line. */
function sessionPrompts(lines: readonly string[]): Set<string> {
  const prompts = new Set<string>();
  for (const line of lines) {
    const m = line.length < 2000 ? PROMPT_BEFORE_TOOL.exec(line) : null;
    if (m) prompts.add(m[1]!);
  }
  return prompts;
}

/**
 * The first line of a prompt drawn over two (starship's and powerlevel10k's `~/hw4 on  main` above
 * `❯`): the same line right above every prompt, or undefined when the prompt is one line.
 */
function twoLinePrompt(lines: readonly string[], at: readonly number[]): string | undefined {
  const below = at.filter((i) => i > 0);
  const above = new Set(below.map((i) => lines[i - 1]!));
  const [line] = above;
  return below.length >= 2 && above.size === 1 && line!.trim() ? line : undefined;
}

/** The turns of a chat held from a shell with a command-line chat tool, or undefined when the text is none. */
export function shellChatTurns(text: string): Message[] | undefined {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  if (!MAY_APPLY.test(plain)) return undefined;
  const lines = plain.split(/\r?\n/);
  const prompts = sessionPrompts(lines);
  if (!prompts.size) return undefined;
  const typedAfterPrompt = (line: string): string | undefined => {
    for (const p of prompts) if (line.startsWith(p) && (line.length === p.length || /[ \t]/.test(line[p.length]!))) return line.slice(p.length).trim();
    // (The prompt at the end, left waiting, has its trailing space trimmed off by the copy.)
    const bare = line.trimEnd();
    for (const p of prompts) if (bare === p.trimEnd()) return '';
    return undefined;
  };
  const at: number[] = [];
  lines.forEach((l, i) => {
    if (typedAfterPrompt(l) !== undefined) at.push(i);
  });
  const firstLine = twoLinePrompt(lines, at);
  const messages: Message[] = [];
  let asked = 0;
  let unanswered = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k]!;
    const typed = typedAfterPrompt(lines[i]!)!;
    if (COMMENT.test(typed)) {
      const remark = typed.replace(COMMENT, '').trim();
      if (remark) messages.push({ role: 'note', text: remark, line: i + 1 });
      continue;
    }
    const command = commandAt(lines, i, typed);
    // (A command's further lines may hold what looks like a prompt: the output starts after them.)
    while (k + 1 < at.length && at[k + 1]! < command.outputAt) k++;
    const end = at[k + 1] ?? lines.length;
    const request = requestOf(command.typed);
    if (request === undefined) continue;
    // (A prompt over two lines, starship's `~/hw4 on main` above its `❯`, ends the output before it.)
    const output = lines.slice(command.outputAt, firstLine !== undefined && lines[end - 1] === firstLine ? end - 1 : end);
    const words = [request, command.heredoc ?? ''].filter((s) => s.trim()).join('\n');
    if (!wordy(words)) {
      // (A tool started with no words holds its own REPL: `>>> ` under `ollama run`, `> ` under `llm chat`.)
      const repl = replPromptTurns(output.join('\n'));
      for (const m of repl ?? []) messages.push({ ...m, ...(m.line !== undefined ? { line: m.line + command.outputAt } : {}) });
      if (repl) asked += repl.filter((m) => m.role === 'user').length;
      continue;
    }
    const reply = renderedAsMarkdown(output);
    asked++;
    if (!reply) unanswered++;
    pushUserTurn(words, i + 1, messages);
    pushReply(reply, command.outputAt + 1, messages);
  }
  // (Two requests at least, from two calls or from one tool's REPL: one call shown in a write-up is no session.)
  if (asked < 2 || unanswered * 2 > asked) return undefined;
  return messages;
}
