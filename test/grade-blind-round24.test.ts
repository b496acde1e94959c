import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-fourth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (ChatGPT
// Canvas, Claude Code and the Gemini CLI in a terminal, Le Chat Think, DeepSeek-R1 on Open WebUI,
// GLM-4.6, HuggingChat, Copilot Chat in VS Code, Claude iOS with screenshots, a Google Docs and a LaTeX
// report, iOS Live Text notes, an Overleaf exam-class source, an e-mailed write-up), written and
// labelled blind against the staff key and held out for a session. First contact: 60/83
// right-vs-wrong. 70 with the parts the reader did not find read by structure (bracketed part ids,
// framed terminal prompts, alternating labels of the person's own, reasoning lines with decoration;
// test/grade-blind-round24-reading.test.ts), 81 with the wrong answers of found parts read in
// general (test/grade-found-parts-round24.test.ts).
test('the twenty-fourth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 24', join(ROOT, 'test', 'fixtures', 'blind-round24', 'blind-round24.labels.yaml'), { submissions: 14, parts: 83, floor: 81 }),
);
