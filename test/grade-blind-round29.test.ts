import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-ninth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Google Search's AI
// Mode, Obsidian Copilot, Neovim's CodeCompanion, the goose CLI, Cherry Studio, a ChatGPT group chat,
// Proton Lumo, Jan, Kiro, a MyST report, a MediaWiki report, a Samsung Notes note, a knitted R Markdown
// write-up, a write-up with formulas drawn in ASCII), written and labelled blind against the staff key
// and held out for a session. First contact: 49/67 right-vs-wrong (73.1%), 54 at the end of the session
// that held it out; released for fixing when round 30 was written; 65 with its classes fixed: chats with
// no speaker names read by their separators (grade-separated-exchanges), group chats' people and
// terminal prompts (grade-group-chats, grade-prompt-glyphs, grade-homework-tag), a question named in
// a chat's prose and labels on rule lines with drawn formulas (grade-question-in-prose,
// grade-drawn-math), and found parts' final answers (grade-round29-final-answers).
test('the twenty-ninth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 29', join(ROOT, 'test', 'fixtures', 'blind-round29', 'blind-round29.labels.yaml'), { submissions: 14, parts: 67, floor: 65 }),
);
