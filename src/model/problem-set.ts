/** A problem set read from Markdown + LaTeX: questions, their parts and subparts. */
export interface ProblemSet {
  title?: string;
  questions: Question[];
  /** The source file, for messages. */
  file?: string;
}

export interface Question {
  /** The question's number as written: `3`. */
  number: string;
  title?: string;
  /** The question's own text (before its first part). */
  text: string;
  /** Points, when the heading says so (`## Problem 2 (5+5 points)`). */
  points?: number;
  parts: Part[];
  /** 1-based line in the source. */
  line: number;
}

export interface Part {
  /** Canonical id: `3.d.ii`. */
  id: string;
  /** The label as written: `(d)`, `ii.`. */
  label: string;
  title?: string;
  text: string;
  points?: number;
  line: number;
  /** Subparts (`i.`, `ii.`), each a part of its own with the longer id. */
  parts: Part[];
}
