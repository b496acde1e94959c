/**
 * Mathematics a blogging or documentation platform writes in its template tags, read as the `$...$` /
 * `$$...$$` every reader after this pass knows: Liquid's and Nunjucks' blocks (DEV's and Jekyll's
 * `{% katex %}` / `{% katex inline %}` ... `{% endkatex %}`, Hexo's `{% mathjax %}`), Hugo's shortcodes
 * (`{{< katex >}}` ... `{{< /katex >}}`, `{{< math >}}`, `{{% math %}}`) and WordPress's (`[katex]`,
 * `[latex display="true"]`, Jetpack's `$latex x^2$`). Left as tags, a formula's reader takes the tags'
 * words and `%}` for the answer. The tags around it are the platform's, not the writer's words: a pair
 * that only lets its body through (`{% raw %}`) loses its tags, a code tag (`{% highlight python %}`)
 * becomes a fence, and a tag alone on its line that closes no block (`{% embed https://... %}`,
 * `{{< figure src=... >}}`) is taken off. A fenced block or a code span is code and stays as it is, as
 * do a Liquid output's `{{ name }}` and a LaTeX set's `\{ ... \}`.
 */

/** The cheap test: a Liquid or Hugo tag, a WordPress math shortcode, Jetpack's `$latex`. */
const ANY_TAG = /(?<!\\)\{%-?[ \t]*[A-Za-z]|\{\{[<%]-?[ \t]*\/?[ \t]*[A-Za-z]|\[(?:katex|latex|math|tex|mathjax|latexpage)\b[^\]\n]*\]|\$latex[ \t]/i;

/** The names platforms give a math tag. */
const MATH_NAMES = 'katex|mathjax|math|latex|tex';

/** A Liquid (Nunjucks) math block: `{% katex inline %}...{% endkatex %}`; its body holds no other tag. */
const LIQUID_MATH = new RegExp(`(?<!\\\\)\\{%-?[ \\t]*(${MATH_NAMES})\\b[^%\\n]*?-?%\\}((?:(?!\\{%)[\\s\\S])*?)\\{%-?[ \\t]*end\\1[ \\t]*-?%\\}`, 'gi');

/** A Hugo math shortcode: `{{< katex display >}}...{{< /katex >}}` or with `%` for `<`; its body holds no other shortcode. */
const HUGO_MATH = new RegExp(`\\{\\{([<%])-?[ \\t]*(${MATH_NAMES})\\b[^\\n]*?-?[>%]\\}\\}((?:(?!\\{\\{[<%])[\\s\\S])*?)\\{\\{[<%]-?[ \\t]*\\/[ \\t]*\\2[ \\t]*-?[>%]\\}\\}`, 'gi');

/** A WordPress math shortcode with any attributes: `[katex display=true]...[/katex]`; its body never runs over a blank line. */
const WORDPRESS_MATH = new RegExp(`\\[(${MATH_NAMES})\\b[^\\]\\n]*\\]((?:(?!\\[\\/\\1\\])[^\\n]|\\n(?![ \\t]*\\n))*?)\\[\\/\\1\\]`, 'gi');

/** Jetpack's inline LaTeX, `$latex x^2$`, with its size and colour options (`&s=2&bg=fff`) after the formula. */
const JETPACK_LATEX = /\$latex[ \t]+([^$\n]+?)(?:&(?:s|bg|fg)=[^$&\n]*)*\$/g;

/** A math tag left without its pair: a switch that turns a page's maths on (Blowfish's `{{< katex >}}`, QuickLaTeX's `[latexpage]`). */
const MATH_SWITCH = new RegExp(
  `(?<!\\\\)\\{%-?[ \\t]*(?:end)?(?:${MATH_NAMES})\\b[^%\\n]*?-?%\\}|\\{\\{[<%]-?[ \\t]*\\/?[ \\t]*(?:${MATH_NAMES})\\b[^\\n]*?-?[>%]\\}\\}|\\[(?:latexpage|mathjax)\\]`,
  'gi',
);

/** Tags that only let their body through: Liquid's `{% raw %}`, Hugo's `{{< raw >}}`, jekyll-katex's `{% katexmm %}` (its body has its own `$`). */
const PASS_THROUGH = /(?<!\\)\{%-?[ \t]*(?:end)?(?:raw|katexmm)[ \t]*-?%\}|\{\{[<%]-?[ \t]*\/?[ \t]*(?:raw|rawhtml)[ \t]*-?[>%]\}\}/gi;

/** A code tag on its own line, opening (with its language) or closing: Jekyll's `{% highlight %}`, Hexo's `{% codeblock %}`, Hugo's `{{< highlight >}}`. */
const CODE_OPEN = /^[ \t]*(?:\{%-?[ \t]*(?:highlight|codeblock)|\{\{[<%]-?[ \t]*highlight)(?:[ \t]+(?:lang:)?([\w+#.-]+))?[^\n]*?-?(?:%\}|[>%]\}\})[ \t]*$/i;
const CODE_CLOSE = /^[ \t]*(?:\{%-?[ \t]*end(?:highlight|codeblock)|\{\{[<%]-?[ \t]*\/[ \t]*highlight)[ \t]*-?(?:%\}|[>%]\}\})[ \t]*$/i;

/** A line that is one Liquid tag or Hugo shortcode and nothing else, with its name. */
const LONE_TAG = /^[ \t]*(?:\{%-?[ \t]*([A-Za-z][\w.-]*)[^\n]*?-?%\}|\{\{[<%]-?[ \t]*([A-Za-z][\w.-]*)[^\n]*?-?[>%]\}\})[ \t]*$/;

/** The fence a code tag's block is in, told from a fence's backticks or tildes. */
const TAG_BLOCK = 'code tag';

/** A code fence's line. */
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * A formula's body as the text that replaces its tags: on lines of its own a display, else inline; a
 * body with its own delimiters (`$$...$$` inside Hugo's `{{< math >}}`) as it is. Its line breaks stay,
 * so every line after it keeps its number in the file (where a reader of the file's lines looks).
 */
function formula(body: string, display: boolean): string {
  if (!body.trim()) return body.replace(/[^\n]/g, '');
  if (/\$|\\\(|\\\[/.test(body)) return body;
  if (display) return `$$${body}$$`;
  const breaks = body.replace(/[^\n]/g, '');
  return `$${body.trim().replace(/[ \t]*\n[ \t]*/g, ' ')}$${breaks}`;
}

/** Whether a match stands on lines of its own: nothing but spaces before it on its first line and after it on its last. */
function onOwnLines(text: string, start: number, end: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  return !before.trim() && !after.trim();
}

/** A piece of prose (no fence, no code span) with its math tags as formulas and its wrappers taken off. */
function prose(piece: string): string {
  const asFormula = (body: string, match: string, offset: number, whole: string) => formula(body, onOwnLines(whole, offset, offset + match.length));
  return piece
    .replace(LIQUID_MATH, (m, _name: string, body: string, offset: number, whole: string) => asFormula(body, m, offset, whole))
    .replace(HUGO_MATH, (m, _mark: string, _name: string, body: string, offset: number, whole: string) => asFormula(body, m, offset, whole))
    .replace(WORDPRESS_MATH, (m, _name: string, body: string, offset: number, whole: string) => asFormula(body, m, offset, whole))
    .replace(JETPACK_LATEX, (_m, body: string) => `$${body.trim()}$`)
    .replace(PASS_THROUGH, '')
    .replace(MATH_SWITCH, '');
}

/** A run of lines outside fences, with its code spans kept as they are. */
function outsideCode(lines: readonly string[]): string {
  return lines
    .join('\n')
    .split(/((?<!`)`[^`\n]+`(?!`))/)
    .map((piece, i) => (i % 2 ? piece : prose(piece)))
    .join('');
}

/** The names of the blocks a text closes (`endkatex`, `/details`), so a tag that opens one is no lone tag. */
function closedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{%-?[ \t]*end([A-Za-z][\w.-]*)|\{\{[<%]-?[ \t]*\/[ \t]*([A-Za-z][\w.-]*)/g)) names.add((m[1] ?? m[2]!).toLowerCase());
  return names;
}

/** The text with its platform's template tags read as Markdown; a text with no such tag, as it is. */
export function templateTagsAsMarkdown(text: string): string {
  if (!ANY_TAG.test(text)) return text;
  const closed = closedNames(text);
  const out: string[] = [];
  let run: string[] = [];
  let fence = '';
  const flush = () => {
    if (run.length) out.push(outsideCode(run));
    run = [];
  };
  for (const line of text.split('\n')) {
    if (fence) {
      // (A code tag's block closes at its closing tag only, written as a fence's close.)
      const closes = fence === TAG_BLOCK ? CODE_CLOSE.test(line) : line.trimStart().startsWith(fence);
      out.push(closes && fence === TAG_BLOCK ? '```' : line);
      if (closes) fence = '';
      continue;
    }
    const code = CODE_OPEN.exec(line);
    const opens = code ? undefined : FENCE.exec(line);
    if (code || opens) {
      flush();
      out.push(code ? `\`\`\`${code[1] ?? ''}` : line);
      fence = code ? TAG_BLOCK : opens![1]!;
      continue;
    }
    const lone = LONE_TAG.exec(line);
    const name = (lone?.[1] ?? lone?.[2])?.toLowerCase();
    // (A block's closer, and an opener whose block closes, are read with the block.)
    if (name && !closed.has(name) && !name.startsWith('end')) {
      run.push('');
      continue;
    }
    run.push(line);
  }
  flush();
  return out.join('\n');
}
