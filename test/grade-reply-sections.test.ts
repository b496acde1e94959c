import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradeWithStaffKey } from './hw4-dev.js';

// Replies that answer parts a person asked in words, under headings of their own (issue 9, blind
// round 18's search-engine chat): the reply spends more sections than parts, and a follow-up asks
// several things of which one is clearly a part. Each class in words of our own, with a near miss.

const verdicts = (lines: string[]) => Object.fromEntries(gradeWithStaffKey(lines.join('\n'), 'sections.md'));

/** A person asks 1(a) and 1(b) in words; the reply heads a preamble, the two parts' working and a reference list. */
const sectioned = (runtimeSection: string[], gramSection: string[], tail: string[] = ['### References', '', '- Higham, Functions of Matrices, ch. 5']) => [
  '**User:** For the Newton-Schulz step, if matrix multiplication dominates and an n x m by m x p product costs c n m p, what is the runtime of a single iteration? And when d_out is much larger than d_in, is there a faster way to compute p(W) with the Gram matrix?',
  '',
  '**Assistant:**',
  '',
  '### Setting up',
  '',
  'Write $W$ for the $d_{out} \\times d_{in}$ parameter matrix.',
  '',
  ...runtimeSection,
  '',
  ...gramSection,
  '',
  ...tail,
];

const runtime = [
  '### Runtime of a single iteration',
  '',
  'Forming $W W^\\top$ costs $c\\,d_{out}^2 d_{in}$.',
  '',
  '### Step two',
  '',
  'Multiplying the result by $W$ costs $c\\,d_{out}^2 d_{in}$ again, so each iteration takes $2c\\,d_{out}^2 d_{in}$.',
];
const gram = [
  '### A faster way with the Gram matrix',
  '',
  'Rewrite $p(W) = \\tfrac12 W (3I - W^\\top W)$: forming $W^\\top W$ and the product each cost $c\\,d_{out} d_{in}^2$, in all $2c\\,d_{out} d_{in}^2$.',
];

test('a reply to parts asked in words that spends more sections than parts: each run of sections to the part its words name', { skip: devSkip }, () => {
  // The second runtime section names no part: it goes on with the first; the preamble and the reference list are no part's.
  assert.deepEqual(verdicts(sectioned(runtime, gram)), { '1.a': 'correct', '1.b': 'correct' });
  // A closing recap of both values, under a title that names neither part, is neither part's (the Gram matrix part would read the first part's value in it).
  const recap = ['### Final answers', '', '- one iteration: $2c\\,d_{out}^2 d_{in}$', '- with the Gram matrix: $2c\\,d_{out} d_{in}^2$'];
  assert.deepEqual(verdicts(sectioned(runtime, gram, recap)), { '1.a': 'correct', '1.b': 'correct' });
  // Near miss: the runtime given with one product in its section stays short of it (the key's partial credit), the Gram matrix part right.
  const wrong = [...runtime.slice(0, -1), 'Multiplying the result by $W$ is cheap, so each iteration takes $c\\,d_{out}^2 d_{in}$.'];
  assert.deepEqual(verdicts(sectioned(wrong, gram)), { '1.a': 'partial', '1.b': 'correct' });
});

test('a follow-up of several questions, one of which clearly asks an unanswered part, asks that part (not more discussion of the last)', { skip: devSkip }, () => {
  const chat = (followUp: string) =>
    verdicts([
      '**User:** A conv layer with filter size K, padding P, stride S and F filters on a W x H x C input: how many weights and biases, and what output shape?',
      '',
      '**Assistant:** $K^2 C F$ weights and $F$ biases; the output is $(\\lfloor (W-K+2P)/S \\rfloor + 1) \\times (\\lfloor (H-K+2P)/S \\rfloor + 1) \\times F$.',
      '',
      `**User:** ${followUp}`,
      '',
      '**Assistant:**',
      '',
      '### Stacked layers',
      '',
      'Each extra stride-1 layer adds $K-1$, so after $L$ layers it is $L(K-1)+1$.',
      '',
      '### Adding the pool',
      '',
      'Everything after the pool sees twice as far, and a lower resolution means four times fewer positions to convolve.',
    ]);
  // The first sentence asks 4(c) in words; the second fits 4(c) and 4(d) alike, so the turn as a whole names no part.
  const asks =
    "ok. stacking L such layers (stride 1, filter K), what's the receptive field of the last output? also with a max pool of stride 2 after them, what happens to the receptive field, and why does a lower resolution help?";
  assert.equal(chat(asks)['4.c'], 'correct');
  // Near miss: the sentence that clearly asks is about the part just answered: discussion, nothing new is graded.
  const discusses =
    'ok. why are there F biases and not F times C, for a conv layer with K by K filters? also with a max pool of stride 2 after them, what happens to the receptive field, and why does a lower resolution help?';
  // (No verdict on another part: what the content fallback places goes to a person.)
  assert.deepEqual(Object.fromEntries(Object.entries(chat(discusses)).filter(([, v]) => v !== 'needs-review')), { '4.a': 'correct' });
});
