import { asksSomething } from './segment.js';
import { guarded } from './speaker-shapes.js';

/**
 * A terminal agent's scrollback: the person typed each request after the program's prompt, a glyph
 * of a few signs that repeats at every request (goose's `( O)> Question 7 ... (a) Derive ...`, a
 * REPL's `〉 ...` or `❯ ...`), and the program wrote its reply below, up to the next prompt. A person
 * reads the turns off the repeated glyph, whatever its signs: the same glyph opens two lines or
 * more, each with a request in words on it, and each is followed by a reply (a terse model's may be
 * shorter than a pasted question; all together they are not much shorter than the requests). The
 * request is renamed `User:`, the reply's first line `Assistant:` (as `>>>` under `ollama run` is);
 * what the person typed to the program itself (`exit`, `/clear`) is no turn. Lines stay where they are.
 *
 * A write-up's own line marks are no prompt: a quote's `>` (one sign, or several, or `> >`), an arrow
 * between steps (`=>`, `->`), a tag (`<b>`); and lines led by a glyph that do not ask, or that nothing
 * follows, are a list's.
 */

/**
 * A line led by a prompt's glyph, the request on the same line: a few signs or a short word ending
 * in a prompt's sign glued to it (`( O)>`, `❯`, `〉`, `gpt>`, `[hw4]>`). A glyph that opens on `>` is a
 * quote's (`>`, `>>`, `> >`); one with a formula's signs (`$`, `\`) is math.
 */
const PROMPT = /^[ \t]*((?:[^\s<>$\\](?:[^\n<>$\\]{0,10}?[^\s<>$\\])?)?[>❯›»〉⟩])[ \t]+(\S[^\n]*)$/u;

/** Cheap test first (most texts have no such line): a glyph other than a quote's `>`, anywhere in the text. */
const PROMPT_IN = /^[ \t]*(?:[^\s<>$\\](?:[^\n<>$\\]{0,10}?[^\s<>$\\])?[>❯›»〉⟩]|[❯›»〉⟩])[ \t]+\S/mu;

/**
 * Whether a glyph is a prompt's: a few signs or one short word (`gpt>`), at most two pieces, not a
 * quote's lone `>` nor an arrow between steps (`=>`, `-->`, `—>`).
 */
function promptGlyph(glyph: string): boolean {
  if (glyph === '>' || /^[-=~—–]+>$/.test(glyph)) return false;
  return (glyph.match(/[\p{L}\p{N}]/gu)?.length ?? 0) <= 6 && glyph.split(/[ \t]+/).length <= 2;
}

/** A request in words: three words or more (one or two tokens are a command to the program: `exit`, `/clear`). */
const inWords = (said: string) => (said.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3 && !/^[/:!.]/.test(said);

/** The text with a terminal agent's turns headed `User:` / `Assistant:`; unchanged when it is no such scrollback. */
export function promptGlyphTurns(text: string): string {
  if (!PROMPT_IN.test(text)) return text;
  const lines = text.split('\n');
  const guard = guarded(lines);
  const byGlyph = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (guard[i]) return;
    const m = PROMPT.exec(l);
    if (!m || !promptGlyph(m[1]!)) return;
    byGlyph.set(m[1]!, [...(byGlyph.get(m[1]!) ?? []), i]);
  });
  for (const [glyph, at] of byGlyph) {
    if (at.length < 2) continue;
    const turns = exchanges(lines, at);
    if (!turns) continue;
    // (The glyph alone on a line, nothing typed after it, is no turn either.)
    const bare = new RegExp(`^[ \\t]*${glyph.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`);
    lines.forEach((l, i) => {
      if (!guard[i] && bare.test(l)) lines[i] = '';
    });
    for (const { request, command, reply } of turns) {
      if (command) {
        lines[request] = '';
        continue;
      }
      lines[request] = `User: ${PROMPT.exec(lines[request]!)![2]}`;
      if (reply !== undefined) lines[reply] = `Assistant: ${lines[reply]}`;
    }
    return lines.join('\n');
  }
  return text;
}

interface Exchange {
  request: number;
  /** Whether the line is a command to the program, not a request. */
  command: boolean;
  /** The reply's first line with text, when the request has a reply. */
  reply?: number;
}

/**
 * The exchanges the glyph's lines open, when they are a chat's: two requests in words at least,
 * most of them asking, each with a reply, the replies together half as long as the requests at least;
 * undefined otherwise.
 */
function exchanges(lines: readonly string[], at: readonly number[]): Exchange[] | undefined {
  const out: Exchange[] = [];
  let asking = 0;
  let replied = 0;
  let asked = 0;
  let answered = 0;
  let requests = 0;
  at.forEach((i, k) => {
    const said = PROMPT.exec(lines[i]!)![2]!;
    const end = at[k + 1] ?? lines.length;
    if (!inWords(said)) {
      out.push({ request: i, command: true });
      return;
    }
    requests++;
    if (asksSomething(said)) asking++;
    let reply: number | undefined;
    let size = 0;
    for (let j = i + 1; j < end; j++) {
      const t = lines[j]!.trim();
      if (!t) continue;
      reply ??= j;
      size += t.length;
    }
    if (size) replied++;
    asked += said.length;
    answered += size;
    out.push({ request: i, command: false, ...(reply !== undefined ? { reply } : {}) });
  });
  if (requests < 2 || asking < 2 || asking * 2 < requests || replied < requests || answered * 2 < asked) return undefined;
  return out;
}
