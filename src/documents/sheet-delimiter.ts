/**
 * The separator of a spreadsheet's text export. A `.csv` is comma-separated only where the
 * decimal point is a point: Excel and LibreOffice in German, French, Italian, Spanish ... locales
 * write `;` between cells (the comma is their decimal sign), and some exports use tabs whatever
 * their name. Read with the wrong separator, each row is one cell and no part is found. The one
 * that splits the first rows into the same number of cells, more than one, is the separator;
 * Excel's own `sep=;` first line says it outright.
 */

export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/** How many records (rows, quoted line breaks kept inside their cell) are looked at. */
const RECORDS_LOOKED_AT = 20;

/** Each candidate's count in each of the first records, quoted cells skipped. */
function countsByRecord(text: string): Map<Delimiter, number>[] {
  const records: Map<Delimiter, number>[] = [];
  let counts = new Map<Delimiter, number>();
  let quoted = false;
  for (let i = 0; i < text.length && records.length < RECORDS_LOOKED_AT; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n') {
      records.push(counts);
      counts = new Map();
    } else if (c === ',' || c === ';' || c === '\t') counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.size) records.push(counts);
  return records;
}

/** The separator Excel's `sep=` line names, and the text after that line. */
export function declaredDelimiter(text: string): { delimiter: Delimiter; rest: string } | undefined {
  const m = /^sep=([,;\t])\r?\n/.exec(text);
  return m ? { delimiter: m[1] as Delimiter, rest: text.slice(m[0].length) } : undefined;
}

/**
 * The separator of a delimited export: the candidate found the same number of times (one at
 * least) in the most records; `fallback` (the one the file's name says) where none does better.
 */
export function sniffDelimiter(text: string, fallback: Delimiter): Delimiter {
  const records = countsByRecord(text);
  const consistent = (d: Delimiter): number => {
    const tally = new Map<number, number>();
    for (const r of records) {
      const n = r.get(d) ?? 0;
      if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    }
    return Math.max(0, ...tally.values());
  };
  let best = fallback;
  let most = consistent(fallback);
  for (const d of CANDIDATES) {
    const n = consistent(d);
    if (n > most) [best, most] = [d, n];
  }
  return best;
}
