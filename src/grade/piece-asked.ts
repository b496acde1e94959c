/**
 * The pieces of a several-piece answer (a part's named answers: mean / variance / growth, weights /
 * biases / output shape) a person's follow-up asks about, by their names: "the question asks for the
 * growth of the standard deviation, not the variance" asks about the growth alone. A reply to it is
 * an attempt at those pieces only; the others stay as the earlier reply gave them.
 */

import type { AnswerSpec } from '../model/answer-spec.js';
import { foundIn } from '../check/find-answer.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as a message writes it: `output_shape` as "output shape", singular or plural ("bias", "biases"). */
function namePattern(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  const singular = words.replace(/(?<=[a-z]{3})(?:es|s)$/i, '');
  return `${escape(singular).replace(/ /g, '[\\s_-]+')}(?:e?s)?`;
}

/**
 * A name set aside ("not the variance", "rather than the biases", "instead of its mean") or used as a
 * verb ("what do you mean", "I mean"): no piece asked about.
 */
const SET_ASIDE = /(?:\bnot|n't|\brather than|\binstead of|\bother than|\bthan)\s+(?:(?:for|about|of|in)\s+)?(?:the|its|their|your|that)?\s*$/i;
const AS_VERB = /\b(?:i|you|we|they|it|does|do|did|to|which|that|would|could)\s+$/i;

/**
 * The one name among `names` a follow-up asks about; undefined when it names none, or two or more
 * ("why F biases and not one per weight?" may be answered about either).
 */
export function pieceAsked(asked: string, names: readonly string[]): string | undefined {
  if (names.length < 2) return undefined;
  const patterns = names.map((n) => new RegExp(`(?<![A-Za-z0-9])${namePattern(n)}(?![A-Za-z0-9])`, 'gi'));
  // A cheap test first: most follow-ups name no piece at all.
  if (!patterns.some((p) => asked.search(p) >= 0)) return undefined;
  const out = new Set<string>();
  names.forEach((n, i) => {
    for (const m of asked.matchAll(patterns[i]!)) {
      const before = asked.slice(Math.max(0, m.index - 40), m.index);
      if (!SET_ASIDE.test(before) && !AS_VERB.test(before)) out.add(n);
    }
  });
  return out.size === 1 ? [...out][0] : undefined;
}

/**
 * Whether a reply to such a follow-up gives the piece a value of its kind: one of a choice's options
 * (right or wrong) by name, else a formula or value of its own (more than the reply's whole text,
 * which the finder always offers). "Yes, it is right as written" gives none: the earlier value stands.
 */
export function answersPiece(spec: AnswerSpec, reply: string): boolean {
  if (spec.type === 'choice') {
    const lower = reply.toLowerCase();
    return [...(spec.options ?? []), ...(spec.wrong ?? [])].some((o) => lower.includes(o.toLowerCase()));
  }
  const whole = reply.trim();
  return foundIn(reply).some((c) => c.text.trim() !== whole);
}
