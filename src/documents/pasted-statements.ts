import type { QuestionOutline } from './segment.js';

/**
 * The problem set's own words, to recognise a question pasted into a chat or quoted in a
 * write-up: that text is what was asked, never the answer. Pasted copies lose the LaTeX
 * (`$d_{\text{out}} \gg d_{\text{in}}$` becomes `d_out ≫ d_in`), are cut short or run on, so a
 * passage is compared by its pairs of consecutive words, not as a string. The index is built
 * once per outline; matching a passage costs one look-up per word.
 */

/** How much of a passage is the problem set's text, and whose. */
export interface StatementMatch {
  /** Share of the passage's word pairs found in the problem set (0..1); 0 for a passage too short to tell. */
  share: number;
  /** The part whose statement holds most of them, when one clearly does. */
  part?: string;
  /** The question whose text holds most of them. */
  question?: string;
}

/** A problem set's statements, indexed for `match`. */
export interface StatementIndex {
  match(passage: string): StatementMatch;
}

// Pairs of two such words say nothing of where a passage comes from ("of the", "is a").
const COMMON = new Set(
  'the a an of and or for to in on with by at as is are be this that we our your you it its from into let us what which how if so then there can will each all any one two'.split(' '),
);

/** A passage's words, typeset or not: LaTeX commands and one-letter symbols left out. */
function wordsOf(text: string): string[] {
  // The runs of `[a-z0-9]` two long or more, with a letter, of the lower-cased text with `\\[a-z]+` (a
  // command) taken out, read in one walk: every segment's every paragraph is read here, and the pattern,
  // the replacement and a test of each word were a tenth of reading a write-up.
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  let letter = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const isLetter = c >= 97 && c <= 122;
    if (isLetter || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        letter = false;
      }
      letter ||= isLetter;
      continue;
    }
    if (start >= 0 && letter && i - start >= 2) out.push(lower.slice(start, i));
    start = -1;
    if (c === 92) while (i + 1 < lower.length && isAsciiLower(lower.charCodeAt(i + 1))) i++;
  }
  return out;
}

const isAsciiLower = (c: number) => c >= 97 && c <= 122;

function pairsOf(text: string): string[] {
  const w = wordsOf(text);
  const out: string[] = [];
  for (let i = 1; i < w.length; i++) if (!(COMMON.has(w[i - 1]!) && COMMON.has(w[i]!))) out.push(`${w[i - 1]} ${w[i]}`);
  return out;
}

/** A share of word pairs from the problem set at least this large: the passage is a copy of a statement. */
export const PASTED = 0.75;

/** Fewer pairs than this and a passage is too short to say it was copied. */
const FEW = 5;

const BUILT = new WeakMap<readonly QuestionOutline[], StatementIndex | undefined>();

/**
 * The index of an outline's statements, or undefined when its texts are not the problem set's
 * (a key's part titles alone are too short to recognise a paste by, and a reply's heading
 * would match them).
 */
export function statementIndex(outline: readonly QuestionOutline[]): StatementIndex | undefined {
  if (BUILT.has(outline)) return BUILT.get(outline);
  const index = outline.some((q) => q.stated) ? build(outline) : undefined;
  BUILT.set(outline, index);
  return index;
}

function build(outline: readonly QuestionOutline[]): StatementIndex {
  // Each pair: the questions and parts whose statements have it.
  const questions = new Map<string, Set<string>>();
  const parts = new Map<string, Set<string>>();
  const add = (into: Map<string, Set<string>>, text: string, id: string) => {
    for (const p of pairsOf(text)) {
      let s = into.get(p);
      if (!s) into.set(p, (s = new Set()));
      s.add(id);
    }
  };
  for (const q of outline) {
    if (!q.stated) continue;
    add(questions, `${q.title ?? ''}\n${q.text ?? ''}`, q.number);
    for (const [id, text] of Object.entries(q.partTexts ?? {})) add(parts, text, id);
  }
  const best = (votes: Map<string, number>, total: number) => {
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    // One part (or question) holds most of the pairs, and clearly more than any other.
    return first && first[1] >= total / 2 && (!second || second[1] < first[1] * 0.7) ? first[0] : undefined;
  };
  // The segmenter asks of a part's first paragraph (is it a pasted part?) and then of each of its
  // paragraphs (is it a copied statement?): the same passage twice for every part. The last few
  // answers are kept; a match depends on the passage and the index alone.
  const recent = new Map<string, StatementMatch>();
  return {
    match(passage) {
      let m = recent.get(passage);
      if (!m) {
        if (recent.size >= 64) recent.clear();
        m = matchOf(passage);
        recent.set(passage, m);
      }
      return m;
    },
  };

  /**
   * Of parts whose statements share most of their words (`What learning rate α is required to ensure that the
   * overall update α · sign(∇W L)` and `... the overall update ΔW satisfies ...`), the one a passage copies: the
   * only one whose own words, which no other of them has, the passage holds.
   */
  function alikePartTold(pairs: readonly string[], votes: Map<string, number>, total: number): string | undefined {
    const first = Math.max(0, ...votes.values());
    const alike = [...votes].filter(([, n]) => n >= total / 2 && n >= first * 0.7).map(([id]) => id);
    if (alike.length < 2) return undefined;
    const own = new Set<string>();
    for (const p of pairs) {
      const holders = alike.filter((id) => parts.get(p)?.has(id));
      if (holders.length === 1) own.add(holders[0]!);
    }
    return own.size === 1 ? [...own][0] : undefined;
  }

  function matchOf(passage: string): StatementMatch {
    const pairs = pairsOf(passage);
    if (pairs.length < FEW) return { share: 0 };
    let found = 0;
    const byQuestion = new Map<string, number>();
    const byPart = new Map<string, number>();
    for (const p of pairs) {
      const qs = questions.get(p);
      if (!qs) continue;
      found++;
      for (const q of qs) byQuestion.set(q, (byQuestion.get(q) ?? 0) + 1);
      for (const id of parts.get(p) ?? []) byPart.set(id, (byPart.get(id) ?? 0) + 1);
    }
    const share = found / pairs.length;
    const part = best(byPart, pairs.length) ?? alikePartTold(pairs, byPart, pairs.length);
    const question = best(byQuestion, pairs.length);
    return { share, ...(part ? { part } : {}), ...(question ? { question } : {}) };
  }
}

/** The part a passage copies the statement of (a part pasted into a chat, perhaps with no number), if it is one part's. */
export function pastedPart(passage: string, outline: readonly QuestionOutline[]): string | undefined {
  const m = statementIndex(outline)?.match(passage);
  return m && m.share >= PASTED ? m.part : undefined;
}

/**
 * A write-up's text with each paragraph that copies the problem set's statement blanked (its
 * line breaks kept, so locations still point into the file): a student who quotes the question
 * before answering it is not answering with its words. A paragraph whose answer follows the
 * question on its last line (`... of the last output? $L(K-1)+1$`), and a table, are kept.
 */
export function withoutCopiedStatements(text: string, outline: readonly QuestionOutline[]): string {
  const index = statementIndex(outline);
  if (!index) return text;
  return text
    .split(/(\n[ \t]*\n)/)
    .map((para, i) => {
      // (A table, by bars or tabs, is kept: an answer's table repeats the question's headings and rows, its cells are the answer.)
      // (The table pattern needs a bar or a tab, and barredRows a bar: most paragraphs have neither, and the pattern was tried from each of their characters.)
      if (i % 2 === 1 || ((para.includes('|') || para.includes('\t')) && (/^\s*\|.*\|\s*$|\S\t+\S/m.test(para) || barredRows(para))) || index.match(para).share < PASTED) return para;
      const after = para.slice(para.lastIndexOf('?') + 1);
      return /[$=\\]/.test(after) && para.includes('?') ? para : para.replace(/[^\n]/g, '');
    })
    .join('');
}

/**
 * Whether a paragraph is a table typed without its outer bars (`CONV3-10 : 100 | 28×28×10`, a phone's
 * note): two rows or more with a bar between cells. Its cells fill in the question's, so it is kept.
 */
function barredRows(para: string): boolean {
  return para.split('\n').filter((l) => /\S[ \t]*\|[ \t]*\S/.test(l) && !/\|\|/.test(l)).length >= 2;
}
