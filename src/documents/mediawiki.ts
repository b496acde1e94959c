/**
 * A wiki page's source (MediaWiki and the wikis that copy its markup: `== Problem 2 ==`,
 * `=== (b) ===`, `'''bold'''`) read as the Markdown every other reader knows: a line framed by the
 * same run of `=` on both sides is a section title, whatever its words, and `'''` marks bold, in a text
 * that shows a wiki's own markup. Its `<math>` spans are read by the math spans' pass. A text with no
 * framed title, or framed lines and no wiki markup (a log's `=== prompt ===` separators), is left as it is.
 */

/** A title framed by the same run of `=` (one to six) on both sides. */
const FRAMED_TITLE = /^(={1,6})[ \t]*([^=\s](?:.*[^=\s])?)[ \t]*\1[ \t]*$/;

/** Markup only a wiki writes: bold `'''`, `[[Links]]` (not a nested list's `[[1, 2]]`), `<math>`, `<ref>`, an external link `[https://... words]`. */
const WIKI_MARK = /'''|\[\[[A-Za-z][^\]\n]*\]\]|<math[\s>]|<ref[\s>]|\[https?:\/\/\S+ [^\]\n]+\]/;

/** The text as Markdown when it has wiki titles; as it is otherwise. */
export function mediaWikiAsMarkdown(text: string): string {
  // (Every text comes through here: a line that opens with `=` and one that closes with it, before the costlier test.)
  if (!/^=/m.test(text) || !/=[ \t]*$/m.test(text) || !/^(={1,6})[ \t]*[^=\s].*\1[ \t]*$/m.test(text)) return text;
  // A log's framed separators (`=== prompt [3a] ===` / `=== response ===`) are its turns, not a page's sections: a wiki page shows its own markup too.
  if (!WIKI_MARK.test(text)) return text;
  const lines = text.split('\n');
  // Two framed titles at least: one such line may be a rule or a banner.
  if (lines.filter((l) => FRAMED_TITLE.test(l)).length < 2) return text;
  return lines
    .map((line) => {
      const t = FRAMED_TITLE.exec(line);
      if (t) return `${'#'.repeat(t[1]!.length)} ${t[2]}`;
      return line.includes("'''") ? line.replace(/'''([^'\n]+?)'''/g, '**$1**') : line;
    })
    .join('\n');
}
