/** One message of a chat transcript. `note` is a remark a person added (not the model's words). */
export interface Message {
  role: 'user' | 'assistant' | 'note';
  text: string;
  /** 1-based line in the source file, where the format has lines. */
  line?: number;
  /** Attachments named in the message (screenshots of the question). */
  files?: string[];
}

/** One attempt at a part: the text that answers it, and where it came from. */
export interface Attempt {
  text: string;
  /** Index of the assistant message (transcripts) or 1-based line (write-ups). */
  turn?: number;
  line?: number;
  /**
   * Other part ids the same block of text answers (`(a) and (b): ...`, one unlabelled reply to a
   * prompt that asked several parts): which of its answers is this part's is a reading, not a given.
   */
  sharedWith?: string[];
  /** A later attempt of a chat: the person's message it answers (a follow-up may ask about one piece of the answer). */
  asked?: string;
}

/** What a submission says for one part: the first answer, and the final one after follow-ups. */
export interface PartResponse {
  /** The key's part id this response was aligned to. */
  partId: string;
  /** The label as the submission wrote it (`3/d`, `Part (c)`, `turn 7`). */
  label: string;
  first: Attempt;
  final: Attempt;
  /** Every attempt in order (first ... final). */
  attempts: Attempt[];
  /**
   * How the response was aligned: by number, by title or text, by turn order, or by content (no
   * label was found; the part's key answer was found in text no other part was aligned to).
   */
  alignedBy: 'number' | 'title' | 'order' | 'content';
  /** Why the alignment is doubtful (another question's text matches nearly as well), when it is. */
  alignmentDoubt?: string;
  /** Why reading its answer is doubtful (a formula said aloud with two readings), when it is. */
  readingDoubt?: string;
}

/** The formats partcredit reads. `chat-text`: a chat copied as text whose person's turns carry no label. */
export type SubmissionFormat = 'writeup' | 'chatgpt-text' | 'chatgpt-json' | 'claude-json' | 'kimi-text' | 'markdown-chat' | 'json-messages' | 'chat-text';

/** A submission read and segmented: its responses by part. */
export interface Submission {
  /** A name for reports: the file name. */
  id: string;
  path?: string;
  format: SubmissionFormat;
  /** The whole source text (for the annotated report). */
  text: string;
  messages?: Message[];
  responses: PartResponse[];
  /** Remarks people added to a transcript, kept apart from the model's answers. */
  notes: Message[];
  /** Problems met while reading (a broken transcript), with their location. */
  warnings: string[];
  /** What the text was rebuilt from, when the file was not text (a PDF, a notebook). */
  source?: SubmissionSource;
}

/** A submission's original file, when its text was rebuilt: where each line stands in it. */
export interface SubmissionSource {
  kind: 'pdf' | 'notebook' | 'tex' | 'docx' | 'odt' | 'html' | 'sheet' | 'mail' | 'rtf';
  pages?: number;
  /** For a PDF: each rebuilt line's page and box (PDF points, y up: x0, y0, x1, y1). */
  regions?: { line: number; page: number; box: [number, number, number, number] }[];
  /** Pages a vision model read, and what it read, so a person can check it against the image. */
  transcribed?: { page: number; model: string; hash: string; text: string }[];
}
