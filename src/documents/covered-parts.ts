import type { QuestionOutline } from './segment.js';

/**
 * The question a bare part letter is of, when nothing beside the letter says: people who label their
 * answers `(e)`, `(f)`, `(g)` say once, in the document's header or its file's name, which parts it
 * covers (`Questões: 2(e), 2(f), 2(g) e 4(a)-(d)`, `Parts covered: 4(d), 4(f), 7(b)`, `Q2 (a-e, g) and
 * Q3 (c, d)`, `hw4-q2efg-q4abcd.txt`). A letter that one listed question has, and no other listed
 * question, is that question's. With no list the letter stays with the question under way: that only
 * one of the key's questions has the letter says nothing (a chat's `(e)` under another question was
 * an option or a step of its own, and moving it took a real export's answers to the wrong parts).
 */

/** `2(e)`, `4(a)-(d)`, `4(a)-4(d)`: a question's number, a bracketed letter, perhaps a range to another. */
const BRACKETED = /(?<![\p{L}\p{N}.])(\d{1,2})\s*\(\s*([a-h])\s*\)(?:\s*[-–]\s*(?:\1\s*)?\(\s*([a-h])\s*\))?/gu;
/** `Q2 (a-e, g)`: a question's number, then its letters and ranges in one bracket. */
const GROUPED = /(?<![\p{L}\p{N}.])(\d{1,2})\s*\(\s*([a-h](?:\s*[-–]\s*[a-h])?(?:\s*,\s*[a-h](?:\s*[-–]\s*[a-h])?)+|[a-h]\s*[-–]\s*[a-h])\s*\)/gu;
/** `q2efg`, `Q4abcd`, `2e-g`: a question's number with its letters run on, as file names and short lists write them. */
const RUN_ON = /(?<![\p{L}\p{N}])[qQ]?(\d{1,2})([a-h]{1,8}|[a-h][-–][a-h])(?![\p{L}\p{N}])/gu;

/** The most of a text's opening read for its list of parts: a header, not the answers under it. */
const HEAD_CHARS = 1200;

/** Every letter from `from` to `to` (`a`..`d`). */
function lettersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

/** The letters a run or group names: `efg`, `a-e, g`, `a–d`. */
function lettersOf(spec: string): string[] {
  return spec
    .toLowerCase()
    .split(/\s*,\s*/)
    .flatMap((piece) => {
      const range = /^([a-h])\s*[-–]\s*([a-h])$/.exec(piece.trim());
      return range ? lettersBetween(range[1]!, range[2]!) : [...piece.replace(/\s/g, '')];
    });
}

/** The parts a text's list names, by question number: `2(e), 2(f)` → 2: {e, f}. */
function listed(text: string, runOn: boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (q: string, letters: string[]) => {
    const key = String(Number(q));
    const set = out.get(key) ?? new Set<string>();
    for (const l of letters) set.add(l);
    out.set(key, set);
  };
  for (const m of text.matchAll(BRACKETED)) add(m[1]!, m[3] ? lettersBetween(m[2]!, m[3]) : [m[2]!]);
  for (const m of text.matchAll(GROUPED)) add(m[1]!, lettersOf(m[2]!));
  // (Run-on letters only in a file's name: in a text, `2c d_out` is a product.)
  if (runOn) for (const m of text.matchAll(RUN_ON)) add(m[1]!, lettersOf(m[2]!));
  // (A list names two parts or more: one `4(c)` in a first line is a remark's or a question's.)
  return [...out.values()].reduce((n, l) => n + l.size, 0) >= 2 ? out : new Map();
}

/** Whether the key's question `q` has a part lettered `letter`. */
function hasLetter(q: string | undefined, letter: string, outline: readonly QuestionOutline[]): boolean {
  return !!outline.find((o) => o.number === q)?.parts.some((p) => p.split('.')[1] === letter);
}

/**
 * How a document's bare letters are placed, given the question under way (`current`): `current` when
 * it has the letter; else the one question its header's list of parts (the text's opening) or its
 * file's name's gives the letter to; else `current`.
 */
export function coveredQuestionOf(text: string, path: string | undefined, outline: readonly QuestionOutline[]): (letter: string, current?: string) => string | undefined {
  const base = path?.split(/[\\/]/).pop() ?? '';
  const head = text.slice(0, HEAD_CHARS);
  // (Cheap test first: a list of parts has a number next to a letter.)
  const lists = [head, base].filter((t) => /\d\s*\(?\s*[a-h]\b|\d[a-h]/i.test(t)).map((t) => listed(t, t === base));
  const fromList = lists.find((l) => l.size > 0);
  if (!fromList) return (_letter, current) => current;
  return (letter: string, current?: string) => {
    // (A question under way that has the letter keeps it.)
    if (hasLetter(current, letter, outline)) return current;
    // The one listed question that gives the letter and has it in the key.
    const having = [...fromList].filter(([q, letters]) => letters.has(letter) && hasLetter(q, letter, outline));
    return having.length === 1 ? having[0]![0] : current;
  };
}
