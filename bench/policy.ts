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

  // mathq false rejects and undecided cases: each a label, a corpus or a reading the checker declines on purpose.
  { gold: /^-sqrt\(e\*\*3 \+1\), sqrt/, pred: /x=sqrt\(e\*\*3\+1\)/, why: 'label: the response gives one of the two roots; accepting it would be a false accept (missing a solution).' },
  { gold: /^2\*\(x\*\*2 - 3\*x\+1\)/, pred: /\(2\*x\*\*2-1\)/, why: 'label: the two differ (at x = 0: 2/9 against -1/9); the person marked a wrong derivative right.' },
  {
    gold: /^Converges$/,
    pred: /converges because/,
    why: 'reading: a one-word key is not read as a choice: the word is named in wrong answers too ("Not an image", "The series diverges" in this corpus).',
  },
  {
    gold: /^\(2\*x \+ 2\*y \+ 2\*z\)/,
    pred: /^dw = /,
    why: 'notation: the response gives the differential dw = (2x dx + ...)/(...), the key the gradient; another object, which a person may accept.',
  },
  { gold: /^5-Feb$/, pred: /converges to 2\/5/, why: "corpus: a spreadsheet turned the official solution '2/5' into the date 5-Feb." },
  { gold: /^x=-6t, y=3t, z=5t$/, pred: /x = 0 \+ t\(-6\) y = /, why: 'reading: three equations with nothing between them read as one chain; the response does not separate its answers.' },
  { gold: /^df\/dx = /, pred: /^f'x\(x,y,z\)/, why: "notation: f'x(x,y,z) for the partial derivative ∂f/∂x is not read (f' is a derivative of a function of one variable)." },
  { gold: /^y\(x\) = C \* exp/, pred: /dy\/dx\+2xy=0/, why: 'reading: the arbitrary constant is c where the key has C; arbitrary constants are not renamed (C and c may be different quantities).' },
  { gold: /^y\(x\) = c_1 \* e \^\{-ix\}/, pred: /c_1e\^\{3t\}/, why: 'label: the response uses t where the key has x, and e^{-it} for e^{-ix}; the person accepted it.' },
  { gold: /^y\(x\) = c_0 e\^x/, pred: /^y = c1e\^x$/, why: 'reading: c1 is read as c times 1, an undefined c; arbitrary constants are not renamed.' },
  { gold: /^y\(x\)=c_1e\^\(/, pred: /c1e3t/, why: 'reading: plain-text exponents (e3t, e−3t) cannot be told from products; and t is not the key variable x.' },
  { gold: /^0\.2$/, pred: /0\.2 : 0\.8/, why: 'reading: the response states many probabilities (0.5, 0.7, 0.2, 0.8) and marks none as its answer.' },
  { gold: /^R =1\/2\[/, pred: /The matrix R is/, why: "key: the official solution is prose with '45◦' (a bullet for a degree sign); nothing to compare against." },
  { gold: /^The projection of b/, pred: /b proj a/, why: 'key: the official solution is a sentence of prose, not a value.' },
  { gold: /^µ = 20, S\^2 = 0$/, pred: /sample mean is 20/, why: "reading: values named in words ('the sample mean is 20') against values named by symbols (µ, S²) are not matched." },
  { gold: /^72$/, pred: /for i in range\(113\)/, why: 'the response is a program, not an answer.' },
  { gold: /^74$/, pred: /= 73\.5/, why: 'label: the response says 73.5, the key 74; the person accepted it.' },
  { gold: /^∃x∃y∃z/, pred: /sum of three perfect squares/, why: 'key: a logic formula with ∃ and elided products; nothing to compare against.' },
  { gold: /^3$/, pred: /4\^\(3\/2\) is 9/, why: 'label: 3^(1/2)·3^(1/2) + 12/3·2 − 4^(3/2) = 3 + 8 − 8 = 3; the response says 9 and the person marked it right.' },
];

export function explainDisagreement(d: { gold: string; pred: string }): string | undefined {
  return NOTES.find((n) => n.gold.test(JSON.stringify(d.gold).slice(1, -1)) && n.pred.test(d.pred))?.why;
}
