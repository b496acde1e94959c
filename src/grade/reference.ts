/**
 * An answer given by reference to another part ("(b) Same formula as (a) with P = 0, and the depth
 * stays C"): a TA substitutes into that part's answer; the checker sees only the substitution
 * (`P = 0`). Such an answer that does not check is sent to a person, never called wrong.
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
