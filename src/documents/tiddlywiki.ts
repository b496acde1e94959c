/**
 * A TiddlyWiki tiddler (a `.tid` file, or its text copied out of the wiki): fields over a blank line
 * (`title:`, `tags:`, `type: text/vnd.tiddlywiki`), then wikitext: headings `! Q3`, `!! (a)`, `!!! (i)`,
 * bold `''x''`, italics `//x//`, tables of `|!header|cell|` rows with no rule under the header,
 * `[img[...]]`, `[[links]]`, `{{{ code }}}`, and math in `$$...$$` whether it stands alone or runs in a
 * sentence (the KaTeX plugin's one delimiter). Read as written no heading is one and every part is
 * lost. In a text TiddlyWiki marks as its own (its type field, or two `!` headings and a mark only it
 * writes), the fields are left out and the wikitext read as the Markdown every other reader knows:
 * headings as `#`, numbered lists' `#` as `1.`, bold as `**`, italics as `*`, tables with their rule, `$$...$$` inside a
 * sentence as `$...$`, links as their words, images left out.
 */

/** A heading: one to six `!` at a line's start, then its title. */
const HEADING = /^(!{1,6})[ \t]*(\S.*)$/;
/** A tiddler's type field: the wiki's own name for its markup. */
const TYPE_FIELD = /^type:[ \t]*text\/vnd\.tiddlywiki[ \t]*$/m;
/** Marks only wikitext writes: `''bold''`, a table's `|!header` cell, `[img[`, a `<<macro>>`, a `{{transclusion}}`, `{{{` code. */
const OWN_MARK = /''[^'\n]+''|^\|!|\[img[ \t]*\[|<<[A-Za-z][\w-]*(?:[ \t][^>\n]*)?>>|\{\{[^{}\n]+\}\}|^\{\{\{[ \t]*$/m;
/** A field line of a tiddler's header: a lower-case name, a colon, a value. */
const FIELD = /^[a-z][a-z0-9_.-]{0,30}:[ \t]?.*$/;

/** Whether a text is TiddlyWiki's wikitext: its type field, or two `!` headings and a mark of its own. */
export function isTiddlyWiki(text: string): boolean {
  if (TYPE_FIELD.test(text)) return true;
  const headings = text.match(/^!{1,6}[ \t]*[^\s!]/gm);
  return !!headings && headings.length >= 2 && OWN_MARK.test(text);
}

/** The text as Markdown when it is a tiddler; as it is otherwise. */
export function tiddlyWikiAsMarkdown(text: string): string {
  // (Every text comes through here: a line opening with `!`, or the type field, before the costlier tests.)
  if (!/^!|^type:[ \t]*text\/vnd\.tiddlywiki/m.test(text) || !isTiddlyWiki(text)) return text;
  const lines = text.split('\n');
  // The fields over the first blank line are the wiki's record of the tiddler (its title may name
  // parts, `Q4(a)(b)`, that a heading would take for a label), no one's answer.
  let start = 0;
  if (FIELD.test(lines[0] ?? '')) {
    const blank = lines.findIndex((l) => !l.trim());
    if (blank > 0 && lines.slice(0, blank).every((l) => FIELD.test(l))) start = blank + 1;
  }
  const out: string[] = [];
  let code = false;
  let table = false;
  for (const line of lines.slice(start)) {
    if (/^(?:```|\{\{\{|\}\}\})[ \t]*$/.test(line.trim())) {
      code = !code;
      out.push('```');
      continue;
    }
    if (code) {
      out.push(line);
      continue;
    }
    if (/^\|.*\|[hfck]?[ \t]*$/.test(line)) {
      // `|caption|c`, `|class|k`: the table's caption and class, no row of it.
      if (/\|[ck][ \t]*$/.test(line)) continue;
      const cells = line
        .replace(/\|[hf]?[ \t]*$/, '')
        .slice(1)
        .split('|');
      const row = `| ${cells.map((c) => inlineAsMarkdown(c.replace(/^[ \t]*!/, '').trim())).join(' | ')} |`;
      out.push(row);
      // A header row (its cells `!`-marked, or the row marked `|h`) gets the rule Markdown draws under one; a table without one gets an empty header.
      if (!table) {
        const header = /\|h[ \t]*$/.test(line) || cells.every((c) => /^[ \t]*!/.test(c));
        if (header) out.push(`|${cells.map(() => '---|').join('')}`);
        else out.splice(out.length - 1, 0, `|${cells.map(() => ' |').join('')}`, `|${cells.map(() => '---|').join('')}`);
      }
      table = true;
      continue;
    }
    table = false;
    // `# step` is wikitext's numbered list, never a heading (`## step` is one level in).
    const numbered = /^(#{1,6})[ \t]+(\S.*)$/.exec(line);
    if (numbered) {
      out.push(`${'   '.repeat(numbered[1]!.length - 1)}1. ${inlineAsMarkdown(numbered[2]!)}`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push(`${'#'.repeat(heading[1]!.length)} ${inlineAsMarkdown(heading[2]!)}`);
      continue;
    }
    out.push(inlineAsMarkdown(line));
  }
  return out.join('\n');
}

/** One line's inline wikitext as Markdown. */
function inlineAsMarkdown(line: string): string {
  let t = line
    .replace(/\[img(?:[ \t][^[\]\n]*)?\[[^\]\n]*\]\]/g, '')
    .replace(/\[\[([^|\]\n]+)\|[^\]\n]*\]\]/g, '$1')
    .replace(/\[\[([^\]\n]+)\]\]/g, '$1')
    .replace(/''([^'\n]+)''/g, '**$1**')
    // (`//x//` is italics, not a URL's `https://`: no colon or word right before it.)
    .replace(/(^|[^:\w/])\/\/(?=\S)([^/\n]+?)\/\/(?![\w/])/g, '$1*$2*');
  // `for $$n=0,\dots,6$$ (L = 7)`: math inside a sentence is inline, whatever its delimiter; a line that is only a display stays one.
  if (t.includes('$$') && !/^[ \t]*\$\$[^$]*\$\$[ \t]*[.,;]?[ \t]*$/.test(t)) t = t.replace(/\$\$([^$\n]+)\$\$/g, '$$$1$$');
  return t;
}
