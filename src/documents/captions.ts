/**
 * Caption files and transcripts of recordings, read as the text spoken. A recorded walkthrough or a
 * voice chat comes as WebVTT (`WEBVTT`, cues under `00:00:02.140 --> 00:00:08.920` timings, `<v Name>`
 * voice tags, `NOTE` blocks, inline `<c>`/`<i>` tags and timestamps), SubRip (`.srt`: numbered cues,
 * `00:00:02,140 --> ...`), or a plain transcript export whose lines are headed by a time
 * (`[00:01:02] Name: ...`, `Name  0:42` over the words, a time alone over them). Read as written,
 * every timing is a line and a sentence is cut where a cue ends. Read as spoken: the cues of one
 * speaker are one paragraph, several speakers are turns (`Name: ...`), a part said aloud at a
 * sentence's start (`Part a.`, `so for part b`, `question seven, part c`) heads its paragraph as a
 * written label would, and formulas said aloud are read as the small reading of `spoken-math.ts`
 * states (only here: never in written text).
 */

import { type Chapter, chapterList, chapterMarks } from './recording-chapters.js';
import { spokenMathAsLatex } from './spoken-math.js';
import { withoutSpokenRemarks } from './spoken-remarks.js';
import { detectFormat } from './transcripts.js';

/** The cheap test: a caption file's header or timing, or a line headed by a time. */
const CAPTION_HINT = /^\uFEFF?WEBVTT|\d[.,]\d{1,3}\s*-->|^\[?\d{1,2}:\d{2}|\d:\d{2}\s*$/m;
const VTT_HEADER = /^\uFEFF?WEBVTT(?:[ \t].*)?$/m;
/** A cue's timing line, WebVTT's (`.`) or SubRip's (`,`), with WebVTT's cue settings after it. */
const TIMING = /^\s*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{1,3}(?:\s.*)?$/;
/** A transcript export's line headed by a time: `[00:01:02] Name: words`, `00:01:02 words`, `0:42` alone. */
const TIME_HEAD = /^\s*\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?(?:\s*[-–|]\s*|\s+|$)(.*)$/;
/** Otter's and Teams' speaker line: the name, then the time the turn starts (`Maya Chen  0:42`). */
const NAME_TIME = /^\s*(\p{Lu}[\p{L}\p{N}_'.-]*(?:[ \t][\p{L}\p{N}_'.()-]+){0,4}?)[ \t]+((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/u;
/** YouTube's spelled-out length under a time (`2 seconds`, `1 minute, 5 seconds`). */
const SPELLED_TIME = /^\s*\d+\s+(?:hours?|minutes?|seconds?)(?:,?\s+\d+\s+(?:minutes?|seconds?))*\s*$/i;
/** A speaker's name before the words of a cue: up to five capitalised words, or a role's word, then a colon. */
const SPEAKER_PREFIX = /^\s*(?:>>\s*)?([A-Z][\w'.-]*(?:[ \t][A-Z0-9][\w'.-]*){0,4})\s*:\s+/;
/** Names that are labels, not speakers (`Part a: ...`, `Answer: ...`). */
const NOT_A_SPEAKER = /^(?:part|question|problem|exercise|answer|final answer|note|step|hint|solution|example|q|a|re|subject|warning|okay|so)\b/i;

interface Cue {
  speaker?: string;
  text: string;
  /** Seconds into the recording where the cue starts, when the export says. */
  time?: number;
}

/** A caption file's cues: WebVTT's and SubRip's blocks, their timings, ids, notes and styles left out. */
function timedCues(lines: string[]): Cue[] {
  const cues: Cue[] = [];
  let lastLine = '';
  let i = 0;
  while (i < lines.length) {
    if (!TIMING.test(lines[i]!)) {
      i++;
      continue;
    }
    const words: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '' && !TIMING.test(lines[i]!); i++) words.push(lines[i]!);
    // (A cue with no blank line before the next one's id: a number alone just above a timing is that id.)
    if (words.length && /^\d+$/.test(words[words.length - 1]!.trim()) && TIMING.test(lines[i] ?? '')) words.pop();
    // (Auto-captions roll: a cue opens with the line the cue before it ended on. It is said once.)
    const said = words.filter((w) => plainCueText(w));
    while (said.length && plainCueText(said[0]!) === lastLine) said.shift();
    if (said.length) lastLine = plainCueText(said[said.length - 1]!);
    cues.push(...voicedCues(said));
  }
  return cues;
}

/** One cue's lines: its `<v Name>` voices (or `- ` dialogue lines) apart, its inline tags gone. */
function voicedCues(lines: string[]): Cue[] {
  const out: Cue[] = [];
  for (const line of lines) {
    const voice = /^\s*<v(?:\.[\w.-]+)*\s+([^>]+)>/.exec(line);
    const text = plainCueText(line);
    if (!text) continue;
    if (voice) out.push({ speaker: voice[1]!.trim(), text });
    else if (out.length && !/^\s*-\s/.test(line)) out[out.length - 1]!.text += ` ${text}`;
    else out.push({ text: text.replace(/^-\s+/, '') });
  }
  return out;
}

/** A cue line's words: tags, inline timestamps, positioning codes and entities read as the player shows them. */
function plainCueText(line: string): string {
  return line
    .replace(/<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}>/g, '')
    .replace(/<\/?(?:v|c|i|b|u|lang|ruby|rt|font)(?:[.\s][^>]*)?>/gi, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A transcript export's turns: a line headed by a time (and perhaps a name) starts one, the lines under it are its words. */
function exportedCues(lines: string[]): Cue[] {
  const cues: Cue[] = [];
  let open: Cue | undefined;
  for (const line of lines) {
    if (!line.trim() || SPELLED_TIME.test(line)) continue;
    const named = NAME_TIME.exec(line);
    const timed = named ? undefined : TIME_HEAD.exec(line);
    if (named || timed) {
      open = { ...(named ? { speaker: named[1]!.trim() } : {}), text: plainCueText(timed?.[2] ?? ''), time: secondsOf((named?.[2] ?? timed?.[1])!) };
      cues.push(open);
    } else if (open) open.text = open.text ? `${open.text} ${plainCueText(line)}` : plainCueText(line);
    // (A title over the first time, `Transcript` / a meeting's name, is no one's words.)
  }
  return cues.filter((c) => c.text);
}

/** Seconds from a time's `h:mm:ss` or `m:ss`. */
function secondsOf(time: string): number {
  return time
    .split(/[.,]/)[0]!
    .split(':')
    .reduce((s, part) => s * 60 + Number(part), 0);
}

/**
 * Whether the lines are a recording transcript export's: at least three headed by a time, a quarter
 * of those with words, the first time within the recording's first minutes. (A chat app's log is
 * stamped with the clock, `22:03`: its times do not count from a start.)
 */
function isExport(lines: string[]): boolean {
  let heads = 0;
  let words = 0;
  let first: number | undefined;
  for (const line of lines) {
    if (!line.trim()) continue;
    words++;
    const time = NAME_TIME.exec(line)?.[2] ?? TIME_HEAD.exec(line)?.[1];
    if (time === undefined) continue;
    heads++;
    first ??= secondsOf(time);
  }
  return heads >= 3 && heads * 4 >= words && first !== undefined && first < RECORDING_START_SECONDS;
}

/** How late a recording transcript's first time may be: a recording counts from its start. */
const RECORDING_START_SECONDS = 5 * 60;

/** Speakers named in the cues' words (`Maya Chen: ...`): a name that heads two cues or more, and no label. */
function withNamedSpeakers(cues: Cue[]): Cue[] {
  const counts = new Map<string, number>();
  for (const c of cues) {
    const name = SPEAKER_PREFIX.exec(c.text)?.[1];
    if (name && !NOT_A_SPEAKER.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let speaker: string | undefined;
  const cue = (said: string | undefined, text: string, time: number | undefined): Cue => ({ ...(said ? { speaker: said } : {}), text, ...(time !== undefined ? { time } : {}) });
  return cues.map((c) => {
    const m = SPEAKER_PREFIX.exec(c.text);
    if (m && (counts.get(m[1]!) ?? 0) >= 2) {
      speaker = m[1]!;
      return cue(speaker, c.text.slice(m[0].length), c.time);
    }
    // (A cue with no name is the last named speaker's, as a caption's sentence runs on over cues; `>>` is someone new.)
    if (/^\s*>>/.test(c.text)) {
      speaker = undefined;
      return cue(undefined, c.text.replace(/^\s*>>\s*/, ''), c.time);
    }
    return cue(c.speaker ?? speaker, c.text, c.time);
  });
}

/** A caption file's cues, the text written after them and the page's chapters, or undefined when the text is none. */
function captionCues(text: string): { cues: Cue[]; written: string; chapters: Chapter[] } | undefined {
  if (!CAPTION_HINT.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  // (A page's chapter list is its table of contents: its lines are no one's words.)
  const listed = chapterList(lines);
  const chapters = listed?.chapters ?? [];
  if (listed) lines.fill('', listed.from, listed.to);
  const timed = VTT_HEADER.test(text.slice(0, 200)) || lines.filter((l) => TIMING.test(l)).length >= 2;
  const isHead = timed ? (l: string) => TIMING.test(l) : (l: string) => NAME_TIME.test(l) || TIME_HEAD.test(l);
  const end = transcriptEnd(lines, isHead);
  const spoken = lines.slice(0, end);
  const written = writtenAfter(lines.slice(end));
  if (timed) return { cues: withNamedSpeakers(withoutRepeats(timedCues(spoken))), written, chapters };
  // (Whether it is a recording is asked of the whole text, as before anything was typed under it.)
  return isExport(lines) ? { cues: withNamedSpeakers(exportedCues(spoken)), written, chapters } : undefined;
}

/**
 * Where the recording's words end: at the blank line closing the last timed turn's words. (No export
 * puts a blank line inside a turn: what follows one after the last time was typed after the export,
 * as a student's final answers under a pasted transcript are.)
 */
function transcriptEnd(lines: string[], isHead: (line: string) => boolean): number {
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (isHead(lines[i]!)) {
      last = i;
      break;
    }
  }
  if (last < 0) return lines.length;
  let i = last + 1;
  while (i < lines.length && !lines[i]!.trim()) i++;
  while (i < lines.length && lines[i]!.trim()) i++;
  return i;
}

/** A transcribing service's credit line under its export (`Transcribed by https://otter.ai`): the service's, no one's words. */
const SERVICE_CREDIT = /^\s*(?:transcribed|transcription|transcript|captions?|subtitles?)\s+(?:generated\s+|created\s+|made\s+)?(?:by|with|using)\s+\S+.*$/gim;

/** A recording page's comments heading (`Comments (2)`, `14 comments`): what follows is other people's remarks. */
const COMMENTS_HEADING = /^\s*(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?\s*$/i;

/** The text written after a transcript, as written, without its service's credit or the page's comments. */
function writtenAfter(lines: string[]): string {
  const comments = lines.findIndex((l) => COMMENTS_HEADING.test(l));
  return (comments < 0 ? lines : lines.slice(0, comments)).join('\n').replace(SERVICE_CREDIT, '').trim();
}

/** Auto-captions roll: each cue repeats the line before it. A cue's words already said just before are said once. */
function withoutRepeats(cues: Cue[]): Cue[] {
  const out: Cue[] = [];
  for (const c of cues) {
    const last = out[out.length - 1];
    if (last && last.speaker === c.speaker) {
      if (last.text === c.text || last.text.endsWith(c.text)) continue;
      if (c.text.startsWith(last.text)) {
        last.text = c.text;
        continue;
      }
    }
    out.push({ ...c });
  }
  return out;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** `question seven`: a question's number said as a word. */
const SPOKEN_QUESTION = new RegExp(String.raw`\b(question|problem|exercise)\s+(${NUMBER_WORDS.join('|')})\b`, 'gi');
/**
 * A part said aloud where a sentence starts, perhaps after a word that opens one (`So for part b,`,
 * `Okay, question 7, part c`, `Now part d`): the label a writer would have put there.
 */
const SPOKEN_PART =
  /(^|[.?!]\s+)((?:(?:so|okay|ok|now|next|and|then|alright|right|well|um|uh|for|on|to|moving|let's|lets|do)\s*,?\s+){0,3})(?:(?:question|problem|exercise)\s+(\d{1,2})\s*,?\s+)?part\s+([a-h])\b(?!['’-])[.,:;]?\s*/gi;
/** The same where the captions have no sentences (auto-captions): the opening word is what tells it. */
const UNPUNCTUATED_PART = /(^|\s)((?:(?:so|okay|ok|now|next|then|alright|moving on to|on to|for)\s+){1,3})(?:(?:question|problem|exercise)\s+(\d{1,2})\s+)?part\s+([a-h])\b(?!['’-])\s*/gi;

const SAID_NUMBER = String.raw`(\d{1,2}|${NUMBER_WORDS.slice(1).join('|')})`;
const SENTENCE_OPENERS = String.raw`(?:(?:so|okay|ok|now|next|and|then|alright|right|well|um|uh|for|on|to|moving|let's|lets|do)\s*,?\s+){0,3}`;
/**
 * A part said aloud by its question's number and its letter where a sentence starts, as people
 * name parts aloud: after a word naming it (`question two B`, `part four c`), or bare and followed
 * by a pause (`Two B, the constant`, `one A first,`, `So then two E,`, `for four D,`). A bare number
 * and letter needs the pause: `Two C D out squared` is a formula, and `Two B?` a question about one.
 */
const SPOKEN_NUMBERED_PART = new RegExp(
  String.raw`(^|[.?!]\s+)(${SENTENCE_OPENERS})(?:(?:question|problem|exercise|part|number)\s+${SAID_NUMBER}\s*,?\s+([a-h])\b(?!['’-])|${SAID_NUMBER}\s*([a-h])(?:\s+(?:first|now|next|then))?(?=\s*[,.:;]))[.,:;]?\s*`,
  'gi',
);
/** The same in captions with no sentences: only after a word naming it and a word opening a sentence. */
const UNPUNCTUATED_NUMBERED_PART = new RegExp(
  String.raw`(^|\s)((?:(?:so|okay|ok|now|next|then|alright|moving on to|on to|for)\s+){1,3})(?:question|problem|exercise|part|number)\s+${SAID_NUMBER}\s+([a-h])\b(?!['’-])()()\s*`,
  'gi',
);

/** A label `withSpokenLabels` wrote where a paragraph starts. */
const SPOKEN_LABEL_HEAD = /^(?:Question \d{1,2} \([a-h]\)|Part [a-h])\. /;

/** A number said as a word or written as digits, as digits. */
const saidNumber = (n: string) => (/^\d+$/.test(n) ? n : String(NUMBER_WORDS.indexOf(n.toLowerCase())));

/** A speaker's paragraph with its spoken labels heading paragraphs of their own, as a writer's labels head lines. */
function withSpokenLabels(paragraph: string, punctuated: boolean): string {
  const folded = paragraph.replace(SPOKEN_QUESTION, (_, word: string, n: string) => `${word} ${NUMBER_WORDS.indexOf(n.toLowerCase())}`);
  // (The words that opened the sentence, `so for`, go with it: the label is what they led to.)
  const label = (_: string, open: string, _lead: string, question: string | undefined, letter: string) =>
    `${open.trimEnd()}\n\n${question ? `Question ${question} (${letter.toLowerCase()}). ` : `Part ${letter.toLowerCase()}. `}`;
  const numbered = (_: string, open: string, _lead: string, named: string | undefined, namedLetter: string | undefined, bare: string | undefined, bareLetter: string | undefined) =>
    `${open.trimEnd()}\n\nQuestion ${saidNumber((named || bare)!)} (${(namedLetter || bareLetter)!.toLowerCase()}). `;
  return folded
    .replace(punctuated ? SPOKEN_PART : UNPUNCTUATED_PART, label)
    .replace(punctuated ? SPOKEN_NUMBERED_PART : UNPUNCTUATED_NUMBERED_PART, numbered)
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** A recording's transcript read as the text spoken, and what was typed under it. */
export interface SpokenTranscript {
  /** The words spoken: a paragraph per speaker's run, spoken labels heading paragraphs, formulas read. */
  spoken: string;
  /** The text typed after the transcript (a student's final answers under it), as written; '' when none. */
  written: string;
}

/**
 * A caption file or a recording's transcript as the text spoken: one paragraph per speaker's run
 * of cues (named when more than one person speaks), spoken labels heading paragraphs, formulas said
 * aloud read where they have one reading; undefined for any other text.
 */
export function readSpokenTranscript(text: string): SpokenTranscript | undefined {
  const read = captionCues(text);
  if (!read?.cues.length) return undefined;
  const { cues, written, chapters } = read;
  const marks = chapterMarks(cues, chapters);
  const merged: Cue[] = [];
  cues.forEach((c, i) => {
    const mark = marks[i];
    if (mark && 'offTopic' in mark) return;
    const last = merged[merged.length - 1];
    // (A chapter's label opens a paragraph of its own, as a writer's label heads a line.)
    if (mark) merged.push({ ...c, text: `${mark.label}${c.text}` });
    else if (last && last.speaker === c.speaker) last.text += ` ${c.text}`;
    else merged.push({ ...c });
  });
  // (A speaker's remark on the answer read out, `That's wrong, it should be ...`, is no one's answer: a turn of nothing else goes.)
  const runs = merged.map((r) => ({ ...r, text: withoutSpokenRemarks(r.text) })).filter((r) => r.text.trim());
  const speakers = new Set(runs.map((r) => r.speaker).filter(Boolean));
  const words = runs.map((r) => r.text).join(' ');
  // (Auto-captions have no sentences: fewer than one full stop in fifty words.)
  const punctuated = (words.match(/[.?!](?:\s|$)/g) ?? []).length * 50 >= words.split(/\s+/).length;
  const bodies = runs.map((r) =>
    withSpokenLabels(r.text, punctuated)
      .split(/\n\n/)
      .map((p) => spokenMathAsLatex(p).text)
      .join('\n\n')
      // (A chapter's label over the same label said aloud, `Question 4 (b). OK, question 4 B.`: one label.)
      .replace(/^(Question \d{1,2} \([a-h]\)\.)\s*\n\n\1 /, '$1 '),
  );
  const named = speakers.size > 1;
  const turns = bodies.map((body, i) => (named && runs[i]!.speaker ? `${runs[i]!.speaker}: ${body}` : body)).join('\n\n');
  // (A label a speaker opened with heads their paragraph in a write-up: behind their name no reader would see it.
  // In a voice chat with an assistant, `You: Question 2 (d). ...` is the person's turn asking it, as it stands.)
  if (!named || detectFormat(turns) !== 'writeup') return { spoken: `${turns}\n`, written };
  const headed = bodies.map((body, i) => {
    const speaker = runs[i]!.speaker;
    const opening = speaker ? SPOKEN_LABEL_HEAD.exec(body)?.[0] : undefined;
    return speaker ? (opening ? `${opening.trim()}\n\n${speaker}: ${body.slice(opening.length)}` : `${speaker}: ${body}`) : body;
  });
  return { spoken: `${headed.join('\n\n')}\n`, written };
}

/** A caption file or a recording's transcript as the text spoken, then what was typed under it; any other text as it is. */
export function captionsAsText(text: string): string {
  const read = readSpokenTranscript(text);
  return read ? transcriptAsText(read) : text;
}

/** A transcript read, as one text: the words spoken, then what was typed under them. */
export function transcriptAsText(read: SpokenTranscript): string {
  return read.written ? `${read.spoken}\n${read.written}\n` : read.spoken;
}
