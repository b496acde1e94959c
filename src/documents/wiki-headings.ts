import { readLineLabel } from './part-ids.js';

/**
 * Headings in the wiki dialects pasted from team wikis and trackers that no other pass reads:
 * Textile's, Jira's and Confluence's wiki markup `h2. Q4` / `h3. (a) conv layer`, and AsciiDoc's and
 * Typst's `= Question 4: ...` / `== (a) conv layer` in a text with none of AsciiDoc's other marks (the
 * AsciiDoc pass reads a text that has them). As written, the heading's mark stands before the label and hides it. A text
 * with two `hN.` headings at least has all of them read as Markdown's `#` headings; a line that opens
 * with `=` signs and a space is read as one only when a part's label follows (`== 0` or `== b` in code
 * or maths is no heading). Posts set their titles between ornaments, the same on both sides (`⋆ question 4(b) ⋆`,
 * `✦ Question 2 ✦`, `★ Q3 ★`): such a line is a heading when it names a question or a part, and between a
 * chat's exchanges it heads the next one as a Markdown heading would.
 */

/** Textile's heading: `h1.` to `h6.` at a line's start, a space, the title. */
const TEXTILE = /^h([1-6])\.[ \t]+(\S.*)$/;
/** AsciiDoc's and Typst's section title: one to six `=`, a space, the title; one closed by `=` too is a framed title, which the wiki's and the rules' passes read. */
const EQUALS_TITLE = /^(={1,6})[ \t]+([^=\s](?:.*[^=\s])?)[ \t]*$/;

/**
 * A title between ornaments: one to three symbols (no letter, digit, bracket or sign Markdown or maths
 * gives a meaning: `*`, `=`, `-`, `#`, `|`, `~`, `<`, `>`), the same after it.
 */
const ORNAMENTED_TITLE = /^[ \t]*([^\p{L}\p{N}\s*_=#>|~+<$\\()[\]{}.,;:!?'"`/-]{1,3})[ \t]+(\S[^\n]{0,60}?)[ \t]+\1[ \t]*$/u;
/** Cheap test: a line that opens on a symbol, a space and a letter (bounded; most texts have none). */
const MAY_BE_ORNAMENTED = /^[ \t]*[\p{S}\p{Po}][\uFE0F]?[ \t]+\p{L}/mu;

/** The text with its Textile headings, AsciiDoc titles and ornamented titles of parts as Markdown headings; as it is when it has none. */
export function wikiHeadingsAsMarkdown(text: string): string {
  const textile = (text.match(/^h[1-6]\.[ \t]+\S/gm)?.length ?? 0) >= 2;
  const equals = /^={1,6}[ \t]+[^=\s]/m.test(text);
  const ornamented = MAY_BE_ORNAMENTED.test(text);
  if (!textile && !equals && !ornamented) return text;
  let changed = false;
  const out = text.split('\n').map((line) => {
    const t = textile ? TEXTILE.exec(line) : undefined;
    const e = !t && equals ? EQUALS_TITLE.exec(line) : undefined;
    const o = !t && !e && ornamented && line.length <= 80 ? ORNAMENTED_TITLE.exec(line) : undefined;
    const named = (title: string) => {
      const label = readLineLabel(`${title} `);
      return !!(label?.question || label?.part);
    };
    const heading = t ? { level: Number(t[1]), title: t[2]! } : e && readLineLabel(`${e[2]} `) ? { level: e[1]!.length, title: e[2]! } : o && named(o[2]!) ? { level: 2, title: o[2]! } : undefined;
    if (!heading) return line;
    changed = true;
    return `${'#'.repeat(heading.level)} ${heading.title}`;
  });
  return changed ? out.join('\n') : text;
}
