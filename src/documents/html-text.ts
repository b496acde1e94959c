import { decodeHTMLStrict } from 'entities';

/**
 * HTML fragments left in a text transcript (a whole saved page is read by html/index.ts instead).
 * A chat copied from a web page's source, or through an editor that keeps markup, arrives with
 * its HTML: `<b>Q1 (a)</b><br>`, `d<sub>out</sub><sup>2</sup>`, `&alpha; &le; 1/&radic;d`, `-40 &amp; -40`
 * inside a matrix. Read as written, its labels and formulas are lost; as the page shows it, they
 * are plain text every reader knows (`**Q1 (a)**`, `d_out^2`, `α ≤ 1/√d`).
 */

/** Tags a page's text is set with; any other `<...>` (a `<think>` block, `a <b` in a formula) is left alone. */
const TAG = /<\/?(?:br|b|strong|i|em|u|sub|sup|p|div|span|li|ul|ol|code|pre|font|h[1-6]|table|thead|tbody|tr|td|th)(?:\s+[a-z-]+=(?:"[^"]*"|'[^']*'|[^\s<>]+))*\s*\/?>/i;

/** A sub- or superscript's text as plain math: one token as is, more in braces. */
function script(mark: '_' | '^', inner: string): string {
  const t = inner.trim();
  return /^[\w.]+$/.test(t) && (mark === '_' || /^\w+$/.test(t)) ? `${mark}${t}` : `${mark}{${t}}`;
}

/** `<table><tr><td>CONV3-10</td><td>100</td></tr>...</table>`: the rows as a Markdown table's, a header's cells (`<th>`) above its rule. */
function htmlTables(text: string): string {
  if (!/<table\b/i.test(text)) return text;
  return text.replace(/<table\b[^>]*>([\s\S]*?)<\/table>/gi, (_m, body: string) => {
    const rows = [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) => ({
      header: /<th\b/i.test(r[1]!),
      cells: [...r[1]!.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) =>
        c[1]!
          .replace(/<[^>]*>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    }));
    const lines = rows.map((r) => `| ${r.cells.join(' | ')} |`);
    const head = rows[0]?.header ? 1 : 0;
    if (head) lines.splice(1, 0, `|${rows[0]!.cells.map(() => '---|').join('')}`);
    return `\n${lines.join('\n')}\n`;
  });
}

/**
 * A JSON document's HTML read field by field: its markup is inside its strings (a note app's
 * `textContentHtml`, a chat's message kept as HTML), and a line break written into one as a raw
 * one (`</p>`) would break the document for its reader. Undefined when the text is no JSON.
 */
function jsonHtmlAsText(text: string): string | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  const fields = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return htmlAsText(v);
    if (typeof v !== 'object' || v === null || depth > 64) return v;
    if (Array.isArray(v)) return v.map((x) => fields(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fields(x, depth + 1)]));
  };
  try {
    return JSON.stringify(fields(JSON.parse(text), 0), null, 1);
  } catch {
    // (Not JSON, or nested deeper than the engine writes back: read as any text is.)
    return undefined;
  }
}

/** The text with its HTML markup read as the page shows it; a text with none is returned as it is. */
export function htmlAsText(text: string): string {
  const tags = TAG.test(text);
  const entities = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(text);
  if (!tags && !entities) return text;
  const json = jsonHtmlAsText(text);
  if (json !== undefined) return json;
  let t = text;
  if (tags) {
    t = htmlTables(t)
      .split('\n')
      // A break inside a table's row keeps the row one line (chat sites put `<br>` in cells).
      .map((l) => (/^\s*\|/.test(l) ? l.replace(/<br\s*\/?>/gi, ' ') : l))
      .join('\n')
      .replace(/<sub>([^<]{1,40})<\/sub>/gi, (_m, s: string) => script('_', s))
      .replace(/<sup>([^<]{1,40})<\/sup>/gi, (_m, s: string) => script('^', s))
      .replace(/<br\s*\/?>\s*(?:\n)?/gi, '\n')
      .replace(new RegExp(TAG.source, 'gi'), (tag) => {
        const name = /^<\/?([a-z0-9]+)/i.exec(tag)![1]!.toLowerCase();
        if (name === 'b' || name === 'strong') return '**';
        if (name === 'li') return tag.startsWith('</') ? '\n' : '- ';
        return tag.startsWith('</') && /^(?:p|div|h[1-6])$/.test(name) ? '\n' : '';
      });
  }
  // Named and numbered references as HTML defines them (the `entities` package, htmlparser2's); an unknown name stays as written.
  return t.replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (m) => decodeHTMLStrict(m));
}
