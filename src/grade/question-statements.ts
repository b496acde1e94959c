import { formulas, pieces } from '../check/extract.js';
import { allMatches } from '../math/all-matches.js';

/**
 * What a question states (`\operatorname{Var}(x_{i,j}) = \sigma_x^2`), and how a response's own
 * statements relate to it: a response that restates a given is not answering with it, and a
 * response that states the same quantity under its own name (`\text{Var}(dy) = \sigma_y^2` where
 * the question says `\sigma_g^2`) uses that name for the question's symbol.
 */

/** One `left = right` statement, with its left side in a form that ignores notation. */
export interface Statement {
  left: string;
  right: string;
}

/** `\operatorname{Var}(x_{i,j})`, `\text{Var}(x)`, `\mathrm{Var}[x]` → `var(x)`: one quantity however it is typeset. */
export function quantityKey(latex: string): string {
  return latex
    .replace(/\\(?:operatorname|text|mathrm|mathbb|mathbf|boldsymbol|mathcal)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:left|right|big|Big)\b/g, '')
    .replace(/_\{\s*\\?\{?[a-z](?:\s*,\s*[a-z])+\\?\}?\s*\}/g, '')
    .replace(/_\{\\\{[^{}]*\\\}\}/g, '')
    .replace(/\\[,;!\s]|\s+/g, '')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/[{}]/g, '')
    .toLowerCase();
}

/** The `left = right` statements of a text's formulas (each formula's pieces: `a = 0, \quad b = 1`). */
export function statementsIn(text: string): Statement[] {
  const out: Statement[] = [];
  for (const f of formulas(text)) {
    for (const piece of new Set([...pieces(f.text), f.text])) {
      const m = /^([^=<>]{1,60}?)\s*=\s*([^=<>]{1,80})$/.exec(piece.trim());
      if (m) out.push({ left: m[1]!.trim(), right: m[2]!.replace(/[.,;]\s*$/, '').trim() });
    }
  }
  return out;
}

/** Whether a candidate restates one of the question's own statements (`\text{Var}(x) = \sigma_x^2`). */
export function restates(candidate: string, given: readonly Statement[]): boolean {
  const m = /^([^=<>]{1,60}?)\s*=\s*([^=<>]{1,80})$/.exec(candidate.trim());
  if (!m) return false;
  const left = quantityKey(m[1]!);
  const right = quantityKey(m[2]!.replace(/[.,;]\s*$/, ''));
  return given.some((g) => quantityKey(g.left) === left && quantityKey(g.right) === right);
}

// A symbol alone, perhaps squared: `\sigma_y^2`, `\sigma_{g}^{2}`, `s^2`.
const SYMBOL = /^(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)(\^\{?2\}?)?$/;

/**
 * A response's names for the question's symbols: where both state the same quantity (`Var(dy)`)
 * as one symbol, the response's (`\sigma_y`) is the question's (`\sigma_g`). Only names that are
 * not symbols of the key's answers.
 */
export function renamesIn(text: string, given: readonly Statement[], keySymbols: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (!given.length) return out;
  const byQuantity = new Map<string, string>();
  for (const g of given) byQuantity.set(quantityKey(g.left), g.right.replace(/\s+/g, ''));
  for (const s of statementsIn(text)) {
    const theirs = byQuantity.get(quantityKey(s.left));
    if (!theirs) continue;
    const a = SYMBOL.exec(s.right.replace(/\s+/g, ''));
    const b = SYMBOL.exec(theirs);
    if (!a || !b || (a[2] ?? '') !== (b[2] ?? '') || a[1] === b[1]) continue;
    const plain = (x: string) => x.replace(/^\\/, '').replace(/[{}]/g, '');
    if (keySymbols.has(plain(a[1]!)) || out.has(a[1]!)) continue;
    out.set(a[1]!, b[1]!);
  }
  return out;
}

/** A candidate with the response's names for the question's symbols replaced by the question's. */
export function renamed(candidate: string, renames: ReadonlyMap<string, string>): string[] {
  if (!renames.size) return [];
  let t = candidate;
  for (const [from, to] of renames) {
    const braced = from.replace(/_([A-Za-z0-9]+)$/, '_{$1}');
    for (const f of new Set([from, braced])) {
      // Whole names only: the `s` of `\sigma_a` is not a name.
      const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      t = t.replace(new RegExp(`(?<![A-Za-z\\\\])${escaped}(?![A-Za-z])`, 'g'), () => to);
    }
  }
  return t === candidate ? [] : [t];
}

// A one-letter name with a word for subscript, as written: `n_{\text{out}}`, `n_{out}`, `n_out`.
// The inner brace closes only a `\text{` it opened: `\sqrt{n_{out}}` keeps the root's own brace.
const WORDED = /(?<![A-Za-z\\])([A-Za-z])_(?:\{\s*(?:\\(?:text|mathrm|rm)\s*\{\s*([A-Za-z]{2,})\s*\}|\\(?:text|mathrm|rm)\s*([A-Za-z]{2,})|([A-Za-z]{2,}))\s*\}|([A-Za-z]{2,})(?![A-Za-z]))/g;

/**
 * A response's own letter for a family of the question's symbols: `n_{out}`, `n_{in}` where the
 * key has `d_{out}`, `d_{in}` (one letter for another, the subscripts kept). Only when the response
 * writes two subscripts of the family or more, each one the key has under one other letter, and
 * none of its names is a key symbol: a lone `n_{in}` may be another quantity.
 */
export function familyRenamesIn(text: string, keySymbols: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const keyBase = new Map<string, string>();
  for (const s of keySymbols) {
    const m = /^([A-Za-z])_\{?([A-Za-z]{2,})\}?$/.exec(s);
    if (m) keyBase.set(m[2]!, keyBase.has(m[2]!) && keyBase.get(m[2]!) !== m[1] ? '' : m[1]!);
  }
  if (!keyBase.size) return out;
  const families = new Map<string, Map<string, Set<string>>>();
  for (const m of allMatches(WORDED, text)) {
    const sub = (m[2] ?? m[3] ?? m[4] ?? m[5])!;
    const subs = families.get(m[1]!) ?? new Map<string, Set<string>>();
    families.set(m[1]!, subs);
    subs.set(sub, (subs.get(sub) ?? new Set()).add(m[0]));
  }
  for (const [base, subs] of families) {
    const to = new Set([...subs.keys()].map((s) => keyBase.get(s)));
    const [other] = to;
    if (subs.size < 2 || to.size !== 1 || !other || other === base) continue;
    if ([...subs.keys()].some((s) => keySymbols.has(`${base}_${s}`))) continue;
    for (const [sub, raws] of subs) for (const raw of raws) out.set(raw, `${other}_{${sub}}`);
  }
  return out;
}

/** The `\frac{..}{..}` spans of a formula: where each starts and ends. */
function fractions(latex: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const m of latex.matchAll(/\\[dt]?frac\s*(?=\{)/g)) {
    let at = m.index! + m[0].length;
    for (let group = 0; group < 2 && latex[at] === '{'; group++) {
      let depth = 0;
      for (; at < latex.length; at++) {
        if (latex[at] === '{') depth++;
        else if (latex[at] === '}' && --depth === 0) break;
      }
      at++;
      while (latex[at] === ' ') at++;
    }
    out.push({ from: m.index!, to: at });
  }
  return out;
}

/**
 * `w_{h,l} - \eta \frac{\partial \mathcal{L}}{\partial w_{h,l}}` where the question says
 * `dw_{h,l} = \frac{\partial \mathcal{L}}{\partial w_{h,l}}`: the candidate written with the
 * question's name for that derivative (`w_{h,l} - \eta\, dw_{h,l}`); nothing when it writes none.
 * Leibniz's fraction is one quantity however it is written (`dL/dw_{h,l}`, `∂L/∂w_{h,l}`,
 * `\frac{dL}{dw_{h,l}}`, the loss as `L` or `\mathcal{L}`). Indices must match: `\partial w_{i,j}` is another entry.
 */
export function namedByDefinition(candidate: string, given: readonly Statement[]): string[] {
  if (!candidate.includes('\\partial') && !candidate.includes('∂') && !candidate.includes('/') && !candidate.includes('frac')) return [];
  const defined = definedDerivatives(given);
  if (!defined.length) return [];
  const spans: { from: number; to: number; name: string }[] = [];
  const named = (d: Derivative | undefined) => d && defined.find((g) => g.of === d.of && g.by === d.by)?.name;
  if (candidate.includes('\\partial') || /\\[dt]?frac\s*\{\s*d/.test(candidate)) {
    for (const f of fractions(candidate)) {
      const name = named(derivativeOf(candidate.slice(f.from, f.to)));
      if (name) spans.push({ ...f, name });
    }
  }
  if (candidate.includes('/')) {
    for (const m of allMatches(SLASHED_DERIVATIVE, candidate)) {
      const name = named({ of: functionKey(m[1]!), by: variableKey(m[2]!) });
      if (name) spans.push({ from: m.index!, to: m.index! + m[0].length, name });
    }
  }
  if (!spans.length) return [];
  let out = candidate;
  for (const f of spans.sort((a, b) => b.from - a.from)) out = `${out.slice(0, f.from)}${f.name} ${out.slice(f.to)}`;
  return [out];
}

/** A derivative by its function and its variable, typography aside: `\frac{\partial \mathcal{L}}{\partial w_{h,l}}` is `L` by `w_hl`. */
interface Derivative {
  of: string;
  by: string;
}

/** The loss however it is typeset (`\mathcal{L}`, `ℒ`, `L`): one letter. */
function functionKey(latex: string): string {
  return latex
    .replace(/\\(?:mathcal|mathscr|mathrm|mathbf|mathit)\s*/g, '')
    .replace(/ℒ/g, 'L')
    .replace(/[{}\s]/g, '');
}

/** An entry's name with its indices however they are separated: `w_{h,l}`, `w_{h, l}` and `w_{hl}` are `w_hl`. */
function variableKey(latex: string): string {
  return latex.replace(/[{}\s,]|\\[,;!]/g, '');
}

const DERIVATIVE_SIGN = String.raw`(?:\\partial(?![A-Za-z])\s*|∂\s*|(?<![A-Za-z\\])d\s*)`;
const FUNCTION_NAME = String.raw`(\\math(?:cal|scr|rm|bf|it)\s*\{\s*[A-Za-z]\s*\}|ℒ|[A-Za-z])`;
const ENTRY_NAME = String.raw`([A-Za-z](?:_\{[^{}]{1,12}\}|_[A-Za-z0-9]+)?)`;
/**
 * `dL/dw_{h,l}`, `∂L/∂w_{h,l}`, `\partial \mathcal{L} / \partial w_{h,l}`: a derivative written with a
 * slash, as plain text and inline math write Leibniz's fraction.
 */
const SLASHED_DERIVATIVE = new RegExp(`${DERIVATIVE_SIGN}${FUNCTION_NAME}\\s*/\\s*${DERIVATIVE_SIGN}${ENTRY_NAME}`, 'g');

/** `\frac{\partial L}{\partial w_{h,l}}`, `\frac{dL}{dw_{h,l}}`: the fraction's function and variable. */
function derivativeOf(fraction: string): Derivative | undefined {
  const m = /^\\[dt]?frac\s*\{\s*(?:\\partial(?![A-Za-z])|∂|d)\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*\{\s*(?:\\partial(?![A-Za-z])|∂|d)\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*$/.exec(fraction);
  return m ? { of: functionKey(m[1]!), by: variableKey(m[2]!) } : undefined;
}

const DERIVATIVES = new WeakMap<readonly Statement[], (Derivative & { name: string })[]>();

/** The question's names for derivatives (`dw_{h,l}` denotes `\frac{\partial \mathcal{L}}{\partial w_{h,l}}`), read once per question. */
function definedDerivatives(given: readonly Statement[]): (Derivative & { name: string })[] {
  let out = DERIVATIVES.get(given);
  if (!out) {
    out = [];
    for (const g of given) {
      if (!g.right.includes('\\partial') || !/^[\\A-Za-z][\w{},\\]{0,24}$/.test(g.left)) continue;
      const d = derivativeOf(g.right.trim());
      if (d) out.push({ ...d, name: g.left });
    }
    DERIVATIVES.set(given, out);
  }
  return out;
}
