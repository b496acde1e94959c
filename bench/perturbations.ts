/**
 * Variations of a labelled document's conventions that a different app, person or exporter really
 * makes and that leave what a TA grades unchanged: who-speaks lines named otherwise, part labels
 * styled otherwise, other markup, other layout, other simple math notation, other markers on the
 * student's remarks. Each finds what it changes by the shape of the text (short repeated
 * alternating lines, a label heading a line, a quote block that passes a verdict), never from the
 * reader's own lists, so that what the reader does not survive names a class of document it
 * cannot read rather than one word it lacks.
 *
 * Every perturbation is a pure function of the text and a seeded random source: the same seed
 * gives the same documents.
 */

import { verbatimLines } from '../src/documents/verbatim-lines.js';
import { seededRandom } from '../src/math/random.js';

/** The project's seeded source of numbers in [0, 1) (mulberry32): the same on every machine. */
export { seededRandom };

/** A seed from a seed and names (a round, a file, a perturbation), so one document's variation does not depend on which others are run. */
export function seedFor(seed: number, ...names: string[]): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (const ch of names.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Lines no perturbation touches: YAML front matter, fenced code, display math ($$ ... $$, \[ ... \],
 * \begin{...} ... \end{...}): the reader's own verbatim lines. A perturbation of notation there would
 * change what the code or the formula says, not how the document is written.
 */
export const protectedLines = verbatimLines;

// ---------------------------------------------------------------------------------------------
// 1. Who speaks

/** Words that head a line like a speaker's name but say what follows (an answer, a note), not who says it. */
const NOT_SPEAKERS =
  /^(answer|answers|final|final answer|solution|solutions|note|notes|question|problem|part|step|summary|result|results|explanation|check|verdict|comment|comments|output|input|given|proof|hint|remark|total|where|so|then|thus|therefore|hence|example|table|reasoning|thinking|thought|thoughts|sources|references|code|setup|method|conclusion|overview|analysis|derivation|response time|assessment|grading|grade|evaluation|correction|corrections|update|edit|edited|error|warning|copy|share|regenerate|like|dislike)$/i;

interface SpeakerLine {
  index: number;
  head: string;
  before: string;
  after: string;
}

// A line that is only a name (with markup, an emoji or a glyph before it, "said"/":" and a
// " — date" or " · model" tail after it): how chat exports and pastes mark turns.
const SPEAKER_LINE =
  /^(\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?:[^\p{L}\p{N}\s([{$\\|>*_#-]{1,3}\s*)?)(\p{L}[\p{L}'’-]*(?: \p{L}[\p{L}'’-]*){0,2})((?:\s*:)?(?:\*\*|__)?(?:\s*:)?(?:\s+[—–·|(-]\s*.*)?\s*)$/u;

function speakerLine(line: string, index: number): SpeakerLine | undefined {
  if (line.length > 70) return undefined;
  const m = SPEAKER_LINE.exec(line);
  if (!m) return undefined;
  const head = m[2]!;
  if (NOT_SPEAKERS.test(head) || NOT_SPEAKERS.test(head.split(' ')[0]!) || head.length > 30) return undefined;
  // "EVAL (b): correct." or "Position (1,2): 2 + 6" says something after its colon: a labelled line, not a name.
  if (/:\s+\S/.test(m[3]!)) return undefined;
  // "Part a" / "Question" / a single letter are part labels, not names.
  if (head.length < 2 || /^(part|question|problem|q)\b/i.test(head)) return undefined;
  return { index, head, before: m[1]!, after: m[3]! };
}

/** A shape shared by lines: the markup before and after the name, ignoring a tail that varies (a date, a model). */
function shapeOf(s: SpeakerLine): string {
  return `${s.before.trim()}|${s.after.replace(/\s+[—–·|(-]\s*.*$/, '').trim()}`;
}

/**
 * The lines that name who speaks, found by their shape: short lines, each alone between other
 * text, whose names alternate (the first speaker, then another, then the first again) or, in a
 * single exchange, two names written in the same markup. Returns them with the speaker order.
 */
export function speakerLines(text: string): { lines: SpeakerLine[]; speakers: string[] } {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  const found: SpeakerLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (guard[i]) continue;
    const s = speakerLine(lines[i]!, i);
    // A name line is followed by what the speaker says, not by the end of the document.
    if (s && lines.slice(i + 1).some((l) => l.trim() !== '')) found.push(s);
  }
  const counts = new Map<string, number>();
  for (const s of found) counts.set(s.head.toLowerCase(), (counts.get(s.head.toLowerCase()) ?? 0) + 1);
  // The two names that alternate most: turns go back and forth between them.
  const heads = [...counts.keys()];
  let best: { a: string; b: string; alternations: number } | undefined;
  for (const a of heads)
    for (const b of heads) {
      if (a >= b) continue;
      const seq = found.filter((s) => [a, b].includes(s.head.toLowerCase())).map((s) => s.head.toLowerCase());
      let alternations = 0;
      for (let i = 1; i < seq.length; i++) if (seq[i] !== seq[i - 1]) alternations++;
      if (!best || alternations > best.alternations) best = { a, b, alternations };
    }
  if (!best) return { lines: [], speakers: [] };
  const pair = found.filter((s) => [best.a, best.b].includes(s.head.toLowerCase()));
  const seq = pair.map((s) => s.head.toLowerCase());
  // Turns start near the top and go back and forth from the first (A B A ..., not A A B: two headings of one answer).
  const early = pair[0]!.index <= Math.max(3, lines.length * 0.4);
  const alternating = early && seq[0] !== seq[1] && best.alternations >= 2 && best.alternations >= (seq.length - 1) / 2 && (counts.get(best.a) ?? 0) >= 2 && (counts.get(best.b) ?? 0) >= 2;
  // One exchange: two names in the same visible markup (a colon, bold, a heading), each alone after a blank line, the first at the top.
  const alone = (s: SpeakerLine) => (s.index === 0 || lines[s.index - 1]!.trim() === '' || lines[s.index - 1]!.trim() === '---') && !/[—–·|(-]/.test(s.after);
  const single =
    seq.length === 2 &&
    pair[0]!.index <= 3 &&
    best.alternations === 1 &&
    shapeOf(pair[0]!) === shapeOf(pair[1]!) &&
    shapeOf(pair[0]!) !== '|' &&
    pair.every(alone) &&
    pair.every((s) => s.head.split(' ').length <= 2);
  // A name line followed at once by another is a turn's header and its status line ("Gemini:" / "Thinking"), not two turns.
  const content = (a: SpeakerLine, b: SpeakerLine) => lines.slice(a.index + 1, b.index).some((l) => l.trim() !== '');
  if (pair.some((s, k) => k > 0 && !content(pair[k - 1]!, s))) return { lines: [], speakers: [] };
  if (!alternating && !single) return { lines: [], speakers: [] };
  const shapes = new Set(pair.map(shapeOf));
  // Other names written in the same markup, each more than once, are further speakers (a second model in the room).
  const more = found.filter((s) => !pair.includes(s) && shapes.has(shapeOf(s)) && (counts.get(s.head.toLowerCase()) ?? 0) >= 2 && s.index > 0 && lines[s.index - 1]!.trim() === '');
  const all = [...pair, ...more].sort((x, y) => x.index - y.index).filter((s, k, xs) => k === 0 || content(xs[k - 1]!, s));
  // The asker first: the first to speak, unless the document's first line names the one who also
  // speaks last (a title naming the model over the chat, `Grok` / ... / `You:`): a chat ends on an answer.
  const firstLine = lines.findIndex((l) => l.trim() !== '');
  const last = all[all.length - 1]!.head.toLowerCase();
  const turns = all.filter((s, k) => !(k === 0 && s.index === firstLine && s.head.toLowerCase() === last));
  const asker = turns[0]!.head.toLowerCase();
  const speakers = [asker, ...new Set(all.map((s) => s.head.toLowerCase()).filter((h) => h !== asker))];
  return { lines: all, speakers };
}

/** Names a person, an app or another language gives the one who asks. */
const ASKER_NAMES = ['Student', 'Prompt', 'Me', 'Kai', 'Priya', 'Query', 'Frage', 'Utilisateur', 'Pregunta', 'Human user', 'Asker'];
/** Names given to the one who answers. */
const ANSWERER_NAMES = ['Bot', 'Model', 'AI', 'Tutor', 'Respuesta', 'Antwort', 'Assistente', 'Response', 'Nova', 'LLM', 'Reply'];

/** Every who-speaks line's name replaced by another plausible name (the asker's from one pool, the others' from another), markup kept. */
export function renameSpeakers(text: string, random: () => number): string {
  const { lines: found, speakers } = speakerLines(text);
  if (!found.length) return text;
  const taken = new Set(speakers);
  const names = new Map<string, string>();
  speakers.forEach((s, i) => {
    const pool = (i === 0 ? ASKER_NAMES : ANSWERER_NAMES).filter((n) => !taken.has(n.toLowerCase()));
    const name = pick(random, pool);
    taken.add(name.toLowerCase());
    names.set(s, name);
  });
  const lines = text.split('\n');
  for (const s of found) {
    // "You said:" names the speaker by "said"; the renamed line keeps the colon that followed it.
    const after = s.after;
    lines[s.index] = `${s.before}${names.get(s.head.toLowerCase())}${/^\s*said\b/i.test(after) ? after.replace(/^\s*said\b/i, '') : after}`;
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 2. Part labels

/** How a part label can head a line; `n` is the question's number when the document has said it. */
export const PART_STYLES = ['(a)', 'a)', 'Part (a)', '**(a)**', 'a.', '1(a)', 'Q1a'] as const;
export type PartStyle = (typeof PART_STYLES)[number];

// A part label heading a line: "(a)", "a)", "Part (a)", "Part a:", "**(a)**", "**a)**", with heading markup before.
const PART_LABEL = /^(?<lead>\s*(?:#{1,6}\s+)?)(?<open>\*\*)?(?<part>Part\s+)?(?:\((?<p>[a-h])\)|(?<r>[a-h])\)|(?<=Part\s+)(?<w>[a-h]))(?<close>\*\*)?(?=[\s:.*]|$)/;
// Where a question starts: "Question 3", "Problem 3", "Q3", or a heading "## 3." (a numbered list item in an answer is not one).
const QUESTION_HEAD = /^\s*(?:(?:#{1,6}\s*)?(?:\*\*)?\s*(?:Question|Problem|Exercise|Q)\s*\.?\s*(\d+)\b|#{1,6}\s*(?:\*\*)?(\d+)\s*[.)]\s+\p{L})/iu;

function styled(style: PartStyle, letter: string, question: string | undefined): string {
  if ((style === '1(a)' || style === 'Q1a') && !question) return `(${letter})`;
  switch (style) {
    case '(a)':
      return `(${letter})`;
    case 'a)':
      return `${letter})`;
    case 'Part (a)':
      return `Part (${letter})`;
    case '**(a)**':
      return `**(${letter})**`;
    case 'a.':
      return `${letter}.`;
    case '1(a)':
      return `${question}(${letter})`;
    case 'Q1a':
      return `Q${question}${letter}`;
  }
}

/** The style of the first part label heading a line, if any. */
function firstStyle(lines: readonly string[]): PartStyle | undefined {
  for (const l of lines) {
    const g = PART_LABEL.exec(l)?.groups;
    if (!g) continue;
    if (g.part) return 'Part (a)';
    if (g.open && g.close) return '**(a)**';
    return g.p ? '(a)' : 'a)';
  }
  return undefined;
}

/** Every part label that heads a line written in one other style (chosen per document); the rest of the line kept. */
export function restyleParts(text: string, random: () => number, style?: PartStyle): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  const had = firstStyle(lines);
  if (!had) return text;
  // A style that names the question ("1(a)", "Q1a") only where every label follows a question's number: one style per document, as a person writes.
  let numbered = true;
  let seen: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (guard[i]) continue;
    const q = QUESTION_HEAD.exec(lines[i]!);
    if (q) seen = q[1] ?? q[2];
    if (PART_LABEL.test(lines[i]!) && !seen) numbered = false;
  }
  const styles = PART_STYLES.filter((s) => s !== had && (numbered || (s !== '1(a)' && s !== 'Q1a')));
  const chosen = style && (numbered || (style !== '1(a)' && style !== 'Q1a')) ? style : pick(random, styles);
  let question: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (guard[i]) continue;
    const line = lines[i]!;
    const q = QUESTION_HEAD.exec(line);
    if (q) question = q[1] ?? q[2];
    const m = PART_LABEL.exec(line);
    const g = m?.groups;
    const letter = g?.p ?? g?.r ?? g?.w;
    if (!m || !g || !letter) continue;
    // "a.: Convolutional layer" is written by no one: a style ending in a period takes the colon's place.
    const rest = chosen === 'a.' ? line.slice(m[0].length).replace(/^:/, '') : line.slice(m[0].length);
    // Bold that wrapped the label alone goes with it; bold that wraps the whole line stays around the new label.
    const boldLine = Boolean(g.open) && !g.close;
    const label = styled(boldLine && chosen === '**(a)**' ? '(a)' : chosen, letter, question);
    lines[i] = `${g.lead}${boldLine ? '**' : ''}${label}${rest}`;
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 3. Markup

/** Markdown headings become bold lines or plain lines, or whole-line bold becomes headings (one way per document). */
export function restyleHeadings(text: string, random: () => number): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  const hasHeadings = lines.some((l, i) => !guard[i] && /^#{1,6}\s+\S/.test(l));
  const way = hasHeadings ? pick(random, ['bold', 'plain'] as const) : 'heading';
  for (let i = 0; i < lines.length; i++) {
    if (guard[i]) continue;
    const l = lines[i]!;
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    if (way !== 'heading' && h) {
      const inner = h[1]!;
      lines[i] = way === 'plain' ? inner.replace(/^\*\*(.*)\*\*$/, '$1') : /^\*\*.*\*\*$/.test(inner) ? inner : `**${inner}**`;
    } else if (way === 'heading') {
      const b = /^\*\*([^*]+)\*\*\s*$/.exec(l);
      if (b) lines[i] = `### ${b[1]}`;
    }
  }
  return lines.join('\n');
}

/** Bullets "-", "*" and "•" swapped for another of them (one per document), indentation kept. */
export function restyleBullets(text: string, random: () => number): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  const used = new Set<string>();
  for (let i = 0; i < lines.length; i++) if (!guard[i]) for (const m of [/^\s*([-*•])\s+\S/.exec(lines[i]!)]) if (m) used.add(m[1]!);
  if (!used.size) return text;
  // In an Org file a "*" at the margin heads a section ("* Q3 ..."), not an item.
  const org = lines.some((l) => /^#\+\w+:/.test(l));
  const to = pick(
    random,
    ['-', '*', '•'].filter((b) => !used.has(b) || used.size > 1),
  );
  for (let i = 0; i < lines.length; i++) {
    if (guard[i]) continue;
    // A "* " bullet, not "**bold**"; a "- " bullet, not a "---" rule or a "-3" number.
    lines[i] = lines[i]!.replace(/^(\s*)([-*•])(\s+)(?=\S)/, (all, indent: string, b: string, space: string) =>
      (b === '*' && /^\s*\*\*/.test(lines[i]!)) || (org && b === '*' && indent === '') ? all : `${indent}${to}${space}`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 4. Layout

/** Blank lines between paragraphs removed (as some copy-paste paths and mail clients do). */
export function removeBlankLines(text: string): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  return lines.filter((l, i) => guard[i] || l.trim() !== '').join('\n');
}

/** Every run of blank lines doubled (as a rich-text paste into a plain editor does). */
export function doubleBlankLines(text: string): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  return lines.flatMap((l, i) => (!guard[i] && l.trim() === '' ? [l, l] : [l])).join('\n');
}

/** The words of a line, with inline math ($...$, \(...\)) and inline code kept whole. */
function atoms(text: string): string[] {
  const out: string[] = [];
  const re = /\$[^$\n]+\$|\\\([^\n]*?\\\)|`[^`\n]+`|\S+/g;
  let current = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    const gap = text.slice(last, m.index);
    if (/\s/.test(gap) || last === 0) {
      if (current) out.push(current);
      current = m[0];
    } else current += m[0];
    last = m.index! + m[0].length;
  }
  if (current) out.push(current);
  return out;
}

/** Long lines hard-wrapped at `width` columns between words, never inside inline math or a table row; continuation lines keep the line's indentation and quote marks. */
export function hardWrap(text: string, width = 80): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (guard[i] || l.length <= width || /^\s*\|/.test(l) || /^#{1,6}\s/.test(l) || /^\s{4,}|\t/.test(l)) {
      out.push(l);
      continue;
    }
    const lead = /^(\s*(?:>\s*)*)((?:[-*•]|\d+[.)])\s+)?/.exec(l)!;
    const first = lead[0];
    const hang = lead[1]! + ' '.repeat(lead[2]?.length ?? 0);
    let current = first;
    let hasWord = false;
    for (const word of atoms(l.slice(first.length))) {
      if (hasWord && current.length + 1 + word.length > width) {
        out.push(current);
        current = hang + word;
      } else current += (hasWord ? ' ' : '') + word;
      hasWord = true;
    }
    out.push(current);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 5. Simple math notation

const SUPERSCRIPTS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * Simple math written as a person typing Unicode writes it, outside display blocks and code:
 * `d_{out}` → `d_out`, `^2` / `^{2}` → `²` after a letter, digit or bracket, `\sqrt{x}` / `sqrt(x)` →
 * `√x` for a single token x not followed by more of a product. Nothing that could be read two ways.
 */
export function unicodeMath(text: string): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    if (guard[i]) continue;
    lines[i] = lines[i]!.replace(/_\{([A-Za-z]+|\d+)\}(?![A-Za-z0-9_])/g, '_$1')
      .replace(/([A-Za-z0-9)\]}])\^(?:\{([0-9])\}|([0-9])(?![0-9.,/{_^]))/g, (_, before: string, braced?: string, bare?: string) => `${before}${SUPERSCRIPTS[(braced ?? bare)!]}`)
      .replace(/\\sqrt\{([A-Za-z0-9]+(?:_[A-Za-z0-9]+)?)\}(?![A-Za-z0-9_^({\\])/g, '√$1')
      .replace(/(?<![A-Za-z\\])sqrt\(([A-Za-z0-9]+(?:_[A-Za-z0-9]+)?)\)(?![A-Za-z0-9_^(])/g, '√$1');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// 6. The student's remark markers

// What a remark that grades the model says: the student's verdict, not the problem or the model.
const VERDICT_WORDS = /(?<![\\\w])(correct|incorrect|wrong|right|matches|mistake|marking|credit|checked)\b|[✓✗✔✘]/i;
// A quoted excerpt of the model's answer ("> **Final answer:** ...") is the model's, whatever words it has.
const QUOTED_ANSWER = /\banswer\s*(?:\([^)]*\))?\s*:/i;

/**
 * Quote blocks that pass a verdict (the student's remarks on a model's answer: "> correct",
 * ">> (c) looks wrong to me") marked instead as another student would: "Note:" before the first
 * line, "[me]" or "//" before every line.
 */
export function remarkMarkers(text: string, random: () => number): string {
  const lines = text.split('\n');
  const guard = protectedLines(lines);
  const marker = pick(random, ['Note:', '[me]', '//'] as const);
  for (let i = 0; i < lines.length; ) {
    const q = /^(\s*)((?:>\s?)+)/.exec(lines[i]!);
    if (guard[i] || !q) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && /^\s*>/.test(lines[end + 1]!) && !guard[end + 1]) end++;
    const block = lines.slice(i, end + 1);
    if (VERDICT_WORDS.test(block.join(' ')) && !QUOTED_ANSWER.test(block.join(' '))) {
      block.forEach((l, k) => {
        const m = /^(\s*)(?:>\s?)+(.*)$/.exec(l)!;
        const body = m[2]!;
        if (marker === 'Note:') lines[i + k] = k === 0 ? `${m[1]}Note: ${body}` : `${m[1]}      ${body}`;
        else lines[i + k] = `${m[1]}${marker} ${body}`;
      });
    }
    i = end + 1;
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

/** One variation of a document's conventions. */
export interface Perturbation {
  name: string;
  /** What it varies, for the bench's report. */
  what: string;
  apply(text: string, random: () => number): string;
}

/** Every perturbation the bench knows, in the order it reports them. */
export const PERTURBATIONS: readonly Perturbation[] = [
  { name: 'role-labels', what: 'who-speaks lines given other names of the same shape', apply: renameSpeakers },
  { name: 'part-labels', what: 'part labels heading a line restyled ((a) / a) / Part (a) / **(a)** / a. / 1(a) / Q1a)', apply: (t, r) => restyleParts(t, r) },
  { name: 'headings', what: 'Markdown headings as bold or plain lines, or bold lines as headings', apply: restyleHeadings },
  { name: 'bullets', what: 'bullets - / * / • swapped', apply: restyleBullets },
  { name: 'blank-lines-removed', what: 'blank lines between paragraphs removed', apply: (t) => removeBlankLines(t) },
  { name: 'blank-lines-doubled', what: 'blank lines doubled', apply: (t) => doubleBlankLines(t) },
  { name: 'hard-wrap', what: 'long lines hard-wrapped at 80 columns (not inside $...$ math)', apply: (t) => hardWrap(t) },
  { name: 'unicode-math', what: 'd_{out} → d_out, ^2 → ², \\sqrt{x} / sqrt(x) → √x outside display math', apply: (t) => unicodeMath(t) },
  { name: 'remark-markers', what: 'the student\'s verdict quotes ("> correct") marked "Note:", "[me]" or "//"', apply: remarkMarkers },
];
