import { readLineLabel } from './part-ids.js';
import { allMatches } from '../math/all-matches.js';

/**
 * A label that opens a clause inside a line: at the line's start (indented or not) or after a sentence's or a
 * clause's end (`.`, `;`, `:`, `,` and closing bold), optionally after "and" / "for"
 * (`For 4(b), pooling ...`, `**Final answers:** (b) ...; (c) ...`, `(c) $x$, (d) $y$`).
 */
const CLAUSE_LABEL =
  /(?:^[ \t]*|(?<=[.;!?:,](?:\*\*)?\s{1,3}))(?:\*\*)?(?:(?:and|also)\s+)?(?:for\s+)?((?:(?:problem|question|q)\s*)?\d{1,2}\s*\(\s*[a-h]\s*\)(?:\s*\(\s*[ivx]{1,4}\s*\))?|\(\s*[a-h]\s*\)(?:\s*\(\s*[ivx]{1,4}\s*\))?)(?:\*\*)?\s*[,:.]?\s+/gi;

/** A label's place in reading order: question, part letter, subpart (numbers compare as numbers). */
function rank(label: string): [number, string, string] | undefined {
  const l = readLineLabel(`${label.replace(/\s+/g, '')} `);
  if (!l?.part) return undefined;
  return [l.question ? Number(l.question) : -1, l.part, l.subpart ?? ''];
}

/** Whether label b may follow label a: another question (`... And for 2(b)`), or a later part of the same one. */
function after(a: [number, string, string], b: [number, string, string]): boolean {
  if (b[0] !== a[0] && b[0] !== -1) return true;
  return b[1] > a[1] || (b[1] === a[1] && b[2] > a[2]);
}

/**
 * Breaks a line that answers several parts one after another (`For 4(a), ... For 4(b), ...`,
 * `(b) $c = ...$; (c) $...$; (d) ...`) into one line per part, each starting with its label, so
 * that the parts are segmented as if each had its own line. Only when two or more labels open
 * clauses in reading order: a line that mentions a part in passing (`the bound from (c)`) or
 * names a question's parts out of order (`(c). Unlike (b), ...`) is left as it is.
 */
export function splitInlineLabels(text: string): string {
  const romans = splitInlineRomans(text);
  if (!/\(\s*[a-h]\s*\)/i.test(romans)) return romans;
  return romans
    .split('\n')
    .map((line) => {
      const found = allMatches(CLAUSE_LABEL, line).filter((m) => m[0].trim());
      // `For (b), \`dw[h, l]\` is a sum ...`: a paragraph that opens on the part it turns to.
      if (found.length === 1 && found[0]!.index === 0 && /^(?:\*\*)?for\s/i.test(found[0]![0])) return `${found[0]![1]!.replace(/\s+/g, '')}: ${line.slice(found[0]![0].length)}`;
      if (found.length < 2) return found[0] ? afterQuestionAnnounced(line, found[0]) : line;
      const ranks = found.map((m) => rank(m[1]!));
      if (ranks.some((r) => !r)) return line;
      for (let i = 1; i < ranks.length; i++) if (!after(ranks[i - 1]!, ranks[i]!)) return line;
      // `(c) $x \le 1$, (d) $\alpha = 1$`: a comma ends a clause only when the clause it ends gave a value
      // (a letter, a digit, a formula); `(a), (b) and (c) use the same bound` names parts and answers
      // none of them, and `3(c) ✓, 3(d) ✗` is a tally of verdicts.
      for (let i = 1; i < found.length; i++) {
        const m = found[i]!;
        if (/,(?:\*\*)?\s*$/.test(line.slice(0, m.index)) && !/[\p{L}\p{N}$\\]/u.test(line.slice(found[i - 1]!.index + found[i - 1]![0].length, m.index))) return line;
      }
      const pieces: string[] = [];
      const head = line.slice(0, found[0]!.index).trim();
      if (head) pieces.push(head);
      found.forEach((m, i) => {
        const end = found[i + 1]?.index ?? line.length;
        pieces.push(`${m[1]!.replace(/\s+/g, '')}: ${line.slice(m.index + m[0].length, end).replace(/,?\s*$/, '')}`);
      });
      return pieces.join('\n');
    })
    .join('\n');
}

/**
 * A line's head that is one short sentence naming one question and no part (`Q4 today.`, `Back to
 * problem 4!`, `Now question 3:`), as a diary or a running commentary announces the question it turns to.
 */
const ANNOUNCED_QUESTION = /^[ \t]*(?:\*\*)?[^.!?:()\n]{0,40}?\b(?:q|question|problem|exercise|hw\s*problem)\s*#?\s*(\d{1,2})\b[^.!?:()\d\n]{0,30}[.!?:](?:\*\*)?$/i;

/**
 * `Q4 today. (e) the table ...`: a bare part label starting the sentence after a sentence that names its
 * question starts that question's part (`4(e): the table ...`), the announcement kept as its own line. A
 * bracketed letter inside a sentence (`as in (e)`, `see (e) above`), or after a sentence naming no
 * question or several, refers back and starts nothing.
 */
function afterQuestionAnnounced(line: string, label: RegExpExecArray): string {
  if (label.index === 0 || /\d/.test(label[1]!)) return line;
  const head = line.slice(0, label.index).trimEnd();
  if (!/[.!?:](?:\*\*)?$/.test(head)) return line;
  const named = ANNOUNCED_QUESTION.exec(head);
  if (!named || (head.match(/\d+/g) ?? []).length !== 1) return line;
  return `${head}\n${named[1]}${label[1]!.replace(/\s+/g, '')}: ${line.slice(label.index + label[0].length)}`;
}

/**
 * A paragraph that opens on its own short title with the part in brackets after it, then a stop and the
 * text (`Spectral norm budget (problem 2c). With y = cWx ...`, `**Receptive field (Q4c):** ...`), as a
 * review posted in prose (a Q&A site's answer, a blog post) heads each part it goes through. Groups: the
 * bullet or indent, the title, the question, its letter (bracketed or not), its numeral (bracketed or
 * not), and what follows the stop.
 */
const RUN_IN_TITLE =
  /^([ \t]*(?:[-*•][ \t]+)?)(?:\*\*)?(\p{Lu}[^\n()$=\\.:;!?*]{2,60}?)[ \t]+\((?:(?:[Pp]roblem|[Qq]uestion|[Pp]art|[Ee]xercise|Q)[ \t]*)?(\d{1,2})[ \t]*\.?[ \t]*(?:\(([a-h])\)|([a-h]))(?:[ \t]*(?:\(([ivx]{1,4})\)|\.([ivx]{1,4})))?\)(?:\*\*)?(?:[ \t]*[.:](?:\*\*)?(?:[ \t]+(\S.*))?|[ \t]+[—–][ \t]+(\S.*))?[ \t]*$/u;

/** A title's last word that leaves it a sentence's start: the bracket completes a phrase (`Same slip as in (2c).`), titles nothing. */
const OPEN_PHRASE = /\b(?:in|as|of|from|to|with|for|like|than|see|and|or|the|a|an|on|at|by|about|under|per|is|was|are|were)$/i;

/**
 * The text with each paragraph that opens on a run-in title and its part (RUN_IN_TITLE) opening on the
 * part's label instead (`2(c) Spectral norm budget. With ...`), so every reader of labels finds the part
 * where the writer begins it. Only at a paragraph's start (after a blank line, or as a list's item) and
 * a title of at most eight words that is no sentence's opening: a bracket later in a sentence, or after a
 * phrase it completes (`Same slip as in (2c).`), refers to that part and starts nothing.
 */
export function runInTitleLabels(text: string): string {
  // (Cheap test first: a part in brackets right before a stop, a dash or a line's end.)
  if (!/\d[ \t]*\.?[ \t]*\(?[a-h]\)?(?:[ \t]*\(?\.?[ivx]{1,4}\)?)?\)(?:\*\*)?(?:[ \t]*[.:]|[ \t]+[—–]|[ \t]*$)/m.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  lines.forEach((line, i) => {
    if (line.length > 4000 || !line.includes('(')) return;
    const m = RUN_IN_TITLE.exec(line);
    if (!m) return;
    const bullet = /[-*•]/.test(m[1]!);
    if (!bullet && i > 0 && lines[i - 1]!.trim()) return;
    const title = m[2]!.trim();
    if (title.split(/\s+/).length > 8 || OPEN_PHRASE.test(title) || readLineLabel(line)) return;
    const sub = m[6] ?? m[7];
    const rest = m[8] ?? m[9];
    lines[i] = `${m[1]!}${m[3]!}(${m[4] ?? m[5]})${sub ? `(${sub})` : ''} ${title}.${rest ? ` ${rest}` : ''}`;
    changed = true;
  });
  return changed ? lines.join('\n') : text;
}

const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'];
/** `i. $8$`, `(ii) 5`: a subpart's roman numeral opening a clause, a value right after it. */
const ROMAN_LABEL = /(?:^|(?<=\s))(\(?)(i{1,3}|iv|vi{0,3})([.)])\s+(?=[$\\[\d(-])/g;

/** A line that opens on a part's first subparts (`- (d)(i) ...`, `**3(d)(ii)** ...`): the numeral. */
const OPENS_ON_SUBPART = /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:\d{1,2}\s*)?\(\s*[a-h]\s*\)\s*\(\s*(i{1,3}|iv|vi{0,3})\s*\)/i;

/**
 * `- (d)(i) the $5\times5$ matrix above, (ii) $\begin{bmatrix}...$`: a summary's line that gives a
 * part's subparts one after another, the next numeral after a comma or semicolon and before a value,
 * is cut there (the value is (ii)'s, not (i)'s). Any other numeral, or one before words, is left.
 */
function nextSubpartApart(line: string): string {
  const first = OPENS_ON_SUBPART.exec(line);
  const next = first ? ROMANS[ROMANS.indexOf(first[1]!.toLowerCase()) + 1] : undefined;
  if (!next) return line;
  const at = new RegExp(String.raw`[,;]\s+(?=\(${next}\)\s+[$\\\[\d(-])`, 'i').exec(line);
  return at ? `${line.slice(0, at.index)}\n${line.slice(at.index + at[0].length)}` : line;
}

/**
 * `(d) i. $8$ ii. $5$`: subparts answered one after another in one line, each its own line. Only
 * when the numerals run i, ii, ... in order from i, each before a value (a formula or a number),
 * so `i.e.` or a lone `ii.` in a sentence is left as it is.
 */
function splitInlineRomans(text: string): string {
  // (Lines opening on a part's subpart, `(d)(ii)`, are looked at whatever the numeral: `(i)` alone missed a summary starting at (ii).)
  if (!/\bi[.)]\s/.test(text)) return /\)\s*\(\s*[iv]/i.test(text) ? text.split('\n').map(nextSubpartApart).join('\n') : text;
  return text
    .split('\n')
    .map(nextSubpartApart)
    .map((line) => {
      const found = [...line.matchAll(ROMAN_LABEL)].filter((m) => !m[1] || m[3] === ')');
      if (found.length < 2 || found.some((m, k) => m[2] !== ROMANS[k])) return line;
      const pieces = [line.slice(0, found[0]!.index).trimEnd()].filter(Boolean);
      found.forEach((m, k) => pieces.push(line.slice(m.index, found[k + 1]?.index ?? line.length).trim()));
      return pieces.join('\n');
    })
    .join('\n');
}
