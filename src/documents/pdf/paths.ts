/**
 * Which delimiter a tall path draws. KaTeX draws delimiters taller than its fonts' as SVG paths
 * (`\left| \begin{matrix} ... \end{matrix} \right|`, `\Big\|W\Big\|`), which Chromium prints as
 * paths with no text: the outline is all that tells a determinant from a matrix, a norm or an
 * absolute value from brackets.
 */

/** pdf.js 5's path operators in `constructPath`'s data (its `DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A delimiter a path may draw: `[` stands for any bracket whose kind does not change a value. */
export type PathDelimiter = '[' | '(' | '|' | '\\|';

/**
 * The delimiter a tall narrow path outlines, from where its ink lies across its middle: two
 * bands are a double bar, one band as wide as the path a bar; a narrow stem is a parenthesis when
 * the outline is curved, else a bracket (its serifs make it wider than its stem). Undefined when
 * the data cannot be read.
 */
export function pathDelimiter(data: ArrayLike<number>): PathDelimiter | undefined {
  const subpaths: [number, number][][] = [];
  let curves = 0;
  let lines = 0;
  let at: [number, number] | undefined;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      at = [data[i]!, data[i + 1]!];
      subpaths.push([at]);
      i += 2;
    } else if (op === LINE || op === CURVE || op === QUAD) {
      const n = op === LINE ? 2 : op === CURVE ? 6 : 4;
      if (!at || i + n > data.length) return undefined;
      const pts: [number, number][] = [];
      for (let k = 0; k < n; k += 2) pts.push([data[i + k]!, data[i + k + 1]!]);
      // The control points bound a curve: its polygon is close enough to tell which side it bulges.
      subpaths[subpaths.length - 1]!.push(...pts);
      if (op === LINE) lines++;
      else curves++;
      at = pts[pts.length - 1]!;
      i += n;
    } else if (op === CLOSE) {
      const first = subpaths[subpaths.length - 1]?.[0];
      if (first) subpaths[subpaths.length - 1]!.push(first);
    } else return undefined;
  }
  const all = subpaths.flat();
  if (all.length < 4) return undefined;
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mid = (y0 + y1) / 2;
  // Each subpath's ink across the middle (even-odd within it), then their union: KaTeX draws a
  // bar twice over (a rounded outline and a rectangle) and a double bar as two such bars.
  const spans: [number, number][] = [];
  for (const sub of subpaths) {
    const cross: number[] = [];
    for (let k = 1; k < sub.length; k++) {
      const [[ax, ay], [bx, by]] = [sub[k - 1]!, sub[k]!];
      if (ay <= mid !== by <= mid) cross.push(ax + ((mid - ay) / (by - ay)) * (bx - ax));
    }
    cross.sort((a, b) => a - b);
    for (let k = 0; k + 1 < cross.length; k += 2) spans.push([cross[k]!, cross[k + 1]!]);
  }
  if (!spans.length) return undefined;
  spans.sort((a, b) => a[0] - b[0]);
  const bands: [number, number][] = [];
  for (const s of spans) {
    const last = bands[bands.length - 1];
    if (last && s[0] <= last[1] + 0.05 * (x1 - x0)) last[1] = Math.max(last[1], s[1]);
    else bands.push([...s]);
  }
  if (bands.length === 2) return '\\|';
  if (bands.length !== 1) return undefined;
  if (bands[0]![1] - bands[0]![0] >= 0.6 * (x1 - x0)) return '|';
  return curves > lines ? '(' : '[';
}
