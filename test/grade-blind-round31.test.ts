import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-first blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Firefox's chatbot
// sidebar, Colab's Gemini panel, the Ollama app, OpenCode's terminal UI, Gauth, a Manus share page, a Sheets AI
// function, 1-800-ChatGPT by SMS, a Wolfram chat notebook, a Piazza note, a report through pandoc, and students'
// Maple worksheet, Roam export and Canvas editor HTML), written and labelled
// blind against the staff key and held out for a session. First contact: 50/71 right-vs-wrong (70.4%); released
// for fixing when round 32 was written; 69 with its classes fixed: part letters placed by the question a
// document names around them (grade-context-labels), terminal and notebook transcripts
// (grade-terminal-notebooks), answers without labels and equations in pictures' markup (grade-placing), named
// fields and partial credit (grade-named-fields), and matrices said in words (grade-worded-matrices); 70 with what a write-up says its
// answer is (grade-answer-labels).
test('the thirty-first blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 31', join(ROOT, 'test', 'fixtures', 'blind-round31', 'blind-round31.labels.yaml'), { submissions: 14, parts: 71, floor: 70 }),
);
