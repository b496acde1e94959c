import { matrixSymbolsIn } from '../check/infer-symbols.js';
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
   * Matrix symbols each question declares in its own text (`W \in \mathbb{R}^{m \times n}`), by
   * question number; the key's `symbols:` are laid over them when a part is checked.
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
    a = { key, ...(problems ? { problems } : {}), outline, declared: declaredSymbols(outline, problems) };
    byProblems.set(problems, a);
  }
  return a;
}

/** The matrix symbols each question of the problem set declares; none without a problem set. */
function declaredSymbols(outline: QuestionOutline[], problems?: ProblemSet): Map<string, SymbolTable> {
  const out = new Map<string, SymbolTable>();
  if (!problems) return out;
  for (const q of outline) {
    const found = q.text ? matrixSymbolsIn(q.text) : {};
    if (Object.keys(found).length) out.set(q.number, found);
  }
  return out;
}

/** The symbols a part is checked with: what its question declares, under the key's and the part's own. */
export function checkSymbolsFor(assignment: Assignment, part: KeyPart): SymbolTable {
  const declared = assignment.declared.get(part.id.split('.')[0]!);
  return declared ? { ...declared, ...symbolsFor(assignment.key, part) } : symbolsFor(assignment.key, part);
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
      q = { number, parts: [], ...(ps?.title ? { title: ps.title } : {}), ...(ps ? { text: [ps.text, ...ps.parts.map((p) => `${p.title ?? ''} ${p.text}`)].join('\n') } : {}) };
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
