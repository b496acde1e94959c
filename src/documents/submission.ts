import type { Key } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { Submission } from '../model/submission.js';
import { detectFormat, readMessages, TranscriptError } from './transcripts.js';
import { segmentTranscript, segmentWriteup, type QuestionOutline } from './segment.js';
import { readDocumentFile, type ReadFileOptions } from './read-file.js';

/** The key's questions in order, with titles and text from the problem set when there is one. */
export function outlineOf(key: Key, problems?: ProblemSet): QuestionOutline[] {
  const out: QuestionOutline[] = [];
  for (const part of key.parts) {
    const number = part.id.split('.')[0]!;
    let q = out.find((o) => o.number === number);
    if (!q) {
      const ps = problems?.questions.find((x) => x.number === number);
      q = { number, parts: [], ...(ps?.title ? { title: ps.title } : {}), ...(ps ? { text: [ps.text, ...ps.parts.map((p) => `${p.title ?? ''} ${p.text}`)].join('\n') } : {}) };
      out.push(q);
    }
    q.parts.push(part.id);
    // Part titles tell alignment what the question is about when there is no problem set.
    if (part.title && !problems) q.text = `${q.text ?? ''} ${part.title}`.trim();
  }
  return out;
}

/**
 * Reads a submission in any supported format (write-up or chat transcript) and segments it
 * into responses by part. A broken transcript is a warning and an empty submission, never a
 * crash: the rest of a batch goes on.
 */
export function readSubmission(text: string, id: string, key: Key, problems?: ProblemSet, path?: string): Submission {
  const format = detectFormat(text, path ?? id);
  const outline = outlineOf(key, problems);
  const base = { id, ...(path ? { path } : {}), format, text, notes: [] as Submission['notes'], warnings: [] as string[] };
  if (format === 'writeup') return { ...base, responses: segmentWriteup(text, outline) };
  try {
    const messages = readMessages(text, format);
    return { ...base, messages, notes: messages.filter((m) => m.role === 'note'), responses: segmentTranscript(messages, outline) };
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    return { ...base, responses: [], warnings: [`${path ?? id}: ${e.message}`] };
  }
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
