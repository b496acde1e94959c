import type { Message, PartResponse } from '../model/submission.js';
import { readLineLabel } from './part-ids.js';
import type { QuestionOutline } from './segment.js';
import { endsAskingLearner } from './tutor-questions.js';

/**
 * A person who copies a chat often labels each exchange only after it: a note under the exchange
 * names the part it was and points back at the answer (`>> 3(a): answer above`, `^ that was 2(c)`,
 * `↑ Q3b`, `(Q4c ✓)`), or writes the answer out again (`>> 7(b) final (mine): E[dw] = 0, ...`). The
 * turns themselves name no part, so nothing else says which part the exchange answers. A closing
 * label heads the exchange above it (the turns since the last closing label), and its own answer,
 * when it states one, is the part's answer.
 *
 * In a tutor's chat (the replies ask the person back and praise them, the person types every
 * result), no reply states the answer: the person's last result in the exchange is the answer.
 *
 * A note naming a part that neither points back, nor judges, nor states a result (`>> 3(a) still to
 * do`) labels nothing; nor does one under an exchange that a label already names.
 */

/** What a note that closes an exchange says. */
export interface ClosingLabel {
  question: string;
  part: string;
  subpart?: string;
  /** The answer the note states itself, when it states one (`E[dw] = 0, Var(dw) = n^2 ...`). */
  answer?: string;
  /** Whether it points up in so many signs or words (`^`, `↑`, `that was`), which a reply's own label never does. */
  pointed: boolean;
}

/** A pointer up before the label: `^`, `↑`, `👆`, `that was`, `the above is`. */
const POINTER_BEFORE = /^(?:(?:\^+|[↑⬆☝👆]\uFE0F?)[ \t]*)?(?:(?:that|this|the above|above)[ \t]+(?:was|is|=|answers|answered|is for|was for)[ \t]+(?:(?:for|to)[ \t]+)?(?:part[ \t]+)?)?/iu;
/** Where a turn may hold a pointing label: a sign pointing up, or `that was` / `above is`, at a line's start. */
const POINTING = /^[ \t]*(?:[*_([]+[ \t]*)?(?:\^|[↑⬆☝👆]|(?:that|this|the above|above)[ \t]+(?:was|is)\b)/imu;
/** Words after the label that point back at the exchange: `answer above`, `see previous`, `final (mine):`. */
const POINTS_BACK = /\b(?:above|previous(?:ly)?|preceding|earlier|before this)\b|^(?:final|mine)\b|\((?:mine|my own)\)|[↑⬆☝👆^]/iu;
/** A judgement only: `✓`, `✗ wrong`, `correct`. */
const VERDICT_ONLY =
  /^(?:(?:[✓✔✗✘❌✅☑]\uFE0F?)+|correct|right|wrong|incorrect|ok|done|partial(?:ly)?(?: right| correct)?)(?:[ \t,.!]+(?:(?:[✓✔✗✘❌✅☑]\uFE0F?)+|correct|right|wrong|incorrect))*[ \t.!]*$/iu;
/** Words that lead into a stated answer: `final (mine):`, `my final answer is`, `answer:`. */
const ANSWER_LEAD = /^(?:(?:my[ \t]+)?(?:final(?:[ \t]+answer)?|answer|result)(?:[ \t]*\((?:mine|my own)\))?(?:[ \t]+(?:is|was))?[ \t]*[:=—–-]?[ \t]*)/i;
/** A result written out: an equation, an order, or LaTeX. */
const STATES_RESULT = /=|\bO\(|\\[a-z]+/;

/** The part a note names as the one it closes, and the answer it states; undefined when it closes nothing. */
export function closingLabel(note: string): ClosingLabel | undefined {
  const first = note.trim().split('\n')[0]!;
  if (first.length > 300) return undefined;
  // The note's marks (`>>`, emphasis, a bracket round the whole) are not its words.
  let t = first
    .replace(/^(?:>[ \t]*)+/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
  if (/^[([].*[)\]]\.?$/.test(t)) t = t.replace(/^[([]|[)\]]\.?$/g, '').trim();
  const pointer = POINTER_BEFORE.exec(t)![0];
  const rest = t.slice(pointer.length);
  const label = readLineLabel(rest);
  if (!label?.question || !label.part) return undefined;
  const after = rest
    .slice(label.length)
    .replace(/^[ \t]*[:.)\]—–-]*[ \t]*/, '')
    .trim();
  const said = after.replace(ANSWER_LEAD, '').trim();
  const pointed = !!pointer.trim() || /^[↑⬆☝👆^]/u.test(after);
  const pointsBack = pointed || POINTS_BACK.test(after);
  const answer = !/\babove\b|\bprevious/i.test(said) && STATES_RESULT.test(said) && !said.includes('?') ? said.replace(/[ \t.]+$/, '') : undefined;
  if (!pointsBack && !answer && !VERDICT_ONLY.test(after)) return undefined;
  return { question: label.question, part: label.part, ...(label.subpart ? { subpart: label.subpart } : {}), ...(answer ? { answer } : {}), pointed };
}

/** The key's id for a label, when the outline has that part. */
function partId(label: ClosingLabel, outline: readonly QuestionOutline[]): string | undefined {
  const parts = outline.find((o) => o.number === label.question)?.parts ?? [];
  const id = [label.question, label.part, label.subpart].filter(Boolean).join('.');
  return parts.includes(id) ? id : undefined;
}

/** Praise that opens a tutor's reply to a step the person got right. */
const PRAISE = /^(?:great|exactly|nice|right|correct|yes|perfect|excellent|beautiful|awesome|well done|good (?:job|work|thinking)|that'?s (?:it|right|correct)|you'?ve got)\b/i;

/**
 * A tutor's chat: at least three replies, none of them long, most asking the person back or
 * praising their step; the answers there are the person's.
 */
export function isTutoring(messages: readonly Message[]): boolean {
  const replies = messages.filter((m) => m.role === 'assistant').map((m) => m.text.trim());
  if (replies.length < 3 || replies.some((r) => r.length > 600)) return false;
  return replies.filter((r) => endsAskingLearner(r) || PRAISE.test(r)).length * 3 >= replies.length * 2;
}

/** A person's turn that asks rather than states (`what is y2 and what property is it`, `derive dw ...`). */
const ASKS = /\?|^(?:(?:now|next|ok(?:ay)?|so|and)\b[\s,:]*)*(?:what|how|why|which|derive|find|compute|show|explain|need|help)\b|\b(?:what|how) (?:is|are|does|do)\b/i;

/** The person's last turn in `turns` that states a result (an equation or a formula), not a question. */
function lastResult(turns: readonly Message[]): Message | undefined {
  return turns.findLast((m) => m.role === 'user' && STATES_RESULT.test(m.text) && !ASKS.test(m.text));
}

/**
 * The messages with a pointing label the person wrote inside a turn set apart as a note: the last
 * paragraph of a reply they annotated (`↑ Q3b`), or the opening of their next turn (`^ that was 2(c).
 * now (d): ...`). Only a label that points up in signs or words: a reply's own `Answer for 3(b) above:` is its text.
 */
function pointingLabelsApart(messages: readonly Message[]): Message[] {
  const out: Message[] = [];
  for (const m of messages) {
    const line = m.line !== undefined ? { line: m.line } : {};
    if (m.role === 'assistant') {
      const paras = m.text.split(/\n[ \t]*\n/);
      const last = paras[paras.length - 1]!;
      if (paras.length > 1 && closingLabel(last)?.pointed) {
        out.push({ ...m, text: paras.slice(0, -1).join('\n\n').trimEnd() }, { role: 'note', text: last.trim(), ...line });
        continue;
      }
    } else if (m.role === 'user') {
      // (The label's sentence: to the line's end, or to the first full stop after it.)
      const opening = /^[^\n]*?(?:\.(?=\s)|\n|$)/.exec(m.text.trimStart())![0];
      if (closingLabel(opening)?.pointed) {
        const rest = m.text.trimStart().slice(opening.length).trim();
        out.push({ role: 'note', text: opening.trim(), ...line }, ...(rest ? [{ ...m, text: rest }] : []));
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

/** A closing note cut out of a reply stands before the reply's text: it belongs after it, where the person wrote it. */
function notesAfterTheirReplies(messages: readonly Message[], closes: (m: Message) => boolean): Message[] {
  const out = [...messages];
  for (let i = 0; i + 1 < out.length; i++) {
    const m = out[i]!;
    const next = out[i + 1]!;
    if (m.role === 'note' && next.role === 'assistant' && m.line !== undefined && m.line === next.line && closes(m)) {
      out[i] = next;
      out[i + 1] = m;
      i++;
    }
  }
  return out;
}

/**
 * A chat's messages with each exchange a closing label names headed by that part (a `Question 3(a)`
 * note above it, which the segmenter reads as the part its turns are about), and the responses the
 * labels give by themselves: a note's own answer, or the person's last result in a tutor's chat.
 * The messages as they are, and no responses, when no note closes an exchange.
 */
export function exchangesLabelledAfter(messages: readonly Message[], outline: readonly QuestionOutline[]): { messages: Message[]; responses: PartResponse[] } {
  // (Cheap: most chats have no note naming a part, and no sign or words pointing up.)
  const pointing = messages.some((m) => m.role !== 'note' && POINTING.test(m.text));
  if (!pointing && !messages.some((m) => m.role === 'note' && /\d/.test(m.text))) return { messages: [...messages], responses: [] };
  const read = pointing ? pointingLabelsApart(messages) : messages;
  const labelOf = new Map<Message, ClosingLabel>();
  for (const m of read) {
    const label = m.role === 'note' ? closingLabel(m.text) : undefined;
    if (label && partId(label, outline)) labelOf.set(m, label);
  }
  if (!labelOf.size) return { messages: [...messages], responses: [] };
  const ordered = notesAfterTheirReplies(read, (m) => labelOf.has(m));
  const tutoring = isTutoring(ordered);
  const out: Message[] = [];
  const responses: PartResponse[] = [];
  let start = 0;
  for (let i = 0; i < ordered.length; i++) {
    const note = ordered[i]!;
    const label = labelOf.get(note);
    if (!label) continue;
    const exchange = ordered.slice(start, i);
    const firstAsk = exchange.findIndex((m) => m.role === 'user');
    const replied = exchange.some((m) => m.role === 'assistant');
    // An exchange a person's turn labels already is that part's; its closing note is a remark on it.
    const labelled = exchange.some((m) => (m.role === 'user' || m.role === 'note') && m !== note && m.text.split('\n').some((l) => readLineLabel(l)?.part));
    if (firstAsk < 0 || !replied || labelled) continue;
    const id = partId(label, outline)!;
    const heading: Message = {
      role: 'note',
      text: `Question ${label.question}(${label.part})${label.subpart ? `(${label.subpart})` : ''}`,
      ...(exchange[firstAsk]!.line !== undefined ? { line: exchange[firstAsk]!.line } : {}),
    };
    out.push(...exchange.slice(0, firstAsk), heading);
    out.push(...exchange.slice(firstAsk), note);
    start = i + 1;
    const result = label.answer ? undefined : tutoring ? lastResult(exchange.slice(firstAsk + 1)) : undefined;
    const text = label.answer ?? result?.text;
    if (!text) continue;
    const from = label.answer ? note : result!;
    const attempt = { text, turn: out.lastIndexOf(from), ...(from.line !== undefined ? { line: from.line } : {}) };
    responses.push({ partId: id, label: heading.text.replace(/^Question /, ''), first: attempt, final: attempt, attempts: [attempt], alignedBy: 'number' });
  }
  out.push(...ordered.slice(start));
  return { messages: out, responses };
}

/** The segmenter's responses with those the closing labels give in their parts' place. */
export function withClosingAnswers(segmented: readonly PartResponse[], given: readonly PartResponse[]): PartResponse[] {
  if (!given.length) return [...segmented];
  const byId = new Map(given.map((r) => [r.partId, r]));
  const out = segmented.map((r) => byId.get(r.partId) ?? r);
  for (const r of given) if (!segmented.some((s) => s.partId === r.partId)) out.push(r);
  return out;
}
