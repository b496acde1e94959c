/**
 * Disagreements with a peer suite whose label encodes that tool's policy rather than
 * mathematics, each with the argument. Matched on the pair; anything else prints our reason.
 */
const NOTES: { gold: RegExp; pred: RegExp; why: string }[] = [
  { gold: /no no no/, pred: /boxed\{1,2\}/, why: 'policy: Math-Verify rejects two boxed values separated by prose; both expected values are present, so we accept.' },
  {
    gold: /x \\\\in \[-2,7\]/,
    pred: /le x/,
    why: 'policy: the label comes from a setting that forbids comparing a set with a relation (the reverse pair in the same file is labelled equal); -2 ≤ x ≤ 7 is the interval [-2, 7].',
  },
  {
    gold: /^\$f\(x\)\$$/,
    pred: /f\(y\)/,
    why: 'policy: the file labels this pair both ways (strict and lenient settings); one default agrees with one label. We reject: y is not a symbol of the question.',
  },
  {
    gold: /^10, 4, -2$|^0\.1, 4, 2$/,
    pred: /./,
    why: 'policy: MATH compares a bare list in order; Math-Verify (a=4,-8,-10 vs -10,-8,4) compares it as a set. We read a bare list as a set; a key that needs order says type: tuple.',
  },
  {
    gold: /^13$/,
    pred: /distance between \(-2,4\) and \(3,-8\) is 13/,
    why: 'label: the distance from (-2, 4) to (3, -8) is √(5² + 12²) = 13, the official solution; the person marked the response Incorrect, mathematically it is right.',
  },
];

export function explainDisagreement(d: { gold: string; pred: string }): string | undefined {
  return NOTES.find((n) => n.gold.test(JSON.stringify(d.gold).slice(1, -1)) && n.pred.test(d.pred))?.why;
}
