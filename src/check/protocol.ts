import { z } from 'zod';
import { ANSWER_TYPES, AnswerOptionsSchema, type AnswerSpec } from '../model/answer-spec.js';
import { SymbolAssumptionsSchema, type SymbolTable } from '../model/symbols.js';
import type { CheckResult } from '../model/verdict.js';
import type { CheckTask } from './pool.js';
import { parseMath } from '../math/latex/parse.js';
import { readFlatObject } from './flat-json.js';

/**
 * The `partcredit check --jsonl` protocol: one request object per input line, one result
 * object per output line, in input order.
 */
const SymbolsSchema = z.union([z.record(z.string(), SymbolAssumptionsSchema.nullable()), z.array(z.string())]);

export const CheckRequestSchema = z.object({
  expected: z.string({ error: '"expected" must be a string' }),
  answer: z.string({ error: '"answer" must be a string' }),
  type: z.enum(ANSWER_TYPES).optional(),
  /** Declared symbols: a mapping name → assumptions, or a list of names. */
  symbols: SymbolsSchema.optional(),
  options: AnswerOptionsSchema.optional(),
});

export type CheckRequest = z.infer<typeof CheckRequestSchema>;

/** One output line. `equivalent` is null when the checker could not decide or read the answer. */
export interface CheckResponse {
  verdict: CheckResult['verdict'];
  equivalent: boolean | null;
  score: number;
  reason: string;
  ms: number;
  type: CheckResult['type'];
  check: CheckResult['check'];
  answer: string;
  expected: string;
  category?: CheckResult['category'];
}

/** Names already read: a stream of requests declares the same few symbols on every line. */
const canonicalNames = new Map<string, string>();
const CANONICAL_NAMES_MAX = 1024;

/** `d_{in}`, `d_{\text{in}}` and `d_in` all name `d_in`. */
export function canonicalSymbolName(name: string): string {
  const known = canonicalNames.get(name);
  if (known !== undefined) return known;
  let canonical = name;
  try {
    const n = parseMath(name, { symbols: [name] });
    if (n.kind === 'sym') canonical = n.name;
  } catch {
    // Not readable as one symbol: keep the name as the key wrote it.
  }
  if (canonicalNames.size >= CANONICAL_NAMES_MAX) canonicalNames.clear();
  canonicalNames.set(name, canonical);
  return canonical;
}

/** A symbol table from the protocol's (or a key's) loose form, with canonical names. */
export function symbolTable(input: CheckRequest['symbols']): SymbolTable | undefined {
  if (!input) return undefined;
  const entries: [string, object][] = Array.isArray(input) ? input.map((n) => [n, {}]) : Object.entries(input).map(([n, a]) => [n, a ?? {}]);
  const table: SymbolTable = {};
  for (const [name, a] of entries) {
    const assumptions = { ...a } as SymbolTable[string];
    if (assumptions.greater) assumptions.greater = canonicalSymbolName(assumptions.greater);
    if (assumptions.vector) assumptions.vector = assumptions.vector.map(canonicalSymbolName);
    table[canonicalSymbolName(name)] = assumptions;
  }
  return table;
}

/** The answer spec a request describes. */
export function specOf(request: CheckRequest): AnswerSpec {
  return { ...(request.options ?? {}), value: request.expected, ...(request.type ? { type: request.type } : {}) };
}

const TYPE_NAMES: ReadonlySet<string> = new Set(ANSWER_TYPES);

/**
 * A request of the common form, `{"expected": "...", "answer": "..."}` with at most a valid
 * `type` and `symbols`, which the schema would accept unchanged: validating it through zod was
 * a tenth of a plain check's time. Anything else (options, any fault) goes through the schema,
 * which alone says what is wrong. Returns the request without its symbols, and the symbols'
 * value as given.
 */
function plainRequest(json: unknown): { request: CheckRequest; symbols: unknown } | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const r = json as Record<string, unknown>;
  let typed = false;
  let symbols: unknown;
  for (const k in r) {
    if (k === 'type') typed = true;
    else if (k === 'symbols') symbols = r.symbols;
    else if (k !== 'expected' && k !== 'answer') return undefined;
  }
  if (typeof r.expected !== 'string' || typeof r.answer !== 'string') return undefined;
  if (typed && !(typeof r.type === 'string' && TYPE_NAMES.has(r.type))) return undefined;
  const request: CheckRequest = { expected: r.expected, answer: r.answer, ...(typed ? { type: r.type as CheckRequest['type'] } : {}) };
  return { request, symbols };
}

/**
 * Symbol tables already read, by their JSON text. A stream of requests declares the same few
 * symbols on every line: each is validated once, and lines that declare the same symbols share
 * one table (a worker's batch then carries it once).
 */
const symbolTables = new Map<string, SymbolTable | undefined | { error: string }>();
const SYMBOL_TABLES_MAX = 256;

/** The symbol table of a request's `symbols` value, validated by the schema, or what is wrong with it. */
function symbolsOf(value: unknown): SymbolTable | undefined | { error: string } {
  if (value === undefined) return undefined;
  return symbolsOfText(JSON.stringify(value), value);
}

/** `symbolsOf` the value whose JSON text this is; undefined when the text is not JSON. */
function symbolsOfText(text: string, value?: unknown): SymbolTable | undefined | { error: string } {
  const known = symbolTables.get(text);
  if (known !== undefined || symbolTables.has(text)) return known;
  if (value === undefined) {
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const parsed = SymbolsSchema.safeParse(value);
  const table = parsed.success ? symbolTable(parsed.data) : { error: issueText(parsed.error.issues[0]!, ['symbols']) };
  if (symbolTables.size >= SYMBOL_TABLES_MAX) symbolTables.clear();
  symbolTables.set(text, table);
  return table;
}

function issueText(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path];
  return `${path.length ? path.join('.') : 'the line'}: ${issue.message}`;
}

const FLAT_KEYS: ReadonlySet<string> = new Set(['expected', 'answer', 'type', 'symbols']);

/**
 * A line of the common form read without `JSON.parse` (see `flat-json.ts`: its short strings
 * would go to the old generation and the string table): string `expected`, `answer` and valid
 * `type`, and `symbols` an object or array. Undefined for anything else, which `JSON.parse` and
 * the schema read and explain.
 */
function flatRequest(line: string): { task: CheckTask } | { error: string } | undefined {
  const flat = readFlatObject(line, FLAT_KEYS);
  if (!flat || flat.raw.has('expected') || flat.raw.has('answer') || flat.raw.has('type') || flat.strings.has('symbols')) return undefined;
  const expected = flat.strings.get('expected');
  const answer = flat.strings.get('answer');
  const type = flat.strings.get('type');
  if (expected === undefined || answer === undefined || (type !== undefined && !TYPE_NAMES.has(type))) return undefined;
  const symbolsText = flat.raw.get('symbols');
  const symbols = symbolsText === undefined ? undefined : symbolsOfText(symbolsText);
  if (symbolsText !== undefined && symbols === undefined) return undefined;
  if (symbols && 'error' in symbols) return { error: symbols.error as string };
  const request: CheckRequest = { expected, answer, ...(type !== undefined ? { type: type as CheckRequest['type'] } : {}) };
  return { task: { spec: specOf(request), answer, ...(symbols ? { symbols } : {}), transient: true } };
}

/** A request line read into a task, or a message saying what is wrong with it. */
export function parseRequestLine(line: string): { task: CheckTask } | { error: string } {
  const flat = flatRequest(line);
  if (flat) return flat;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const plain = plainRequest(json);
  if (plain) {
    const symbols = symbolsOf(plain.symbols);
    if (symbols && 'error' in symbols) return { error: symbols.error as string };
    return { task: { spec: specOf(plain.request), answer: plain.request.answer, ...(symbols ? { symbols } : {}), transient: true } };
  }
  const parsed = CheckRequestSchema.safeParse(json);
  if (!parsed.success) return { error: issueText(parsed.error.issues[0]!) };
  const symbols = symbolTable(parsed.data.symbols);
  return { task: { spec: specOf(parsed.data), answer: parsed.data.answer, ...(symbols ? { symbols } : {}), transient: true } };
}

/** The output line for a result. */
export function responseOf(r: CheckResult): CheckResponse {
  const decided = r.verdict === 'correct' || r.verdict === 'incorrect' || r.verdict === 'partial';
  return {
    verdict: r.verdict,
    equivalent: decided ? r.verdict === 'correct' : null,
    score: r.score,
    reason: r.reason,
    ms: r.ms ?? 0,
    type: r.type,
    check: r.check,
    answer: r.answer,
    expected: r.expected,
    ...(r.category ? { category: r.category } : {}),
  };
}
