/**
 * LaTeX as the Markdown + LaTeX the readers take: lists given the labels LaTeX prints (`(a)`,
 * `ii.`, the exam class's questions and parts), sections made headings, tables made Markdown
 * tables, displays kept as `$$...$$` (the checker reads their LaTeX). What reads the result
 * (segment, the problem-set reader) then sees what a reader of the compiled PDF sees.
 */
import { markdownTable } from './markdown-table.js';
import { expandTexMacros } from './tex-macros.js';
import { closingBracket } from './brackets.js';

/** A whole LaTeX source (`.tex`): the preamble and layout commands dropped, the body as Markdown. */
export function texToMarkdown(tex: string): string {
  let body = expandTexMacros(tex.replace(/(?<!\\)%.*$/gm, ''));
  // The preamble's \title is the document's title (a problem set's, which `key init` names the key by).
  const title = /\\title\{([^{}\n]*)\}/.exec(body)?.[1]?.trim();
  const begin = body.indexOf('\\begin{document}');
  if (begin >= 0) body = (title ? `# ${title}\n\n` : '') + body.slice(begin + '\\begin{document}'.length);
  body = body.replace(/\\end\{document\}[\s\S]*$/, '');
  // Each item on a line of its own, as it is printed (`\item A. \item B.` on one source line).
  body = latexLabels(tables(body).replace(/[ \t]*\\(item|question|part|subpart)\b/g, '\n\\$1'));
  body = body
    .replace(/\\(?:maketitle|tableofcontents|newpage|clearpage|pagebreak|noindent|medskip|bigskip|smallskip|vfill|centering|hline)\b/g, '')
    .replace(/\\vspace\*?\{[^}]*\}|\\hspace\*?\{[^}]*\}/g, ' ')
    .replace(/\\begin\{solution\}/g, '\n\nSOL:\n\n')
    .replace(/\\end\{solution\}/g, '\n')
    .replace(/\\begin\{(?:center|flushleft|flushright|quote)\}|\\end\{(?:center|flushleft|flushright|quote)\}/g, '')
    .replace(
      /\\begin\{(equation|align|gather|multline)\*?\}([\s\S]*?)\\end\{\1\*?\}/g,
      (_m, env: string, inner: string) => `\n$$${env === 'align' ? `\\begin{aligned}${inner.replace(/\\label\{[^}]*\}/g, '')}\\end{aligned}` : inner.replace(/\\label\{[^}]*\}/g, '').trim()}$$\n`,
    )
    .replace(/\\\[([\s\S]*?)\\\]/g, (_m, inner: string) => `\n$$${inner.trim()}$$\n`)
    .replace(/\\\(([\s\S]*?)\\\)/g, (_m, inner: string) => `$${inner.trim()}$`);
  return `${textStyles(body)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** `\textbf{...}`, `\emph{...}` with any braces inside them, as Markdown emphasis. */
function textStyles(s: string): string {
  let out = '';
  const re = /\\(textbf|paragraph|emph|textit|underline|texttt)\s*\{/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    const end = closingBracket(s, open, true);
    if (end < 0) break;
    const mark = m[1] === 'textbf' || m[1] === 'paragraph' ? '**' : m[1] === 'texttt' ? '`' : '*';
    out += `${s.slice(last, m.index)}${mark}${textStyles(s.slice(open + 1, end))}${mark}`;
    last = end + 1;
    re.lastIndex = end + 1;
  }
  return out + s.slice(last);
}

/** A list's counter written as LaTeX writes it: `(a)`, `ii.`, `3.`, `## Question 2`. */
interface ListLabels {
  env: string;
  /** A list of questions: its items are headings. */
  questions?: boolean;
  label?: (n: number) => string;
  n: number;
}

/** A counter in lower-case Roman numerals (`iv`), as LaTeX's `\\roman` and Word's lowerRoman print it. */
export function roman(n: number): string {
  const out: string[] = [];
  for (const [v, r] of [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ] as const)
    for (; n >= v; n -= v) out.push(r);
  return out.join('');
}

function counter(kind: string, n: number): string {
  if (kind === 'alph' || kind === 'a') return String.fromCharCode(96 + n);
  if (kind === 'Alph' || kind === 'A') return String.fromCharCode(64 + n);
  if (kind === 'roman' || kind === 'i') return roman(n);
  if (kind === 'Roman' || kind === 'I') return roman(n).toUpperCase();
  return String(n);
}

/** `[(a)]`, `[label=(\alph*)]`, `[label=\textbf{\arabic*.}]`, `[i.]`: how an enumerate labels its items (undefined when it does not say). */
function labelStyle(option: string | undefined): ((n: number) => string) | undefined {
  if (!option) return undefined;
  const plain = option.replace(/\\(?:textbf|textit|textrm|textsf|emph|underline)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1').replace(/\\(?:bfseries|itshape|upshape|normalfont)\b\s*/g, '');
  const keyed = /label\s*=\s*\{?([^,}\]]*?)\\(alph|Alph|roman|Roman|arabic)\*([^,}\]]*)\}?/.exec(plain);
  if (keyed) return (n) => `${keyed[1]}${counter(keyed[2]!, n)}${keyed[3]}`;
  // The enumerate package's short form: the first a, A, i, I or 1 is the counter.
  const short = /^\s*([^aAiI1\s]{0,2})([aAiI1])([^\s\w]{0,2})\s*$/.exec(plain);
  if (short) return (n) => `${short[1]}${counter(short[2]!, n)}${short[3]}`;
  return undefined;
}

/** The exam class's lists: questions are headings, parts `(a)`, subparts `(i)`. */
const EXAM: Record<string, ((n: number) => string) | undefined> = {
  questions: (n) => `## Question ${n}`,
  parts: (n) => `(${counter('a', n)})`,
  subparts: (n) => `(${counter('i', n)})`,
};

const LIST_TOKEN =
  /\\setcounter\{(question|enumi)\}\{(\d+)\}|\\begin\{(enumerate|itemize|description|questions|parts|subparts)\}(?:\[([^\]\n]*(?:\[[^\]\n]*\][^\]\n]*)*)\])?|\\end\{(?:enumerate|itemize|description|questions|parts|subparts)\}|\\(item|question|part|subpart)\b(?:\s*\[([^\]\n]{1,20})\])?\s*/g;

/**
 * The outermost enumerates that are lists of questions: no section heading before them, and
 * lists inside them (`1.` items holding `(a)` parts), by their order among the text's enumerates.
 */
function questionLists(text: string): Set<number> {
  const out = new Set<number>();
  let depth = 0;
  let count = 0;
  let open = -1;
  let nested = false;
  for (const m of text.matchAll(/\\(begin|end)\{(enumerate|itemize)\}(\[)?/g)) {
    if (m[1] === 'begin') {
      if (m[2] === 'enumerate') count++;
      if (depth === 0 && m[2] === 'enumerate' && !m[3] && !/\\(?:sub)*section\*?\{|\\question\b/.test(text.slice(0, m.index))) {
        open = count;
        nested = false;
      } else if (depth > 0 && m[2] === 'enumerate') nested = true;
      depth++;
    } else if (--depth === 0 && open >= 0) {
      if (nested) out.add(open);
      open = -1;
    }
  }
  return out;
}

/**
 * LaTeX list and section markup (`\item[(b)]`, `\section*{Problem 2}`, the exam class's
 * `\question` and `\part`) read as the labels LaTeX prints; each line stays on its line (an exam
 * question's heading aside), so locations still point into the file. A bare `\item` gets the
 * label its list prints: the list's own style (`[(a)]`, `label=(\alph*)`), else LaTeX's for its
 * depth — `(a)` in a nested list, `i.` below that — one level up in a problem's section, where
 * the top list's items are the problem's parts. An outermost numbered list of questions (no
 * section before it, lettered lists inside) makes each item a heading. Bullets stay unlabelled.
 */
export function latexLabels(text: string): string {
  if (!/\\item\b|\\(?:sub)*section\*?\{|\\question\b/.test(text)) return text;
  const stack: ListLabels[] = [];
  const questionsAt = questionLists(text);
  let enumerates = 0;
  let inProblem = false;
  let sectionNumber = 0;
  // In a problem's section the top list is its parts, `(a)`, and the list inside it their subparts, `i.`.
  const depthDefault = (depth: number): ((n: number) => string) | undefined => {
    const inQuestions = stack.some((l) => l.questions && l.env === 'enumerate');
    const level = inProblem || inQuestions ? depth + (inQuestions ? 0 : 1) : depth;
    return level === 2 ? (n) => `(${counter('a', n)})` : level === 3 ? (n) => `${roman(n)}.` : undefined;
  };
  return text
    .split('\n')
    .map((line) => {
      const section = /^(\s*)\\((?:sub)*)section(\*?)\{([^}\n]*)\}/.exec(line);
      if (section) {
        const [, indent, sub, star, title] = section;
        inProblem = /\b(?:problem|question|exercise)\b|^\s*\d{1,2}\b/i.test(title!);
        // `\section{Title}` is numbered by LaTeX: the heading says the number the PDF prints.
        const numbered = !star && !sub && !inProblem ? `${++sectionNumber}. ${title}` : title;
        if (!star && !sub && !inProblem) inProblem = true;
        return line.replace(section[0], `${indent}${sub ? '###' : '##'} ${numbered}`);
      }
      // A Markdown heading (a write-up mixing Markdown and LaTeX) opens or closes a problem's section alike.
      const heading = /^\s{0,3}#{1,3}\s+(.*)$/.exec(line);
      if (heading) inProblem = /\b(?:problem|question|exercise)\b|^\s*\d{1,2}\b/i.test(heading[1]!);
      return line.replace(LIST_TOKEN, (token, counterName?: string, value?: string, env?: string, option?: string, item?: string, explicit?: string) => {
        if (counterName) {
          // `\setcounter{question}{6}`: the next question is 7.
          const list = counterName === 'question' ? stack.findLast((l) => l.env === 'questions') : stack.find((l) => l.env === 'enumerate');
          if (list) list.n = Number(value);
          return '';
        }
        if (env) {
          const kind = env === 'description' ? 'itemize' : env;
          if (kind === 'enumerate') {
            enumerates++;
            if (questionsAt.has(enumerates)) {
              stack.push({ env: kind, questions: true, n: 0, label: (n) => `## ${n}.` });
              return '';
            }
            // LaTeX counts the depth of numbered lists only: bullets inside do not change it.
            const label = labelStyle(option) ?? depthDefault(stack.filter((l) => l.env === 'enumerate').length + 1);
            stack.push({ env: kind, n: 0, ...(label ? { label } : {}) });
          } else stack.push({ env: kind, questions: kind === 'questions', n: 0, ...(EXAM[kind] ? { label: EXAM[kind] } : {}) });
          return '';
        }
        if (token.startsWith('\\end')) {
          stack.pop();
          return '';
        }
        const list = stack[stack.length - 1];
        // `\item[(b)]` names its own label; `\question[10]` and `\part[2]` give points.
        if (explicit !== undefined && item === 'item') return list?.questions ? `## ${explicit} ` : `${explicit} `;
        if (!list?.label) return item === 'item' ? token : '';
        list.n++;
        return list.env === 'questions' ? `\n${list.label(list.n)}\n` : `${list.label(list.n)} `;
      });
    })
    .join('\n');
}

/** `\begin{tabular}{|l|c|}` rows as a Markdown table, the first row its header. */
function tables(s: string): string {
  return s.replace(/\\begin\{(tabular\*?|tabularx|array)\}(?:\{[^{}]*\})?\s*(?:\{(?:[^{}]|\{[^{}]*\})*\})?([\s\S]*?)\\end\{\1\}/g, (whole, env: string, inner: string, offset: number) => {
    // An `array` inside math is the math's own: left alone.
    if (env === 'array' && (s.slice(0, offset).match(/\$/g)?.length ?? 0) % 2 === 1) return whole;
    const rows = inner
      .replace(/\\(?:hline|toprule|midrule|bottomrule)\b|\\cline\{[^}]*\}/g, '')
      .split(/\\\\(?:\[[^\]]*\])?/)
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map((r) =>
        r
          .split(/(?<!\\)&/)
          .flatMap((c) => {
            const multi = /^\s*\\multicolumn\{(\d+)\}\{[^}]*\}\{([\s\S]*)\}\s*$/.exec(c);
            return multi ? [multi[2]!.trim(), ...Array<string>(Number(multi[1]) - 1).fill('')] : [c.trim()];
          })
          .map((c) => c.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')),
      );
    return rows.length ? `\n\n${markdownTable(rows)}\n\n` : '';
  });
}
