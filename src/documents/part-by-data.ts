/**
 * A person who asks a part in a casual chat often types none of its words, only its data: `2D one.
 * x = [[1,2,3,4,5],...], h = [[-1,-2,-1],...]. what is y`, `x(n) = 1 for n = 0..6, h(n) = (1/2)^n u(n),
 * need n = -6 to 12`. The numbers are what tell the parts apart then: a turn whose numbers are, far
 * more than any other part's, the numbers one part's statement gives asks that part.
 */
import type { QuestionOutline } from './segment.js';

/** How near (cosine of idf-weighted number sets) a turn's numbers must come to a part's. */
const DATA_MATCH_MIN = 0.4;
/** How many of a part's numbers, besides 0, 1 and 2 (which every statement has), the turn must give. */
const DATA_SHARED_MIN = 3;
/** A runner-up this near the best leaves the turn unplaced: its numbers fit two parts. */
const DATA_TIE = 0.75;

/** The cheap refusal: a turn with fewer than three numbers in it gives no part's data. */
const THREE_NUMBERS = /\d\D+\d\D+\d/;

/** A number as data: signed, decimal or a fraction, never a digit inside a name (`x2`, `cs182`, `CONV2-3`). */
const NUMBER = /(?<![\w.\-+−/])([-+−]?)(\d+(?:\.\d+)?(?:\/\d+)?)(?![\w/]|\.\d)/g;

/** The numbers a text gives, as written (`-6`, `1/2`, `0.8`), LaTeX's `\frac{1}{2}` as `1/2` and `+12` as `12`. */
function numbersOf(text: string): Set<string> {
  const plain = text
    .replace(/\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/g, '$1/$2')
    .replace(/\\(?:left|right)\b/g, '')
    .replace(/&/g, ',');
  const found = new Set<string>();
  for (const m of plain.matchAll(NUMBER)) found.add(`${m[1] === '-' || m[1] === '−' ? '-' : ''}${m[2]}`);
  return found;
}

type DataStatement = { id: string; question: string; numbers: Set<string>; norm: number };
const KNOWN = new WeakMap<QuestionOutline[], { statements: DataStatement[]; weight: (n: string) => number }>();

/** Each part's numbers and each number's idf weight, made once per outline. */
function statementsOf(outline: QuestionOutline[]) {
  let known = KNOWN.get(outline);
  if (known) return known;
  const raw = outline.flatMap((q) => Object.entries(q.partTexts ?? {}).map(([id, t]) => ({ id, question: q.number, numbers: numbersOf(t) })));
  const idf = new Map<string, number>();
  const weight = (n: string) => {
    let v = idf.get(n);
    if (v === undefined) idf.set(n, (v = Math.log(1 + raw.length / Math.max(1, raw.filter((t) => t.numbers.has(n)).length)) ** 2));
    return v;
  };
  const statements = raw.map((t) => ({ ...t, norm: Math.sqrt([...t.numbers].reduce((sum, n) => sum + weight(n), 0)) || 1 }));
  known = { statements, weight };
  KNOWN.set(outline, known);
  return known;
}

/**
 * The part a person's turn asks by pasting or retyping its data: the part whose statement's numbers
 * the turn's numbers match best (cosine of idf-weighted sets), sharing three or more besides 0, 1
 * and 2, with no other part within three quarters of it. Undefined otherwise (chit-chat, a turn
 * whose numbers fit two parts).
 */
export function partByData(text: string, outline: QuestionOutline[]): { id: string; question: string } | undefined {
  if (!THREE_NUMBERS.test(text)) return undefined;
  const asked = numbersOf(text);
  if (asked.size < DATA_SHARED_MIN) return undefined;
  const { statements, weight } = statementsOf(outline);
  if (statements.length < 2) return undefined;
  const askedNorm = Math.sqrt([...asked].reduce((sum, n) => sum + weight(n), 0));
  const scored = statements
    .map((t) => {
      const shared = [...asked].filter((n) => t.numbers.has(n));
      return { t, shared, s: shared.reduce((sum, n) => sum + weight(n), 0) / (askedNorm * t.norm) };
    })
    .sort((x, y) => y.s - x.s);
  const [best, second] = scored;
  if (!best || best.s < DATA_MATCH_MIN || best.shared.filter((n) => !/^-?[012]$/.test(n)).length < DATA_SHARED_MIN) return undefined;
  if (second && second.s >= best.s * DATA_TIE) return undefined;
  return { id: best.t.id, question: best.t.question };
}
