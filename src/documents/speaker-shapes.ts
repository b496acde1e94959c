import { iconsShownByName, isIconLine } from './app-pages.js';
import { asksSomething as asks } from './segment.js';
import { KNOWN_MODEL, KNOWN_USER } from './speaker-names.js';
import { namesSender } from './sender-fields.js';
import { stampedGroupChat } from './stamped-senders.js';
import { STRUCTURE } from './structure-words.js';
import { endsAskingLearner } from './tutor-questions.js';

export { STRUCTURE };

/**
 * Chats whose who-speaks lines carry names the transcript readers have no word for: `Kai:` /
 * `Bot:`, `## Frage` / `## LLM`, `▶ Priya:` / `▶ Tutor:`, `**Me** · attached` / `**Nova** ·
 * model`, `### Sam — 18:22` / `### Reply — 18:23`. A person knows them without knowing the words:
 * by shape (a short line that is only a name, in the same markup each time), by order (the two
 * names take turns, from near the top) and by content (one asks, the other answers at length).
 * Each such line is renamed `User` / `Assistant` in its own markup, so every reader after this
 * one reads the chat as it reads one labelled in its own words. Lines stay where they are.
 *
 * A write-up's own repeated lines are not speakers: a label that names a question, a part or
 * what follows it (`Answer:`, `Proof.`, `Step`) never heads the person's turns, a heading's
 * sections do not ask and run shorter after, and table rows or part labels are no names.
 */

/**
 * A line that is only a name: markup and perhaps a glyph before it (`#`, `>`, `**`, `▶`, `🧑`),
 * one to three words, perhaps `said` and an aside in brackets, a colon or closing markup after it,
 * and a tail the app adds after a separator (a time, a model: `— 18:22`, `· Claude 4.5`, `| K2`).
 * A local model's tag is a name too, its colon inside it (`gemma3:27b`, `qwen2.5-coder:7b`): one word, lower case, no space after the colon.
 * A playground heads the model's turns with its display name, whose version, size and release are words
 * of their own (`DeepSeek R1 Distill Llama 70B`, `Llama 3.3 70B Instruct Turbo`): such words, a digit in
 * them, do not count among a name's three (`nameLine` counts them).
 */
const NAME_LINE =
  /^(?<lead>[ \t]*(?<quote>>(?!>)[ \t]*)?(?<heading>#{1,6}[ \t]*)?(?<glyph>(?:>>(?!>)|[^\p{L}\p{N}\s([{$\\|>*_#`~=+.,;:!?'"’%&/-]{1,3})[ \t]*)?(?<bold>\*\*|__)?[ \t]*)(?<name>\p{Ll}[\p{Ll}\p{N}._-]*:[\p{Ll}\p{N}._-]*[\p{Ll}\p{N}]|\p{L}{2,}[\p{L}.-]*[\p{N}_][\p{L}\p{N}_.-]*|\p{L}[\p{L}'’.-]*(?:-\p{N}[\p{L}\p{N}.]*)?(?:[ \t](?:\p{L}[\p{L}'’.-]*|\p{L}{0,2}\p{N}[\p{L}\p{N}.]*)){0,5})(?<aside>[ \t]+\([^()\n]{1,60}\))?(?<close>[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?)(?<tail>[ \t]+[—–·|][^\n]*)?[ \t]*$/u;

/** A name's last word that says how the app heads a turn (`Kai said`, `Bot replied`), not who speaks. */
const VERB = /[ \t]+(?:said|sent|wrote|asked|answered|replied)$/i;

const known = (name: string) => KNOWN_USER.test(name) || KNOWN_MODEL.test(name);

/** What a model's turn may be headed with and a write-up's lines too: only the answerer's name, never the asker's. */
const ANSWER_WORD = /^(?:answer|answers|solution|solutions)$/i;

export interface NameLine {
  at: number;
  /** The name, lower-cased, without a verb of saying. */
  name: string;
  /** The markup around the name (quote, heading, glyph, bold, colon): the two speakers' lines share it. */
  shape: string;
  /** Where the name starts and ends in the line (a verb of saying and an aside count as the name's). */
  from: number;
  to: number;
  /** What the line has before the name, as the renamed line keeps it. */
  lead: string;
  upper: boolean;
}

/**
 * Glyphs a reader after this one knows before a turn's name (Chatbox's `▶`, read with the app's
 * other marks); any other glyph goes with the name it decorated, as the readers read names, not glyphs.
 */
const KNOWN_GLYPH = /^[▶►▸]$/u;

/** The words of a model's tier, written in lower case in its name (`GPT-5 mini`, `Gemini 2.5 flash`). */
const MODEL_TIER = /^(?:mini|nano|micro|pro|max|plus|lite|turbo|flash|preview|instruct|chat|thinking|reasoning|coder|vision|latest|large|medium|small|high|low)$/;

/**
 * Whether a name's words are a name's: at most three that are not a model's version, size or release (`R1`,
 * `70B`, `3.3`: those hold a digit). A display name with a version in it is title-cased, every word of it
 * (`Nous Hermes 3 405B Instruct`) but its tier (`GPT-5 mini`); another word in lower case is the app's own
 * (`Kimi K2 0905 moonshotai`, the provider's slug a page prints beside it), no name.
 */
function wordsOfAName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  const plain = words.filter((w) => !/\p{N}/u.test(w));
  if (plain.length > 3) return false;
  return plain.length === words.length || plain.every((w) => /^\p{Lu}/u.test(w) || MODEL_TIER.test(w));
}

/** The line's name and shape, when it is only a name. */
export function nameLine(line: string, at: number): NameLine | undefined {
  if (line.length > 90) return undefined;
  const m = NAME_LINE.exec(line);
  const g = m?.groups;
  if (!m || !g) return undefined;
  const words = g.name!.replace(VERB, '');
  if (words.length < 2 || words.length > 40 || !wordsOfAName(words) || (!ANSWER_WORD.test(words) && (STRUCTURE.test(words) || STRUCTURE.test(words.split(/[ \t]/)[0]!)))) return undefined;
  // (Words of a script written without spaces run to a sentence: `需要两次矩阵乘法:` says what follows.)
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]{5}/u.test(words)) return undefined;
  // A lone capital with a period (`A.`) is an item's label; a word ending in a period is a sentence (`Done.`).
  if (/\.$/.test(words)) return undefined;
  const from = g.lead!.length;
  const to = from + g.name!.length + (g.aside?.length ?? 0);
  const shape = [g.quote ? '>' : '', g.heading ? '#' : '', (g.glyph ?? '').trim(), g.bold ? '*' : '', g.close!.includes(':') ? ':' : ''].join('|');
  const glyph = (g.glyph ?? '').trim();
  const lead = glyph && !KNOWN_GLYPH.test(glyph) ? g.lead!.replace(g.glyph!, '') : g.lead!;
  return { at, name: words.toLowerCase(), shape, from, to, lead, upper: words.length > 2 && words === words.toUpperCase() };
}

/**
 * A blank line, or a rule: one symbol repeated, whatever the symbol (`-----`, `=====`, a console's
 * `────────` drawn in box-drawing lines, `· · ·` apart).
 */
export const RULE_OR_BLANK = /^\s*(?:([^\p{L}\p{N}\s])(?:[ \t]?\1){2,}\s*)?$/u;

/** Lines inside fenced code or display math: what a name line there says is code or a formula. */
export function guarded(lines: readonly string[]): boolean[] {
  const out = lines.map(() => false);
  let fence: string | undefined;
  let display = false;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (fence) {
      out[i] = true;
      if (t.startsWith(fence)) fence = undefined;
      return;
    }
    const f = /^(`{3,}|~{3,})/.exec(t);
    if (f) {
      out[i] = true;
      fence = f[1];
      return;
    }
    if (display) {
      out[i] = true;
      if (t.includes('$$') || t.includes('\\]')) display = false;
      return;
    }
    if ((t.startsWith('$$') && !t.slice(2).includes('$$')) || (t.startsWith('\\[') && !t.includes('\\]'))) {
      out[i] = true;
      display = true;
    }
  });
  return out;
}

interface Speakers {
  asker: string;
  answerer: string;
  shape: string;
  lines: NameLine[];
}

/** The text between a name line and the next of the pair's. */
function bodies(lines: readonly string[], heads: readonly NameLine[]): string[] {
  return heads.map((h, k) =>
    lines
      .slice(h.at + 1, heads[k + 1]?.at ?? lines.length)
      .join('\n')
      .trim(),
  );
}

/**
 * The two speakers of a chat headed by name lines, by shape, order and content; undefined when
 * no two names take turns as a person and a model do.
 */
function speakersOf(lines: readonly string[]): Speakers | undefined {
  let found: NameLine[] = [];
  lines.forEach((l, i) => {
    // A name line stands alone: a blank line, a rule or the top above it (a list's short items do not).
    // (Asked first: most lines follow text, and the name's pattern is the costlier test.)
    if (i > 0 && !RULE_OR_BLANK.test(lines[i - 1]!)) return;
    const n = nameLine(l, i);
    if (n) found.push(n);
  });
  // (Fewer than two names is no chat, whatever is code: most texts end here, before their fences are walked.)
  if (found.length < 2) return undefined;
  const guard = guarded(lines);
  found = found.filter((n) => !guard[n.at]);
  // A page that copies its icons as their names (`face`, `smart_toy`) copies its buttons' too: `content_copy`, `thumb_up` under a reply are no login.
  if (found.some((n) => isIconLine(n.name)) && iconsShownByName(lines)) found = found.filter((n) => !isIconLine(n.name));
  if (found.length < 2) return undefined;
  // A person's and a model's names the readers know, in the same markup: theirs to read (a title naming the model is no turn's).
  const title = lines.findIndex((l) => l.trim());
  if (found.some((u) => KNOWN_USER.test(u.name) && found.some((m) => m.shape === u.shape && m.at !== title && KNOWN_MODEL.test(m.name)))) return undefined;
  const byLabel = new Map<string, NameLine[]>();
  for (const n of found) {
    const key = `${n.name}\u0000${n.shape}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), n]);
  }
  let best: Speakers | undefined;
  let bestTurns = 0;
  const labels = [...byLabel.keys()];
  for (const a of labels)
    for (const b of labels) {
      if (a >= b) continue;
      const [na, sa] = a.split('\u0000') as [string, string];
      const [nb, sb] = b.split('\u0000') as [string, string];
      if (sa !== sb || na === nb || (known(na) && known(nb))) continue;
      const s = turnsOf(
        lines,
        [...byLabel.get(a)!, ...byLabel.get(b)!].sort((x, y) => x.at - y.at),
        na,
        nb,
        sa,
        found,
      );
      if (s && s.lines.length > bestTurns) {
        best = s;
        bestTurns = s.lines.length;
      }
    }
  return best;
}

/**
 * Whether two names' lines are a chat's turns, and who asks: the names take turns (one may
 * speak twice running now and then, a regenerated reply), each turn says something, the asker's
 * first turn asks (or most of them do), and most replies run longer than what they answer. The asker is the first to speak,
 * unless only the other way round do the turns ask and the replies run longer (the answerer may
 * open, over a title or a turn headed otherwise). A single exchange counts only at the top of the
 * text, in marked lines (a colon, bold, a heading, a glyph).
 */
function turnsOf(lines: readonly string[], heads: NameLine[], a: string, b: string, shape: string, found: readonly NameLine[]): Speakers | undefined {
  const text = bodies(lines, heads);
  // Turns start near the top: two titles alternating deep in a text are a reply's own sections.
  if (text.some((t) => !t) || heads[0]!.at > Math.max(5, lines.length * 0.4)) return undefined;
  const first = heads[0]!.name;
  const other = first === a ? b : a;
  for (const [asker, answerer] of [
    [first, other],
    [other, first],
  ] as const) {
    // A name the readers know says which side it is on; so does an offer of help in the first turn.
    if (STRUCTURE.test(asker) || KNOWN_MODEL.test(asker) || KNOWN_USER.test(answerer)) continue;
    if (asker === first && OFFER.test(text[0]!.slice(0, 300))) continue;
    // (A model's known name alone on its line, no markup, is the unlabelled-chat reader's cue: it reads
    // the person's turns there by what they say, which the labelled reader would not.)
    // (With the app's note beside it, `Model · o4-mini`, the name is no lone cue: the turns are read by their lines.)
    if (shape === '||||' && KNOWN_MODEL.test(answerer) && heads.every((h) => h.name !== answerer || !lines[h.at]!.slice(h.to).trim())) continue;
    const from = heads[0]!.name === asker ? 0 : 1;
    const turns = heads.slice(from);
    // (The answerer may speak twice before the asker: a tutor's panel heads its chat, then greets.)
    const openings = text.slice(
      0,
      Math.max(
        1,
        heads.findIndex((h) => h.name === asker),
      ),
    );
    if (!turns.length || (from && (heads.length < 3 || !opensOtherwise(lines, heads[0]!, found, openings)))) continue;
    const said = text.slice(from);
    const asked = said.filter((_, k) => turns[k]!.name === asker);
    // A tutor turns the roles round: it offers help, then answers most of the person's turns with a question back,
    // so the person's turns answer and run as long as its replies. Who offered help is who answers.
    const replies = said.filter((_, k) => turns[k]!.name === answerer);
    const tutoring = from === 1 && openings.some((o) => OFFER.test(o.slice(0, 300))) && replies.filter(endsAskingLearner).length * 2 >= replies.length;
    // The first turn asks the question; later ones may only follow up (`regenerate`, `thanks`).
    if (!tutoring && !asks(asked[0]!) && asked.filter(asks).length * 2 < asked.length) continue;
    let exchanges = 0;
    let longer = 0;
    let repeats = 0;
    for (let k = 1; k < turns.length; k++) {
      if (turns[k]!.name === turns[k - 1]!.name) repeats++;
      else if (turns[k]!.name === answerer) {
        exchanges++;
        if (said[k]!.length > said[k - 1]!.length) longer++;
      }
    }
    if (!exchanges || (!tutoring && longer * 2 < exchanges)) continue;
    if (turns.length >= 3) {
      if (repeats * 3 > turns.length - 1 || exchanges < 2 - (turns.length - exchanges - repeats > 1 ? 1 : 0)) continue;
    } else {
      if (shape === '||||') continue;
      // At the top: no more than a title's few short lines above the asker's.
      const above = lines.slice(0, turns[0]!.at).filter((l) => l.trim());
      if (above.length > 3 || above.some((l) => l.length > 160)) continue;
    }
    return { asker, answerer, shape, lines: heads };
  }
  return undefined;
}

/**
 * An assistant's offer of help before anyone asks (`Hello and welcome ...`, `How can I help you
 * today?`, `Here are some questions you might ask`, `I'm your study assistant`, `I'm Kai, your tutor`, `What are we working on today?`), as a document's chat
 * or a course's tutor opens its page. A bare `Hi` is no such offer, nor a person's own "how can I
 * help the network ...?": the person may open with either.
 */
const OFFER =
  /^(?:(?:hi|hello|hey)(?:\s+(?:and|there))?[\s,!.]*)?welcome\b|\bhow (?:can|may) I (?:help|assist) you\b|\bwhat can I (?:help you with|do for you)\b|\b(?:questions|things) you (?:might|could|can) ask\b|\bask me (?:anything|about)\b|\bI(?:'m| am) (?:[A-Z][\w-]*, )?your\b|\bwhat (?:are we|shall we|should we|would you like to|do you want to) (?:be )?(?:working on|work on|learn(?:ing)?|study(?:ing)?|practi[cs](?:e|ing))\b/i;

/**
 * Whether the answerer's first line may open the chat: it is the text's title (`Nova` over the
 * page), or the person's first turn above it is headed in the same markup by a name the readers
 * know (`**You** · attached` before `**Nova**`, then `**Kai**` for the next turns), or its first
 * turn offers help before any question.
 */
function opensOtherwise(lines: readonly string[], head: NameLine, found: readonly NameLine[], openings: readonly string[]): boolean {
  if (head.at === lines.findIndex((l) => l.trim())) return true;
  if (openings.some((o) => OFFER.test(o.slice(0, 300)))) return true;
  return found.some((n) => n.at < head.at && n.shape === head.shape && KNOWN_USER.test(n.name));
}

/** The text with a chat's name lines renamed `User` / `Assistant` (in their markup); unchanged when it is no such chat. */
export function speakerShapes(text: string): string {
  // (Cheap for most texts: a chat has at least two short lines.)
  const lines = text.split('\n');
  const s = speakersOf(lines);
  // (A pair of names among a stamped chat's three senders or more is no chat of two: the stamped reader reads them all.)
  if (!s || stampedGroupChat(text)) return text;
  // A title line at the top naming the model (`Nova`) is renamed with the turns, as a known name there would be.
  const first = lines.findIndex((l) => l.trim());
  const title = nameLine(lines[first] ?? '', first);
  const renamed = title && title.name === s.answerer && !s.lines.some((h) => h.at === first) ? [title, ...s.lines] : s.lines;
  for (const h of renamed) {
    const role = h.name === s.asker ? 'User' : 'Assistant';
    const l = lines[h.at]!;
    lines[h.at] = `${h.lead}${h.upper ? role.toUpperCase() : role}${l.slice(h.to)}`;
  }
  // The writer's fields over the chat naming who speaks in it are no turns.
  for (let i = 0; i < s.lines[0]!.at; i++) if (namesSender(lines[i]!, [s.asker, s.answerer])) lines[i] = '';
  return lines.join('\n');
}
