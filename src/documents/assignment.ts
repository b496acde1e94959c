import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
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
}

const BUILT = new WeakMap<Key, Map<ProblemSet | undefined, Assignment>>();

/** The assignment of a key and problem set; the same objects give the same assignment, built once. */
export function assignmentOf(key: Key, problems?: ProblemSet): Assignment {
  let byProblems = BUILT.get(key);
  if (!byProblems) BUILT.set(key, (byProblems = new Map()));
  let a = byProblems.get(problems);
  if (!a) {
    a = { key, ...(problems ? { problems } : {}), outline: outlineOf(key, problems) };
    byProblems.set(problems, a);
  }
  return a;
}

/** Whether a value is an assignment rather than a bare key. */
export function isAssignment(x: Key | Assignment): x is Assignment {
  return 'outline' in x && 'key' in x;
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
  }
  return out;
}
