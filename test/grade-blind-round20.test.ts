import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twentieth blind round (issue 9), HELD OUT all day: 14 documents of hw4-fa25 written and
// labelled blind against the staff key, none read to fix anything — 8 chats saved by export tools
// (ChatGPT Exporter, Save ChatGPT as Markdown, Claude's data export, Gemini exported to Docs,
// DeepSeek and Qwen share pages, an OpenRouter chatroom with two models side by side, an API
// script's log) and 6 students' own solutions (OCR'd handwriting, a Google Doc, Overleaf source, a
// Markdown write-up, a group's, a regrade with struck-through answers). First contact on main
// (75ded8f): 58/86 right-vs-wrong (54/86 exact, 27/86 confidently wrong); at the end of the day,
// with rounds 17-19's reading fixes merged and nothing tuned on it: 62/86 (58/86 exact, 24/86
// confidently wrong). Released for fixing then: 63/86 with a question's bare number boxed in by rules
// (`=====` / `4.` / `=====`) opening it though the questions before it were skipped; 79/86 with its
// second pass of reading classes (exporters' decorated speaker headings and a two-model room, an API
// script's log, a label's aside in brackets, struck-through answers, shapes said `by`, bracketed
// wordings of an option, a summary's next subpart, prose never read as letters).
// Then 80/86 with a table typed with bars between its cells only read as a table.
test('the twentieth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 20', join(ROOT, 'test', 'fixtures', 'blind-round20', 'blind-round20.labels.yaml'), { submissions: 14, parts: 86, floor: 80 }),
);
