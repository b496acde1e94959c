import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';
import { z } from 'zod';
import { KeyFileSchema, KeyPartSchema, type AnswerValue, type Key, type KeyFile, type KeyPart, type NamedAnswer } from '../model/key.js';
import { ANSWER_TYPES, type AnswerSpec } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';
import { canonicalPartId } from './part-ids.js';
import { symbolTable } from '../check/protocol.js';
import { checkAnswer } from '../check/check.js';
import { compute, computeVariants, readData, type Computed } from '../compute/expression.js';
import type { Tensor } from '../compute/tensor.js';

/** The answer spec a computation gives, with the part's own options beneath it. */
export function specOfComputed(c: Computed, base: Partial<AnswerSpec>): AnswerSpec {
  if ('table' in c) return { ...base, type: 'table', rows: c.table.rows, columns: c.table.columns, column_types: c.table.column_types };
  return { ...base, value: c.latex, ...(base.type ? {} : c.type ? { type: c.type } : {}) };
}

/** The symbols a part's answers are checked with: the key's, with the part's own laid over them. */
export function symbolsFor(key: Key, part: KeyPart): SymbolTable {
  return part.symbols ? { ...key.symbols, ...part.symbols } : key.symbols;
}

/** A mistake in a key, located by file and line, and by part id and field where it has them. */
export interface KeyProblem {
  severity: 'error' | 'warning';
  file?: string;
  line?: number;
  /** Column of a YAML syntax error (1-based). */
  column?: number;
  part?: string;
  field?: string;
  message: string;
}

/** The problem as one line: `hw4.key.yaml:12: part 1.a, answer: ...`. */
export function formatKeyProblem(p: KeyProblem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  const what = [p.part ? `part ${p.part}` : undefined, p.field].filter(Boolean).join(', ');
  return `${where ? `${where}: ` : ''}${p.severity}: ${what ? `${what}: ` : ''}${p.message}`;
}

/** The spec an answer value stands for; part-level options (a table's rows) apply beneath it. */
export function specOfValue(value: AnswerValue | undefined, partLevel: Partial<AnswerSpec> = {}): AnswerSpec {
  if (value === undefined) return { ...partLevel };
  if (typeof value === 'string' || typeof value === 'number') return { ...partLevel, value: String(value) };
  const { value: v, rows, ...options } = value;
  return {
    ...partLevel,
    ...options,
    ...(v !== undefined ? { value: String(v) } : {}),
    ...(rows ? { rows: Object.fromEntries(Object.entries(rows).map(([k, cells]) => [k, cells.map(String)])) } : {}),
  } as AnswerSpec;
}

const PART_LEVEL_OPTIONS = ['type', 'columns', 'column_types', 'rubric', 'options', 'wrong', 'tolerance', 'sigfigs', 'boundary', 'orientation', 'domain'] as const;

function partLevelSpec(p: NonNullable<KeyFile['parts'][string]>, defaults: KeyFile['defaults']): Partial<AnswerSpec> {
  const spec: Record<string, unknown> = {};
  if (defaults?.tolerance) spec.tolerance = defaults.tolerance;
  for (const k of PART_LEVEL_OPTIONS) if (p[k] !== undefined) spec[k] = p[k];
  if (p.rows) spec.rows = Object.fromEntries(Object.entries(p.rows).map(([k, cells]) => [k, cells.map(String)]));
  return spec as Partial<AnswerSpec>;
}

/** The YAML node at a path; keys match as text, since YAML reads a part id like `2` as a number. */
function nodeAt(doc: Document, path: (string | number)[], keyOfLast = false): { range?: [number, number, number] } | undefined {
  let node: unknown = doc.contents;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((it) => String(isScalar(it.key) ? it.key.value : it.key) === String(segment));
      // The field's name where the field itself is meant (an unknown field), else its value.
      node = keyOfLast && i === path.length - 1 && pair && isScalar(pair.key) ? pair.key : pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node as { range?: [number, number, number] } | undefined;
}

/** Where a problem is in the file: 1-based line and column. */
type Pos = { line: number; column: number };

function posOf(doc: Document, counter: LineCounter, path: (string | number)[], field = false): Pos | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = nodeAt(doc, path.slice(0, n), field && n === path.length);
    if (node && typeof node === 'object' && node.range) {
      const { line, col } = counter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}

function partKeyPos(doc: Document, counter: LineCounter, rawId: string): Pos | undefined {
  const parts = doc.get('parts', true);
  if (!isMap(parts)) return undefined;
  const pair = parts.items.find((it) => isScalar(it.key) && String(it.key.value) === rawId);
  const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return undefined;
  const { line, col } = counter.linePos(range[0]);
  return { line, column: col };
}

/** The location fields of a problem. */
function located(file: string | undefined, pos: Pos | undefined): Pick<KeyProblem, 'file' | 'line' | 'column'> {
  return { ...(file ? { file } : {}), ...(pos ? { line: pos.line, column: pos.column } : {}) };
}

function closest(word: string, options: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const best = options.map((o) => [o, distance(word, o)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

const PART_FIELDS = Object.keys((KeyFileSchema.shape.parts.valueType.unwrap() as z.ZodObject).shape);
const TOP_FIELDS = Object.keys(KeyFileSchema.shape);

function prefixPath(error: z.ZodError, prefix: (string | number)[]): z.ZodError {
  return new z.ZodError(error.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })));
}

function zodProblems(error: z.ZodError, doc: Document, counter: LineCounter, file?: string): KeyProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const inPart = path[0] === 'parts' && typeof path[1] === 'string';
    const field = (inPart ? path.slice(2) : path).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as unknown as { keys: string[] }).keys;
      const known = inPart && path.length === 2 ? PART_FIELDS : path.length === 0 ? TOP_FIELDS : [];
      message = keys.map((k) => `unknown field "${k}"${closest(k, known) ? ` (did you mean "${closest(k, known)}"?)` : ''}`).join('; ');
    }
    // `type: expresion`: the union of answer forms fails as a whole ("Invalid input"); name the misspelt type.
    const type = doc.getIn([...path, 'type']);
    let at: (string | number)[] = path;
    // An unknown field is pointed at by its own name, not by the mapping it is in.
    const unknownField = issue.code === 'unrecognized_keys';
    if (unknownField) at = [...path, (issue as unknown as { keys: string[] }).keys[0]!];
    if (typeof type === 'string' && !(ANSWER_TYPES as readonly string[]).includes(type)) {
      const near = closest(type, ANSWER_TYPES);
      message = `unknown answer type "${type}"${near ? ` (did you mean "${near}"?)` : ''}; the types are ${ANSWER_TYPES.join(', ')}`;
      at = [...path, 'type'];
    }
    return {
      severity: 'error' as const,
      ...located(file, posOf(doc, counter, at, unknownField)),
      ...(inPart ? { part: String(path[1]) } : {}),
      ...(field ? { field } : {}),
      message,
    };
  });
}

/**
 * Reads a key file: YAML, then the schema, then each part normalized (canonical id, answers as
 * specs, defaults applied). Every mistake is a problem with its line and, where it has them,
 * the part id and field; `key` is undefined only when the file cannot be used at all.
 */
export function loadKey(text: string, file?: string): { key?: Key; problems: KeyProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const at = (pos?: Pos) => located(file, pos);
  if (doc.errors.length) {
    return {
      // prettyErrors is off (no code frame in the message), so the position comes from the line counter.
      problems: doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return { severity: 'error' as const, ...at({ line: pos.line, column: pos.col }), message: `not valid YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  // The top level first; then each part on its own, so one bad part does not hide the others.
  let js: unknown;
  try {
    js = doc.toJS();
  } catch (e) {
    // yaml refuses an alias bomb (aliases that expand exponentially) by throwing while converting.
    return { problems: [{ severity: 'error', ...at(), message: `not valid YAML: ${e instanceof Error ? e.message : String(e)} (too many aliases)` }] };
  }
  const parsed = KeyFileSchema.extend({ parts: z.record(z.string(), z.unknown()) }).safeParse(js);
  if (!parsed.success) return { problems: zodProblems(parsed.error, doc, counter, file) };
  const problems: KeyProblem[] = [];
  const validParts: KeyFile['parts'] = {};
  // The file's order, not the object's: JavaScript lists keys like `2` before `1.a`.
  const partsNode = doc.get('parts', true);
  const order = isMap(partsNode) ? partsNode.items.map((it) => String(isScalar(it.key) ? it.key.value : it.key)) : Object.keys(parsed.data.parts);
  for (const rawId of order) {
    const value = parsed.data.parts[rawId];
    const one = KeyPartSchema.nullable().safeParse(value);
    if (one.success) validParts[rawId] = one.data;
    else problems.push(...zodProblems(prefixPath(one.error, ['parts', rawId]), doc, counter, file));
  }
  const data: KeyFile = { ...parsed.data, parts: validParts };
  const symbols: SymbolTable = symbolTable(data.symbols ?? {}) ?? {};
  const parts: KeyPart[] = [];
  const seen = new Set<string>();
  let questionData: Record<string, Tensor> | undefined;
  for (const rawId of order) {
    if (!(rawId in data.parts)) continue;
    const p = data.parts[rawId];
    const line = partKeyPos(doc, counter, rawId);
    const id = canonicalPartId(rawId);
    if (!id) {
      problems.push({ severity: 'error', ...at(line), part: rawId, message: 'not a part id (write it like 1.a, 3.d.ii, 1a or 3d.ii)' });
      continue;
    }
    if (seen.has(id)) problems.push({ severity: 'error', ...at(line), part: id, message: `a second entry for part ${id} (written "${rawId}")` });
    seen.add(id);
    const part = p ?? {};
    const base = partLevelSpec(part, data.defaults);
    const answers: NamedAnswer[] = part.answers
      ? Object.entries(part.answers).map(([name, v]) => ({ name, spec: specOfValue(v, base) }))
      : part.answer !== undefined || part.type === 'table' || part.type === 'text' || part.type === 'choice'
        ? [{ spec: specOfValue(part.answer, base) }]
        : [];
    if (!answers.length && !part.compute) {
      problems.push({ severity: part.graded === false ? 'warning' : 'error', ...at(line), part: id, field: 'answer', message: 'no answer: give answer, answers, or compute' });
    }
    let computed: AnswerSpec | undefined;
    const conventions: KeyPart['conventions'] = (part.conventions ?? []).map((x) => ({ spec: specOfValue(x.answer, base), label: x.label, credit: x.credit ?? 0 }));
    if (part.compute) {
      try {
        questionData ??= readData(parsed.data.data ?? {});
        computed = specOfComputed(compute(part.compute, questionData), base);
        // The answers the usual other conventions give, named without the key writer listing them.
        for (const v of computeVariants(part.compute, questionData)) {
          conventions.push({ spec: specOfComputed(v.computed, base), label: v.label, credit: 0, category: v.category });
        }
        if (!answers.length) answers.push({ spec: computed });
      } catch (e) {
        problems.push({ severity: 'error', ...at(posOf(doc, counter, ['parts', rawId, 'compute'])), part: id, field: 'compute', message: e instanceof Error ? e.message : String(e) });
      }
    }
    parts.push({
      id,
      ...(part.title ? { title: part.title } : {}),
      points: part.points ?? data.defaults?.points ?? 1,
      graded: part.graded ?? true,
      answers,
      accept: (part.accept ?? []).map((v) => specOfValue(v, base)),
      partial: (part.partial ?? []).map((x) => ({ spec: specOfValue(x.answer, base), credit: x.credit, ...(x.feedback ? { feedback: x.feedback } : {}) })),
      conventions,
      ...(computed && part.answer !== undefined ? { computed } : {}),
      ...(part.feedback ? { feedback: part.feedback } : {}),
      hints: part.hints ?? [],
      ...(part.solution ? { solution: part.solution } : {}),
      ...(part.compute ? { compute: part.compute } : {}),
      ...(part.symbols ? { symbols: symbolTable(part.symbols) ?? {} } : {}),
      ...(line ? { line: line.line } : {}),
    });
  }
  const key: Key = {
    ...(data.title ? { title: data.title } : {}),
    ...(data.data ? { data: data.data } : {}),
    ...(data.problems ? { problems: data.problems } : {}),
    symbols,
    parts,
    ...(file ? { file } : {}),
  };
  problems.push(...lintAnswers(key, rawIdsByCanonical(data), doc, counter, file));
  return { key, problems };
}

function rawIdsByCanonical(data: KeyFile): Map<string, string> {
  return new Map(Object.keys(data.parts).map((raw) => [canonicalPartId(raw) ?? raw, raw]));
}

/**
 * Every answer in the key must be readable and must grade `correct` against itself; a choice
 * needs options; a text part a rubric. Explains each failure with the part id and field.
 */
function lintAnswers(key: Key, raw: Map<string, string>, doc: Document, counter: LineCounter, file?: string): KeyProblem[] {
  const problems: KeyProblem[] = [];
  for (const part of key.parts) {
    const rawId = raw.get(part.id) ?? part.id;
    const check = (spec: AnswerSpec, field: (string | number)[]) => {
      const where = { ...located(file, posOf(doc, counter, ['parts', rawId, ...field])), part: part.id, field: field.join('.') };
      if (spec.type === 'text') {
        if (!spec.rubric?.length && part.graded) problems.push({ severity: 'warning', ...where, message: 'a text answer without a rubric: a judge will have nothing to check against' });
        return;
      }
      if (spec.type === 'choice') {
        if (!spec.options?.length && spec.value === undefined) problems.push({ severity: 'error', ...where, message: 'a choice needs options' });
        // An option listed as right and as wrong: every answer naming it would be graded wrong.
        const both = (spec.options ?? []).filter((o) => (spec.wrong ?? []).some((w) => w.trim().toLowerCase() === o.trim().toLowerCase()));
        if (both.length) problems.push({ severity: 'error', ...where, message: `"${both[0]}" is both an option and a wrong answer` });
        return;
      }
      if (spec.type === 'table') {
        if (!spec.rows && !spec.value) problems.push({ severity: 'error', ...where, message: 'a table needs rows (or a LaTeX array as its value)' });
        return;
      }
      if (spec.value === undefined || spec.value.trim() === '') {
        problems.push({ severity: 'error', ...where, message: 'empty: write the expected answer' });
        return;
      }
      const self = checkAnswer(spec, spec.value, { symbols: symbolsFor(key, part) });
      if (self.verdict !== 'correct') {
        problems.push({ severity: 'error', ...where, message: `the answer does not check against itself (${self.verdict}: ${self.reason})` });
      }
    };
    part.answers.forEach((a) => check(a.spec, a.name ? ['answers', a.name] : ['answer']));
    part.accept.forEach((s, i) => check(s, ['accept', i]));
    part.partial.forEach((p, i) => check(p.spec, ['partial', i, 'answer']));
    part.conventions.forEach((c, i) => check(c.spec, ['conventions', i, 'answer']));
  }
  return problems;
}
