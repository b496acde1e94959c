import { readLineLabel } from './part-ids.js';

/**
 * `2.5  Q4(a) — parameters of a conv layer`: a report's own subsection number (two or three levels)
 * before the label of the part the subsection is about. The number is the report's outline, not the
 * homework's: read as it stands, the line labels nothing and the report's parts are not found.
 */
const SUBSECTION_NUMBER = /^(\s*(?:#{1,6}\s*)?)(\d{1,2})(?:\.\d{1,2}){1,2}\.?[ \t]+(?=\S)/;

/**
 * A line with its subsection number taken off when a part's label, with its question's number, follows
 * it (`section`: the report's top-level section the subsection is in, `2` of `2.5`); the line as it is
 * otherwise (`2.5 kg of ...`, `1.2 (a) ...` with no question named, which may be a number and a part).
 */
export function subsectionOf(line: string): { line: string; section?: string } {
  const m = SUBSECTION_NUMBER.exec(line);
  if (!m) return { line };
  const rest = m[1]! + line.slice(m[0].length);
  const label = readLineLabel(rest);
  return label?.question && label.part ? { line: rest, section: m[2]! } : { line };
}
