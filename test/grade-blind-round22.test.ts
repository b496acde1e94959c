import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-second blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (claude.ai,
// o3-pro, Gemini Android, Copilot in Edge, Groq, Qwen, Grok, You.com, Yuanbao, course reports, a
// Mathpix scan, a write-up numbered in Roman numerals, a Colab export), written and labelled blind
// against the staff key. First contact: 61/94 right-vs-wrong; 64/94 on main d9c1d4c when released.
// The floor is what reading its conventions in general (questions numbered in upper-case Roman
// numerals, a person's numbered prompt labels `P1 (me):`, a notebook downloaded as a Python script,
// an indented line answering two parts) reached; 80 once a name's bracketed definition, a formula named
// by words and a colon, a bound beside its value and cases typed as aligned lines (value, then condition)
// were read as the remarks and answers they are; 82 once a report logging its chat as quoted questions
// after an opening in words was read as a chat (test/grade-quoted-turns-opening.test.ts).
test('the twenty-second blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 22', join(ROOT, 'test', 'fixtures', 'blind-round22', 'blind-round22.labels.yaml'), { submissions: 14, parts: 94, floor: 83 }),
);
