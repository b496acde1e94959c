/**
 * A notebook downloaded as a Python script (Colab's "Download .py", `jupyter nbconvert --to script`)
 * and handed in as text: its text cells are top-level `"""` strings, its code cells plain code, and the
 * outputs the download drops are pasted back by the student as `#>` comments (the convention R's
 * reprex made common). Read as it stands, printed matrices are comments inside code and the
 * answers in text cells sit among statements, so nothing is found. It is rewritten as the Markdown
 * `notebookToMarkdown` makes of a notebook: text cells as they are, code fenced, each output fenced
 * apart. Lines stay where they are, but for one added where an output follows its code over a
 * single blank line (two fences there).
 */

/** A notebook's own mark on its script: Colab's header docstring naming the `.ipynb`, or nbconvert's `# In[3]:` cell prompts. */
const NOTEBOOK_SCRIPT = /^"""[^\n"]*\.ipynb\b|^# In\[[\d ]*\]:[ \t]*$/m;

/** A line of pasted output. */
const OUTPUT = /^#>(?: |$)/;

type Kind = 'text' | 'code' | 'output' | 'blank';

/** Each line's kind: inside a top-level `"""` string (a text cell), a pasted output, blank, or code. */
function kindsOf(lines: readonly string[]): Kind[] {
  const kinds: Kind[] = [];
  let inText = false;
  for (const line of lines) {
    if (inText) {
      kinds.push('text');
      if (line.includes('"""')) inText = false;
    } else if (line.startsWith('"""')) {
      kinds.push('text');
      // `"""## Q3 (b)"""` opens and closes on one line.
      inText = line.indexOf('"""', 3) < 0;
    } else if (OUTPUT.test(line)) kinds.push('output');
    else kinds.push(line.trim() ? 'code' : 'blank');
  }
  return kinds;
}

/** The text as a notebook's Markdown when it is a notebook's script; as it is otherwise. */
export function notebookScriptAsMarkdown(text: string): string {
  if (!text.includes('"""') || !NOTEBOOK_SCRIPT.test(text)) return text;
  const lines = text.split('\n');
  const kinds = kindsOf(lines);
  if (!kinds.includes('text')) return text;
  const out = lines.map((line, i) => (kinds[i] === 'text' ? line.replace(/"""/g, '') : kinds[i] === 'output' ? line.replace(/^#> ?/, '') : line));
  // Each run of code (blank lines inside it kept), and each run of output, is fenced: on the blank
  // line around it where there is one, else on a line of its own.
  const opened = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    const kind = kinds[i]!;
    if (kind !== 'code' && kind !== 'output') {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < lines.length && (kinds[j] === kind || (kinds[j] === 'blank' && kind === 'code'))) {
      if (kinds[j] === kind) last = j;
      j++;
    }
    const fence = kind === 'code' ? '```python' : '```';
    if (i > 0 && kinds[i - 1] === 'blank' && !opened.has(i - 1)) out[i - 1] = fence;
    else out[i] = `${fence}\n${out[i]}`;
    if (last + 1 < lines.length && kinds[last + 1] === 'blank') {
      out[last + 1] = '```';
      opened.add(last + 1);
    } else out[last] = `${out[last]}\n\`\`\``;
    i = last + 1;
  }
  return out.join('\n');
}
