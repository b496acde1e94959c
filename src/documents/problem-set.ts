import type { Part, ProblemSet, Question } from '../model/problem-set.js';
import { readLineLabel } from './part-ids.js';

/** A line that starts a solution block (`SOL:`, `## **TO BE GRADED: SOL:**`, `Solution:`). */
export const SOLUTION_LINE = /^\s*(?:[-*]\s+)?(?:#{1,6}\s*)?(?:\*\*)?\s*(?:TO BE GRADED:?\s*)?(?:\*\*)?\s*(?:SOL|SOLUTION)\s*:/i;

/** `1. Title`, `- 5. Suppose ...`, `## Problem 2 (5+5 points)`, `Question 3: Title`. */
function readQuestionHeading(line: string, expected: number, previous = ''): { number: string; rest: string; points?: number } | undefined {
  const numbered = /^\s{0,3}(?:[-*+]\s+)?(?:#{1,6}\s*)?(?:\*\*)?(\d{1,2})\.(?:\*\*)?\s+(\S.*)$/.exec(line);
  if (numbered && Number(numbered[1]) === expected) return withPoints(numbered[1]!, numbered[2]!);
  // A Markdown heading (`## 7. Weights and Gradients`) is a question however far it jumps ahead
  // (questions 5-6 were coding and left out); a numbered list item inside a question never is one.
  if (numbered && /^\s{0,3}#{1,6}\s/.test(line) && Number(numbered[1]) > expected && Number(numbered[1]) <= expected + 9) return withPoints(numbered[1]!, numbered[2]!);
  // Problem sets skip numbers (coding questions left out): a title line standing alone may jump ahead.
  if (numbered && Number(numbered[1]) > expected && Number(numbered[1]) <= expected + 5 && !previous.trim() && /^\d{1,2}\.\s+[A-Z][^.?$]{2,80}$/.test(line.trim())) {
    return withPoints(numbered[1]!, numbered[2]!);
  }
  const label = readLineLabel(line);
  // A heading (`## Question 7`, the exam class's after `\setcounter`) may jump as a numbered heading does.
  const reach = /^\s{0,3}#{1,6}\s/.test(line) ? 9 : 2;
  if (label?.strong && label.question && !label.part && Number(label.question) >= expected && Number(label.question) <= expected + reach) {
    return withPoints(label.question, line.slice(label.length));
  }
  return undefined;
}

function withPoints(number: string, rest: string): { number: string; rest: string; points?: number } {
  const m = /\(\s*([\d\s+.]+)\s*(?:points?|pts?)\s*\)/i.exec(rest);
  const points = m ? m[1]!.split('+').reduce((s, x) => s + Number(x.trim() || 0), 0) : undefined;
  return {
    number,
    rest: rest
      .replace(/\(\s*[\d\s+.]+\s*(?:points?|pts?)\s*\)/i, '')
      .replace(/\*\*/g, '')
      .trim(),
    ...(points ? { points } : {}),
  };
}

/**
 * `(A) Normal   (B) Exponential` or a line `(B) Exponential`: a multiple-choice option, part of the
 * question's text. A capital letter labels a part only before a sentence (`(A) Find the work done.`).
 */
function isChoiceOption(line: string, labelLength: number): boolean {
  if (!/^\s*(?:[-*+]\s+)?(?:\*\*)?\(?[A-H]\)/.test(line)) return false;
  const rest = line.slice(labelLength).trim();
  return /(?:^|\s)\(?[B-H]\)\s/.test(rest) || !/[.?:]\s*(?:\*\*)?$/.test(rest);
}

/** A short first line reads as a title; a long one starts the text. */
function splitTitle(rest: string): { title?: string; text: string } {
  const bold = /^\*\*([^*]{1,100})\*\*\s*(.*)$/.exec(rest);
  if (bold) return { title: bold[1]!.replace(/[.:]\s*$/, '').trim(), text: bold[2]! };
  if (rest.length <= 80 && !/[.?]$/.test(rest) && !/\$/.test(rest)) return { title: rest.replace(/[:.]\s*$/, '').trim(), text: '' };
  return { text: rest };
}

/**
 * Reads a problem set written in Markdown + LaTeX, as PDF converters produce it, into
 * questions, parts and subparts with ids (`3.d.ii`). Numbered questions must come in order,
 * so a numbered list inside a question is not taken for the next question; `SOL:` blocks are
 * solutions, not parts.
 */
export function parseProblemSet(text: string, file?: string): ProblemSet {
  const lines = text.split(/\r?\n/);
  const questions: Question[] = [];
  let question: Question | undefined;
  let part: Part | undefined;
  let sub: Part | undefined;
  let inSolution = false;
  let inFence = false;
  let title: string | undefined;
  let plainTitle: string | undefined;
  const append = (s: string) => {
    const target = sub ?? part ?? question;
    if (target) target.text = target.text ? `${target.text}\n${s}` : s;
  };
  let listItemAt = -10; // line index of the last numbered line that was a list item, not a question
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (/^\s*```/.test(line)) inFence = !inFence;
    const expected = questions.length ? Number(questions[questions.length - 1]!.number) + 1 : 1;
    const numberedLine = /^\s*(?:[-*+]\s+)?\d{1,2}\.\s/.test(line);
    // `1. do this` / `2. do that` inside a question: the item after a list item is a list item.
    const inList = numberedLine && i - listItemAt <= 2 && lines.slice(listItemAt + 1, i).every((l) => l.trim() === '' || /^\s*(?:[-*+]\s+)?\d{1,2}\.\s/.test(l));
    const heading = inFence || inList ? undefined : readQuestionHeading(line, expected, lines[i - 1] ?? '');
    if (numberedLine && !heading) listItemAt = i;
    if (heading) {
      const { title: qTitle, text: qText } = splitTitle(heading.rest);
      question = { number: heading.number, ...(qTitle ? { title: qTitle } : {}), text: qText, ...(heading.points ? { points: heading.points } : {}), parts: [], line: lineNo };
      questions.push(question);
      part = sub = undefined;
      inSolution = false;
      return;
    }
    if (!question) {
      if (!title && /^\s*#\s+\S/.test(line)) title = line.replace(/^\s*#\s+/, '').trim();
      // A plain-text problem set's first line is its title (`STAT 134 - Concepts of Probability`), unless it is a sentence.
      else if (!title && !plainTitle && line.trim()) plainTitle = line.trim().length <= 100 && !/[.:?]\s*$/.test(line.trim()) ? line.replace(/\*\*/g, '').trim() : '';
      return;
    }
    if (SOLUTION_LINE.test(line)) {
      inSolution = true;
      return;
    }
    const label = readLineLabel(line);
    // A solution after each part (the exam class's \begin{solution}) ends where the question's next
    // part starts; a label the question already has ((a) again) is the solution's own.
    if (inSolution && label?.part && !label.question && part && label.part === String.fromCharCode(part.id.split('.')[1]!.charCodeAt(0) + 1)) inSolution = false;
    if (inSolution || inFence) return;
    if (label?.part && (!label.question || label.question === question.number) && !isChoiceOption(line, label.length)) {
      const rest = line.slice(label.length).trim();
      const { title: pTitle, text: pText } = splitTitle(rest);
      part = { id: `${question.number}.${label.part}`, label: `(${label.part})`, ...(pTitle && pText ? { title: pTitle } : {}), text: pTitle && !pText ? pTitle : pText, line: lineNo, parts: [] };
      // A repeated label (a part restated later) does not make a second part.
      if (!question.parts.some((p) => p.id === part!.id)) question.parts.push(part);
      sub = undefined;
      if (label.subpart) {
        sub = { id: `${part.id}.${label.subpart}`, label: `${label.subpart}.`, text: '', line: lineNo, parts: [] };
        part.parts.push(sub);
      }
      return;
    }
    if (label?.subpart && !label.part && part) {
      const id = `${part.id}.${label.subpart}`;
      if (!part.parts.some((p) => p.id === id)) {
        sub = { id, label: `${label.subpart}.`, text: line.slice(label.length).trim(), line: lineNo, parts: [] };
        part.parts.push(sub);
        return;
      }
    }
    if (line.trim()) append(line.trim());
  });
  title ??= plainTitle || undefined;
  return { ...(title ? { title } : {}), questions, ...(file ? { file } : {}) };
}

/** Every gradable unit in document order: a part's subparts stand for it; a question without parts is one unit. */
export function leafParts(set: ProblemSet): { id: string; question: Question; part?: Part; title?: string; text: string; line: number }[] {
  const out: ReturnType<typeof leafParts> = [];
  for (const q of set.questions) {
    if (!q.parts.length) out.push({ id: q.number, question: q, ...(q.title ? { title: q.title } : {}), text: q.text, line: q.line });
    for (const p of q.parts) {
      if (!p.parts.length) out.push({ id: p.id, question: q, part: p, ...(p.title ? { title: p.title } : {}), text: p.text, line: p.line });
      for (const s of p.parts) out.push({ id: s.id, question: q, part: s, text: `${p.text}\n${s.text}`.trim(), line: s.line });
    }
  }
  return out;
}
