/**
 * What a Markdown exporter (Google Docs, Notion, Confluence, Word through pandoc) writes for plain
 * text, read back as that text. Exporters escape every character Markdown might take for markup
 * (`d\_out`, `c \= 1/√d`, `1\.`, `\~`, `\*`); CommonMark reads a backslash before ASCII punctuation
 * as that character, so outside math and code such an escape is the character wherever an answer is
 * taken. Inside `$...$`, `\(...\)`, `\[...\]`, a LaTeX environment, a code span or a fenced block the
 * backslash is LaTeX's or the code's and stays. Escapes that are also LaTeX of their own outside a
 * math span (`\,` `\;` `\!` `\|` `\{` `\\` `\(` `\[`), that open math when undone (`\$`) or that a
 * later reader takes for markup of its own (`\%` a TeX comment, `\&` a table's column) stay too.
 *
 * An exporter also writes a pasted image as a reference (`![][image1]` in the text, its definition
 * `[image1]: <data:image/png;base64,...>` at the end): such an image is read as its alt text, and a link's
 * reference definition, a URL and no words, is never an answer.
 */

/** The punctuation undone: an exporter's escapes, none of them LaTeX's outside math. */
const ESCAPED = /\\[_*=~#\-+.<>`'"^?@/]/;

/** A line a code fence opens or closes: ``` or ~~~, three or more. */
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** A link's reference definition to a URL or a data URI, with an optional title (CommonMark 4.7). */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|(?:[A-Za-z][\w+.-]*:\/\/|data:|mailto:)\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;

/**
 * An image an exporter pasted: one with no alt text (`![][image1]`, `![](...)`) or with its bytes in a
 * data URI (`![chart](data:image/png;base64,...)`), read as its alt text. (An image with a name and a
 * link, `![q2b.png](attachment)`, stays: its name may say the part it shows.)
 */
const IMAGE = /!\[(\s*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])|!\[([^\]\n]*)\]\(\s*<?data:[^()\n]*\)/g;

/**
 * A text with an exporter's backslash escapes read as their characters, its images as their alt
 * text and its reference definitions left out. A text with none of them (nearly every text) is
 * returned at once; a JSON text (a chat export, whose strings escape `\"` and `\/` as JSON) is left
 * to its reader.
 */
export function markdownEscapesAsText(text: string): string {
  const escapes = ESCAPED.test(text);
  if (!escapes && !text.includes('![') && !text.includes(']:')) return text;
  if (/^\s*[[{]/.test(text) && /^\s*(?:\{\s*"|\[\s*[{[\]])/.test(text)) return text;
  const lines = text.split('\n');
  let fence = '';
  let displayMath = false;
  let environment = 0;
  let changed = false;
  const out: string[] = [];
  for (const line of lines) {
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = '';
      out.push(line);
      continue;
    }
    const opens = FENCE.exec(line);
    if (opens) {
      fence = opens[1]!;
      out.push(line);
      continue;
    }
    if (line.includes(']:') && REFERENCE_DEFINITION.test(line)) {
      changed = true;
      continue;
    }
    let read = line.includes('![') ? line.replace(IMAGE, (_m, blank: string | undefined, alt: string | undefined) => (blank === undefined ? (alt ?? '') : '')) : line;
    if (escapes && (line.includes('$') || line.includes('\\')) && !(line.includes('\\') && ESCAPED.test(line))) {
      // (A line with no escape is not rewritten: only the math it leaves open is carried, counted cheaply.)
      if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) displayMath = !displayMath;
      if (line.lastIndexOf('\\[') > line.lastIndexOf('\\]')) displayMath = true;
      else if (line.includes('\\]')) displayMath = false;
      environment = Math.max(0, environment + (line.match(/\\begin\{/g)?.length ?? 0) - (line.match(/\\end\{/g)?.length ?? 0));
    } else if (escapes && line.includes('\\')) {
      const state: { displayMath: boolean; environment: number } = { displayMath, environment };
      read = unescapedOutsideMath(read, state);
      displayMath = state.displayMath;
      environment = state.environment;
    }
    if (read !== line) changed = true;
    out.push(read);
  }
  return changed ? out.join('\n') : text;
}

/**
 * One line with the escapes outside math and code undone. `state` carries a display (`$$`, `\[`)
 * or LaTeX environment (`\begin{...}`) open at the line's end into the next line.
 */
function unescapedOutsideMath(line: string, state: { displayMath: boolean; environment: number }): string {
  let out = '';
  let inline: '' | '$' | '\\)' | '`' = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1] ?? '';
    if (inline === '`') {
      if (c === '`') inline = '';
      out += c;
      continue;
    }
    if (c === '\\') {
      if (line.startsWith('begin{', i + 1)) state.environment++;
      else if (line.startsWith('end{', i + 1) && state.environment > 0) state.environment--;
      const math = state.displayMath || state.environment > 0 || inline !== '';
      if (!math && next === '[') state.displayMath = true;
      else if (next === ']' && state.displayMath) state.displayMath = false;
      else if (!math && next === '(') inline = '\\)';
      else if (inline === '\\)' && next === ')') inline = '';
      else if (!math && ESCAPED.test(c + next)) {
        out += next;
        i++;
        continue;
      }
      // (A pair `\\`, `\$`, `\_` in math is one token: its second character opens or closes nothing.)
      out += c + next;
      i++;
      continue;
    }
    if (c === '$') {
      if (next === '$') {
        if (!inline && state.environment === 0) state.displayMath = !state.displayMath;
        out += '$$';
        i++;
        continue;
      }
      if (!state.displayMath && state.environment === 0) inline = inline === '$' ? '' : inline || '$';
    } else if (c === '`' && !inline && !state.displayMath && state.environment === 0) inline = '`';
    out += c;
  }
  return out;
}
