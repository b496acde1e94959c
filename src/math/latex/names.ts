/** Vocabulary of the reader: Greek letters, functions, relation and decoration commands. */

export const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'rho',
  'varrho',
  'sigma',
  'varsigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Upsilon',
  'Phi',
  'Psi',
  'Omega',
  'ell',
  'nabla',
  'partial',
]);

/** Variant spellings that name the same symbol. */
export const GREEK_ALIASES: Record<string, string> = {
  varepsilon: 'epsilon',
  vartheta: 'theta',
  varrho: 'rho',
  varsigma: 'sigma',
  varphi: 'phi',
};

/** Functions the evaluator knows, by the names they are written with (command or plain word). */
export const KNOWN_FUNCTIONS: Record<string, string> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  sec: 'sec',
  csc: 'csc',
  cot: 'cot',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  asin: 'asin',
  acos: 'acos',
  atan: 'atan',
  sinh: 'sinh',
  cosh: 'cosh',
  tanh: 'tanh',
  sech: 'sech',
  csch: 'csch',
  coth: 'coth',
  log: 'log',
  ln: 'ln',
  lg: 'log10',
  exp: 'exp',
  sqrt: 'sqrt',
  max: 'max',
  min: 'min',
  abs: 'abs',
  floor: 'floor',
  ceil: 'ceil',
  det: 'det',
  sgn: 'sign',
  sign: 'sign',
};

/** Letters that, followed at once by `(`, apply a function rather than multiply. */
export const FUNCTION_LETTERS = new Set(['f', 'g', 'sigma', 'phi', 'psi', 'O', 'Theta', 'Omega']);

/** Relation commands and their operator. */
export const RELATION_COMMANDS: Record<string, string> = {
  le: '<=',
  leq: '<=',
  leqslant: '<=',
  leqq: '<=',
  ge: '>=',
  geq: '>=',
  geqslant: '>=',
  geqq: '>=',
  lt: '<',
  gt: '>',
  gg: '>',
  ll: '<',
  ne: '!=',
  neq: '!=',
  approx: '~',
  simeq: '~',
  sim: '~',
  cong: '=',
  equiv: '=',
  in: 'in',
  leftarrow: 'assign',
  gets: 'assign',
  coloneqq: 'assign',
  Leftarrow: 'assign',
  to: 'implies',
  rightarrow: 'implies',
  Rightarrow: 'implies',
  implies: 'implies',
  longrightarrow: 'implies',
  iff: 'implies',
  Longrightarrow: 'implies',
  mapsto: 'implies',
};

/** Commands that decorate a symbol; the decorated symbol gets its own name (`\hat{y}` is `y_hat`). */
export const DECORATIONS: Record<string, string> = {
  hat: 'hat',
  widehat: 'hat',
  bar: 'bar',
  overline: 'bar',
  tilde: 'tilde',
  widetilde: 'tilde',
  dot: 'dot',
  ddot: 'ddot',
};

/** Commands whose argument is the same symbol in another font. */
export const FONT_COMMANDS = new Set(['mathbf', 'boldsymbol', 'bm', 'mathcal', 'mathbb', 'mathscr', 'mathfrak', 'vec', 'pmb', 'textbf', 'bold']);

/** Words that join alternatives in an answer: `6 and 8`, `x = 1 or x = 2`. */
export const JOINING_WORDS = new Set(['and', 'or', 'und', 'et']);
