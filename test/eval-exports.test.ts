import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { sheetAsMarkdown } from '../src/documents/spreadsheet.js';
import { withoutToolVerdict } from '../src/documents/eval-outputs.js';
import { alternatingRoleTurns } from '../src/documents/alternating-roles.js';

// Blind round 39's exports of model-evaluation and model-hosting tools: an eval tool's results table
// (a column per provider, headed `[provider] {{var}}`, each cell led by the tool's `[PASS]` or
// `[FAIL] <reason>` `---`), and a hosting site's prediction pages copied as text, each headed by the
// page's own labels (`Prediction`, `Deployment`) before its `Input` and its `Output`. The output column
// is the model's answers whatever its prompt label says; the tool's verdict, its reason and the test's
// expected value are never the answer; of two providers, the one the file's name names is graded. On a
// page, the labels that head the prompts and the replies are the pair that reads as prompts and replies,
// not the first pair that alternates. Documents of our own, with near misses that stay wrong.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'eval-exports');

const graded = (file: string) => gradedFixtureFile('eval-exports', file);

test("an eval tool's results CSV with two providers grades the column of the model its file's name names, without the tool's verdicts", { skip: devSkip }, async () => {
  // (The other provider's column answers 2(b) with c = 1/d_in and 4(c) in the factored form: not what is graded.)
  assert.deepEqual(await graded('promptfoo-results-qwen25-14b.csv'), {
    // Near miss: the assertion's reason and the expected column quote the key's d_out^2 d_in; the output is 1(b)'s runtime.
    '1.a': 'incorrect: 2 c d_out d_in^2',
    '2.b': 'correct: c = 1/sqrt(d_in)',
    // A FAILed substring assertion on a right answer in another form is right.
    '4.c': 'correct: L K - L + 1',
  });
});

test("a one-provider results CSV whose header's prompt label names the prompt's variable (`{{prompt}}`) is read from that column", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('promptfoo-single-provider.csv'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    // Near miss: the reference column and the FAIL reason hold L(K-1)+1; the output says L·K.
    '4.c': 'incorrect: L K',
  });
});

test("a FAILed cell's reason is the tool's; a PASSed cell is the output after its mark; an output's own rule further down is kept", () => {
  assert.equal(withoutToolVerdict('[FAIL] Expected output to contain "127"\n---\ny = 2^{7-n}'), 'y = 2^{7-n}');
  assert.equal(withoutToolVerdict('[PASS] c = 1/sqrt(d_in)'), 'c = 1/sqrt(d_in)');
  assert.equal(withoutToolVerdict('[PASS] first\n---\nsecond'), 'first\n---\nsecond');
  assert.equal(withoutToolVerdict('No verdict here\n---\nkept'), 'No verdict here\n---\nkept');
  const sheet = readFileSync(join(FIXTURES, 'promptfoo-single-provider.csv'), 'utf8');
  const text = sheetAsMarkdown(sheet, ',', 'promptfoo-single-provider.csv');
  assert.match(text, /^### 4\(c\)\n\nEvery layer grows the field by K pixels\./);
  assert.doesNotMatch(text, /\[FAIL\]|Expected output|L\(K-1\)\+1/);
});

test("a hosting site's prediction history heads each exchange with its own label before Input / output: the prompts and replies are Input's and the output's", { skip: devSkip }, async () => {
  const turns = alternatingRoleTurns(readFileSync(join(FIXTURES, 'deepinfra-inference-history-qwen25-72b.txt'), 'utf8'));
  assert.deepEqual(
    turns?.map((m) => m.role),
    ['user', 'assistant', 'user', 'assistant', 'user', 'assistant'],
  );
  assert.match(turns![0]!.text, /A CNN stacks L convolutional layers/);
  assert.match(turns![1]!.text, /^\(c\) Each stride-1 layer/);
  assert.deepEqual(await graded('deepinfra-inference-history-qwen25-72b.txt'), {
    // Near miss: the dominant product counted once, c·d_out²·d_in (the key's 2c).
    '1.a': 'partial: c d_out^2 d_in',
    '1.b': 'correct: 2 c d_out d_in^2',
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("an eval tool's JSON results (`prompt.raw` beside `response.output`) are read as exchanges; the assertion's value and the grading reason are not the answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('promptfoo-output-mistral-small.json'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    // Near miss: the test's assertion holds c = 1/sqrt(d_in) and its reason quotes it; the output is Glorot's fan-average.
    '2.b': 'incorrect: c = sqrt(2/(d_in + d_out))',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});
