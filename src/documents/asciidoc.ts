/**
 * An AsciiDoc document (`= Title`, `:attribute:` lines, `== Section` titles, `*bold*`, `[source]`
 * `----` listings, `////` comments) read as the Markdown every other reader knows: its section titles
 * as `#` headings, its constrained bold as `**`, its listing and literal blocks as fenced code, its
 * comments left out. Its math macros are read by the math spans' pass. Only a text AsciiDoc marks as
 * its own (section titles of `=` and an attribute line or a delimited block) is changed: a Markdown
 * text with a setext underline of `===` or a `----` rule stays as it is.
 */

/** A section title: `=` to `======`, a space, the title. */
const TITLE = /^(={1,6})[ \t]+(\S.*)$/;
/** Marks only AsciiDoc writes: a document attribute, a block's attribute list, a delimited block of its own. */
const OWN_MARK = /^(?::[\w-]+:(?:[ \t].*)?|\[(?:source|quote|verse|stem|latexmath|asciimath|abstract|cols=[^\]]*|NOTE|TIP|IMPORTANT|WARNING|CAUTION)(?:,[^\]]*)?\]|_{4,}|\+{4,}|\|===)[ \t]*$/m;

/** Whether a text is AsciiDoc: two section titles of two `=` or more, and a mark only AsciiDoc writes. */
export function isAsciiDoc(text: string): boolean {
  const titles = text.match(/^={2,6}[ \t]+\S/gm);
  return !!titles && titles.length >= 2 && OWN_MARK.test(text);
}

/** The text as Markdown when it is AsciiDoc; as it is otherwise. */
export function asciiDocAsMarkdown(text: string): string {
  if (!/^={2,6}[ \t]+\S/m.test(text) || !isAsciiDoc(text)) return text;
  const out: string[] = [];
  let verbatim: string | undefined;
  let comment = false;
  for (const line of text.split('\n')) {
    if (comment) {
      if (/^\/{4,}[ \t]*$/.test(line)) comment = false;
      continue;
    }
    if (verbatim) {
      if (line.trimEnd() === verbatim) {
        verbatim = undefined;
        out.push('```');
      } else out.push(line);
      continue;
    }
    if (/^\/{4,}[ \t]*$/.test(line)) {
      comment = true;
      continue;
    }
    if (/^\/\/(?!\/)/.test(line)) continue;
    // A listing (`----`) or literal (`....`) block is code or output, never prose to read as answers.
    if (/^(?:-{4,}|\.{4,})[ \t]*$/.test(line)) {
      verbatim = line.trimEnd();
      const source = /^\[source,[ \t]*([\w+-]+)/.exec(out.at(-1) ?? '');
      if (source) out.pop();
      out.push(`\`\`\`${source?.[1] ?? ''}`);
      continue;
    }
    const t = TITLE.exec(line);
    if (t) {
      // (A title may close with its marks too: `== Problem 2 ==`.)
      out.push(`${'#'.repeat(t[1]!.length)} ${t[2]!.replace(/[ \t]+=+[ \t]*$/, '')}`);
      continue;
    }
    // `*Final answer (a):*` is AsciiDoc's bold.
    out.push(line.replace(/(^|[\s(])\*([^*\s][^*\n]*?[^*\s]|[^*\s])\*(?=[\s.,;:)]|$)/g, '$1**$2**'));
  }
  return out.join('\n');
}
