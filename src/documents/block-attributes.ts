/**
 * A kramdown inline attribute list (`{: id="20251015223436-h1i2j3k" updated="…"}`, `{:.note}`,
 * `{: #intro}`), which note apps that export kramdown put under every block: the block's markup, not
 * its text. Left in, it is the last line of each paragraph, so a part's note (`TODO`) ends on an id
 * that reads as its answer. A line of attributes alone is blanked (lines keep their numbers); one at
 * a line's start or end (a list item's own, `* {: id="…"}plot: …`) is cut.
 */

/** Cheap test first: kramdown's opening of an attribute list. */
const MAY_HAVE = /\{:[ \t]*[\w.#-]/;

/** One attribute list: `{:` then names with quoted or bare values, `.class` or `#id`, then `}`. */
const LIST = String.raw`\{:[ \t]*(?:(?:[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+)|[.#][\w-]+)[ \t]*)+\}`;
const WHOLE_LINE = new RegExp(String.raw`^[ \t]*${LIST}[ \t]*$`, 'gm');
const AT_EDGE = new RegExp(String.raw`^([ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?)${LIST}[ \t]*|[ \t]*${LIST}[ \t]*$`, 'gm');

/** The text with every kramdown attribute list left out; unchanged when it has none. */
export function withoutBlockAttributes(text: string): string {
  if (!MAY_HAVE.test(text)) return text;
  return text.replace(WHOLE_LINE, '').replace(AT_EDGE, (_, lead: string | undefined) => lead ?? '');
}
