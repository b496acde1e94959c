/**
 * A Texinfo document's source (`\input texinfo`, `@node` / `@chapter` / `@section`, `@math{...}`,
 * `@example ... @end example`) read as the Markdown and LaTeX every other reader knows, as troff's is
 * (roff.ts). Its commands are structure: a sectioning command is a heading (Texinfo numbers chapters
 * itself: only the title's words are the writer's); `@example`, `@verbatim`, `@lisp` are code;
 * `@quotation Answer` is text under its tag; `@itemize` / `@enumerate` / `@table` items are a list's;
 * `@tex` and `@displaymath` are displayed TeX and `@math{...}` inline TeX (Texinfo's math is TeX's
 * syntax); `@c` / `@comment`, `@ignore`, the menu, the title page and the copying text are no content
 * of the write-up; `@{`, `@}` and `@@` are the characters they escape. Conditionals are read as
 * texi2pdf prints them. A text with fewer than three of these commands is no Texinfo and stays as it is.
 */

/** Commands only Texinfo writes at a line's start: three of them (or `\input texinfo`) make a text Texinfo. */
const COMMANDS =
  /^@(?:node|top|chapter|section|subsection|subsubsection|unnumbered\w*|appendix\w*|heading|subheading|setfilename|settitle|example|smallexample|verbatim|lisp|quotation|itemize|enumerate|multitable|end [a-z]+|bye|math\{|tex)\b/gm;

/** Sectioning commands by the depth of the heading they make. */
const SECTIONS: Readonly<Record<string, number>> = {
  top: 1,
  chapter: 1,
  unnumbered: 1,
  appendix: 1,
  majorheading: 1,
  chapheading: 1,
  section: 2,
  unnumberedsec: 2,
  appendixsec: 2,
  appendixsection: 2,
  heading: 2,
  subsection: 3,
  unnumberedsubsec: 3,
  appendixsubsec: 3,
  subheading: 3,
  subsubsection: 4,
  unnumberedsubsubsec: 4,
  appendixsubsubsec: 4,
  subsubheading: 4,
};

/** Blocks whose lines are code, printed as typed (`@verbatim` does not even read its `@` commands). */
const CODE_BLOCKS = new Set(['example', 'smallexample', 'lisp', 'smalllisp', 'verbatim']);
/** Blocks of displayed TeX. */
const TEX_BLOCKS = new Set(['tex', 'displaymath']);
/**
 * Blocks that print nothing of the write-up: navigation, legal and title pages (which repeat the
 * title), ignored text, and the output formats other than the printed one.
 */
const DROPPED_BLOCKS = new Set([
  'menu',
  'detailmenu',
  'copying',
  'titlepage',
  'ignore',
  'direntry',
  'documentdescription',
  'ifinfo',
  'ifhtml',
  'ifplaintext',
  'ifdocbook',
  'ifxml',
  'ifnottex',
  'html',
  'docbook',
  'xml',
  'latex',
]);
/** Blocks whose lines are the write-up's text as it is (and `@center`, a line of text). */
const TEXT_BLOCKS =
  /^(?:display|smalldisplay|format|smallformat|cartouche|indentedblock|smallindentedblock|group|flushleft|flushright|center|raggedright|iftex|ifnotinfo|ifnothtml|ifnotplaintext|ifnotdocbook|ifnotxml|ifset|ifclear)$/;
/** Lines of the header and commands that print nothing. */
const SILENT =
  /^@(?:setfilename|settitle|documentencoding|documentlanguage|setchapternewpage|paragraphindent|firstparagraphindent|exampleindent|finalout|smallbook|afourpaper|headings|syncodeindex|synindex|defindex|defcodeindex|printindex|contents|shortcontents|summarycontents|node|bye|set|clear|include|insertcopying|vskip|page|need|sp|noindent|indent|anchor\{[^}]*\}|cindex|findex|vindex|kindex|pindex|tindex|allowcodebreaks|frenchspacing|kbdinputstyle|deftypefnnewline|urefbreakstyle|codequoteundirected|codequotebacktick|dircategory|centerchap)(?:[ \t{].*)?$/;

/** Inline commands whose braces hold code or a name, written in a code span. */
const CODE_SPANS = new Set(['code', 'samp', 'command', 'option', 'env', 'file', 'kbd', 'key', 'verb', 't', 'indicateurl']);
/** `@name{}` glyphs as the characters texi2pdf prints. */
const GLYPHS: Readonly<Record<string, string>> = {
  dots: '…',
  enddots: '…',
  minus: '−',
  result: '⇒',
  expansion: '↦',
  equiv: '≡',
  error: 'error→',
  print: '-|',
  point: '∗',
  copyright: '©',
  registeredsymbol: '®',
  TeX: 'TeX',
  LaTeX: 'LaTeX',
  tie: ' ',
  bullet: '•',
  geq: '≥',
  leq: '≤',
  comma: ',',
  arrow: '→',
  click: '→',
  today: '',
  euro: '€',
  pounds: '£',
  textdegree: '°',
};

/** Nesting deeper than any write-up's: below it, a command's braces are read as they stand. */
const MAX_DEPTH = 32;

/** `@{`, `@}`, `@@` and the punctuation commands as the characters they print. */
function unescaped(text: string): string {
  return text.replace(/@([@{}.:?!*/\- \t&])/g, (_m, c: string) => PUNCTUATION[c] ?? c);
}

/** What `@` and a punctuation mark print: a line break (`@*`), a space, or nothing (`@-` a hyphenation point, `@/` a break point, `@:` no sentence's end). */
const PUNCTUATION: Readonly<Record<string, string>> = { '*': '\n', '\t': ' ', '-': '', '/': '', ':': '' };

/** Where the brace group opened at `open` closes (its `}`), escapes and nested groups passed over; -1 when it never does. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '@') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** A run of text with its inline commands read: `@math{...}` as `$...$`, `@code{x}` as `` `x` ``, `@emph{x}` as `*x*`. */
function inline(text: string, depth = 0): string {
  if (!text.includes('@')) return prose(text);
  let out = '';
  let from = 0;
  const command = /@([A-Za-z]+)(\{)?|@[@{}.:?!*/\- \t&]/g;
  for (let m = command.exec(text); m; m = command.exec(text)) {
    out += prose(text.slice(from, m.index));
    from = command.lastIndex;
    const name = m[1];
    if (!name) {
      out += unescaped(m[0]);
      continue;
    }
    if (!m[2]) {
      // (`@c` to the line's end is a comment, wherever the line it ends began.)
      if (name === 'c' || name === 'comment') {
        const end = text.indexOf('\n', from);
        from = end < 0 ? text.length : end;
        command.lastIndex = from;
      }
      continue;
    }
    const open = command.lastIndex - 1;
    const close = depth < MAX_DEPTH ? closingBrace(text, open) : -1;
    if (close < 0) {
      out += prose(m[0]);
      continue;
    }
    const body = text.slice(open + 1, close);
    from = close + 1;
    command.lastIndex = from;
    out += spanOf(name, body, depth);
  }
  return out + prose(text.slice(from));
}

/** One inline command with its braces' text, as Markdown. */
function spanOf(name: string, body: string, depth: number): string {
  if (name === 'math') {
    const tex = plainTexFractions(unescaped(body).replace(/\s+/g, ' ').trim());
    return tex ? `$${tex}$` : '';
  }
  if (name in GLYPHS && !body.trim()) return GLYPHS[name]!;
  if (CODE_SPANS.has(name)) {
    const code = name === 'verb' ? body.slice(1, -1) : unescaped(body);
    return code.trim() ? `\`${code.replace(/\s+/g, ' ').trim()}\`` : '';
  }
  if (name === 'emph' || name === 'i') return mark(inline(body, depth + 1), '*');
  if (name === 'strong' || name === 'b') return mark(inline(body, depth + 1), '**');
  if (name === 'footnote') return ` (${inline(body, depth + 1).trim()})`;
  if (name === 'anchor' || name === 'index' || name === 'cindex') return '';
  // (A reference prints its node's or its own words; a link its text, else its address.)
  if (/^(?:x|px)?ref$|^uref$|^url$|^email$|^inforef$/.test(name)) {
    const [target = '', second = '', third = ''] = body.split(',').map((s) => s.trim());
    const words = name.endsWith('ref') && name !== 'uref' ? third || second || target : second || target;
    return inline(words, depth + 1);
  }
  // (A command that only sets its words' look, an accent, or one this reader does not know: its words, which are what a reader sees.)
  return inline(body, depth + 1);
}

/** Plain TeX's infix fractions: `\over` (and `\choose`) divides the whole group it stands in. */
const INFIX = /\\(over|choose)(?![A-Za-z])/;

/**
 * A formula in plain TeX (which Texinfo typesets with) with its infix fractions written as LaTeX's:
 * `{W - K + 2P \over S}` as `{\frac{W - K + 2P}{S}}`, which the LaTeX reader knows.
 */
export function plainTexFractions(tex: string): string {
  let out = tex;
  // (Each rewrite takes one infix away: a formula has at most as many as it has characters.)
  for (let n = 0; n < 64; n++) {
    const m = INFIX.exec(out);
    if (!m) return out;
    let open = m.index - 1;
    for (let depth = 0; open >= 0; open--) {
      if (out[open] === '}' && out[open - 1] !== '\\') depth++;
      else if (out[open] === '{' && out[open - 1] !== '\\' && depth-- === 0) break;
    }
    let close = m.index + m[0].length;
    for (let depth = 0; close < out.length; close++) {
      if (out[close] === '{' && out[close - 1] !== '\\') depth++;
      else if (out[close] === '}' && out[close - 1] !== '\\' && depth-- === 0) break;
    }
    const above = out.slice(open + 1, m.index).trim();
    const below = out.slice(m.index + m[0].length, close).trim();
    out = `${out.slice(0, open + 1)}\\${m[1] === 'over' ? 'frac' : 'binom'}{${above}}{${below}}${out.slice(close)}`;
  }
  return out;
}

/** Bold or italic around words, its spaces kept outside the marks. */
function mark(words: string, marks: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(words)!;
  return m[2] ? `${m[1]}${marks}${m[2]}${marks}${m[3]}` : words;
}

/** Text outside commands: TeX's dashes and quotes as the characters Texinfo prints. */
function prose(text: string): string {
  return text.replace(/---/g, '—').replace(/--/g, '–').replace(/``|''/g, '"');
}

/** The list a block of items makes: bullets, numbers or letters from a start, or a table's terms. */
interface ListState {
  kind: 'itemize' | 'enumerate' | 'table' | 'multitable';
  next: number | string;
}

/** The marker of an `@enumerate` item (`1.`, `a.`, `C.`) and the counter after it. */
function enumerated(next: number | string): [string, number | string] {
  if (typeof next === 'number') return [`${next}.`, next + 1];
  return [`${next}.`, String.fromCharCode(next.charCodeAt(0) + 1)];
}

/** The text as Markdown and LaTeX when it is a Texinfo document's source; as it is otherwise. */
export function texinfoAsMarkdown(text: string): string {
  if (!text.includes('\n@') && !text.startsWith('@')) return text;
  if (!/^\\input texinfo\b/.test(text) && (text.match(COMMANDS)?.length ?? 0) < 3) return text;
  const out: string[] = [];
  // The runs of prose between blocks, read inline as one (an `@math{...}` may run over lines).
  let prosaic: string[] = [];
  const flush = () => {
    if (prosaic.length) out.push(...inline(prosaic.join('\n')).split('\n'));
    prosaic = [];
  };
  const emit = (...lines: string[]) => {
    flush();
    out.push(...lines);
  };
  const lists: ListState[] = [];
  let dropped: string | undefined;
  let droppedDepth = 0;
  let raw: { name: string; lines: string[] } | undefined;
  let quotationTag: string | undefined;
  for (const line of text.split('\n')) {
    const end = /^@end[ \t]+([a-z]+)/.exec(line)?.[1];
    if (dropped) {
      if (end === dropped && --droppedDepth === 0) dropped = undefined;
      else if (new RegExp(`^@${dropped}\\b`).test(line)) droppedDepth++;
      continue;
    }
    if (raw) {
      if (end === raw.name) {
        if (TEX_BLOCKS.has(raw.name)) {
          const tex = raw.lines.join(' ').replace(/\$\$?/g, '').replace(/\s+/g, ' ').trim();
          if (tex) emit('', `$$${plainTexFractions(raw.name === 'displaymath' ? unescaped(tex) : tex)}$$`, '');
        } else emit('```', ...raw.lines.map((l) => (raw!.name === 'verbatim' ? l : unescaped(l))), '```', '');
        raw = undefined;
      } else raw.lines.push(line);
      continue;
    }
    if (/^\\input texinfo\b/.test(line) || /^@c(?:omment)?(?:[ \t]|$)/.test(line) || SILENT.test(line)) continue;
    const start = /^@([a-z]+)(?:[ \t]+(.*))?$/.exec(line);
    const name = start?.[1];
    const args = start?.[2]?.trim() ?? '';
    if (end) {
      if (end === 'quotation' || end === 'display' || end === 'format' || end === 'cartouche' || end === 'indentedblock' || end === 'smallquotation') emit('');
      if (end === 'itemize' || end === 'enumerate' || end === 'table' || end === 'vtable' || end === 'ftable' || end === 'multitable') {
        lists.pop();
        emit('');
      }
      continue;
    }
    if (name && DROPPED_BLOCKS.has(name)) {
      flush();
      dropped = name;
      droppedDepth = 1;
      continue;
    }
    if (name && (CODE_BLOCKS.has(name) || TEX_BLOCKS.has(name))) {
      flush();
      raw = { name, lines: [] };
      continue;
    }
    if (name && name in SECTIONS) {
      const title = inline(args).trim();
      if (title) emit('', `${'#'.repeat(SECTIONS[name]!)} ${title}`, '');
      continue;
    }
    if (name === 'title') {
      emit('', `# ${inline(args).trim()}`, '');
      continue;
    }
    if (name === 'quotation' || name === 'smallquotation') {
      // (`@quotation Answer` prints its tag before the quotation's words: `Answer: ...`.)
      emit('');
      quotationTag = args ? `**${inline(args).trim()}:** ` : undefined;
      continue;
    }
    if (name && TEXT_BLOCKS.test(name)) {
      if (name === 'center') emit('', inline(args).trim(), '');
      continue;
    }
    if (name === 'itemize' || name === 'enumerate' || name === 'table' || name === 'vtable' || name === 'ftable' || name === 'multitable') {
      const begin = /^[A-Za-z0-9]+$/.test(args) ? args : '';
      const next = name === 'enumerate' ? (/^\d+$/.test(begin) ? Number(begin) : begin.length === 1 ? begin : 1) : 0;
      emit('');
      lists.push({ kind: name === 'itemize' || name === 'enumerate' || name === 'multitable' ? name : 'table', next });
      continue;
    }
    if ((name === 'item' || name === 'itemx' || name === 'headitem') && lists.length) {
      const list = lists.at(-1)!;
      if (list.kind === 'multitable') {
        const cells = args.split(/[ \t]*@tab[ \t]*/).map((c) => inline(c).trim().replace(/\|/g, '\\|'));
        emit(`| ${cells.join(' | ')} |`);
        if (name === 'headitem') emit(`|${cells.map(() => '---|').join('')}`);
        continue;
      }
      if (list.kind === 'table') {
        if (args) emit('', `**${inline(args).trim()}**`, '');
        continue;
      }
      let marker = '-';
      if (list.kind === 'enumerate') [marker, list.next] = enumerated(list.next);
      flush();
      // (The item's words may follow on its line, or on the lines after it.)
      prosaic.push(`${marker} ${args}`);
      continue;
    }
    if (name === 'tab' && lists.at(-1)?.kind === 'multitable') {
      prosaic.push(` | ${args}`);
      continue;
    }
    if (quotationTag && line.trim()) {
      prosaic.push(`${quotationTag}${line}`);
      quotationTag = undefined;
      continue;
    }
    if (!line.trim()) {
      flush();
      out.push('');
      continue;
    }
    prosaic.push(line);
  }
  if (raw) emit('```', ...raw.lines, '```');
  flush();
  return `${out
    .join('\n')
    .replace(/^(- |\d+\. |[A-Za-z]\. )\s*\n(?!\n)/gm, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}
