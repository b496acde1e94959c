import type { Assignment } from './assignment.js';
import type { Part as ProblemPart } from '../model/problem-set.js';

/**
 * Which part a text restates: a person who retypes a problem in their own words (`Input 28x28x1 ...
 * CONV3-10, POOL2, FC-3: fill in #params`, `Var(x)=σx², Var(dy)=σg². Mean and variance of dw_hl?`)
 * keeps few of the statement's words but most of its distinctive tokens: its sizes (`28x28x1`,
 * `2x2`), its numbers, its symbols (`dw`, `σ`), its rare terms. Each token is weighed by how few
 * part statements hold it (what every part says tells none apart), and a text is scored against
 * each part by the share of its problem-set tokens that part's statement holds.
 */

/** Greek letters as written in Unicode, by the name LaTeX gives them (`σ` and `\sigma` are one token). */
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  η: 'eta',
  θ: 'theta',
  λ: 'lambda',
  μ: 'mu',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  ω: 'omega',
  Σ: 'sum',
  Δ: 'delta',
  '∇': 'nabla',
};
const GREEK_NAMES = new Set(Object.values(GREEK).concat(['epsilon', 'varepsilon', 'xi', 'nu', 'kappa', 'chi', 'psi']));

/** Words too common in any problem's text to tell parts apart, however rare in one problem set. */
const STOP = new Set(
  'the and for with from into this that these those are was were have has had will would should could can may must let our your you what which how why when where who does did not but all any each its their there here then than also such use using given show find compute evaluate derive explain assume consider part problem question following below above way same now just through like only first one two three four both still very more most less other another take going write already whatever new real example single note make made see look want need get got some many much well case following previous next set every own answer please tell hey okay last different'.split(
    ' ',
  ),
);

/** Two-letter English words, which a statement may typeset (`d_{\text{in}}`) but never as a symbol of its own. */
const SHORT_WORDS = new Set('in is of to on at by as or if be we an it no so do up me my he us am go'.split(' '));

/** A word reduced to its stem, so `pooling`/`pool`, `biases`/`bias`, `padding`/`pad` meet. */
function stem(w: string): string {
  let s = w.replace(/(?:ings?|ed|es|s)$/, '');
  if (s.length < 3) s = w;
  // `padd` (from `padding`) is `pad`.
  if (/([b-df-hj-np-tv-z])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** A text's tokens: stems of words, sizes (`3x3xc`), numbers, and short symbols (`dw`, `fc`) where `symbols` admits them. */
export function restatementTokens(text: string, symbols?: ReadonlySet<string>): Set<string> {
  // `d\mathbf{X}` is the symbol `dX`: a font command's braces join it to its neighbours.
  let t = text.replace(/\\(?:mathbf|mathrm|boldsymbol|bm|mathit|operatorname)\s*\{([^{}]*)\}/g, '$1');
  t = t.replace(/[αβγδεηθλμπρστφωΣΔ∇]/gu, (g) => ` ${GREEK[g]} `);
  t = t.replace(/\\([a-zA-Z]+)/g, (_, name: string) => (GREEK_NAMES.has(name) ? ` ${name} ` : name === 'times' ? '×' : ' '));
  t = t.toLowerCase();
  const out = new Set<string>();
  // Sizes: `28 \times 28 \times 1`, `28x28x1`, `3 × 3 × C` are one token each.
  t = t.replace(/\b([0-9]+|[a-z])(?:\s*[×x*]\s*(?:[0-9]+|[a-z])\b)+/g, (m) => {
    const size = m.replace(/\s+/g, '').replace(/[×*]/g, 'x');
    if (/\d/.test(size)) out.add(size);
    return ' ';
  });
  for (const raw of t.split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    if (/^\d+$/.test(raw)) out.add(String(Number(raw)));
    else if (/^[a-z]+\d+$/.test(raw)) out.add(raw);
    else if (raw.length >= 3 && /^[a-z]+$/.test(raw) && !STOP.has(raw)) out.add(stem(raw));
    else if (raw.length === 2 && symbols?.has(raw)) out.add(raw);
  }
  return out;
}

/** Whether a token is a size or a symbol (not a word's stem, nor a bare number). */
const isMath = (tok: string): boolean => (/\d/.test(tok) && !/^\d+$/.test(tok)) || tok.length === 2 || GREEK_NAMES.has(tok);

interface Known {
  parts: { id: string; question: string; tokens: Set<string> }[];
  weight: Map<string, number>;
  symbols: Set<string>;
}
const KNOWN = new WeakMap<Assignment, Known>();

/** A subpart's statement with its parent part's (`(d) Evaluate y with padding: i. stride, pad = 1, 1`): the subpart's own line says little. */
function withParent(assignment: Assignment, id: string, text: string): string {
  const path = id.split('.');
  if (path.length < 3) return text;
  const find = (parts: readonly ProblemPart[]): ProblemPart | undefined => parts.find((p) => p.id === path.slice(0, 2).join('.'));
  const parent = find(assignment.problems?.questions.find((q) => q.number === path[0])?.parts ?? []);
  return parent ? `${parent.text}\n${text}` : text;
}

/** The problem set's part statements as tokens, with each token's weight, once per assignment. */
function known(assignment: Assignment): Known {
  let k = KNOWN.get(assignment);
  if (k) return k;
  const texts = assignment.outline.flatMap((q) => Object.entries(q.partTexts ?? {}).map(([id, text]) => ({ id, question: q.number, text: withParent(assignment, id, text) })));
  // Two-letter tokens count where a statement typesets them as symbols (`$dw_{h,l}$`), never as prose.
  const symbols = new Set<string>();
  // (`d_{\text{in}}` typesets a word, not a symbol: two-letter words are never symbols.)
  for (const { text } of texts)
    for (const m of text.matchAll(/\$[^$]+\$/g))
      for (const s of m[0]
        .replace(/\\[a-zA-Z]+/g, ' ')
        .toLowerCase()
        .match(/\b[a-z]{2}\b/g) ?? [])
        if (!SHORT_WORDS.has(s)) symbols.add(s);
  const parts = texts.map((p) => ({ id: p.id, question: p.question, tokens: restatementTokens(p.text, symbols) }));
  const df = new Map<string, number>();
  for (const p of parts) for (const tok of p.tokens) df.set(tok, (df.get(tok) ?? 0) + 1);
  // A size or a symbol is retyped as written; a word may be paraphrased away: the former weigh double.
  const weight = new Map([...df].map(([tok, n]) => [tok, Math.log(1 + parts.length / n) ** 2 * (isMath(tok) ? 2 : 1)]));
  k = { parts, weight, symbols };
  KNOWN.set(assignment, k);
  return k;
}

/** One part's score against a text: the share of the text's problem-set tokens its statement holds. */
export interface Restatement {
  id: string;
  question: string;
  score: number;
  /** How many of the text's tokens its statement holds (digits alone not counted). */
  shared: number;
  /** How many of those are no bare number: a printed matrix shares numbers with a statement that holds one, not a request's words. */
  words: number;
}

/** Every part scored against a text, best first (empty when the text holds no token of any statement). */
export function restatementScores(text: string, assignment: Assignment): Restatement[] {
  const k = known(assignment);
  const tokens = [...restatementTokens(text, k.symbols)].filter((t) => k.weight.has(t));
  const total = tokens.reduce((s, t) => s + k.weight.get(t)!, 0);
  if (!total) return [];
  return k.parts
    .map((p) => {
      const own = tokens.filter((t) => p.tokens.has(t));
      // A digit alone is in any text (a step, a count): it adds to the score, never to the count of tokens shared.
      return {
        id: p.id,
        question: p.question,
        score: own.reduce((s, t) => s + k.weight.get(t)!, 0) / total,
        shared: own.filter((t) => !/^\d$/.test(t)).length,
        words: own.filter((t) => !/^\d+$/.test(t)).length,
      };
    })
    .sort((a, b) => b.score - a.score);
}

/** What a restating text names: its part, the parts nearly as near (siblings asked together), and how far ahead of the nearest other part it stands. */
export interface Restated {
  id: string;
  question: string;
  /** Parts within reach of the best, all of its question (itself first): a text restating `(d)` with both its `i.` and `ii.`, or asking two parts at once. */
  parts: string[];
  /** The best score over the best of any part outside `parts` (at least 1; `Infinity` when none scores). */
  margin: number;
  /** How many of the statement's words and symbols (no bare numbers) the text holds. */
  words: number;
}

/** A restatement's least share of the text's problem-set tokens, and least count of them: a word or two in common is chance. */
const RESTATES = 0.4;
const RESTATES_TOKENS = 3;
/** Parts scoring at least this share of the best are within reach of it. */
const WITHIN_REACH = 0.75;

/**
 * The part a text restates, when one stands out: its tokens mostly in that part's statement, and
 * any part within reach of it of the same question (the question under way, `prefer`, decides
 * between questions within reach). Undefined for chit-chat, another course's homework, or words two
 * questions share.
 */
export function restatedPart(text: string, assignment: Assignment, prefer?: string): Restated | undefined {
  // A clock time (`9:12 PM`) or a date (`09/30/2025`) is when, not what: its numbers are no problem's.
  const scores = restatementScores(text.replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, ' '), assignment);
  const best = scores[0];
  if (!best || best.score < RESTATES || best.shared < RESTATES_TOKENS || best.words < 2) return undefined;
  let near = scores.filter((s) => s.score >= best.score * WITHIN_REACH);
  if (new Set(near.map((s) => s.question)).size > 1) {
    // Questions within reach of each other: the one under way, its parts within reach of its own best.
    const own = near.find((s) => s.question === prefer);
    near = own ? scores.filter((s) => s.question === prefer && s.score >= own.score * WITHIN_REACH) : [];
  }
  if (!near.length || new Set(near.map((s) => s.question)).size > 1) return undefined;
  // Parts asked together are answered in their order: the first of them leads.
  const order = assignment.outline.find((q) => q.number === near[0]!.question)?.parts ?? [];
  near.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const first = near[0]!;
  const outside = scores.find((s) => !near.includes(s));
  return { id: first.id, question: first.question, parts: near.map((s) => s.id), margin: outside?.score ? best.score / outside.score : Number.POSITIVE_INFINITY, words: first.words };
}
