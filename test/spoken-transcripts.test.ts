import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedPartsWithStaffKey } from './hw4-dev.js';
import { captionsAsText, readSpokenTranscript } from '../src/documents/captions.js';
import { readSpokenFormula, spokenMathAsLatex } from '../src/documents/spoken-math.js';

// Speech-to-text transcripts (Zoom's and Teams' exports, a YouTube transcript copied as text): the
// answers a student typed under the recording are read and are final; a part named aloud by its
// number and letter where a sentence starts (`Question two B.`, `Two D,`, `So one A,`, `for four C,`)
// is its label; `root d out` is a square root. Near misses: a question about a part (`Two B?`), `two C D out squared` said as a
// formula, `two matrix multiplies` and `four times cheaper`, a chat stamped with the clock.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'spoken-transcripts', name), 'utf8');
/** Each answered part's verdict and the answer read, by part id. */
function graded(name: string) {
  return Object.fromEntries(
    gradedPartsWithStaffKey(fixture(name), name)
      .filter((p) => p.verdict !== 'missing')
      .map((p) => [p.id, `${p.verdict}: ${p.answer}`]),
  );
}

test('a Zoom recording with answers typed under it: the typed list is read, and it is final over what was said', { skip: devSkip }, () => {
  assert.deepEqual(graded('zoom-recording-typed-finals-q2bd.vtt'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
  });
});

test('the typed text under a transcript is kept as written; what was said stays the words spoken', () => {
  const read = readSpokenTranscript(fixture('zoom-recording-typed-finals-q2bd.vtt'));
  assert.equal(read?.written, 'Final answers (typed after the recording):\n2(b)\tc = 1/√d_in\n2(d)\tα = 1/√d_in');
  assert.match(read.spoken, /^Question 2 \(b\)\. Each output adds up/m);
  assert.match(read.spoken, /^Question 2 \(d\)\. the sign update/m);
  assert.doesNotMatch(read.spoken, /Final answers/);
});

test('a Teams meeting: a part named aloud by a speaker heads their turn; a TA asking about a part, a formula and counts head none', { skip: devSkip }, () => {
  const spoken = readSpokenTranscript(fixture('teams-meeting-ta-q1a-q4c.txt'))!.spoken;
  assert.deepEqual(spoken.match(/^Question \d+ \([a-h]\)\./gm), ['Question 1 (a).', 'Question 4 (c).']);
  assert.match(spoken, /^Sam Lee \(TA\): Sure\. Two B\? Did you get to that one too\?$/m);
  assert.deepEqual(graded('teams-meeting-ta-q1a-q4c.txt'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '4.c': 'correct: L K - L + 1',
  });
  // (A chat stamped with the clock is no recording: its `Two B,` stays as written.)
  assert.equal(captionsAsText(fixture('slack-clock-chat-q2b.txt')), fixture('slack-clock-chat-q2b.txt'));
});

test('a YouTube transcript copied with its times: a part named after an opening word in captions with no sentences', { skip: devSkip }, () => {
  assert.deepEqual(graded('youtube-transcript-copy-q1a.txt'), { '1.a': 'correct: 2 c d_out^2 d_in' });
});

test('a root said for short (`root d out`, `one over root d in`); a root with a product after it has two readings', () => {
  assert.equal(readSpokenFormula('alpha equals one over root d in'.split(' ')), '\\alpha = \\frac{1}{\\sqrt{d_{in}}}');
  assert.equal(readSpokenFormula('root of n'.split(' ')), '\\sqrt{n}');
  assert.equal(readSpokenFormula('root of d in times d out'.split(' ')), undefined);
  assert.equal(spokenMathAsLatex('So alpha times root D in D out is at most root D out.').text, 'So alpha times root D in D out is at most $\\sqrt{D_{out}}$.');
  assert.equal(spokenMathAsLatex('The root cause is the stride.').text, 'The root cause is the stride.');
});
