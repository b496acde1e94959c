/**
 * An Emacs org-mode file (`#+TITLE:`, `* Q3 ...` / `** (a) ...` headings, `#+begin_src` blocks,
 * `*Answer:*`) read as the Markdown every other reader knows: its headings as `#` headings, its
 * source blocks as fenced code, its bold as `**`. Only a text org-mode marks as its own (a `#+`
 * keyword line and star headings) is changed; a Markdown list's `* item` stays as it is.
 */

/** An org keyword line: `#+TITLE: ...`, `#+begin_src python`, `#+RESULTS:`. */
const KEYWORD = /^[ \t]*#\+[A-Za-z_]+(?::|\s|$)/m;
/** An org heading: one to six stars at the line's start, then a space. */
const HEADING = /^(\*{1,6})[ \t]+(\S.*)$/;

/** Whether a text is org-mode: a `#+` keyword line and a star heading below a first one of a single star. */
export function isOrgMode(text: string): boolean {
  return KEYWORD.test(text) && /^\*[ \t]+\S/m.test(text) && /^\*{2,6}[ \t]+\S/m.test(text);
}

/** The text as Markdown when it is org-mode; as it is otherwise. */
export function orgAsMarkdown(text: string): string {
  if (!isOrgMode(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const h = HEADING.exec(line);
      if (h) return `${'#'.repeat(h[1]!.length)} ${h[2]}`;
      const src = /^([ \t]*)#\+begin_(?:src|example)(?:[ \t]+([\w+-]+))?.*$/i.exec(line);
      if (src) return `${src[1]}\`\`\`${src[2] ?? ''}`;
      if (/^[ \t]*#\+end_(?:src|example)\b/i.test(line)) return line.replace(/#\+end_\w+.*$/i, '```');
      // `*Answer:*` is org's bold.
      return line.replace(/(^|[\s(])\*([^*\s][^*\n]*?[^*\s]|[^*\s])\*(?=[\s.,;:)]|$)/g, '$1**$2**');
    })
    .join('\n');
}
