/**
 * A recording page's chapters (Loom's, YouTube's description, a podcast's show notes): a list of
 * `0:38 Question 1: Newton-Schulz runtime` lines above the transcript, its times counting up from
 * the start. They are the page's table of contents, not words spoken: each chapter names what is
 * said from its time to the next one's, so a chapter titled `Question 2(b) and 2(e)` tells which
 * parts the transcript's paragraphs in that span are about, and one titled `Intro` or `Wrap up`,
 * where others name parts, tells that its span answers none.
 */

/** One chapter: where it starts (seconds into the recording) and the parts its title names. */
export interface Chapter {
  start: number;
  title: string;
  /** The question its title names (`Question 2(b) and 2(e)`: 2), when it names one. */
  question?: string;
  /** The parts' letters its title names, in order (`b`, `e`); empty when it names a whole question or none. */
  letters: string[];
}

/** A chapter line: a time, then its title on the same line. */
const CHAPTER_LINE = /^\s*\[?((?:\d{1,2}:)?\d{1,2}:\d{2})\]?\s*(?:[-–—|]\s*)?(\S.*)$/;
/** A question named in a title, and a letter after it: `Question 2(b)`, `Q4b`, `Problem 1: ...`. */
const TITLE_QUESTION = /\b(?:question|problem|exercise|q)\s*(\d{1,2})\s*(?:[,:]?\s*parts?\s+)?(?:\(\s*([a-h])\s*\)|([a-h])\b)?/i;
/** A further part of the same question in a title: `and 2(e)`, `, (c)`, `& e`. */
const TITLE_MORE_PARTS = /(?:,|\band\b|&|\+|\/)\s*(?:(\d{1,2})\s*)?\(?([a-h])\)?(?![\w'’-])/gi;

/** Seconds from `h:mm:ss` or `m:ss`. */
function seconds(time: string): number {
  return time.split(':').reduce((s, part) => s * 60 + Number(part), 0);
}

/** The question and letters a chapter's title names. */
function partsOfTitle(title: string): Pick<Chapter, 'question' | 'letters'> {
  const m = TITLE_QUESTION.exec(title);
  if (!m) return { letters: [] };
  const question = m[1]!;
  const first = (m[2] ?? m[3])?.toLowerCase();
  if (!first) return { question, letters: [] };
  const letters = [first];
  const rest = title.slice(m.index + m[0].length);
  for (const more of rest.matchAll(TITLE_MORE_PARTS)) {
    // (A letter of another question, `2(b) and 3(a)`, ends the list: the chapter is about two questions.)
    if (more[1] && more[1] !== question) break;
    letters.push(more[2]!.toLowerCase());
  }
  return { question, letters };
}

/**
 * The chapter list among a transcript export's lines, and where it stands: a block of two lines or
 * more, each a time and a title, times rising from the recording's start, and a time after it that
 * goes back (the transcript starting over from 0:00). A transcript's own lines headed by a time
 * never go back; undefined when there is no such list.
 */
export function chapterList(lines: readonly string[]): { chapters: Chapter[]; from: number; to: number } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const first = CHAPTER_LINE.exec(lines[i]!);
    if (!first || seconds(first[1]!) !== 0) continue;
    const chapters: Chapter[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const m = CHAPTER_LINE.exec(lines[j]!);
      if (!m) break;
      const start = seconds(m[1]!);
      if (chapters.length && start <= chapters[chapters.length - 1]!.start) break;
      const title = m[2]!.trim();
      chapters.push({ start, title, ...partsOfTitle(title) });
    }
    if (chapters.length < 2) continue;
    const last = chapters[chapters.length - 1]!.start;
    // (A transcript's turn is headed by its time, or by a speaker's name and then the time: `Maya Chen  0:42`.)
    const restarts = lines.slice(j).some((l) => {
      const t = /^\s*\[?((?:\d{1,2}:)?\d{1,2}:\d{2})\]?|[ \t]((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/.exec(l);
      return t !== null && seconds((t[1] ?? t[2])!) < last;
    });
    if (restarts) return { chapters, from: i, to: j };
    i = j;
  }
  return undefined;
}

/** What a chapter says of one cue: the label it opens with, or that the cue is no part's. */
export type ChapterMark = { label: string } | { offTopic: true } | undefined;

/** `part e`, `2 E`, `2(e)`, `question 2 e`: a letter said or written for a part of the given question. */
function namedLetter(text: string, question: string | undefined, letters: readonly string[]): string | undefined {
  const pattern = new RegExp(String.raw`\bpart\s+\(?([a-h])\)?(?![\w'’-])${question ? String.raw`|\b${question}\s*\(?([a-h])\)?(?![\w'’-])` : ''}`, 'gi');
  for (const m of text.matchAll(pattern)) {
    const letter = (m[1] ?? m[2])!.toLowerCase();
    if (letters.includes(letter)) return letter;
  }
  return undefined;
}

/**
 * Each cue's mark from the chapters its time falls in: the first cue of a chapter naming one part
 * opens with that part's label; in a chapter naming several, a cue opens with the label of the
 * first of them it names, and the chapter's first cue with its first part's; a cue in a chapter that names no question, where others do, is no
 * part's (an intro, a wrap-up). Cues without a time are left as they are.
 */
export function chapterMarks(cues: readonly { text: string; time?: number }[], chapters: readonly Chapter[]): ChapterMark[] {
  const anyNamed = chapters.some((c) => c.question !== undefined);
  let current = -1;
  return cues.map((cue) => {
    if (cue.time === undefined || !anyNamed) return undefined;
    let at = -1;
    for (let k = 0; k < chapters.length && chapters[k]!.start <= cue.time; k++) at = k;
    const opens = at !== current;
    current = at;
    const chapter = chapters[at];
    if (!chapter || chapter.question === undefined) return { offTopic: true };
    const label = (letter: string) => ({ label: `Question ${chapter.question} (${letter}). ` });
    if (chapter.letters.length === 1) return opens ? label(chapter.letters[0]!) : undefined;
    // (A chapter lists its parts in the order they are taken: until a later one is named, it is the first's.)
    const letter = namedLetter(cue.text, chapter.question, chapter.letters) ?? (opens ? chapter.letters[0] : undefined);
    return letter ? label(letter) : undefined;
  });
}
