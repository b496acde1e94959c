/**
 * A LaTeX source as Markdown + LaTeX: the preamble and layout commands dropped, sectioning
 * made headings, display environments kept as `$$...$$` (the checker reads their LaTeX).
 */
export function texToMarkdown(tex: string): string {
  let body = tex.replace(/(?<!\\)%.*$/gm, '');
  // The preamble's \title is the document's title (a problem set's, which `key init` names the key by).
  const title = /\\title\{([^{}\n]*)\}/.exec(body)?.[1]?.trim();
  const begin = body.indexOf('\\begin{document}');
  if (begin >= 0) body = (title ? `# ${title}\n\n` : '') + body.slice(begin + '\\begin{document}'.length);
  body = body.replace(/\\end\{document\}[\s\S]*$/, '');
  body = body
    .replace(/\\(?:maketitle|tableofcontents|newpage|clearpage|noindent|medskip|bigskip|smallskip|centering|hline)\b/g, '')
    .replace(/\\(?:sub)*section\*?\{([^}]*)\}/g, (m, t: string) => `\n${m.startsWith('\\subsub') ? '###' : m.startsWith('\\sub') ? '##' : '#'} ${t}\n`)
    .replace(/\\(?:paragraph|textbf)\{([^}]*)\}/g, '**$1**')
    .replace(/\\(?:emph|textit)\{([^}]*)\}/g, '*$1*')
    .replace(/[ \t]*\\item\b/g, '\n\\item');
  // Items get the labels the list prints, `(a)`, `i.`, so a problem set's or write-up's parts keep their letters.
  body = latexLabels(body)
    .replace(/\\item\s*\[([^\]]*)\]/g, '\n$1 ')
    .replace(/\\item\b/g, '\n- ')
    .replace(/\\begin\{(?:enumerate|itemize|description|center|flushleft)\}(?:\[[^\]]*\])?|\\end\{(?:enumerate|itemize|description|center|flushleft)\}/g, '')
    .replace(
      /\\begin\{(equation|align|gather|multline)\*?\}([\s\S]*?)\\end\{\1\*?\}/g,
      (_m, env: string, inner: string) => `\n$$${env === 'align' ? `\\begin{aligned}${inner.replace(/\\label\{[^}]*\}/g, '')}\\end{aligned}` : inner.replace(/\\label\{[^}]*\}/g, '').trim()}$$\n`,
    )
    .replace(/\\\[([\s\S]*?)\\\]/g, (_m, inner: string) => `\n$$${inner.trim()}$$\n`)
    .replace(/\\\(([\s\S]*?)\\\)/g, (_m, inner: string) => `$${inner.trim()}$`);
  return `${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** A list's counter written as enumerate writes it: `(a)`, `ii.`, `3.`. */
interface ListLabels {
  numbered: boolean;
  label?: (n: number) => string;
  n: number;
}

function roman(n: number): string {
  const out: string[] = [];
  for (const [v, r] of [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ] as const)
    for (; n >= v; n -= v) out.push(r);
  return out.join('');
}

/** `[(a)]`, `[label=(\alph*)]`, `[i.]`: how an enumerate labels its items (undefined when it does not say). */
function labelStyle(option: string | undefined): ((n: number) => string) | undefined {
  if (!option) return undefined;
  const counter = (kind: string, n: number) =>
    kind === 'alph' || kind === 'a'
      ? String.fromCharCode(96 + n)
      : kind === 'Alph' || kind === 'A'
        ? String.fromCharCode(64 + n)
        : kind === 'roman' || kind === 'i'
          ? roman(n)
          : kind === 'Roman' || kind === 'I'
            ? roman(n).toUpperCase()
            : String(n);
  const keyed = /label\s*=\s*\{?([^,}\]]*?)\\(alph|Alph|roman|Roman|arabic)\*([^,}\]]*)\}?/.exec(option);
  if (keyed) return (n) => `${keyed[1]}${counter(keyed[2]!, n)}${keyed[3]}`;
  // The enumerate package's short form: the first a, A, i, I or 1 is the counter.
  const short = /^\s*([^aAiI1\s]{0,2})([aAiI1])([^\s\w]{0,2})\s*$/.exec(option);
  if (short) return (n) => `${short[1]}${counter(short[2]!, n)}${short[3]}`;
  return undefined;
}

/**
 * LaTeX list and section markup in a text write-up (`\item[(b)]`, `\section*{Problem 2}`) read as
 * the labels it writes; each line stays on its line, so locations still point into the file. A
 * bare `\item` gets the label its list prints: the list's own style (`[(a)]`, `label=(\alph*)`),
 * else LaTeX's for its depth — `(a)` in a nested list, `i.` below that — one level up in a
 * problem's section, where the top list's items are the problem's parts. Bullets stay unlabelled.
 */
export function latexLabels(text: string): string {
  if (!/\\item\b|\\(?:sub)*section\*?\{/.test(text)) return text;
  const stack: ListLabels[] = [];
  let inProblem = false;
  // In a problem's section the top list is its parts, `(a)`, and the list inside it their subparts, `i.`.
  const depthDefault = (depth: number): ((n: number) => string) | undefined => {
    const level = inProblem ? depth + 1 : depth;
    return level === 2 ? (n) => `(${String.fromCharCode(96 + n)})` : level === 3 ? (n) => `${roman(n)}.` : undefined;
  };
  return text
    .split('\n')
    .map((line) => {
      const section = /^(\s*)\\(?:sub)*section\*?\{([^}\n]*)\}/.exec(line);
      if (section) {
        inProblem = /\b(?:problem|question|exercise)\b|^\s*\d{1,2}\b/i.test(section[2]!);
        return line.replace(section[0], `${section[1]}## ${section[2]}`);
      }
      // A Markdown heading (a converted LaTeX source's section) opens or closes a problem's section alike.
      const heading = /^\s{0,3}#{1,3}\s+(.*)$/.exec(line);
      if (heading) inProblem = /\b(?:problem|question|exercise)\b|^\s*\d{1,2}\b/i.test(heading[1]!);
      return line.replace(
        /\\begin\{(enumerate|itemize)\}(?:\[([^\]\n]*)\])?|\\end\{(?:enumerate|itemize)\}|\\item\b(?:\s*\[([^\]\n]{1,20})\])?\s*/g,
        (token, env?: string, option?: string, explicit?: string) => {
          if (env) {
            // LaTeX counts the depth of numbered lists only: bullets inside do not change it.
            const label = env === 'enumerate' ? (labelStyle(option) ?? depthDefault(stack.filter((l) => l.numbered).length + 1)) : undefined;
            stack.push({ numbered: env === 'enumerate', n: 0, ...(label ? { label } : {}) });
            return '';
          }
          if (token.startsWith('\\end')) {
            stack.pop();
            return '';
          }
          if (explicit !== undefined) return `${explicit} `;
          const list = stack[stack.length - 1];
          if (!list?.label) return token;
          list.n++;
          return `${list.label(list.n)} `;
        },
      );
    })
    .join('\n');
}
