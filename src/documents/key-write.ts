import { basename } from 'node:path';
import type { ProblemSet } from '../model/problem-set.js';
import { leafParts, parseProblemSet, SOLUTION_LINE } from './problem-set.js';
import { splitAtLabels } from './segment.js';
import { answerCandidates, lastSide } from '../check/extract.js';
import { parseMath } from '../math/latex/parse.js';
import { freeSymbols } from '../math/sampling.js';

/** A YAML single-quoted scalar: backslashes stay as written, `'` doubles. */
export function yamlQuote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function comment(s: string, width = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > width ? `${one.slice(0, width - 1)}…` : one;
}

/** Vectors the text defines by components: `v = (v_1, v_2)` declares v as [v_1, v_2]. */
function vectorSymbols(text: string): [string, string[]][] {
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(/(?<![\\A-Za-z])([A-Za-z])\s*=\s*\(\s*((?:\1_\{?\d\}?\s*,\s*)+\1_\{?\d\}?)\s*\)/g)) {
    const parts = m[2]!.split(',').map((p) => p.trim().replace(/[{}]/g, ''));
    if (!found.has(m[1]!)) found.set(m[1]!, parts);
  }
  return [...found];
}

/** A whole text as a YAML literal block under a part (`solution: |2-`: the indent is given, so leading spaces stay text), line for line. */
function yamlBlock(field: string, text: string): string[] {
  const lines = text.replace(/\s+$/, '').replace(/^\n+/, '').split('\n');
  return [`    ${field}: |2-`, ...lines.map((l) => (l.trim() ? `      ${l.replace(/\s+$/, '')}` : ''))];
}

/** A key skeleton with every part of a problem set, for a person to fill in. */
export function keySkeleton(set: ProblemSet, problemsPath?: string): string {
  const lines = ['partcredit: 1', `title: ${yamlQuote(set.title ?? problemsPath ?? 'Problem set')}`];
  if (problemsPath) lines.push(`problems: ${yamlQuote(problemsPath)}`);
  lines.push('symbols: {}            # e.g. d_in: { positive: true }', 'defaults:', '  points: 1', 'parts:');
  for (const p of leafParts(set)) {
    lines.push(`  ${p.id}:`);
    if (p.title) lines.push(`    title: ${yamlQuote(p.title)}`);
    if (p.text.trim()) lines.push(`    # ${comment(p.text)}`);
    lines.push(`    answer: ''          # TODO: the expected answer (partcredit key lint lists what is left)`);
  }
  return `${lines.join('\n')}\n`;
}

/** `72.8M`, `approximately 1.7M`, `23,296`: a number as the key should hold it. */
function numberAnswer(text: string): { value: string; tolerance?: number } | undefined {
  const t = text.trim().replace(/^(?:about|approximately|approx\.?|~|≈)\s*/i, '');
  const m = /^(-?\d+(?:\.\d+)?)\s*(k|K|M|B|G)(?:\s*FLOPs?)?$/.exec(t);
  if (!m) return undefined;
  const scale = { k: 3, K: 3, M: 6, B: 9, G: 9 }[m[2] as 'k'];
  const digits = m[1]!.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
  // A rounded figure: tolerate the rounding of its last digit.
  return { value: `${m[1]}e${scale}`, tolerance: Math.min(0.05, 5 / 10 ** Math.max(1, digits)) };
}

/** The answer a solution's text gives: the same choice grading makes, cut to its last side. */
function answerOf(solution: string): string | undefined {
  const inline = solution.replace(/```\w*\n?/g, '').trim();
  const best = answerCandidates(inline)[0];
  if (!best) return undefined;
  // An update rule keeps the name it updates, with the last side of its chain, as grading
  // reads it (`x \leftarrow x - \gamma v = (x_1, x_2) - ...` uses v for the new velocity).
  const update = /^(.*?)(\\leftarrow|\\gets|:=)([\s\S]*)$/.exec(best.text);
  const chosen = update ? `${update[1]!.trim()} ${update[2]} ${lastSide(update[3]!)}` : lastSide(best.text);
  return (
    chosen
      .replace(/\s*\((?:we|where|assuming)\b[^)]*\)?\s*\.?$/i, '')
      .replace(/\.\s*$/, '')
      .trim() || undefined
  );
}

/**
 * A key from a solutions document (problem statements with `SOL:` blocks, as seed 004): every
 * part with the answer its solution gives, and `graded` from `TO BE GRADED` markers. Best
 * effort: the result is a normal key file a person checks with `partcredit key lint`.
 */
export function importSolutions(text: string, sourcePath?: string): string {
  const set = parseProblemSet(text, sourcePath);
  const lines = text.split(/\r?\n/);
  const anyMarker = /TO BE GRADED/i.test(text);
  const out = ['partcredit: 1', `title: ${yamlQuote(set.title ?? (sourcePath ? basename(sourcePath) : 'Imported key'))}`];
  if (sourcePath) out.push(`# imported from ${sourcePath}: check every answer, then run partcredit key lint`);
  const vectors = vectorSymbols(text);
  const header = out.splice(0);
  const used = new Set<string>();
  set.questions.forEach((q, qi) => {
    const end = set.questions[qi + 1]?.line ?? lines.length + 1;
    const span = lines.slice(q.line - 1, end - 1);
    const solStart = span.findIndex((l) => SOLUTION_LINE.test(l));
    const solutionLines = solStart >= 0 ? span.slice(solStart) : [];
    const firstLine = (solutionLines[0] ?? '').replace(SOLUTION_LINE, '').replace(/^[\s*#]*(?:TO BE GRADED:?)?[\s*]*/i, '');
    const solution = [firstLine, ...solutionLines.slice(1)].join('\n').replace(/```\w*/g, '');
    const wholeGraded = solStart >= 0 && /TO BE GRADED/i.test(span.slice(Math.max(0, solStart - 1), solStart + 1).join('\n'));
    const parts = q.parts.flatMap((p) => (p.parts.length ? p.parts : [p]));
    const answers = new Map<string, { text: string; graded: boolean }>();
    if (!parts.length) answers.set(q.number, { text: solution, graded: wholeGraded || (!anyMarker ? true : /TO BE GRADED/i.test(solution)) });
    else {
      // Later statements of a label win: OCR often leaves a garbled copy before the real one.
      for (const seg of splitAtLabels(solution)) {
        const letter = seg.label?.part;
        if (!letter) continue;
        const id = `${q.number}.${letter}${seg.label?.subpart ? `.${seg.label.subpart}` : ''}`;
        if (!parts.some((p) => p.id === id)) continue;
        answers.set(id, { text: seg.text, graded: wholeGraded || /TO BE GRADED/i.test(seg.text) });
      }
    }
    const ids = parts.length ? parts.map((p) => p.id) : [q.number];
    for (const id of ids) {
      const a = answers.get(id);
      const graded = !anyMarker || (a?.graded ?? false);
      out.push(`  ${id}:`);
      const part = parts.find((p) => p.id === id);
      if (part?.title) out.push(`    title: ${yamlQuote(part.title)}`);
      if (!graded) out.push('    graded: false');
      const answer = a ? answerOf(a.text.replace(/\**\s*TO BE GRADED:?\s*\**/gi, '')) : undefined;
      const number = answer ? numberAnswer(answer) : undefined;
      if (number) {
        out.push(`    answer: { type: number, value: ${number.value}${number.tolerance ? `, tolerance: { rel: ${number.tolerance} }` : ''} }   # imported from '${answer}': check the tolerance`);
      } else if (answer) {
        out.push(`    answer: ${yamlQuote(answer)}`);
        symbolsOf(answer, vectors).forEach((s) => used.add(s));
      } else out.push(`    answer: ''   # no answer found in the solutions`);
      if (a?.text.trim()) out.push(...yamlBlock('solution', a.text.replace(/\**\s*TO BE GRADED:?\s*\**/gi, '')));
    }
  });
  const declared = [
    ...vectors.map(([name, parts]) => `  ${name}: { vector: [${parts.join(', ')}] }   # from "${name} = (${parts.join(', ')})" in the text`),
    ...[...used].filter((s) => !vectors.some(([n, parts]) => n === s || parts.includes(s))).map((s) => `  ${s}: {}   # used in an answer: add its assumptions (positive, integer, ...)`),
  ];
  return `${[...header, declared.length ? 'symbols:' : 'symbols: {}', ...declared, 'defaults:', '  points: 1', 'parts:', ...out].join('\n')}\n`;
}

/** The symbols an answer uses, read as the checker reads them. */
function symbolsOf(answer: string, vectors: [string, string[]][]): string[] {
  try {
    const names = vectors.flatMap(([n, parts]) => [n, ...parts]);
    return [...freeSymbols(parseMath(answer, { symbols: names }))];
  } catch {
    return [];
  }
}
