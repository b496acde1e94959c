import { checkAnswer } from '../check/check.js';
import { formulas } from '../check/extract.js';
import { matrixSymbolsIn } from '../check/infer-symbols.js';
import { parseMath } from '../math/latex/parse.js';
import { freeSymbols } from '../math/sampling.js';
import type { Key, KeyPart } from '../model/key.js';
import type { SymbolTable } from '../model/symbols.js';
import { symbolsFor } from './key.js';
import type { Part as ProblemPart, ProblemSet } from '../model/problem-set.js';
import type { QuestionOutline } from './segment.js';

/**
 * A key, its problem set and the outline alignment reads, built once for a run rather than per
 * submission file (DESIGN.md: Assignment = key + problem set + outline).
 */
export interface Assignment {
  key: Key;
  problems?: ProblemSet;
  /** The key's questions in order, with titles and text from the problem set when there is one. */
  outline: QuestionOutline[];
  /**
   * Symbols each question defines, by question number; the key's `symbols:` are laid over them
   * when a part is checked. The matrices its text declares (`W \in \mathbb{R}^{m \times n}`),
   * their sizes as positive integers, and every symbol of the key's answers to the question
   * and of the formulas in its text.
   */
  declared: Map<string, SymbolTable>;
}

const BUILT = new WeakMap<Key, Map<ProblemSet | undefined, Assignment>>();

/** The assignment of a key and problem set; the same objects give the same assignment, built once. */
export function assignmentOf(key: Key, problems?: ProblemSet): Assignment {
  let byProblems = BUILT.get(key);
  if (!byProblems) BUILT.set(key, (byProblems = new Map()));
  let a = byProblems.get(problems);
  if (!a) {
    const outline = outlineOf(key, problems);
    a = { key, ...(problems ? { problems } : {}), outline, declared: declaredSymbols(key, outline, problems) };
    byProblems.set(problems, a);
  }
  return a;
}

/**
 * The symbols each question defines. A key written without a `symbols:` block (many are) still
 * defines, for a whole question, the symbols its answers use: part (c)'s general bound in the c
 * that part (b) solves for is about the question, not a symbol the response made up. Sizes of a
 * declared matrix are dimensions: positive integers, so a bound with `\sqrt{d_{in}}` is compared
 * where a TA reads it, not at negative sizes.
 */
function declaredSymbols(key: Key, outline: QuestionOutline[], problems?: ProblemSet): Map<string, SymbolTable> {
  const out = new Map<string, SymbolTable>();
  for (const q of outline) {
    const found: SymbolTable = problems && q.text ? matrixSymbolsIn(q.text) : {};
    for (const s of Object.values(found)) {
      if (!s || !('matrix' in s) || !Array.isArray(s.matrix)) continue;
      for (const size of s.matrix) if (typeof size === 'string' && !found[size]) found[size] = { positive: true, integer: true };
    }
    for (const part of key.parts.filter((p) => p.id.split('.')[0] === q.number)) {
      const own = symbolsFor(key, part);
      for (const a of part.answers) {
        if (a.spec.value === undefined || a.spec.type === 'text' || a.spec.type === 'choice' || a.spec.type === 'table') continue;
        for (const name of checkAnswer(a.spec, a.spec.value, { symbols: own }).symbols?.expected ?? []) if (!found[name] && !own[name]) found[name] = {};
      }
    }
    for (const name of questionTextSymbols(problems, q.number)) if (!found[name]) found[name] = {};
    if (Object.keys(found).length) out.set(q.number, found);
  }
  return out;
}

/** The symbols of the formulas a question's text and its parts' texts write (`$y(n) = h(n) * x(n)$`): the question defines them. */
function questionTextSymbols(problems: ProblemSet | undefined, question: string): Set<string> {
  const out = new Set<string>();
  const q = problems?.questions.find((x) => x.number === question);
  if (!q) return out;
  const texts = [q.text];
  const walk = (parts: ProblemPart[]) => {
    for (const p of parts) {
      texts.push(p.text);
      walk(p.parts);
    }
  };
  walk(q.parts);
  for (const f of texts.flatMap((t) => formulas(t))) {
    try {
      freeSymbols(parseMath(f.text), undefined, out);
    } catch {
      // A formula the reader cannot read (an ellipsis, a diagram's labels) defines nothing.
    }
  }
  return out;
}

const CHECK_SYMBOLS = new WeakMap<Assignment, WeakMap<KeyPart, SymbolTable>>();

/**
 * The symbols a part is checked with: what its question declares, under the key's and the part's
 * own. One table per part and assignment: the checker keeps an expected answer compiled per table,
 * and a fresh table at every check would compile it again.
 */
export function checkSymbolsFor(assignment: Assignment, part: KeyPart): SymbolTable {
  let byPart = CHECK_SYMBOLS.get(assignment);
  if (!byPart) CHECK_SYMBOLS.set(assignment, (byPart = new WeakMap()));
  let table = byPart.get(part);
  if (!table) {
    const declared = assignment.declared.get(part.id.split('.')[0]!);
    table = declared ? { ...declared, ...symbolsFor(assignment.key, part) } : symbolsFor(assignment.key, part);
    byPart.set(part, table);
  }
  return table;
}

/** Whether a value is an assignment rather than a bare key. */
export function isAssignment(x: Key | Assignment): x is Assignment {
  return 'outline' in x && 'key' in x;
}

/** The problem set's part of a key's part id (subparts included), if any. */
function problemPart(problems: ProblemSet | undefined, id: string): ProblemPart | undefined {
  const q = problems?.questions.find((x) => x.number === id.split('.')[0]);
  const find = (parts: ProblemPart[]): ProblemPart | undefined => {
    for (const p of parts) {
      if (p.id === id) return p;
      const inner = find(p.parts);
      if (inner) return inner;
    }
    return undefined;
  };
  return q ? find(q.parts) : undefined;
}

/** The key's questions in order, with titles and text from the problem set when there is one. */
export function outlineOf(key: Key, problems?: ProblemSet): QuestionOutline[] {
  const out: QuestionOutline[] = [];
  for (const part of key.parts) {
    const number = part.id.split('.')[0]!;
    let q = out.find((o) => o.number === number);
    if (!q) {
      const ps = problems?.questions.find((x) => x.number === number);
      q = { number, parts: [], ...(ps?.title ? { title: ps.title } : {}), ...(ps ? { text: [ps.text, ...ps.parts.map((p) => `${p.title ?? ''} ${p.text}`)].join('\n'), stated: true } : {}) };
      out.push(q);
    }
    q.parts.push(part.id);
    // Part titles tell alignment what the question is about when there is no problem set.
    if (part.title && !problems) q.text = `${q.text ?? ''} ${part.title}`.trim();
    // What each part asks, for a question asked without its number (segment.ts's partByContent).
    const stated = problemPart(problems, part.id);
    const statement = stated ? `${stated.title ?? ''} ${stated.text}`.trim() : (part.title ?? '');
    if (statement) (q.partTexts ??= {})[part.id] = statement;
  }
  return out;
}
