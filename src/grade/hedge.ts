/**
 * Words that offer answers as alternatives the writer does not choose between: "it depends on
 * the convention", "either ... or", "but if your notes ...". A TA gives a hedge no credit, even
 * when one branch is right (the course's key for GPT-5's "safe answer ... but if your instructor
 * ..." on Xavier's constant says so). What a quantity depends on ("$L$ depends on all $y_j$",
 * "each $y_j$ depends on $\beta$") is mathematics, not a hedge.
 */
const HEDGE = /\b(?:(?:depends|depending) on(?!\s+(?:all|each|every|only|both|\$|\\\(|[A-Za-z](?:_|\b)))|it depends|either|alternatively|but if|if instead|or,? if|or else)\b/i;

/** A word that opens another branch between two statements: "if", "or", "otherwise". */
const BRANCH = /\b(?:if|or|otherwise|alternatively|whereas)\b/i;

/**
 * Whether the statements at offsets `a` and `b` of a response are alternatives it leaves open: a
 * hedge shortly before the earlier one or between them, and a new branch between them. Working
 * that reaches one answer ("if we regroup, the cost is ...") names no hedge and is not one.
 */
export function hedgesBetween(text: string, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const between = text.slice(lo, hi);
  return BRANCH.test(between) && HEDGE.test(text.slice(Math.max(0, lo - 300), hi));
}
