/**
 * A LaTeX source as Markdown + LaTeX: the preamble and layout commands dropped, sectioning
 * made headings, display environments kept as `$$...$$` (the checker reads their LaTeX).
 */
export function texToMarkdown(tex: string): string {
  let body = tex.replace(/(?<!\\)%.*$/gm, '');
  const begin = body.indexOf('\\begin{document}');
  if (begin >= 0) body = body.slice(begin + '\\begin{document}'.length);
  body = body.replace(/\\end\{document\}[\s\S]*$/, '');
  body = body
    .replace(/\\(?:maketitle|tableofcontents|newpage|clearpage|noindent|medskip|bigskip|smallskip|centering|hline)\b/g, '')
    .replace(/\\(?:sub)*section\*?\{([^}]*)\}/g, (m, t: string) => `\n${m.startsWith('\\subsub') ? '###' : m.startsWith('\\sub') ? '##' : '#'} ${t}\n`)
    .replace(/\\(?:paragraph|textbf)\{([^}]*)\}/g, '**$1**')
    .replace(/\\(?:emph|textit)\{([^}]*)\}/g, '*$1*')
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
