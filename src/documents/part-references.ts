/**
 * Answers that refer to another part instead of stating their own: one that names it beside a
 * change (`Same formula as (a) with P = 0`: a TA substitutes into that part's answer) and one that
 * is nothing but the reference (`same as (c)`, `see the matrix in (i)`: that part's answer is this one's).
 */

// The value is referred to (`same formula as (a)`), not the method (`the same reasoning as in part (d) applies, but ...`).
const REFERENCE =
  /\b(?:same|identical)\s+(?:(?:formula|answer|result|expression|shape|value|form|output)\s+)?as\s+(?:in\s+)?(?:part\s+)?\(?([a-h])\)|\b(?:as|like)\s+in\s+(?:part\s+)?\(([a-h])\)\s*(?:with|but|except)\b|\bsee\s+(?:part\s+)?\(([a-h])\)\s*[.,;]?\s*$/im;

/** The other part's letter an answer says it is the same as (`Same formula as (a) with ...`), if it opens or ends with one. */
export function referredPart(text: string, ownLetter: string | undefined): string | undefined {
  const t = text.trim();
  const m = REFERENCE.exec(t.slice(0, 160)) ?? REFERENCE.exec(t.slice(-160));
  const letter = m && (m[1] ?? m[2] ?? m[3])!.toLowerCase();
  return letter && letter !== ownLetter ? letter : undefined;
}

/**
 * A reference to another part's answer, the whole of what an attempt says: `see the matrix in (i)`,
 * `same as (c)`, `as in 3(b)`. Its question number, when it gives one, and its letter or numeral.
 */
export const PART_REFERENCE =
  /^(?:(?:see|same\s+as|as\s+in|as\s+for)\s+(?:the\s+(?:matrix|table|answer|result|output)\s+(?:in|of|from|for)\s+)?|(?:see\s+)?the\s+(?:matrix|table|answer|result|output)\s+(?:in|of|from|for)\s+)(?:part\s+)?(?:(\d+)\s*)?\(?([a-h]|[ivx]{1,4})\)?(?:\s+above)?$/i;

/** The id of the part a reference from part `from` names (`(i)` from `3.d.ii` is `3.d.i`; `(c)` from `3.d.ii` is `3.c`). */
export function partNamed(from: string, question: string | undefined, mark: string): string {
  const segs = from.split('.');
  const m = mark.toLowerCase();
  if (/^[ivx]+$/.test(m) && segs.length >= 3 && !question) return [...segs.slice(0, -1), m].join('.');
  return `${question ?? segs[0]}.${m}`;
}
