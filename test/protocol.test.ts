import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckRequestSchema, parseRequestLine, specOf, symbolTable } from '../src/check/protocol.js';

/** What the schema alone makes of a line: the reference the common-form shortcut must match. */
function bySchema(line: string): unknown {
  const parsed = CheckRequestSchema.safeParse(JSON.parse(line));
  if (!parsed.success) return 'error';
  const symbols = symbolTable(parsed.data.symbols);
  return { spec: specOf(parsed.data), answer: parsed.data.answer, ...(symbols ? { symbols } : {}) };
}

test('a request line of the common form is read as the schema reads it; every other line still goes through the schema', () => {
  const lines = [
    { expected: '1', answer: '1' },
    { answer: 'x', expected: '' },
    { expected: '1', answer: '1', type: 'number' },
    { expected: '(1, 2)', answer: '(1,2)', type: 'tuple' },
    { expected: '1', answer: '1', type: 'numbr' },
    { expected: '1', answer: '1', type: 3 },
    { expected: '1', answer: '1', type: null },
    { expected: 1, answer: '1' },
    { expected: '1' },
    { expected: '1', answer: ['1'] },
    { expected: '1', answer: '1', extra: true },
    { expected: '1', answer: '1', symbols: { x: {} } },
    { expected: '1', answer: '1', options: { tolerance: { rel: 0.1 } } },
    { expected: '1', answer: '1', type: 'number', symbols: ['x'] },
  ].map((o) => JSON.stringify(o));
  lines.push('{"expected":"1","answer":"1","__proto__":{"type":"number"}}', '[1,2]', '"text"', 'null');
  for (const line of lines) {
    const got = parseRequestLine(line);
    const want = bySchema(line);
    if (want === 'error') assert.ok('error' in got, `${line}: expected an error`);
    else {
      assert.ok('task' in got, `${line}: ${'error' in got ? got.error : ''}`);
      const { transient, ...task } = got.task;
      assert.equal(transient, true, line);
      assert.deepEqual(task, want, line);
    }
  }
});
