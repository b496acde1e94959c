import type { Key } from '../model/key.js';
import { foldFullWidth } from './full-width.js';
import { UserError } from '../model/errors.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { Submission } from '../model/submission.js';
import { detectFormat, readMessages, TranscriptError } from './transcripts.js';
import { segmentTranscript, segmentWriteup } from './segment.js';
import { assignmentOf } from './assignment.js';
import { readDocumentFile, type ReadFileOptions } from './read-file.js';

export { outlineOf } from './assignment.js';

/** The largest submission read: a bigger file is refused with a message, never read for minutes. */
export const SUBMISSION_LIMITS = { chars: 24 * 2 ** 20 } as const;

/**
 * Reads a submission in any supported format (write-up or chat transcript) and segments it
 * into responses by part. A broken transcript is a warning and an empty submission, never a
 * crash: the rest of a batch goes on.
 */
export function readSubmission(text: string, id: string, key: Key, problems?: ProblemSet, path?: string): Submission {
  if (text.length > SUBMISSION_LIMITS.chars) {
    throw new UserError(`the file is ${(text.length / 2 ** 20).toFixed(1)} MB of text; the limit is ${SUBMISSION_LIMITS.chars / 2 ** 20} MB (split it, or grade its parts separately)`, path ?? id);
  }
  const original = text;
  text = foldFullWidth(text);
  const format = detectFormat(text, path ?? id);
  const outline = assignmentOf(key, problems).outline;
  const base = { id, ...(path ? { path } : {}), format, text: original, notes: [] as Submission['notes'], warnings: [] as string[] };
  if (format === 'writeup') return withCoverageWarning({ ...base, responses: segmentWriteup(latexLabels(text), outline) }, key);
  try {
    const messages = readMessages(text, format);
    return withCoverageWarning({ ...base, messages, notes: messages.filter((m) => m.role === 'note'), responses: segmentTranscript(messages, outline) }, key);
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    return { ...base, responses: [], warnings: [`${path ?? id}: ${e.message}`] };
  }
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
function latexLabels(text: string): string {
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

/**
 * A submission in which few of the key's parts were recognised is more likely numbered in a way
 * we did not read than blank: say so, so its zeros are not silent.
 */
function withCoverageWarning(s: Submission, key: Key): Submission {
  const total = key.parts.length;
  const found = new Set(s.responses.map((r) => r.partId).filter((id) => key.parts.some((p) => p.id === id))).size;
  const where = s.path ?? s.id;
  if (!s.text.trim()) s.warnings.push(`${where}: no text was read from it (a blank file, or a notebook with no cells); every part is graded missing`);
  else if (total && found === 0) s.warnings.push(`${where}: no part of the key was recognised (is it numbered like 1a, (a), Problem 1: Part (a)?); every part is graded missing`);
  else if (total >= 4 && found < Math.ceil(total / 4)) s.warnings.push(`${where}: only ${found} of ${total} parts were recognised; check its numbering`);
  return s;
}

/**
 * Reads a submission file of any kind (text, PDF, notebook, LaTeX; sniffed by its bytes) and
 * segments it. A file that is not a document, or a PDF with pages nobody read, says so in
 * `warnings`.
 */
export async function readSubmissionFile(bytes: Uint8Array, id: string, key: Key, problems?: ProblemSet, path?: string, options: ReadFileOptions = {}): Promise<Submission> {
  const doc = await readDocumentFile(bytes, path ?? id, options);
  if (doc.text === undefined) return { id, ...(path ? { path } : {}), format: 'writeup', text: '', responses: [], notes: doc.notes, warnings: doc.warnings };
  const sub = readSubmission(doc.text, id, key, problems, path);
  return { ...sub, notes: [...doc.notes, ...sub.notes], warnings: [...doc.warnings, ...sub.warnings], ...(doc.source ? { source: doc.source } : {}) };
}
