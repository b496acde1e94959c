import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, runCliAsync } from './fixtures/cli.js';

/** The CLI with `input` on its stdin. */
const run = (args: string[], input: Buffer | string) => runCliAsync(args, ROOT, {}, input);

test('check --jsonl: one line out per line in, in input order, bad lines answered in place', async () => {
  const lines = [
    JSON.stringify({ expected: '2 c\\, d_{out}^2 d_{in}', answer: '2c d_{in} d_{out}^2', symbols: { d_in: { positive: true }, 'd_{out}': { positive: true }, c: { positive: true } } }),
    'this is not json',
    JSON.stringify({ expected: '28 \\times 28 \\times 10', answer: '7840' }),
    JSON.stringify({ expected: '1' }),
    JSON.stringify({ expected: '72.8e6', answer: '72.8M', type: 'number', options: { tolerance: { rel: 0.01 } } }),
    JSON.stringify({ expected: '\\tan^2(y)+1', answer: '\\sec^2(y)' }),
  ];
  // One line with invalid UTF-8 bytes inside a JSON string.
  const bad = Buffer.concat([Buffer.from('{"expected": "1", "answer": "1'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
  const input = Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), bad, Buffer.from('\n')]);
  const { code, stdout } = await run(['check', '--jsonl', '--threads', '2'], input);
  assert.equal(code, 0);
  const out = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(out.length, 7);
  assert.equal(out[0].verdict, 'correct');
  assert.equal(out[0].equivalent, true);
  assert.match(out[1].error, /line 2: not valid JSON/);
  assert.equal(out[2].verdict, 'incorrect');
  assert.equal(out[2].equivalent, false);
  assert.match(out[2].reason, /7840 is its product/);
  assert.match(out[3].error, /answer/);
  assert.equal(out[4].verdict, 'correct');
  assert.equal(out[5].verdict, 'correct');
  assert.equal(out[6].verdict, 'unparseable');
  assert.equal(out[6].equivalent, null);
  for (const o of out.filter((o) => !o.error)) {
    assert.equal(typeof o.score, 'number');
    assert.equal(typeof o.ms, 'number');
    assert.equal(typeof o.reason, 'string');
  }
});

test('check EXPECTED ANSWER prints the verdict and reason', async () => {
  const { code, stdout } = await run(['check', '28 \\times 28 \\times 10', '(28, 28, 10)'], '');
  assert.equal(code, 0);
  assert.match(stdout, /^correct/);
  const wrong = await run(['check', '--json', '\\frac{1}{\\sqrt{d_{in}}}', 'd_{in}^{-1}', '--symbols', '{"d_in": {"positive": true}}'], '');
  assert.equal(wrong.code, 1);
  assert.equal(JSON.parse(wrong.stdout).verdict, 'incorrect');
});

test('check with a malformed --symbols says which flag', async () => {
  const { code, stderr } = await run(['check', 'x', 'x', '--symbols', '{nope'], '');
  assert.equal(code, 2);
  assert.match(stderr, /--symbols is not valid JSON/);
});
