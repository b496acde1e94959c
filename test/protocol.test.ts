import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckRequestSchema, parseRequestLine, specOf, symbolTable } from '../src/check/protocol.js';

/** What the schema alone makes of a line: the reference the common-form shortcut must match. */
function bySchema(line: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const parsed = CheckRequestSchema.safeParse(json);
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
    { expected: 'x', answer: 'x', symbols: { 'd_{in}': { positive: true }, n: {}, m: null } },
    { expected: 'x', answer: 'x', symbols: { x: { positive: 'yes' } } },
    { expected: 'x', answer: 'x', symbols: { x: { positve: true } } },
    { expected: 'x', answer: 'x', symbols: 'x' },
    { expected: 'x', answer: 'x', symbols: [1] },
    { expected: 'x', answer: 'x', symbols: null },
    { expected: 'x', answer: 'x', symbols: { x: {} }, type: 'expresion' },
    { expected: 'x', answer: 'x', symbols: { W: { matrix: [2, 2] }, v: { vector: ['a', 'b'] } } },
  ].map((o) => JSON.stringify(o));
  lines.push('{"expected":"1","answer":"1","__proto__":{"type":"number"}}', '[1,2]', '"text"', 'null');
  // Lines read without JSON.parse must read as JSON.parse reads them: escapes, spacing, repeated
  // keys, brackets inside the symbols' strings; and any fault must still reach the schema.
  lines.push(
    JSON.stringify({ expected: '\\frac{1}{2}', answer: '"½" \n\t/ \u0007 😀 \ud800' }),
    String.raw`{"expected":"\\u00bd","answer":"\u00BD\/\b\f\r\"\\"}`,
    ' \t{ "expected" : "1" ,\r\n "answer":"1" , "type" : "number" } \r',
    String.raw`{"expe\u0063ted":"1","answer":"1"}`,
    '{"expected":"1","answer":"2","answer":"1"}',
    '{"expected":"1","answer":"1",}',
    '{"expected":"1","answer":"1"} x',
    '{"expected":"1","answer":"1"',
    String.raw`{"expected":"1","answer":"a\u00"}`,
    String.raw`{"expected":"1","answer":"a\x"}`,
    '{"expected":"1","answer":"tab\there"}',
    '{"expected":"1","answer":1}',
    '{"expected":"1","answer":"1","type":["number"]}',
    '{"expected":"1","answer":"1","symbols":"x"}',
    '{"expected":"x","answer":"x","symbols":{"x":{"vector":["a]","b}"]}}}',
    '{"expected":"x","answer":"x","symbols":{"x":{}]}',
    '{"expected":"x","answer":"x","symbols":["x", "y"] }',
    '{}',
  );
  for (const line of lines) {
    const got = parseRequestLine(line);
    const want = bySchema(line);
    if (want === 'not JSON') assert.ok('error' in got && got.error.startsWith('not valid JSON ('), line);
    else if (want === 'error') {
      assert.ok('error' in got, `${line}: expected an error`);
      // The same message as the schema's: the field's path and what is wrong.
      const issue = CheckRequestSchema.safeParse(JSON.parse(line)).error!.issues[0]!;
      assert.equal(got.error, `${issue.path.length ? issue.path.join('.') : 'the line'}: ${issue.message}`, line);
    } else {
      assert.ok('task' in got, `${line}: ${'error' in got ? got.error : ''}`);
      const { transient, ...task } = got.task;
      assert.equal(transient, true, line);
      assert.deepEqual(task, want, line);
    }
  }
});

test('lines that declare the same symbols share one validated table, and a faulty table is refused each time', () => {
  const line = (answer: string, symbols: unknown) => JSON.stringify({ expected: 'd_{in} + 1', answer, symbols });
  const a = parseRequestLine(line('1 + d_in', { d_in: { positive: true } }));
  const b = parseRequestLine(line('d_{in} + 1', { d_in: { positive: true } }));
  assert.ok('task' in a && 'task' in b);
  assert.equal(a.task.symbols, b.task.symbols);
  assert.deepEqual(a.task.symbols, { d_in: { positive: true } });
  for (let i = 0; i < 2; i++) assert.ok('error' in parseRequestLine(line('1', { d_in: { positive: 'very' } })));
});
