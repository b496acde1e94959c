import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { ANSWER_TYPES } from '../model/answer-spec.js';
import { CheckPool } from '../check/pool.js';
import { LIMITS } from '../math/limits.js';
import { parseRequestLine, responseOf, symbolTable, specOf, CheckRequestSchema } from '../check/protocol.js';
import type { CheckTask } from '../check/pool.js';
import type { CheckResult } from '../model/verdict.js';

interface CheckFlags {
  type?: string;
  symbols?: string;
  options?: string;
  jsonl?: boolean;
  json?: boolean;
  summary?: boolean;
  threads?: string;
  timeout?: string;
  cas: boolean;
}

/**
 * Reads requests line by line and writes results in input order, checking up to `threads`
 * lines at once. A malformed line is answered with an error object; the rest go on.
 */
export async function runJsonl(input: Readable, output: Writable, pool: CheckPool, onResult?: (r: CheckResult | null) => void): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const pending = new Map<number, string>();
  let nextToWrite = 0;
  let count = 0;
  const tasks: Promise<void>[] = [];
  const flush = () => {
    while (pending.has(nextToWrite)) {
      output.write(pending.get(nextToWrite)! + '\n');
      pending.delete(nextToWrite++);
    }
  };
  for await (const line of lines) {
    const index = count++;
    if (line.trim() === '') {
      pending.set(index, JSON.stringify({ line: index + 1, error: 'empty line' }));
      onResult?.(null);
      flush();
      continue;
    }
    const parsed = parseRequestLine(line);
    if ('error' in parsed) {
      pending.set(index, JSON.stringify({ line: index + 1, error: `line ${index + 1}: ${parsed.error}`, verdict: null, equivalent: null }));
      onResult?.(null);
      flush();
      continue;
    }
    tasks.push(
      pool.check(parsed.task).then((r) => {
        pending.set(index, JSON.stringify(responseOf(r)));
        onResult?.(r);
        flush();
      }),
    );
    // Keep memory flat on long inputs: do not read far ahead of the workers.
    if (tasks.length >= 256) await Promise.all(tasks.splice(0, 128));
  }
  await Promise.all(tasks);
  flush();
}

function formatOne(r: CheckResult): string {
  const lines = [`${r.verdict}${r.category ? ` (${r.category})` : ''}  [${r.type}, decided by ${r.check}, ${r.ms ?? 0} ms]`, `  answer:   ${r.answer}`, `  expected: ${r.expected}`, `  reason:   ${r.reason}`];
  return lines.join('\n');
}

/** `partcredit check`: one pair from the arguments, or many from JSON lines on stdin. */
export function checkCommand(): Command {
  return new Command('check')
    .description('decide whether an answer equals the expected one, for any answer type of the key format')
    .argument('[expected]', 'the expected answer (LaTeX or plain text)')
    .argument('[answer]', 'the candidate answer (LaTeX or plain text, possibly with words around it)')
    .addOption(new Option('-t, --type <type>', 'answer type (default: inferred from the expected answer)').choices([...ANSWER_TYPES]))
    .option('-s, --symbols <json>', 'declared symbols and assumptions, e.g. \'{"d_in": {"positive": true}}\'')
    .option('-o, --options <json>', 'other answer-spec options, e.g. \'{"tolerance": {"rel": 0.01}}\'')
    .option('--jsonl', 'read {"expected", "answer", "type"?, "symbols"?, "options"?} objects, one per line, from stdin')
    .option('--json', 'print the single result as JSON')
    .option('--summary', 'with --jsonl: print verdict counts to stderr at the end')
    .option('--threads <n>', 'worker threads (default: the number of cores)')
    .option('--timeout <ms>', 'hard time limit per check in milliseconds', String(LIMITS.checkMs))
    .option('--no-cas', 'skip the computer-algebra stage (faster start, fewer symbolic proofs)')
    .action(async (expected: string | undefined, answer: string | undefined, flags: CheckFlags) => {
      const threads = flags.threads ? Number(flags.threads) : undefined;
      const timeoutMs = Number(flags.timeout ?? LIMITS.checkMs);
      if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new Error('--threads takes a positive whole number');
      if (!(timeoutMs > 0)) throw new Error('--timeout takes a positive number of milliseconds');
      // Read and validate everything before any worker starts.
      const single = flags.jsonl ? undefined : singleTask(expected, answer, flags);
      const pool = new CheckPool({ ...(threads ? { threads } : {}), timeoutMs, cas: flags.cas });
      try {
        if (!single) {
          const counts: Record<string, number> = {};
          await runJsonl(process.stdin, process.stdout, pool, (r) => {
            const k = r ? r.verdict : 'error';
            counts[k] = (counts[k] ?? 0) + 1;
          });
          if (flags.summary) process.stderr.write(`${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
          return;
        }
        const r = await pool.check(single);
        process.stdout.write((flags.json ? JSON.stringify(responseOf(r)) : formatOne(r)) + '\n');
        process.exitCode = r.verdict === 'correct' ? 0 : 1;
      } finally {
        await pool.close();
      }
    });
}

/** The one check `partcredit check EXPECTED ANSWER` asks for. */
function singleTask(expected: string | undefined, answer: string | undefined, flags: CheckFlags): CheckTask {
  if (expected === undefined || answer === undefined) throw new Error('give EXPECTED and ANSWER, or --jsonl to read requests from stdin');
  const request = CheckRequestSchema.parse({
    expected,
    answer,
    ...(flags.type ? { type: flags.type } : {}),
    ...(flags.symbols ? { symbols: parseJsonFlag('--symbols', flags.symbols) } : {}),
    ...(flags.options ? { options: parseJsonFlag('--options', flags.options) } : {}),
  });
  const symbols = symbolTable(request.symbols);
  return { spec: specOf(request), answer: request.answer, ...(symbols ? { symbols } : {}) };
}

function parseJsonFlag(flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${flag} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
