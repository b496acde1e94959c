import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The tenth blind round (issue 9): hw4-fa25 answered by models, apps and habits the earlier rounds
// did not cover (a Discord export, an org-mode file, Obsidian callouts, a Mathematica notebook, Grok's
// "Thinking" section, Perplexity's numbered sources, ChatGPT's regenerated "< 2/2 >" answer, a TA-bot's
// email reply, a LaTeX enumerate, Japanese / Korean / Hindi prose, HuggingChat restating questions, a
// Slack thread where the student corrects the bot, Copilot weighing two candidates, AsciiMath "Part B"
// labels, SymPy prints, an answer in the middle of a long derivation), labelled as a TA would against
// the staff key before partcredit graded them.
const skip = devSkip;

// Measured once, on 2026-12-04 before any fix: 30/63 right-vs-wrong (18/63 exact) over 17 submissions;
// the 9 labelled text parts (2a, 2f, 4d, 7c, 7d) are not counted without a judge. 24 of the 33
// misses are correct parts graded missing (8 submissions had no part recognised, 3 only some).
// Merged into fix15 (blind round 15's classes and class 5's fixed, written without seeing this
// round): 32/63 right-vs-wrong (22/63 exact), 30/63 confidently wrong - the held-out figure of those fixes.
test('the tenth blind round: agreement with the TA stays at its measured floor', { skip }, () =>
  assertRoundFloor('blind round 16', join(ROOT, 'test', 'fixtures', 'blind-round16', 'blind-round16.labels.yaml'), { submissions: 17, parts: 63, floor: 30 }),
);
