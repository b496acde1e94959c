import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-third blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (LINE in Japanese, the
// Qwen Code CLI, a Substack post with comments, Bear, an Outlook .eml in quoted-printable, a Zoom .vtt
// transcript, DokuWiki, a TextEdit .rtf, a Kaggle jupytext .py, Cosense, a German-locale Excel CSV, ChatPDF,
// the Sider extension, the aichat REPL), written and labelled blind against the staff key and held out for a
// session. First contact: 46/68 right-vs-wrong (67.6%), the same when released; 65 with its classes fixed:
// mail and rich-text files (mail-and-rich-text), captions and spoken formulas (grade-captions), notebooks kept
// as scripts and sheets of other locales (grade-sheets), CJK text (grade-cjk-text), piecewise and table
// answers (structured-answers), subscripts, checklists and words beside formulas (grade-misc-round33), a
// writer's to-do and `Answer (ii)` subpart labels (grade-undone-and-subanswers).
test('the thirty-third blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 33', join(ROOT, 'test', 'fixtures', 'blind-round33', 'blind-round33.labels.yaml'), { submissions: 14, parts: 68, floor: 65 }),
);
