import type { Message } from '../model/submission.js';
import { asksSomething } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';

/**
 * A chat whose turns a person or an exporter headed with labels of their own choosing, whatever the words
 * (`PROMPT 1` / `RESPONSE 1`, `Input #2` / `Output #2`, `──── Kevin ────` / `──── Tutor ────`): read by their shape and
 * their alternation, not by a list of role names. Two labels, each a word or two alone on its line
 * (perhaps numbered, bold or a heading), take turns strictly, first one then the other, at least
 * twice each; numbered, they count up in step. The first label's turns are the person's, and they
 * must ask (a question mark, a request's verb) and run shorter than the replies: a write-up's
 * alternating `Setup` / `Check` sections answer, they ask nothing. Words that name a question (`Problem 1` / `Answer`)
 * are the write-up reader's numbering, not a speaker.
 */

/**
 * A label alone on its line: one or two words, a number perhaps (`PROMPT 1`, `Input #2`, `**Reply 3:**`,
 * `### Ask`), or drawn into a rule (`──── Kevin ────`, `=== Reply 2 ===`).
 */
const LABEL_LINE =
  /^[ \t]*(?:#{1,6}[ \t]*|[─━═=~\-·•*]{2,}[ \t]*)?(?:\*\*|__)?([A-Za-z][a-z]*|[A-Z]+)(?:[ \t]+([A-Za-z][a-z]*|[A-Z]+))?(?:[ \t]*#?(\d{1,3}))?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]*(?:[─━═=~\-·•*]{2,}[ \t]*)?$/;
/**
 * A name framed by one symbol run on both sides, as a person draws it over each bubble of a page that
 * names none (`=== me ===`, `--- SmolLM3 ---`, `*** Tutor-7 ***`): the frame says it is a label, so the
 * name may be any word an app or a model is called, digits and capitals inside it.
 */
const FRAMED_LABEL = /^[ \t]*([^\p{L}\p{N}\s])\1{1,}[ \t]*(\p{L}[\p{L}\p{N}._'’-]*(?:[ \t]\p{L}[\p{L}\p{N}._'’-]*)?)[ \t]*\1{2,}[ \t]*$/u;
/** Words that number a question or part: the write-up reader's headings, never a speaker. */
const QUESTION_WORD = /^(?:question|problem|exercise|task|part|q|solution|answer|section|step|case|example|proof|lemma|theorem|figure|table|appendix)$/i;

interface Label {
  at: number;
  name: string;
  number?: number;
}

/** The labels a text's lines are, by their words (lower-cased) and number. */
function labelsOf(lines: readonly string[]): Label[] {
  const out: Label[] = [];
  lines.forEach((l, at) => {
    const framed = FRAMED_LABEL.exec(l);
    if (framed) {
      out.push({ at, name: framed[2]!.toLowerCase() });
      return;
    }
    const m = LABEL_LINE.exec(l);
    if (!m) return;
    // Prose's short lines (`So`, `Thus:`) are lower-case or a single capitalised word with a colon; a label is either.
    const name = [m[1], m[2]].filter(Boolean).join(' ');
    out.push({ at, name: name.toLowerCase(), ...(m[3] ? { number: Number(m[3]) } : {}) });
  });
  return out;
}

/** Each two labels that alternate through the text, the person's first, in the order their first label comes. */
function* alternating(labels: readonly Label[]): Generator<[string, string]> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
  const often = [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
  for (const first of often) {
    for (const second of often) {
      if (first === second || QUESTION_WORD.test(first.split(' ')[0]!) || QUESTION_WORD.test(second.split(' ')[0]!)) continue;
      const seq = labels.filter((l) => l.name === first || l.name === second);
      if (seq[0]!.name !== first) continue;
      if (!seq.every((l, i) => l.name === (i % 2 ? second : first))) continue;
      // Numbered, the pairs count up in step: `PROMPT 2` answers to `RESPONSE 2`.
      const numbered = seq.filter((l) => l.number !== undefined);
      if (numbered.length && (numbered.length !== seq.length || !seq.every((l, i) => i % 2 === 0 || l.number === seq[i - 1]!.number))) continue;
      yield [first, second];
    }
  }
}

/** The turns of a chat headed by two alternating labels of the person's own, or undefined when the text is not one. */
export function alternatingRoleTurns(text: string): Message[] | undefined {
  const lines = text.split(/\r?\n/);
  const labels = labelsOf(lines);
  // (A page may head each exchange with more labels than its two speakers' — a hosting site's `Prediction` over
  // each `Input` / `Output` — and those alternate too: the speakers' pair is the one whose turns read as prompts and replies.)
  for (const pair of alternating(labels)) {
    const turns = turnsOf(lines, labels, pair);
    if (turns) return turns;
  }
  return undefined;
}

/** The turns two alternating labels head, or undefined when theirs are no prompts and replies. */
function turnsOf(lines: readonly string[], labels: readonly Label[], pair: [string, string]): Message[] | undefined {
  const heads = labels.filter((l) => l.name === pair[0] || l.name === pair[1]);
  const bodies = heads.map((h, k) => ({
    role: h.name === pair[0] ? ('user' as const) : ('assistant' as const),
    line: h.at + 1,
    body: lines.slice(h.at + 1, heads[k + 1]?.at ?? lines.length).join('\n'),
  }));
  const asked = bodies.filter((b) => b.role === 'user');
  if (asked.filter((b) => asksSomething(b.body)).length * 2 < asked.length) return undefined;
  // A model's replies outrun the person's prompts; a write-up's sections need not.
  const size = (role: Message['role']) => bodies.filter((b) => b.role === role).reduce((n, b) => n + b.body.trim().length, 0);
  if (size('assistant') <= size('user')) return undefined;
  const messages: Message[] = [];
  for (const b of bodies) {
    if (b.role === 'user') pushUserTurn(b.body, b.line, messages);
    else pushReply(b.body, b.line, messages);
  }
  return messages;
}
