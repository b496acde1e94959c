import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { jsonOutlineAsMarkdown } from '../src/documents/json-outlines.js';
import { noteExportAsText } from '../src/documents/note-exports.js';
import { withoutCodeBlocks } from '../src/check/code-assignments.js';

// Write-ups that note and mind-map apps save as structured data (blind round 43: an XMind content.json,
// a Boostnote CSON note). A mind map's or an outliner's tree (XMind's JSON and XML, Logseq, Roam,
// Workflowy) is read as a nested list, titles as its items and notes under them, so a part's label on
// an item heads the answer in the items under it; a note app's object (Boostnote's CSON) is its content
// field; and a result fenced as plain math (`T_a(W) = ... = 2*c*d_out^2*d_in`, `RF(L) = L*(K - 1) + 1`)
// is a formula, not a program. Each in documents of our own, with near misses graded wrong.

const outline = (file: string) => gradedFixtureFile('outline-exports', file);
const note = (file: string) => gradedFixtureFile('note-objects', file);

test("a Logseq JSON export's blocks are an outline: a part's block heads the answer in the blocks under it, block properties (`id:: ...`) no words of it", { skip: devSkip }, async () => {
  assert.deepEqual(await outline('logseq-export-student-q2bd-q4c.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'correct: alpha = 1/sqrt(d_in)',
    '4.c': 'correct: 1 + L (K - 1)',
  });
});

test("a Workflowy backup's items (`nm`, their notes `no`, children `ch`) are an outline", { skip: devSkip }, async () => {
  assert.deepEqual(await outline('workflowy-backup-student-q2c-q7b.json'), {
    '2.c': 'correct: ‖|Delta W|‖₂ ≤ sqrt(d_out)',
    '7.b': 'correct: mean: 0; variance: (n - k + 1)^2 sigma_x^2 sigma_g^2; growth: - grows like O(n) (standard deviation linear in n)',
  });
});

test("an XMind 8 content.xml's topics are an outline, its markers and labels no words of a topic", { skip: devSkip }, async () => {
  assert.deepEqual(await outline('xmind8-content-student-q2b-q4c.xml'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("near miss: a Roam export's wrong answer in a part's blocks stays wrong, the right one beside it right", { skip: devSkip }, async () => {
  assert.deepEqual(await outline('roam-export-student-q1b-q4c-wrong.json'), {
    '1.b': 'correct: 2 c d_out d_in^2',
    '4.c': 'incorrect: L K + 1',
  });
});

test('a Boostnote CSON note is its content string; a result fenced as plain math is its answer, a wrong one (1b) wrong', { skip: devSkip }, async () => {
  const graded = await note('boostnote-cson-student-q1ab-q2c.cson');
  assert.equal(graded['1.a'], 'correct: 2 c d_out^2 d_in');
  assert.equal(graded['1.b'], 'incorrect: 2 c d_out^2 d_in^2');
  assert.equal(graded['2.c'], 'correct: ‖|Delta W|‖₂ ≤ sqrt(d_out)');
});

test('a Markdown note whose results are fenced as plain math: the fenced result is the answer, a wrong one (2b) wrong', { skip: devSkip }, async () => {
  assert.deepEqual(await note('obsidian-note-student-q4c-q2b.md'), {
    '2.b': 'incorrect: c = 1/d_in',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test('a Google Keep note is its text content', { skip: devSkip }, async () => {
  assert.deepEqual(await note('google-keep-student-q2b-q4c.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("an XMind content.json's sheets are read as their topics' tree, notes under their topics", () => {
  const sheet = [
    {
      id: 's1',
      class: 'sheet',
      title: 'Sheet 1',
      rootTopic: {
        id: 'r',
        title: 'hw4',
        children: {
          attached: [
            {
              id: 'q',
              title: 'Q4',
              children: {
                attached: [
                  { id: 'c', title: '(c)', notes: { plain: { content: 'adds K - 1 a layer' } }, children: { attached: [{ id: 'a', title: 'RF = L(K-1) + 1', markers: [{ markerId: 'task-done' }] }] } },
                ],
              },
            },
          ],
        },
      },
    },
  ];
  assert.equal(jsonOutlineAsMarkdown(JSON.stringify(sheet)), '- Sheet 1\n  - hw4\n    - Q4\n      - (c)\n\n        adds K - 1 a layer\n\n        - RF = L(K-1) + 1\n');
});

test('a flat list of nodes naming their children by id (Dynalist) is read as the tree they make, a cycle shown once', () => {
  const doc = {
    nodes: [
      { id: 'root', content: 'hw4', children: ['q2'] },
      { id: 'q2', content: 'Q2', children: ['b'] },
      { id: 'b', content: '(b)', note: 'unit variance', children: ['ans', 'root'] },
      { id: 'ans', content: 'c = 1/sqrt(d_in)' },
    ],
  };
  assert.equal(jsonOutlineAsMarkdown(JSON.stringify(doc)), '- hw4\n  - Q2\n    - (b)\n\n      unit variance\n\n      - c = 1/sqrt(d_in)\n');
});

test("a rich-text document's tree (Lexical: paragraphs with no words of their own over their runs), a flat list of records and bad JSON are no outline", () => {
  const lexical = {
    root: {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', text: '(b) c = 1/sqrt(d_in)' }] },
        { type: 'paragraph', children: [{ type: 'text', text: '(c) RF = L(K-1)+1' }] },
      ],
    },
  };
  assert.equal(jsonOutlineAsMarkdown(JSON.stringify(lexical)), undefined);
  assert.equal(
    jsonOutlineAsMarkdown(
      JSON.stringify([
        { title: 'a', children: [] },
        { title: 'b', text: 'x' },
      ]),
    ),
    undefined,
  );
  assert.equal(jsonOutlineAsMarkdown('{"children": [ {"title": '), undefined);
});

test("a Boostnote snippet note is its description, then each snippet's code fenced in its language", () => {
  const cson = [
    'type: "SNIPPET_NOTE"',
    "description: '''",
    '  hw4 q4 helpers',
    '  RF = L(K-1) + 1',
    "'''",
    'snippets: [',
    '  {',
    '    name: "rf.py"',
    '    mode: "python"',
    "    content: '''",
    '      def rf(L, K):',
    '          return L * (K - 1) + 1',
    "    '''",
    '  }',
    ']',
    'isTrashed: false',
  ].join('\n');
  assert.equal(noteExportAsText(cson), 'hw4 q4 helpers\nRF = L(K-1) + 1\n\nrf.py\n\n```python\ndef rf(L, K):\n    return L * (K - 1) + 1\n```\n');
});

test('a fence that only states formulas in plain math is prose; one holding a program, or plain assignments a program could make, stays code', () => {
  assert.equal(withoutCodeBlocks('so\n```\nruntime(1a) = 2 * c * d_out^2 * d_in\n```\n'), 'so\n   \nruntime(1a) = 2 * c * d_out^2 * d_in\n   \n');
  const program = '```\nfor l in range(L):\n    rf = rf + (K - 1)\n```';
  assert.equal(withoutCodeBlocks(program).trim(), '');
  assert.equal(withoutCodeBlocks('```python\ny = x^2\n```').trim(), '');
  assert.equal(withoutCodeBlocks('```\nrf = L * (K - 1) + 1\n```').trim(), '');
});
