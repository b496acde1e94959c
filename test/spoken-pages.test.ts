import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { readSpokenTranscript } from '../src/documents/captions.js';
import { chapterList } from '../src/documents/recording-chapters.js';
import { withoutSpokenRemarks } from '../src/documents/spoken-remarks.js';

// A recording's page (a YouTube video, a podcast's episode) copied whole: its title, description and
// chapter list, the transcript, the comments. The chapters name the parts each span of the transcript
// is about (`Problem 2 parts (c) and (d)`, `Outro` is none), the comments are other people's, the
// letters said aloud have no case (`two C D out D in squared` is 2 c d_out d_in^2). Near misses: a
// model's answer said with its dimensions swapped stays wrong, and a listener's correction of it
// (`That's wrong, it should be ...`, `I thought it would be ...`) never becomes its answer.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'spoken-pages', name), 'utf8');
const graded = (name: string) => gradedFixtureFile('spoken-pages', name);

test('a YouTube page: its chapters label the transcript, its comments are no answer, spoken capitals are the key’s letters', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('youtube-page-chapters-q1b-q2cd.txt'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    '2.c': 'correct: sqrt(d_out)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
  });
});

test('a podcast with show notes: a swapped answer stays wrong, a co-host’s correction and the listener mail are not its answer', { skip: devSkip }, async () => {
  assert.deepEqual(await graded('podcast-notes-near-miss-q1a-q4c.txt'), {
    '1.a': 'incorrect: 2 c d_in^2 d_out',
    '4.c': 'correct: L K - L + 1',
  });
});

test('the chapter list and the comments are no words spoken', () => {
  const read = readSpokenTranscript(fixture('youtube-page-chapters-q1b-q2cd.txt'))!;
  assert.doesNotMatch(read.spoken, /Gram matrix trick|Outro|comment if you tried/);
  assert.equal(read.written, '');
  assert.deepEqual(read.spoken.match(/^Question \d \([a-h]\)\./gm), ['Question 1 (b).', 'Question 2 (c).', 'Question 2 (d).']);
});

test('a chapter list is a block of times from the start that the transcript goes back over; a transcript alone has none', () => {
  const lines = ['Chapters', '0:00 Intro', '1:10 Q2(b) and (e)', '', 'Transcript', '0:00', 'hi', '1:10', 'two b'];
  assert.deepEqual(
    chapterList(lines)?.chapters.map((c) => [c.start, c.question, c.letters]),
    [
      [0, undefined, []],
      [70, '2', ['b', 'e']],
    ],
  );
  assert.equal(chapterList(['0:00', 'hi there', '0:05', 'so question two b', '0:09', 'is one over root d in']), undefined);
  assert.equal(chapterList(['0:00 Intro', '1:10 Q2(b)', '2:00 the end']), undefined);
});

test('a speaker’s own expectation or correction is a remark; a sentence that reports the answer is not', () => {
  assert.equal(withoutSpokenRemarks('It says W minus S over K. Hmm. I thought it would be W minus K over S, but I guess... I don’t know.'), 'It says W minus S over K. Hmm. I don’t know.');
  assert.equal(withoutSpokenRemarks("That's wrong, it should be two C D out squared D in."), '');
  assert.equal(withoutSpokenRemarks('So the answer should be one over root d in. That is right.'), 'So the answer should be one over root d in. That is right.');
});
