import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirtieth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Continue in VS Code,
// an Element room's export, Msty, the Anthropic API through curl and jq, a Hugging Face Space, Claude in
// Chrome, a VS Code notebook through html2text, a Discord bot, Le Chat on iOS, a Google Docs Markdown
// report, an Emacs org-mode report, a Pluto.jl notebook, a bilingual Typora note, a Google Forms receipt),
// written and labelled blind against the staff key and held out for a session. First contact: 44/72
// right-vs-wrong (61.1%), unchanged at the end of the session that held it out; released for fixing when
// round 31 was written; 70 with its classes fixed: messages opened by stamped speaker lines and group
// chats with a bot (grade-stamped-speakers), turns quoted under speakers' headings, chats printed as API
// JSON and bubbles named by framed lines (grade-quoted-bodies, grade-printed-json-chat,
// grade-framed-speakers), exporters' escapes, math fences, bare environments and references to an object
// above (grade-exported-markup), and found parts' final answers (grade-round30-final-answers).
test('the thirtieth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 30', join(ROOT, 'test', 'fixtures', 'blind-round30', 'blind-round30.labels.yaml'), { submissions: 14, parts: 72, floor: 70 }),
);
