import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-third blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (ChatGPT's
// macOS app and Study mode, claude.ai Projects, Gemini with its thinking shown, an LMArena battle,
// T3 Chat, Raycast, Cursor, OpenRouter, Meta AI in WhatsApp, Notion and LaTeX reports, a Lens phone
// scan, a Word document as text), written and labelled blind against the staff key. First contact:
// 47/77 right-vs-wrong. The floor is what reading its conventions in general reached: arena battles
// of several rounds with ruled column headers, problems numbered `#1` (helper reach27, 51), and the
// final answers of found parts (fix27: tutoring chats' questions back, Word's linear equations,
// bracketed definitions and initials, bounds with their value, aligned cases; 57), together 61. The
// content fallback, narrowed to questions a part of which was placed and turns that ask them, adds
// none here. 66 once round 24's classes were read (a Project request low in its turn, reach28; the
// key's names typed without underscores and report headings, fix28).
test('the twenty-third blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 23', join(ROOT, 'test', 'fixtures', 'blind-round23', 'blind-round23.labels.yaml'), { submissions: 14, parts: 77, floor: 66 }),
);
