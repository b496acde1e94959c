/**
 * A person's turn that opens on the pictures they posted (screenshots of the sheet, as a chat export
 * prints them: `![q5.png](attachment)`) and then names the problem it asks: the request is the first
 * line of words, and the number it names places the reply, however much the reply's words resemble
 * another question's statement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKey } from '../src/documents/key.js';
import { parseProblemSet } from '../src/documents/problem-set.js';
import { readSubmission } from '../src/documents/submission.js';
import { gradeSubmission } from '../src/grade/grade.js';

const KEY = loadKey(
  `partcredit: 1
parts:
  2.a: { answer: 'K^2 C F + F' }
  5.a: { answer: 'T B' }
`,
  'k.yaml',
).key!;

const PROBLEMS = parseProblemSet(`# Sheet 3

## 2. Parameters of a Convolutional Layer

(a) A convolutional layer has F filters of size K by K over C input channels, each filter with a bias. How many weights and biases does it learn?

## 5. Cost of Training Steps

(a) One training step over a batch of B images takes T seconds. How long does one pass over the batch take?
`);

/** The parts graded and their verdicts. */
function verdicts(chat: string): string {
  const read = readSubmission(chat, 's.md', KEY, PROBLEMS);
  return gradeSubmission(KEY, read)
    .parts.filter((p) => p.verdict !== 'missing')
    .map((p) => `${p.id} ${p.verdict}`)
    .join(', ');
}

const chat = (request: string) => `## User

![sheet3-p2.png](attachment)

![sheet3-p5.png](attachment)

${request}

## Assistant

Each image in the batch goes through every convolutional layer, with its filters and biases, once.

**(a)** The step costs T per image of the batch, so the pass takes $T B$ seconds.
`;

test('a request under the pictures the person posted names the problem its reply answers', () => {
  assert.equal(verdicts(chat('This is problem 5 from the sheet, please do (a).')), '5.a correct');
  assert.equal(verdicts(chat('[image]\n\nHere is question 5. Please do (a).')), '5.a correct');
  // Near miss: a wrong answer under the same request stays wrong.
  assert.equal(verdicts(chat('This is problem 5 from the sheet, please do (a).').replace('$T B$', '$T + B$')), '5.a incorrect');
});
