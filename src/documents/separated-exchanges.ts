import type { Message } from '../model/submission.js';
import { readLineLabel } from './part-ids.js';
import { RULE, isRuleLine } from './rule-line.js';
import { asksSomething } from './segment.js';
import { pushReply, pushUserTurn } from './transcripts.js';
import { verbatimLines } from './verbatim-lines.js';
import { type ParagraphRun, paragraphRuns } from './paragraph-runs.js';

/**
 * A chat copied with no speaker's name at all, only its exchanges set apart: a search engine's answer
 * page with follow-ups (each exchange under a rule), a person's own log of prompts and replies split by
 * `-----` lines. Each block between rules is one exchange: the person's request as a short paragraph,
 * then the model's reply, several paragraphs and far longer. Read as a write-up, a tally of the
 * person's (`(a) ✓ (b) ✓`) was read as an answer and the replies, carrying no labels, as nothing.
 *
 * The shape decides, not the words: at least three blocks are exchanges and they are most of the
 * blocks; a request is one paragraph, a line or a few, no heading and no part label opening it in most
 * blocks (a write-up's sections under rules open on their titles and labels). A block's short lines
 * before its request (the page's own: a mode's name, a tab row, a follow-up box's prompt) are notes, and
 * so is a block that is no exchange (the person's header above the first, their summary below the last).
 */

/** The fewest exchanges that make a pattern: two blocks of a question and its working are a write-up's. */
const MIN_EXCHANGES = 3;
/** The fewest words of a request that does not ask in so many words (`stride 2 now, same input, and the output size`): the page's own lines (a mode's name, a tab row) are shorter. */
const REQUEST_WORDS = 6;
/** A request is a paragraph of at most this many lines: a pasted problem runs longer, and its block is a write-up's section. */
const REQUEST_LINES = 3;
/** The replies together outrun the requests by this factor at least (one terse reply to a long request may not). */
const REPLY_FACTOR = 2;
/** The fewest paragraphs of a reply. */
const REPLY_PARAGRAPHS = 2;

/** A rule as Markdown also draws it, its symbols spaced (`* * *`, `- - -`), its symbol the regex's group `group`. */
const spacedRule = (group: number) => `([*_\\-=·•])(?:[ \\t]+\\${group}){2,}`;
/** A rule alone on its line between blank lines, anywhere in a text (RULE's symbol is group 1, the spaced rule's group 2). */
const RULE_ALONE = new RegExp(String.raw`\n[ \t]*\r?\n[ \t]*(?:${RULE}|${spacedRule(2)})[ \t]*\r?\n[ \t]*\r?\n`, 'gu');
/** A line that is a spaced rule and nothing else. */
const WHOLE_SPACED_RULE = new RegExp(String.raw`^[ \t]*${spacedRule(1)}[ \t]*$`, 'u');

interface Exchange {
  /** The block's paragraphs before the request (the page's lines). */
  before: ParagraphRun[];
  request: ParagraphRun;
  /** The reply's lines, from `replyFrom` to the block's end. */
  replyFrom: number;
  replyTo: number;
  /** The reply's characters, outside its blank lines. */
  size: number;
}

/** The exchange of a block (its paragraphs, up to line `to`): a request then a reply far longer, or undefined when the block is none. */
function exchangeOf(paras: readonly ParagraphRun[], to: number): Exchange | undefined {
  const at = paras.findIndex((p) => asksSomething(p.text) || p.text.split(/\s+/).length >= REQUEST_WORDS);
  if (at < 0) return undefined;
  const request = paras[at]!;
  const reply = paras.slice(at + 1);
  if (request.to - request.from + 1 > REQUEST_LINES || /^\s*#/.test(request.text)) return undefined;
  if (reply.length < REPLY_PARAGRAPHS) return undefined;
  const size = reply.reduce((n, p) => n + p.text.length, 0);
  if (size < request.text.length) return undefined;
  return { before: paras.slice(0, at), request, replyFrom: reply[0]!.from, replyTo: to, size };
}

/**
 * The lines that set exchanges apart: rules standing alone between blank lines (a rule right under
 * text underlines a heading, one right after it closes a directive's block: `:::`), of the symbol
 * such rules are drawn in most often (a page's one separator, repeated).
 */
function separators(lines: readonly string[], verbatim: readonly boolean[]): number[] {
  const alone = lines.flatMap((l, i) => (!verbatim[i] && (isRuleLine(l) || WHOLE_SPACED_RULE.test(l)) && !lines[i - 1]?.trim() && !lines[i + 1]?.trim() ? [i] : []));
  const bySymbol = new Map<string, number[]>();
  for (const i of alone) {
    const symbol = lines[i]!.trim()[0]!;
    bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), i]);
  }
  return [...bySymbol.values()].reduce<number[]>((best, at) => (at.length > best.length ? at : best), []);
}

/** The turns of a chat whose exchanges are set apart by rule lines and named by no one, or undefined when the text is not one. */
export function separatedExchangeTurns(text: string): Message[] | undefined {
  // (Cheap bail-out: an exchange per block takes a rule alone between blank lines, between each two.)
  if ((text.match(RULE_ALONE)?.length ?? 0) < MIN_EXCHANGES - 1) return undefined;
  const lines = text.split(/\r?\n/);
  const verbatim = verbatimLines(lines);
  const rules = separators(lines, verbatim);
  if (rules.length < MIN_EXCHANGES - 1) return undefined;
  const bounds = [-1, ...rules, lines.length];
  // Each block's paragraphs, read once: blocks with none (two rules in a row) are no block.
  const filled = bounds
    .slice(1)
    .map((end, k) => ({ paras: paragraphRuns(lines, bounds[k]! + 1, end), to: end }))
    .filter((b) => b.paras.length > 0);
  const exchanges = filled.map((b) => exchangeOf(b.paras, b.to));
  const found = exchanges.filter((e): e is Exchange => e !== undefined);
  if (found.length < MIN_EXCHANGES || found.length * 3 < filled.length * 2 - 2) return undefined;
  const sum = (n: (e: Exchange) => number) => found.reduce((t, e) => t + n(e), 0);
  if (sum((e) => e.size) < REPLY_FACTOR * sum((e) => e.request.text.length)) return undefined;
  // A write-up's sections open on their labels (`(a) What is c?`): a person's requests mostly do not.
  // (So do the short lines over them, `Q3` then `(c) no padding`: a page's own lines name no part.)
  const labelled = found.filter((e) => [...e.before, e.request].some((p) => readLineLabel(p.text.split('\n')[0]!))).length;
  if (labelled * 2 >= found.length) return undefined;
  const messages: Message[] = [];
  filled.forEach((b, k) => {
    const e = exchanges[k];
    if (!e) {
      for (const p of b.paras) messages.push({ role: 'note', text: p.text, line: p.from + 1 });
      return;
    }
    for (const p of e.before) messages.push({ role: 'note', text: p.text, line: p.from + 1 });
    pushUserTurn(e.request.text, e.request.from + 1, messages);
    pushReply(lines.slice(e.replyFrom, e.replyTo).join('\n'), e.replyFrom + 1, messages);
  });
  return messages;
}
