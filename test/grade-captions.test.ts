import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { captionsAsText } from '../src/documents/captions.js';
import { readSpokenFormula, spokenMathAsLatex } from '../src/documents/spoken-math.js';

// Caption files and transcripts of recordings (WebVTT, SubRip, transcript exports with a time over
// each turn) read as the words spoken, their spoken part labels and formulas read; written text and
// chat apps' clock-stamped logs as they were.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'captions', name), 'utf8');
/** Each answered part's verdict and the answer read, by part id. */
function graded(name: string) {
  return Object.fromEntries(
    gradedPartsWithStaffKey(fixture(name), name)
      .filter((p) => p.verdict !== 'missing')
      .map((p) => [p.id, `${p.verdict}: ${p.answer}`]),
  );
}

test('a Teams .vtt: voice tags, a NOTE, GUID cue ids, a sentence over two cues, spoken labels and formulas', { skip: devSkip }, () => {
  assert.deepEqual(graded('teams-meeting-q2be.vtt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.e': 'correct: alpha = sqrt(d_out)',
  });
});

test('an Otter export: `Name  0:42` over each turn, `For part c,` heading a part, `as in part a` in a sentence heading none', { skip: devSkip }, () => {
  assert.deepEqual(graded('otter-export-q4ac.txt'), {
    '4.a': 'partial: weights: K^2 C F; biases: F; output_shape: K^2 C F',
    '4.c': 'correct: L K - L + 1',
  });
});

test('YouTube auto-captions: rolling cues said once, word timestamps gone, a label with no punctuation', { skip: devSkip }, () => {
  assert.deepEqual(graded('youtube-auto-q1a.vtt'), { '1.a': 'correct: 2 c d_out^2 d_in' });
});

test("an .srt of a voice chat with an assistant: `You:` / `ChatGPT:` cues are the chat's turns", { skip: devSkip }, () => {
  const read = readWithStaffKey(fixture('voice-chat-q2d.srt'), 'voice-chat-q2d.srt');
  assert.equal(read.format, 'markdown-chat');
  assert.deepEqual(graded('voice-chat-q2d.srt'), { '2.d': 'correct: alpha = 1/sqrt(d_in)' });
});

test('a spoken equation with two readings is not guessed: its part goes to a person, the words quoted', { skip: devSkip }, () => {
  const [part] = gradedPartsWithStaffKey(fixture('ambiguous-update-q7a.srt'), 'ambiguous-update-q7a.srt').filter((p) => p.id === '7.a');
  assert.equal(part!.verdict, 'needs-review');
  assert.match(part!.feedback, /has no single reading as a formula: "w minus eta times d w"/);
});

test('a caption file that names no part says so, rather than a silent zero', { skip: devSkip }, () => {
  const read = readWithStaffKey(fixture('no-parts.vtt'), 'no-parts.vtt');
  assert.deepEqual(read.responses, []);
  assert.match(read.warnings.join('\n'), /no part of the key was recognised/);
});

test('near misses: a write-up saying a formula in words, a chat log stamped with the clock', { skip: devSkip }, () => {
  for (const name of ['written-words-q1a.md', 'clock-stamped-chat-q2b.txt']) assert.equal(captionsAsText(fixture(name)), fixture(name));
  assert.deepEqual(graded('written-words-q1a.md'), { '1.a': 'correct: 2 c d_out^2 d_in' });
});

test('the spoken reading: numbers, Greek names, indices, powers, roots, pauses as brackets', () => {
  assert.equal(readSpokenFormula('two to the minus n'.split(' ')), '2^{-n}');
  assert.equal(readSpokenFormula('one over the square root of d in'.split(' ')), '\\frac{1}{\\sqrt{d_{in}}}');
  assert.equal(readSpokenFormula('n minus k , squared , times sigma x squared'.split(' ')), '(n - k)^{2} \\sigma_{x}^{2}');
  assert.equal(readSpokenFormula('d w h l'.split(' ').concat('equals', 'eta', 'd', 'y', 'i', 'j')), 'dw_{h,l} = \\eta dy_{i,j}');
  assert.equal(readSpokenFormula('the sum over i from one to n of x i'.split(' ')), '\\sum_{i=1}^{n} x_{i}');
  // Two readings each: (n - k)^2 or n - k^2; w - (eta dw) or (w - eta) dw.
  assert.equal(readSpokenFormula('n minus k squared'.split(' ')), undefined);
  assert.equal(readSpokenFormula('w minus eta times d w'.split(' ')), undefined);
});

test('spoken maths leaves English alone: `n by n`, `in each direction`, a number said in passing', () => {
  const said = 'X is n by n, the kernel is k by k, one image at a time. It grows linearly in n.';
  assert.deepEqual(spokenMathAsLatex(said), { text: said, unread: [] });
  assert.equal(spokenMathAsLatex('Same as in part a, n minus k in each direction.').text, 'Same as in part a, $n - k$ in each direction.');
});
