import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  doubleBlankLines,
  hardWrap,
  remarkMarkers,
  removeBlankLines,
  renameSpeakers,
  restyleBullets,
  restyleHeadings,
  restyleParts,
  seededRandom,
  speakerLines,
  unicodeMath,
} from '../bench/perturbations.js';

// The perturbation bench's variations must change a document's conventions and nothing a TA
// grades: these pin what each finds by shape and what it must leave alone.

const chat = [
  '**You said:**',
  '',
  'Answer 1(a).',
  '',
  '**ChatGPT said:**',
  '',
  '**Output size:**',
  '',
  'The runtime is $2c\\,d_{out}^2 d_{in}$.',
  '',
  '**You said:**',
  '',
  'And (b)?',
  '',
  '**ChatGPT said:**',
  '',
  'It is $2c\\,d_{out}d_{in}^2$, and that is the whole of a fairly long answer to the follow-up.',
].join('\n');

test('who-speaks lines are found by alternation, not by their words, and keep their markup', () => {
  const found = speakerLines(chat);
  assert.deepEqual(found.speakers, ['you said', 'chatgpt said']);
  // A bold line of the answer in the same markup, once, is no speaker.
  assert.ok(!found.lines.some((l) => l.head === 'Output size'));
  const renamed = renameSpeakers(chat, seededRandom(3));
  assert.doesNotMatch(renamed, /You said|ChatGPT said/);
  assert.match(renamed, /\*\*Output size:\*\*/);
  const names = renamed.split('\n').filter((l) => /^\*\*[^*]+:\*\*$/.test(l) && l !== '**Output size:**');
  assert.equal(names.length, 4);
  assert.equal(names[0], names[2]);
  assert.notEqual(names[0], names[1]);
});

test('the asker is named from the asking pool even when a title line names the model first', () => {
  const doc = [
    'Grok',
    'Shared chat · Oct 2, 2025',
    '',
    'You:',
    '',
    'Solve 1(a) of the attached problem, please.',
    '',
    'Grok:',
    '',
    'A long answer. '.repeat(3),
    '',
    'You:',
    '',
    'And (b)?',
    '',
    'Grok:',
    '',
    'Another answer.',
  ].join('\n');
  assert.deepEqual(speakerLines(doc).speakers, ['you', 'grok']);
});

test('two headings of one answer (A A B) and a name line with text after its colon are no turns', () => {
  const doc = ['# Solutions', '', '### Key idea', '', 'text', '', '### Key idea', '', 'more', '', '### SGD step', '', 'x', '', '### SGD step', '', 'y'].join('\n');
  assert.deepEqual(speakerLines(doc).lines, []);
  assert.deepEqual(speakerLines(['USER', '', 'q', '', 'EVAL (b): correct.', '', 'USER', '', 'q2', '', 'EVAL (c): wrong.', '', 'z'].join('\n')).lines, []);
});

test('part labels heading a line are restyled with the rest of the line kept; labels inside a line are not', () => {
  const doc = ['## Question 3', '', '(a) The answer is 7.', '**(b)** It is 8.', 'See (c) below.', 'Part (c): 9'].join('\n');
  assert.equal(restyleParts(doc, seededRandom(1), 'a)'), ['## Question 3', '', 'a) The answer is 7.', 'b) It is 8.', 'See (c) below.', 'c): 9'].join('\n'));
  assert.equal(restyleParts(doc, seededRandom(1), 'Q1a').split('\n')[2], 'Q3a The answer is 7.');
  // Without a question number said first, no label is numbered; a numbered list item in an answer names no question.
  assert.doesNotMatch(restyleParts('(a) x\n(b) y', seededRandom(1), '1(a)'), /\d|Q/);
  assert.doesNotMatch(restyleParts('## Q4\n(a) x\n2. step\n(b) y', seededRandom(1), '1(a)'), /2\(b\)/);
});

test('markup: headings become bold or plain lines, bullets swap, code and display math are left alone', () => {
  const doc = ['## Part (a)', '', '- one', '* two', '', '```', '# a comment', '- not a bullet', '```', '', '$$', '- x^2', '$$'].join('\n');
  const h = restyleHeadings(doc, seededRandom(2));
  assert.ok(h.startsWith('**Part (a)**') || h.startsWith('Part (a)'));
  assert.match(h, /\n# a comment\n/);
  const b = restyleBullets(doc, seededRandom(2));
  assert.match(b, /\n- not a bullet\n/);
  assert.match(b, /\n- x\^2\n/);
  assert.doesNotMatch(b.split('```')[0]!, /^- one$/m);
  // An Org heading at the margin is no bullet.
  assert.match(restyleBullets('#+TITLE: hw4\n* Q3 Convolution\n- one\n  * two', seededRandom(2)), /\n\* Q3 Convolution\n/);
});

test('layout: blank lines removed or doubled, long lines wrapped between words and never inside inline math', () => {
  assert.equal(removeBlankLines('a\n\nb\n\n\nc'), 'a\nb\nc');
  assert.equal(doubleBlankLines('a\n\nb'), 'a\n\n\nb');
  const long = `- The runtime per iteration is ${'word '.repeat(10)}$2c\\,d_{out}^2 d_{in} + \\text{a long tail of the formula}$ and so on.`;
  const wrapped = hardWrap(long).split('\n');
  assert.ok(wrapped.length > 1);
  assert.ok(wrapped.every((l) => l.length <= 80 || /^\s*\$[^$]+\$/.test(l.trim())));
  assert.ok(wrapped.some((l) => l.includes('$2c\\,d_{out}^2 d_{in} + \\text{a long tail of the formula}$')));
  assert.ok(wrapped.slice(1).every((l) => l.startsWith('  ')));
});

test('unicode math changes only what reads one way', () => {
  assert.equal(unicodeMath('c d_{out}^2 d_{in}, 1/\\sqrt{d_{in}}, sqrt(d_out)'), 'c d_out² d_in, 1/√d_in, √d_out');
  // d_{out}d_{in} would run together; x^{2n} and x^2.5 are not one digit; \sqrt{d}x would take x under the root.
  assert.equal(unicodeMath('d_{out}d_{in} x^{2n} x^2.5 \\sqrt{d}x'), 'd_{out}d_in x^{2n} x^2.5 \\sqrt{d}x');
  assert.equal(unicodeMath('$$\nd_{out}^2\n$$'), '$$\nd_{out}^2\n$$');
});

test("the student's verdict quotes change marker; a quoted problem statement does not", () => {
  const doc = ['> 3. Compute y[n] for the rect.', '', 'Answer: 7', '', '>> correct, matches torch', '>> and the plot'].join('\n');
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const out = remarkMarkers(doc, seededRandom(seed)).split('\n');
    assert.equal(out[0], '> 3. Compute y[n] for the rect.');
    assert.match(out[4]!, /^(Note:|\[me\]|\/\/) correct, matches torch$/);
  }
});
