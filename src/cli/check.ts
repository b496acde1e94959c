import { fstatSync, read, writeSync } from 'node:fs';
import { type Readable, Writable } from 'node:stream';
import { isatty } from 'node:tty';
import { Command } from 'commander';
import { UserError } from '../model/errors.js';
import { holdHeapFlat } from '../check/heap-flags.js';
import { CheckPool, type CheckTask } from '../check/pool.js';
import { LIMITS } from '../math/limits.js';
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

/** Longest input line read; a longer one is answered with an error and skipped, so memory stays bounded. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Lines read ahead of the first one not yet written: bounds memory on an endless input. A power of two: the pending answers are a ring indexed by its low bits. */
const MAX_AHEAD = 4096;
/**
 * Answers written at once. A turn's whole output (45 kB on average for a stream of numbers)
 * lived long enough to reach the old generation (6.4 of the 21 MB promoted for 300,000 numbers);
 * written every few kilobytes, it dies young. Node also writes a string of up to 16 kB / 3
 * characters (UTF-8's worst case) to a pipe from a buffer on its stack.
 */
const WRITE_CHARS = 5_000;
/**
 * Longest stretch of reading and inline checking before the loop lets the event loop turn: a
 * file or a full pipe is otherwise read in microtasks only, and the workers' answers (and their
 * next batches) would wait for the whole buffered input.
 */
const TURN_MS = 4;

/** One input line: its text, or how long it was when it was too long to keep. */
type Line = { text: string } | { tooLong: number };

/**
 * The lines of a byte stream. Lines end at `\n` only (a `\r` is a character like any other,
 * so a stray CR never splits a request); a byte-order mark at the start is dropped; bytes that
 * are not UTF-8 become U+FFFD.
 */
export async function* readLines(input: Readable, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  for await (const splitter of fedLines(input, maxBytes)) for (let line = splitter.next(); line; line = splitter.next()) yield line;
}

/**
 * The input's line splitter, each time it has new bytes (and once more at the end): its lines
 * are taken one at a time with `next()`, so a stream of short lines costs one await per chunk,
 * not per line. Each chunk is copied into the splitter the moment it arrives: a chunk left in
 * the stream's buffer while the one before it was checked (20 ms for 64 kB of numbers) lived
 * through young collections into the old generation, where its 64 kB outside the heap waited
 * for a full collection (2-9 MB of them in a stream of numbers). The input pauses while the
 * splitter holds READ_AHEAD_BYTES not yet taken, until it has none.
 */
async function* fedLines(input: Readable | FdInput, maxBytes: number): AsyncGenerator<LineSplitter> {
  const splitter = new LineSplitter(maxBytes);
  if ('readFd' in input) {
    if (yield* fedFromFd(input.readFd, splitter)) {
      splitter.finish();
      yield splitter;
      return;
    }
    input = input.stream();
  }
  let fresh = false;
  let ended = false;
  let failed: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer | string) => {
    splitter.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (splitter.buffered >= READ_AHEAD_BYTES) input.pause();
    fresh = true;
    wake?.();
  };
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  const onError = (error: unknown) => {
    failed = { error };
    wake?.();
  };
  input.on('data', onData).on('end', onEnd).on('error', onError);
  try {
    for (;;) {
      // Data that came while the last lines were taken is looked at before waiting for more.
      while (!fresh && !ended && !failed) {
        input.resume();
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      if (failed) throw failed.error;
      if (ended) splitter.finish();
      fresh = false;
      yield splitter;
      if (ended) return;
    }
  } finally {
    input.off('data', onData).off('end', onEnd).off('error', onError);
  }
}

/**
 * An input read with `fs.read` straight into the splitter's buffer (the CLI's stdin): no chunk is
 * allocated at all. `stream` is read instead if the descriptor turns out to be non-blocking.
 */
export interface FdInput {
  readFd: number;
  stream: () => Readable;
}

/** Bytes asked of one `fs.read`: a pipe's capacity. */
const READ_BYTES = 64 * 1024;

/**
 * `fedLines` for a file descriptor: true at its end, false if it is non-blocking (EAGAIN), so
 * the caller goes on reading it as a stream. A chunk is read only once the lines before it are
 * taken, so nothing waits anywhere but in the pipe.
 */
async function* fedFromFd(fd: number, splitter: LineSplitter): AsyncGenerator<LineSplitter, boolean> {
  for (;;) {
    const at = splitter.room(READ_BYTES);
    let n: number;
    try {
      n = await new Promise<number>((resolve, reject) => read(fd, splitter.buffer, at, READ_BYTES, null, (e, bytes) => (e ? reject(e) : resolve(bytes))));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return false;
      // A closed or unreadable stdin ends the input, as the end of a stream would.
      if ((e as NodeJS.ErrnoException).code === 'EOF') return true;
      throw e;
    }
    if (n === 0) return true;
    splitter.wrote(n);
    yield splitter;
  }
}

/**
 * Input read ahead of the lines taken. A paused stream still reads one chunk, which waits in
 * its buffer until reading resumes and so lives into the old generation: the pauses of a fast
 * input are made rare (one per megabyte taken, not one per chunk).
 */
const READ_AHEAD_BYTES = 1 << 20;
/** What a splitter's buffer holds at first: the read-ahead and a pipe's chunk. */
const SPLIT_BUFFER_BYTES = READ_AHEAD_BYTES + 64 * 1024;

/**
 * Cuts chunks of bytes into lines, skipping one too long to keep. Each chunk is copied into a
 * buffer of the splitter's own, and a line is decoded only when it is taken. Decoding a chunk's
 * thousand lines at once kept them alive while they were checked, through two young
 * collections: almost all the input was copied into the old generation (`--trace-gc-nvp`,
 * 300,000 numbers: 32 of the 52 MB promoted), which grew to its limit and stayed there, while
 * holding the stream's own chunk instead would keep its 64 kB outside the heap until a full
 * collection. Copied, the chunk dies young; the lines die young too.
 */
class LineSplitter {
  private buf = Buffer.allocUnsafeSlow(SPLIT_BUFFER_BYTES);
  /** Bytes not yet taken: `buf[start, end)`. Between chunks, at most an unfinished line of up to maxBytes. */
  private start = 0;
  private end = 0;
  /** Bytes of a line too long to keep skipped so far. */
  private skipping = 0;
  private first = true;
  private finished = false;

  constructor(private readonly maxBytes: number) {}

  /** Adds a chunk after the bytes not yet taken. The chunk is not kept. */
  feed(chunk: Buffer): void {
    chunk.copy(this.buf, this.room(chunk.length));
    this.wrote(chunk.length);
  }

  /** The buffer that `room` makes room in. */
  get buffer(): Buffer {
    return this.buf;
  }

  /** Makes room for `bytes` after the bytes not yet taken; returns where they go in `buffer`. */
  room(bytes: number): number {
    const rest = this.end - this.start;
    const size = rest + bytes;
    if (size > this.buf.length || (this.buf.length > 4 * SPLIT_BUFFER_BYTES && size <= SPLIT_BUFFER_BYTES)) {
      const grown = Buffer.allocUnsafeSlow(Math.max(size, SPLIT_BUFFER_BYTES, size > this.buf.length ? 2 * this.buf.length : 0));
      this.buf.copy(grown, 0, this.start, this.end);
      this.buf = grown;
    } else if (this.end + bytes > this.buf.length) this.buf.copyWithin(0, this.start, this.end);
    // Otherwise the bytes not yet taken stay where they are.
    else return this.end;
    this.start = 0;
    this.end = rest;
    return rest;
  }

  /** Takes in `bytes` written where `room` said. */
  wrote(bytes: number): void {
    this.end += bytes;
  }

  /** Bytes fed and not yet taken as lines. */
  get buffered(): number {
    return this.end - this.start;
  }

  /** Marks the end of the input: `next()` then gives an unfinished last line too. */
  finish(): void {
    this.finished = true;
  }

  /** The next complete line, or undefined until the next chunk. */
  next(): Line | undefined {
    const at = this.buf.indexOf(10, this.start);
    // The buffer past `end` holds bytes already taken: a newline there ends nothing.
    const nl = at >= 0 && at < this.end ? at : -1;
    if (nl < 0) {
      const rest = this.end - this.start;
      if (this.finished) {
        const end = this.end;
        this.start = this.end = 0;
        if (this.skipping || rest > this.maxBytes) return this.skipped(rest);
        return rest ? this.text(end, rest) : undefined;
      }
      if (this.skipping || rest > this.maxBytes) {
        this.skipping += rest;
        this.start = this.end = 0;
      }
      return undefined;
    }
    const from = this.start;
    this.start = nl + 1;
    if (this.skipping || nl - from > this.maxBytes) return this.skipped(nl - from);
    return this.text(nl, nl - from);
  }

  private skipped(more: number): Line {
    const tooLong = this.skipping + more;
    this.skipping = 0;
    this.first = false;
    return { tooLong };
  }

  /** The line of `length` bytes ending at `end`. */
  private text(end: number, length: number): Line {
    let t = this.buf.toString('utf8', end - length, end);
    if (this.first && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    this.first = false;
    return { text: t };
  }
}

/**
 * Reads requests line by line and writes one result line per input line, in input order, each
 * as soon as it and every line before it are answered. A malformed line is answered with an
 * error object; the rest go on. Reading pauses while too many answers are pending or the
 * output is not draining, so memory stays flat however long the input.
 */
export async function runJsonl(input: Readable | FdInput, output: Writable, pool: CheckPool, onResult?: (r: CheckResult | null) => void): Promise<void> {
  const { parseRequestLine, responseOf } = await import('../check/protocol.js');
  // Answers waiting for an earlier line, by index modulo MAX_AHEAD (reading waits before more
  // are pending). A ring allocated once: a Map used as a queue reallocates its table as it fills
  // and empties, and each new table, held by the long-lived map, was copied into the old
  // generation — the largest share of what a stream of inline checks left there.
  const pending: (string | undefined)[] = new Array(MAX_AHEAD).fill(undefined);
  let written = 0;
  let read = 0;
  let wake: (() => void) | undefined;
  let out = '';
  let scheduled = false;
  const emit = () => {
    scheduled = false;
    if (out) output.write(out);
    out = '';
    wake?.();
  };
  const answer = (index: number, line: string, r: CheckResult | null) => {
    onResult?.(r);
    if (index !== written) {
      pending[index & (MAX_AHEAD - 1)] = line;
      // A worker that answered took more from the pool's queue: reading may go on.
      wake?.();
      return;
    }
    out += `${line}\n`;
    written++;
    for (let s = pending[written & (MAX_AHEAD - 1)]; s !== undefined; s = pending[written & (MAX_AHEAD - 1)]) {
      pending[written++ & (MAX_AHEAD - 1)] = undefined;
      out += `${s}\n`;
    }
    // Answers ready in the same turn (a chunk of inline lines, a worker's batch) go out together
    // at the end of that turn, a system call per WRITE_CHARS rather than per line.
    if (out.length >= WRITE_CHARS) {
      output.write(out);
      out = '';
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(emit);
    }
  };
  const error = (index: number, message: string) => answer(index, JSON.stringify({ line: index + 1, error: message, verdict: null, equivalent: null }), null);
  let turnStart = performance.now();
  for await (const splitter of fedLines(input, MAX_LINE_BYTES)) {
    for (let line = splitter.next(); line; line = splitter.next()) {
      const index = read++;
      if ('tooLong' in line) error(index, `line ${index + 1}: longer than ${MAX_LINE_BYTES} bytes (${line.tooLong})`);
      else if (line.text.trim() === '') error(index, 'empty line');
      else {
        const parsed = parseRequestLine(line.text);
        if ('error' in parsed) error(index, `line ${index + 1}: ${parsed.error}`);
        else {
          // A plain check is answered here and now: no promise, no turn of the microtask queue.
          const now = pool.checkInline(parsed.task);
          if (now) answer(index, JSON.stringify(responseOf(now)), now);
          else void pool.check(parsed.task).then((r) => answer(index, JSON.stringify(responseOf(r)), r));
        }
      }
      if ((index & 15) === 0 && performance.now() - turnStart > TURN_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        turnStart = performance.now();
      }
      // Flat memory: wait while far ahead of the answers, while the workers have all the checks
      // they can take (see CheckPool.saturated), or while the reader of our output is slow.
      // Answers never pile up unwritten, even from an input that is always ready (a file, read in
      // microtasks only): they are written every WRITE_CHARS.
      while (read - written >= MAX_AHEAD || pool.saturated || output.writableNeedDrain) {
        let resume = () => {};
        await new Promise<void>((resolve) => {
          resume = wake = resolve;
          if (output.writableNeedDrain) output.once('drain', resolve);
        });
        wake = undefined;
        // Woken by answers rather than by 'drain', the listener would stay: one more per wait.
        output.off('drain', resume);
      }
    }
  }
  while (written < read) {
    await new Promise<void>((resolve) => (wake = resolve));
  }
  // Resolve only once the output has taken every answer: a caller that reads what was written,
  // or exits, right after would otherwise miss the chunks still buffered in the stream (the last
  // 15 of 20,000 lines behind a slow reader on Node 22). Write callbacks run in order, so the
  // last write's callback means all are done; an output that failed calls back with its error,
  // which its owner reports.
  const last = out;
  out = '';
  await new Promise<void>((resolve) => output.write(last, () => resolve()));
}

/**
 * Standard output for answers. Node writes to a file (or /dev/null) through a stream that turns
 * each string into a Buffer, one ArrayBuffer per write that waits outside the heap for a full
 * collection (5.8 MB of them at the end of a million lines); `writeSync` of the string itself
 * allocates nothing that outlives the call. Pipes and terminals keep `process.stdout`.
 */
function stdoutForJsonl(): Writable {
  let file = false;
  try {
    const stat = fstatSync(1);
    file = stat.isFile() || (stat.isCharacterDevice() && !isatty(1));
  } catch {
    // No descriptor 1 to look at: process.stdout knows what to do.
  }
  if (!file) return process.stdout;
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      try {
        if (typeof chunk === 'string') writeSync(1, chunk);
        else writeSync(1, chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

function formatOne(r: CheckResult): string {
  const lines = [
    `${r.verdict}${r.category ? ` (${r.category})` : ''}  [${r.type}, decided by ${r.check}, ${r.ms ?? 0} ms]`,
    `  answer:   ${r.answer}`,
    `  expected: ${r.expected}`,
    `  reason:   ${r.reason}`,
  ];
  return lines.join('\n');
}

/** `partcredit check`: one pair from the arguments, or many from JSON lines on stdin. */
export function checkCommand(): Command {
  return new Command('check')
    .description('decide whether an answer equals the expected one, for any answer type of the key format')
    .argument('[expected]', 'the expected answer (LaTeX or plain text)')
    .argument('[answer]', 'the candidate answer (LaTeX or plain text, possibly with words around it)')
    .option('-t, --type <type>', 'answer type: number, shape, expression, tuple, choice, ... as in the key format (default: inferred from the expected answer)')
    .option('-s, --symbols <json>', 'declared symbols and assumptions, e.g. \'{"d_in": {"positive": true}}\'')
    .option('-o, --options <json>', 'other answer-spec options, e.g. \'{"tolerance": {"rel": 0.01}}\'')
    .option('--jsonl', 'read {"expected", "answer", "type"?, "symbols"?, "options"?} objects, one per line, from stdin')
    .option('--json', 'print the single result as JSON')
    .option('--summary', 'with --jsonl: print verdict counts to stderr at the end')
    .option('--threads <n>', 'worker threads (default: one fewer than the cores, at least one)')
    .option('--timeout <ms>', 'hard time limit per check in milliseconds', String(LIMITS.checkMs))
    .option('--no-cas', 'skip the computer-algebra stage (faster start, fewer symbolic proofs)')
    .action(async (expected: string | undefined, answer: string | undefined, flags: CheckFlags) => {
      const threads = flags.threads ? Number(flags.threads) : undefined;
      const timeoutMs = Number(flags.timeout ?? LIMITS.checkMs);
      if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new UserError('--threads takes a positive whole number');
      if (!(timeoutMs > 0)) throw new UserError('--timeout takes a positive number of milliseconds');
      if (flags.jsonl) holdHeapFlat();
      // Read and validate everything before any worker starts.
      const single = flags.jsonl ? undefined : await singleTask(expected, answer, flags);
      // Workers start only if a check needs one (the CAS or a hard time limit): `check 5 5` starts none.
      const pool = new CheckPool({ ...(threads ? { threads } : {}), timeoutMs, cas: flags.cas });
      try {
        if (!single) {
          const counts: Record<string, number> = {};
          await runJsonl({ readFd: 0, stream: () => process.stdin }, stdoutForJsonl(), pool, (r) => {
            const k = r ? r.verdict : 'error';
            counts[k] = (counts[k] ?? 0) + 1;
          });
          if (flags.summary) {
            const where = pool.counts;
            process.stderr.write(
              `${Object.entries(counts)
                .map(([k, v]) => `${v} ${k}`)
                .join(', ')} (${where.inline} checked in the main thread, ${where.workers} by workers)\n`,
            );
          }
          return;
        }
        const r = await pool.check(single);
        const { responseOf } = await import('../check/protocol.js');
        process.stdout.write(`${flags.json ? JSON.stringify(responseOf(r)) : formatOne(r)}\n`);
        process.exitCode = r.verdict === 'correct' ? 0 : 1;
      } finally {
        await pool.close();
      }
    });
}

/**
 * The one check `partcredit check EXPECTED ANSWER` asks for. The request schema (and zod) is
 * loaded only when a flag needs validating, so a plain check starts fast.
 */
async function singleTask(expected: string | undefined, answer: string | undefined, flags: CheckFlags): Promise<CheckTask> {
  if (expected === undefined || answer === undefined) throw new UserError('give EXPECTED and ANSWER, or --jsonl to read requests from stdin');
  if (!flags.type && !flags.symbols && !flags.options) return { spec: { value: expected }, answer };
  const { CheckRequestSchema, symbolTable, specOf } = await import('../check/protocol.js');
  const parsed = CheckRequestSchema.safeParse({
    expected,
    answer,
    ...(flags.type ? { type: flags.type } : {}),
    ...(flags.symbols ? { symbols: parseJsonFlag('--symbols', flags.symbols) } : {}),
    ...(flags.options ? { options: parseJsonFlag('--options', flags.options) } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path[0] === 'type' ? '--type' : issue.path[0] === 'symbols' ? '--symbols' : '--options';
    throw new UserError(`${[...issue.path.slice(1)].map(String).join('.') || 'the value'}: ${issue.message}`, flag);
  }
  const request = parsed.data;
  const symbols = symbolTable(request.symbols);
  return { spec: specOf(request), answer: request.answer, ...(symbols ? { symbols } : {}) };
}

function parseJsonFlag(flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${flag} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
