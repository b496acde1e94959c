/**
 * Notes made on the problem set itself: a reader's highlights of the PDF exported with the comments
 * written on them (Zotero's `“...” ([Title, p. 5](zotero://select/...)) comment`, Apple Books' and
 * Hypothesis' quoted passages, Obsidian's `==highlight==`, Readwise's `- passage ([Location 12](...))`,
 * PDF Expert's `Highlight [page 5]: ...`). Such notes carry no part labels: a part is named by quoting
 * its question, and the comment after the quote, up to the next quote, is the answer. A quotation
 * that copies one part's statement (pasted-statements) heads that part as its label would; the
 * passage stays, as a paragraph of its own (a copied statement is never read as the answer), and
 * the citation links after it (a page number, a location, an app's link) go. Several quotes of one
 * part in a row are that part's question read sentence by sentence: one heading over them all. A
 * text that labels any part itself is left as it is, since its labels say which part is which.
 */
import { labelOfPartId, readLineLabel } from './part-ids.js';
import { PASTED, statementIndex, type StatementIndex } from './pasted-statements.js';
import type { QuestionOutline } from './segment.js';

/** A line's lead before a highlight: a list's bullet or a highlighting app's tag (`Highlight [page 5]:`, `Quote (p. 3):`). */
const LEAD = /^[ \t]*(?:[-*+•][ \t]+)?(?:(?:highlight|highlighted|quote|excerpt|annotation)\b[^:\n]{0,30}:[ \t]*)?/i;

/** Quotation marks that open a highlight, each with the mark that closes it. */
const CLOSERS: Record<string, string> = { '“': '”', '"': '"', '„': '“', '«': '»', '‘': '’', '「': '」', '『': '』', '==': '==' };

/** The cheap test: some line opens (after a bullet or an app's tag) on a quotation mark or a highlight's `==`, or a line carries a citation link. */
const MAY_HAVE = /^[ \t]*(?:[-*+•][ \t]+)?(?:[A-Za-z][^:\n]{0,40}:[ \t]*)?(?:[“"„«‘「『]|==)|\]\([a-z][\w+.-]*:/im;

/**
 * A citation after a highlight: an app's Markdown link, bare or in brackets (`([“HW4”, p. 5](zotero://select/...))`,
 * `([Location 123](https://readwise.io/...))`, ` — [in context](https://hyp.is/...)`), or a page or location in brackets (`(p. 5)`,
 * `[page 5]`, `(loc. 1203)`).
 */
const CITATION = /^[ \t]*(?:[—–-][ \t]*)?(?:\(\[[^\]\n]*\]\([^)\s]*\)\)|\[[^\]\n]*\]\([^)\s]*\)|[([](?:p|pp|page|loc|location|kindle location)\.?[ \t]*\d+(?:[–-]\d+)?[)\]])[ \t]*/i;

/** Commas, dashes and stops between a quote, its citations and the comment after them. */
const JOINER = /^[ \t]*[,;:—–-]?[ \t]*/;

/** A highlight found on a line: the part it quotes (or only its question), the passage, and the comment after it. */
interface Highlight {
  part?: string;
  question: string;
  passage: string;
  comment: string;
}

/** The text after the citations at its start (none, or several in a row). */
function withoutCitations(rest: string): { rest: string; cited: boolean } {
  let cited = false;
  for (let m = CITATION.exec(rest); m; m = CITATION.exec(rest)) {
    cited = true;
    rest = rest.slice(m[0].length);
  }
  return { rest, cited };
}

/** How many closing marks of a quote are tried: a passage may hold the quote's own mark (`the "filter size" (K)`). */
const MAX_CLOSERS = 8;

/** The highlight a line opens with, when its passage copies the problem set's statement. */
function highlightOf(line: string, index: StatementIndex): Highlight | undefined {
  const lead = LEAD.exec(line)![0];
  const body = line.slice(lead.length);
  const opener = body.startsWith('==') ? '==' : body[0] && CLOSERS[body[0]] ? body[0] : undefined;
  const candidates: { passage: string; after: string }[] = [];
  if (opener) {
    const closer = CLOSERS[opener]!;
    for (let at = body.indexOf(closer, opener.length), tries = 0; at > 0 && tries < MAX_CLOSERS; at = body.indexOf(closer, at + closer.length), tries++) {
      candidates.push({ passage: body.slice(opener.length, at), after: body.slice(at + closer.length) });
    }
  } else {
    // (Readwise's and Kindle's exports quote nothing: the passage is what stands before its citation link.)
    const link = body.search(/[ \t]\(?\[[^\]\n]*\]\([a-z][\w+.-]*:/i);
    if (link > 0) candidates.push({ passage: body.slice(0, link), after: body.slice(link) });
  }
  for (const { passage, after } of candidates) {
    const m = index.match(passage);
    if (m.share < PASTED || !m.question) continue;
    const cited = withoutCitations(after);
    // (Unquoted, the passage is a highlight only by the citation after it.)
    if (!opener && !cited.cited) continue;
    const comment = cited.rest.replace(JOINER, '').trim();
    return { ...(m.part ? { part: m.part } : {}), question: m.question, passage: passage.trim(), comment };
  }
  return undefined;
}

/**
 * The text with each highlight of a part's statement headed by that part's label (module comment),
 * or as it is when it quotes no statement, the outline has no problem set's words, or the text
 * labels a part itself.
 */
export function quotedStatementsAsLabels(text: string, outline: readonly QuestionOutline[]): string {
  // (A JSON document's strings are quoted too: its fields are read by the readers of JSON, never as highlights.)
  if (!MAY_HAVE.test(text) || /^\s*[[{]/.test(text)) return text;
  const index = statementIndex(outline);
  if (!index) return text;
  const lines = text.split('\n');
  const found = new Map<number, Highlight>();
  for (const [i, line] of lines.entries()) {
    // (A short line quotes too little of a question to tell whose it is: the index would say so, at the cost of its look-up.)
    if (line.length < 30) continue;
    const h = highlightOf(line, index);
    if (h) found.set(i, h);
  }
  if (!found.size || lines.some((l, i) => !found.has(i) && readLineLabel(l)?.part)) return text;
  const out: string[] = [];
  let heading: string | undefined;
  for (const [i, line] of lines.entries()) {
    const h = found.get(i);
    if (!h) {
      out.push(line);
      continue;
    }
    // A question's own text quoted (no one part's) ends the part before it: what follows is on the question.
    const label = h.part ? labelOfPartId(h.part) : `Question ${h.question}`;
    if (label !== heading) out.push(`### ${label}`, '');
    heading = label;
    out.push(`“${h.passage}”`, '');
    if (h.comment) out.push(h.comment);
  }
  return out.join('\n');
}
