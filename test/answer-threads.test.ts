import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, devSkip, gradedFixtureFile } from './hw4-dev.js';
import { runInTitleLabels } from '../src/documents/inline-labels.js';
import { speakerLines } from '../src/documents/speaker-lines.js';
import { withoutThreadFurniture } from '../src/documents/thread-posts.js';

// Blind round 39's answers posted in threads: a Q&A site's answer that heads each part with a run-in title
// (`Spectral norm budget (problem 2c). ...`) under the avatar's alt text and vote counts, a code host's page
// with comments headed `name commented 2 days ago`, a chat channel whose thread summary (`2 replies`) made it
// look like a social page, and a report whose writer heads remarks `My verdict:`. Each in documents of our
// own: the post's author's answers are read, and a commenter's value (right or wrong) is never theirs.

const FIXTURES = join(ROOT, 'test', 'fixtures', 'answer-threads');
const graded = (file: string) => gradedFixtureFile('answer-threads', file);

test("a Q&A site's answer heads each part with a run-in title and the part in brackets; another member's comment with the right value is not the author's answer", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('qa-site-answer.txt'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    // Near miss: the commenter's `Q2b: c = 1/√d_in` stays theirs; the model's 1/d_in stays wrong.
    '2.b': 'incorrect: c = 1/d_in',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('a run-in title opens its paragraph; a part in brackets inside a sentence, or after a phrase it completes, starts nothing', () => {
  assert.equal(runInTitleLabels('Receptive field (Q4c). Gemini: L(K − 1) + 1.'), '4(c) Receptive field. Gemini: L(K − 1) + 1.');
  assert.equal(runInTitleLabels('intro\n\n**Spectral norm budget (problem 2c):** it said √d_out'), 'intro\n\n2(c) Spectral norm budget. it said √d_out');
  assert.equal(runInTitleLabels('- Deconvolution output (problem 3d.ii) — a 5 × 5 matrix'), '- 3(d)(ii) Deconvolution output. a 5 × 5 matrix');
  for (const same of [
    'It repeated that slip in (Q2d). I did not count it twice.',
    'The bound follows from the budget (problem 2c), so the step is √d_out.',
    'See the previous part (2c) for the budget, it carries over.',
    'first line\nSpectral norm budget (problem 2c). A wrapped line, not a paragraph.',
    'A title that runs on for far more than eight words before its part (2c). Text.',
  ])
    assert.equal(runInTitleLabels(same), same);
});

test("a code host's comments (`@name` / a badge / `name commented Oct 15, 2025`) are others' words: the author's answers are read, a reviewer's corrections are not", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('github-issue-comments.md'), {
    '2.c': 'correct: ‖Delta W‖₂ ≤ sqrt(d_out)',
    // Near miss: two commenters give 2(e)'s right value, `2(e): α = √d_out`; the author's answer stays wrong.
    '2.e': 'incorrect: alpha = sqrt(d_in)',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("a chat channel's copy with a thread's summary (`2 replies`, `Last reply 7:51 PM`) and reactions is read as its stamped messages, the bot's replies the answers", { skip: devSkip }, async () => {
  const text = readFileSync(join(FIXTURES, 'mattermost-channel-bot.txt'), 'utf8');
  // (The social page's furniture reader leaves the channel alone: its times head messages, `@tutorbot` calls the bot.)
  assert.equal(withoutThreadFurniture(text), text);
  assert.deepEqual(await graded('mattermost-channel-bot.txt'), {
    // Near miss: a classmate's `c = 1/√d_in` in the thread is a person's turn, no answer of the bot's.
    '2.b': 'incorrect: c = 1/d_in',
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
  });
});

test("a report's remark label opened by a possessive (`My take:`) is the writer's, no person's handle heading turns", { skip: devSkip }, async () => {
  const text = readFileSync(join(FIXTURES, 'report-my-take.md'), 'utf8');
  assert.ok(!/^User:/m.test(speakerLines(text)));
  assert.ok(speakerLines('Dana: what is 4(c)?\nGemini: L(K − 1) + 1\nDana: and 2(b)?\nGemini: 1/√d_in').includes('User: and 2(b)?'));
  assert.deepEqual(await graded('report-my-take.md'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '1.b': 'correct: 2 c d_out d_in^2',
    // Near miss: the writer's `the solutions have √d_out` is a remark; the model's √d_in stays wrong.
    '2.c': 'incorrect: ‖Delta W‖₂ ≤ sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});
