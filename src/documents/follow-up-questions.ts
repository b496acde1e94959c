import type { Message, PartResponse } from '../model/submission.js';

/**
 * Each later attempt of a part with the person's message it replies to (the last before its
 * reply): a follow-up such as "the question asks for the growth of the standard deviation, is
 * O(n^2) right?" tells which piece of a several-piece answer the reply corrects.
 */
export function withFollowUpQuestions(responses: PartResponse[], messages: readonly Message[]): PartResponse[] {
  // Most parts are answered once: those are left as they are, with no search of the messages.
  if (!responses.some((r) => r.attempts.length > 1)) return responses;
  return responses.map((r) => {
    if (r.attempts.length < 2) return r;
    const attempts = r.attempts.map((a, i) => {
      if (i === 0 || a.turn === undefined || messages[a.turn]?.role !== 'assistant') return a;
      for (let j = a.turn - 1; j >= 0; j--) {
        const m = messages[j]!;
        if (m.role === 'assistant') break;
        if (m.role === 'user') return { ...a, asked: m.text };
      }
      return a;
    });
    const final = attempts[attempts.length - 1]!;
    const first = attempts[r.attempts.indexOf(r.first)] ?? r.first;
    return { ...r, attempts, first, final: r.final === r.attempts[r.attempts.length - 1] ? final : r.final };
  });
}
