import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { notebookToMarkdown } from '../src/documents/notebook.js';
import { sniffFile } from '../src/documents/sniff.js';

// Blind round 41's Zeppelin note was read as a chat between speakers named by its `user` field, and
// no part was found. A notebook is one author's document whatever app saved it (Jupyter, Zeppelin,
// Databricks): its text cells are the write-up, its code cells code, and what the code printed the
// answers of coding parts. Each app's JSON is read into the same cells and written as one Markdown;
// a markdown cell's rendered HTML result is not read again, and a failed run's message is no answer.

const graded = (file: string) => gradedFixtureFile('notebook-exports', file);

test("a Zeppelin note (`paragraphs[]`, `%md` / `%pyspark` tags, TEXT results) is its author's write-up: markdown paragraphs answer, printed results answer coding parts, a TODO leaves its part missing", {
  skip: devSkip,
}, async () => {
  // (1.b is `TODO, come back after ...`: missing. The failed paragraph's printed matrix is no answer of 3.d.ii.)
  assert.deepEqual(await graded('zeppelin-note.json'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '3.d.ii': 'correct: [-19, -32, -29; -30, -40, -30; 49, 72, 59]',
    '4.c': 'correct: L (K - 1) + 1',
  });
});

test("a Databricks notebook's JSON (`commands[]` in `position` order, `%md` commands, `raw` results) is read the same way; a wrong answer in it stays wrong", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('databricks-notebook.json'), {
    '2.b': 'correct: c = 1/sqrt(d_in)',
    '2.d': 'incorrect: alpha = 1/d_in',
    '3.c': 'correct: [-40, -40, -40; -40, -40, -40; -40, -40, -40]',
  });
});

test("every notebook app's cells become the same Markdown: text once, code fenced with its language, text and table outputs after it", () => {
  const zeppelin = JSON.stringify({
    paragraphs: [
      { text: '%md\n### 3(c)', user: 'anonymous', results: { code: 'SUCCESS', msg: [{ type: 'HTML', data: '<h3>3(c)</h3>' }] } },
      { text: '%sql\nselect k, v from t', results: { code: 'SUCCESS', msg: [{ type: 'TABLE', data: 'k\tv\na\t1\n' }] } },
      { text: 'print(1)', result: { code: 'SUCCESS', type: 'TEXT', msg: '1\n' } },
    ],
    defaultInterpreterGroup: 'python',
  });
  assert.equal(
    notebookToMarkdown(zeppelin, 'n.zpln'),
    '### 3(c)\n\n```sql\nselect k, v from t\n```\n\nOutput:\n\n| k | v |\n| --- | --- |\n| a | 1 |\n\n```python\nprint(1)\n```\n\nOutput:\n```\n1\n```\n',
  );
  const jupyter = JSON.stringify({
    cells: [
      { cell_type: 'markdown', source: ['## 1(a)'] },
      { cell_type: 'code', source: 'x', outputs: [{ text: '2\n' }] },
    ],
    nbformat: 4,
  });
  assert.equal(notebookToMarkdown(jupyter, 'n.ipynb'), '## 1(a)\n\n```python\nx\n```\n\nOutput:\n```\n2\n```\n');
});

test('near misses: JSON with paragraphs or commands of no notebook app is no notebook, and a file named as one that is not says so instead of throwing', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  assert.equal(sniffFile(bytes(JSON.stringify({ zeppelin: { paragraphs: [{ text: '%md hi' }] } })), 'a.json'), 'text');
  assert.equal(sniffFile(bytes(JSON.stringify({ paragraphs: [{ text: 'First paragraph.' }], title: 'essay' })), 'a.json'), 'text');
  assert.equal(sniffFile(bytes(JSON.stringify({ paragraphs: [{ text: '%md\n# Q1', jobName: 'paragraph_1' }] })), 'note.json'), 'notebook');
  // (Every paragraph on the note's default interpreter: no tag, but Zeppelin's job names.)
  assert.equal(sniffFile(bytes(JSON.stringify({ paragraphs: [{ text: 'print(1)', jobName: 'paragraph_1762741211906_1402735115' }] })), 'note.json'), 'notebook');
  assert.equal(sniffFile(bytes(JSON.stringify({ version: 'NotebookV1', commands: [{ version: 'CommandV1', command: '%md x' }] })), 'hw.json'), 'notebook');
  assert.throws(() => notebookToMarkdown('{"title": "x"}', 'x.zpln'), /not a notebook/);
});
