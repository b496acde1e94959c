import type { PartResponse } from '../model/submission.js';

/**
 * A recording's parts with the answers typed under its transcript as their final attempts. A
 * student who talks a problem set through and then types `My final answers:` commits to the typed
 * list, after whatever was said (and corrected) aloud: what was said stays as the earlier attempt.
 * Parts only the list names are answered by it; parts only said aloud keep what was said.
 */
export function withTypedFinals(said: PartResponse[], typed: PartResponse[], order: readonly string[]): PartResponse[] {
  const byId = new Map(said.map((r) => [r.partId, r]));
  for (const t of typed) {
    const s = byId.get(t.partId);
    byId.set(t.partId, s ? { ...s, final: t.final, attempts: [...s.attempts, t.final] } : t);
  }
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...byId.values()].sort((a, b) => rank(a.partId) - rank(b.partId));
}
