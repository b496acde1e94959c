import type { Message } from '../model/submission.js';
import { readLineLabel } from './part-ids.js';

/**
 * A part's heading with its title at a reply's very end: `Q3 (b) — Depthwise Separable
 * Convolution`, `Question 4 (a–d) – Dropout`, `(c) — Transpose Convolution`. A dash before a title
 * (a capital, or a digit and a letter: `1D Filter Recovery`) that holds no formula and no sentence's
 * end; on a line of its own or run on after the reply's last words, as a PDF export prints it.
 */
const TRAILING_HEADING =
  /(?:^|\s)((?:(?:Q|Question|Problem|Exercise|Task)\s*\d{1,2}\s*(?:\(\s*[a-h](?:\s*[–—-]\s*[a-h])?\s*\)|[a-h](?:\s*[–—-]\s*[a-h])?)?|\(\s*[a-h]\s*\))\s*[—–]\s*(?:[A-Z]|\d[A-Za-z])[^$=?!\n]{2,80}?)\s*$/;

/**
 * A report that pastes each reply, then the heading of the prompt after it (`... = 108 Q3 (b) —
 * Depthwise Separable Convolution Parameters`, then the person's turn with that part's text): the
 * heading opens the next prompt, so it is moved there, where it names the part the prompt asks.
 * Only a heading in that form (a dash, then a title) at the end of a reply right before a person's
 * turn that opens with no label of its own; a reply whose last line names a part in a sentence
 * (`(b) follows from (a).`) keeps it.
 */
export function headingsToNextPrompt(messages: Message[]): Message[] {
  // Cheap test first: most replies end on no dash at all.
  if (!messages.some((m, i) => m.role === 'assistant' && messages[i + 1]?.role === 'user' && /[—–]/.test(m.text.slice(-120)))) return messages;
  const out = [...messages];
  for (let i = 0; i + 1 < out.length; i++) {
    const reply = out[i]!;
    const next = out[i + 1]!;
    if (reply.role !== 'assistant' || next.role !== 'user') continue;
    const m = TRAILING_HEADING.exec(reply.text.slice(-200).trimEnd());
    if (!m) continue;
    const heading = m[1]!.trim();
    if (/\.$/.test(heading) || !/[A-Za-z]{3}/.test(heading.replace(/^\S+/, ''))) continue;
    const rest = reply.text
      .trimEnd()
      .slice(0, reply.text.trimEnd().length - heading.length)
      .trimEnd();
    if (!rest.trim() || readLineLabel(firstLine(next.text))) continue;
    // The part the reply was asked, named again under its answer (`Q1 (b) — Answer: [2, -1, 3]`): the reply's own.
    const asked = out[i - 1]?.role === 'user' ? readLineLabel(firstLine(out[i - 1]!.text)) : undefined;
    const named = readLineLabel(heading);
    if (asked && named && asked.question === named.question && asked.part === named.part) continue;
    out[i] = { ...reply, text: rest };
    out[i + 1] = { ...next, text: `${heading}\n${next.text}` };
  }
  return out;
}

const firstLine = (text: string) => text.trimStart().split('\n')[0] ?? '';
