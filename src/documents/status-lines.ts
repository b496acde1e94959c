/**
 * A chat page's status line under each reply, copied with it: the fields an app measures the call by
 * (`Model metrics   Latency: 3,912 ms   Input tokens: 301   Output tokens: 268`, `Usage · Tokens: 96 ·
 * Time: 1.8 s`), or a phone app's measures named without colons, each with its unit (`Stats: 1st token
 * 2.14 s · Prefill 96.3 tokens/s · Decode 8.9 tokens/s`). Left in the reply, its numbers are read as the
 * part's answer (`96` for the last part, `1 s t` for a part whose reply was cut off).
 * Such a line is known by its shape, not its words: two fields or more of a name and a number, set apart
 * by wide gaps or separators, and the same fields again under another reply with other numbers. A
 * writer's own line of two values (`Weights: 27   Biases: 3`) says it once. Blanked, so lines keep
 * their numbers.
 */

/** A field: a name of a few words, a colon, a number and perhaps its unit (`Latency: 3,912 ms`, `Output tokens: 268`). */
const FIELD = /^[\p{L}][\p{L} ._/-]{0,30}:[ \t]*\d[\d.,]*[ \t]*(?:[\p{L}%$]{1,6})?$/u;

/**
 * A field named without a colon, which its unit makes a measure (`Prefill 96.3 tokens/s`, `Latency 41.7 s`),
 * perhaps under the line's title (`Stats: 1st token 2.14 s`): its name may open on an ordinal.
 */
const UNIT_FIELD = /^(?:[\p{L}][\p{L} ]{0,24}:[ \t]*)?(?:\d{1,2}(?:st|nd|rd|th)[ \t]+)?[\p{L}][\p{L} ._-]{0,30}[ \t]+\d[\d.,]*[ \t]*[\p{L}%$][\p{L}%$/]{0,9}$/u;

const isField = (cell: string) => FIELD.test(cell) || UNIT_FIELD.test(cell);

/** A cell of no number: the line's own title (`Model metrics`, `Usage`). */
const TITLE = /^[\p{L}][\p{L} ]{0,24}$/u;

/** Where a status line's cells part: a gap of two spaces or more, a tab, a middle dot or a bar. */
const GAP = /[ \t]{2,}|\t|[ \t]*[·|•][ \t]*/;

/** Cheap test first: a text without two fields of numbers on one line has no status line. (Bounded: a status line is short.) */
const MAY_HAVE = /:[ \t]*\d[^\n]{0,120}?(?:[ \t]{2}|\t|[·|•])[^\n]{0,120}?:[ \t]*\d|\d[ \t]*[\p{L}%$/]{1,10}[ \t]*[·|•][ \t]*[\p{L}][^\n]{0,40}?\d[ \t]*[\p{L}%$/]{1,10}[ \t]*[·|•]/u;

/** The line's fields with their numbers left out, when it is a line of fields; undefined otherwise. */
function skeleton(line: string): string | undefined {
  if (line.length > 200) return undefined;
  const cells = line
    .trim()
    .split(GAP)
    .map((c) => c.trim())
    .filter(Boolean);
  const fields = cells.filter(isField);
  // (Three cells or more: `Weights: 27   Biases: 3` is a writer's pair of answers, whatever repeats it.)
  if (fields.length < 2 || cells.length < 3 || cells.some((c) => !isField(c) && !TITLE.test(c))) return undefined;
  return cells.map((c) => c.replace(/\d[\d.,]*/g, '#').toLowerCase()).join('|');
}

/** The text with every status line that recurs blanked; unchanged when it has none. */
export function withoutStatusLines(text: string): string {
  if (!MAY_HAVE.test(text)) return text;
  const lines = text.split('\n');
  const shapes = lines.map(skeleton);
  const seen = new Map<string, number>();
  for (const s of shapes) if (s) seen.set(s, (seen.get(s) ?? 0) + 1);
  if (![...seen.values()].some((n) => n >= 2)) return text;
  return lines.map((l, i) => ((seen.get(shapes[i] ?? '') ?? 0) >= 2 ? '' : l)).join('\n');
}
