/**
 * Exports that print each prompt's heading above the person's box (`Q3 (a) — Parameter Count`)
 * leave it, once read as text, at the end of the reply before: on a line of its own, or run on
 * into the reply's last line (`... = 108 Q3 (b) — Depthwise Separable Convolution Parameters`).
 * The heading names the question the next prompt asks, not one the reply answers.
 */
import type { Message } from '../model/submission.js';

/** `Q3 (b) — Depthwise Separable Convolution Parameters` at a reply's end: a question's number, a part, a dash, a title. */
const TRAILING_HEADING = /(?:^|\s)((?:Q|Question|Problem)\s*\d{1,2}\s*\(\s*[a-h](?:\s*[–-]\s*[a-h])?\s*\)\s*[—–]\s*[A-Z][^\n$\\]{2,80}?)\s*$/;

/** The messages with each such heading moved from the end of a reply to the start of the prompt after it. */
export function headingsToPrompts(messages: readonly Message[]): Message[] {
  const out = messages.map((m) => ({ ...m }));
  for (let i = 0; i + 1 < out.length; i++) {
    const reply = out[i]!;
    const prompt = out[i + 1]!;
    if (reply.role !== 'assistant' || prompt.role !== 'user') continue;
    const m = TRAILING_HEADING.exec(reply.text.trimEnd());
    if (!m) continue;
    reply.text = reply.text.trimEnd().slice(0, m.index).trimEnd();
    prompt.text = `${m[1]!}\n\n${prompt.text}`;
  }
  return out;
}
