/**
 * An Emacs org-mode file (`#+TITLE:`, `* Q3 ...` / `** (a) ...` headings, `#+begin_src` blocks,
 * `*Answer:*`) read as the Markdown every other reader knows: its headings as `#` headings, its
 * source blocks as fenced code, its bold as `**`. Only a text org-mode marks as its own (a `#+`
 * keyword line and star headings, or a property drawer) is changed; a Markdown list's `* item` stays as it is.
 *
 * What org itself never exports is no one's answer and is left out (blanked, so lines keep their
 * numbers): comment lines (`# ✓ all three.`, a person's remarks on the buffer they hand in, which as
 * Markdown would be headings) and drawers (`:PROPERTIES:` ... `:END:`, an editor's settings).
 */

/** An org keyword line: `#+TITLE: ...`, `#+begin_src python`, `#+RESULTS:`. */
const KEYWORD = /^[ \t]*#\+[A-Za-z_]+(?::|\s|$)/m;
/** An org heading: one to six stars at the line's start, then a space. */
const HEADING = /^(\*{1,6})[ \t]+(\S.*)$/;
/** A drawer (`:PROPERTIES:`, `:LOGBOOK:`) from its first line to its `:END:`, with nothing but `:KEY: value` lines between. */
const DRAWER = /^[ \t]*:[A-Za-z_-]+:[ \t]*\n(?:[ \t]*:[\w-]+\+?:.*\n)*?[ \t]*:END:[ \t]*$/gim;
/** A comment line: `#` then a space or nothing (`#+` opens a keyword). */
const COMMENT = /^[ \t]*#(?:[ \t]|$)/;

/**
 * Whether a text is org-mode: a `#+` keyword line, and star headings (a first one of a single star
 * with deeper ones under it, or deeper ones only, as an editor's buffer nests its entries) or a
 * property drawer.
 */
export function isOrgMode(text: string): boolean {
  if (!KEYWORD.test(text)) return false;
  DRAWER.lastIndex = 0;
  if (DRAWER.test(text)) return true;
  return /^\*{2,6}[ \t]+\S/m.test(text) && (/^\*[ \t]+\S/m.test(text) || !/^\*[ \t]/m.test(text));
}

/** The text as Markdown when it is org-mode; as it is otherwise. */
export function orgAsMarkdown(text: string): string {
  if (!isOrgMode(text)) return text;
  let source = false;
  return text
    .replace(DRAWER, (d) => d.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => {
      const src = /^([ \t]*)#\+begin_(?:src|example)(?:[ \t]+([\w+-]+))?.*$/i.exec(line);
      if (src) {
        source = true;
        return `${src[1]}\`\`\`${src[2] ?? ''}`;
      }
      if (/^[ \t]*#\+end_(?:src|example)\b/i.test(line)) {
        source = false;
        return line.replace(/#\+end_\w+.*$/i, '```');
      }
      // (Inside a source block, `# ...` is the code's own comment.)
      if (source) return line;
      if (COMMENT.test(line)) return '';
      const h = HEADING.exec(line);
      if (h) return `${'#'.repeat(h[1]!.length)} ${h[2]}`;
      // `*Answer:*` is org's bold.
      return line.replace(/(^|[\s(])\*([^*\s][^*\n]*?[^*\s]|[^*\s])\*(?=[\s.,;:)]|$)/g, '$1**$2**');
    })
    .join('\n');
}
