import { z } from 'zod';
import { ANSWER_TYPES, AnswerOptionsSchema, type AnswerSpec } from '../model/answer-spec.js';
import { SymbolAssumptionsSchema, type SymbolTable } from '../model/symbols.js';
import type { CheckResult } from '../model/verdict.js';
import type { CheckTask } from './pool.js';
import { parseMath } from '../math/latex/parse.js';

/**
 * The `partcredit check --jsonl` protocol: one request object per input line, one result
 * object per output line, in input order.
 */
export const CheckRequestSchema = z.object({
  expected: z.string({ error: '"expected" must be a string' }),
  answer: z.string({ error: '"answer" must be a string' }),
  type: z.enum(ANSWER_TYPES).optional(),
  /** Declared symbols: a mapping name → assumptions, or a list of names. */
  symbols: z.union([z.record(z.string(), SymbolAssumptionsSchema.nullable()), z.array(z.string())]).optional(),
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
 * `type`, which the schema would accept unchanged: validating it through zod was a tenth of a
 * plain check's time. Anything else (symbols, options, any fault) goes through the schema,
 * which alone says what is wrong.
 */
function plainRequest(json: unknown): CheckRequest | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const r = json as Record<string, unknown>;
  let keys = 0;
  for (const k in r) {
    if (k !== 'expected' && k !== 'answer' && k !== 'type') return undefined;
    keys++;
  }
  if (typeof r.expected !== 'string' || typeof r.answer !== 'string') return undefined;
  if (keys === 3 && !(typeof r.type === 'string' && TYPE_NAMES.has(r.type))) return undefined;
  return r as CheckRequest;
}

/** A request line read into a task, or a message saying what is wrong with it. */
export function parseRequestLine(line: string): { task: CheckTask } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const plain = plainRequest(json);
  if (plain) return { task: { spec: specOf(plain), answer: plain.answer, transient: true } };
  const parsed = CheckRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : 'the line';
    return { error: `${field}: ${issue.message}` };
  }
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
