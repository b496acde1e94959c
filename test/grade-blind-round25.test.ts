import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-fifth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Microsoft 365
// Copilot in Teams, JetBrains AI Assistant, the Anthropic Workbench, a ChatGPT Voice transcript, the Ai2
// Playground, NotebookLM, a Gemini share page dumped with lynx, Jupyter AI magics, a Telegram bot, a Typst
// and a Quarto report, LyX, Google Keep and HackMD notes), written and labelled blind against the staff
// key and held out for a session. First contact: 49/66 right-vs-wrong (74.2%); released for fixing
// when round 26 was written: 54 with its found parts' answers read by class
// (test/grade-found-parts-round25.test.ts), 57 with the parts the reader missed found by class
// (test/grade-blind-round25-reading.test.ts).
test('the twenty-fifth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 25', join(ROOT, 'test', 'fixtures', 'blind-round25', 'blind-round25.labels.yaml'), { submissions: 14, parts: 66, floor: 57 }),
);
