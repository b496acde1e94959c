/**
 * Part ids and the labels that name them in documents. Ids are dot-separated levels: question
 * number, part letter, roman subpart (`1.a`, `3.d.ii`); keys may write `1a` or `3d.ii`.
 */

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

export function isRoman(s: string): boolean {
  return ROMAN.includes(s.toLowerCase());
}

/** `1a` → `1.a`, `3d.ii` → `3.d.ii`, `3(d)(ii)` → `3.d.ii`, `Q4 e` → `4.e`; undefined when not an id. */
export function canonicalPartId(raw: string): string | undefined {
  const s = raw.trim().toLowerCase().replace(/^(?:q|question|problem|prob\.?|p)\s*/, '');
  const m = /^(\d+)(?:[\s./]*\(?([a-z])\)?(?![a-z]))?(?:[\s./]*\(?([ivx]+)\)?)?\.?$/.exec(s);
  if (!m) return undefined;
  if (m[3] && !isRoman(m[3])) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('.');
}

/** The levels of an id: `3.d.ii` → ['3', 'd', 'ii']. */
export function idLevels(id: string): string[] {
  return id.split('.');
}

/** Whether `child` is `parent` or below it (`3.d.ii` is within `3.d` and `3`). */
export function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + '.');
}

/** A label at the start of a line, as write-ups, transcripts and problem sets write them. */
export interface LineLabel {
  question?: string;
  part?: string;
  subpart?: string;
  /** The characters the label took, to cut it from the line. */
  length: number;
  /** Whether it is an explicit heading (`Problem 4:`, `Question 7`) rather than a bare `(a)`. */
  strong: boolean;
}

const Q_WORD = String.raw`(?:#{1,6}\s*)?(?:\*\*)?(?:problem|question|q|exercise|task)\s*(\d+)(?:\*\*)?\s*[:.)-]?`;

/**
 * Reads a part label at the start of a line: `1/a).`, `(b).`, `3/d.`, `c).`, `i.`, `Part (c)`,
 * `Problem 4: Part (a)`, `Question 7`, `**(a)**`, `- (a)`, `3(d)(ii)`. Undefined when the line
 * does not start with one.
 */
export function readLineLabel(line: string): LineLabel | undefined {
  const s = line.replace(/^\s*(?:[-*+]\s+)?/, '');
  const lead = line.length - s.length;
  let m: RegExpExecArray | null;
  // Problem 4: Part (a) / Question 7 / ## Problem 2 (5+5 points)
  if ((m = new RegExp(`^${Q_WORD}\\s*(?:,?\\s*part\\s*\\(?([a-h])\\)?(?:\\s*\\(?([ivx]+)\\)?)?\\s*[:.)-]?)?`, 'i').exec(s))) {
    return { question: m[1], ...(m[2] ? { part: m[2].toLowerCase() } : {}), ...(m[3] && isRoman(m[3]) ? { subpart: m[3].toLowerCase() } : {}), length: lead + m[0].length, strong: true };
  }
  // Part (c): / Part c.
  if ((m = /^(?:\*\*)?part\s*\(?([a-h])\)?(?:\s*\(?([ivx]+)\)?)?(?:\*\*)?\s*[:.)-]?/i.exec(s))) {
    return { part: m[1]!.toLowerCase(), ...(m[2] && isRoman(m[2]) ? { subpart: m[2].toLowerCase() } : {}), length: lead + m[0].length, strong: true };
  }
  // 1/a). 3/d. 2/a) 3(d)(ii) 4a)
  if ((m = /^(\d{1,2})\s*[/.]?\s*\(?([a-h])\)(?:\s*\(?([ivx]+)\))?\s*\.?|^(\d{1,2})\s*\/\s*([a-h])\s*[).]*/i.exec(s))) {
    const q = m[1] ?? m[4];
    const p = (m[2] ?? m[5])!.toLowerCase();
    return { question: q, part: p, ...(m[3] && isRoman(m[3]) ? { subpart: m[3].toLowerCase() } : {}), length: lead + m[0].length, strong: true };
  }
  // (a) **(a)** a) (b). — a part letter alone
  if ((m = /^(?:\*\*)?\(([a-h])\)(?:\*\*)?\s*\.?|^(?:\*\*)?([a-h])\)(?:\*\*)?\s*\.?/.exec(s))) {
    return { part: (m[1] ?? m[2])!, length: lead + m[0].length, strong: false };
  }
  // i. ii) (iii)
  if ((m = /^\(?([ivx]{1,4})[.)]\s+|^\(([ivx]{1,4})\)\s*/.exec(s)) && isRoman(m[1] ?? m[2]!)) {
    return { subpart: (m[1] ?? m[2])!, length: lead + m[0].length, strong: false };
  }
  return undefined;
}
