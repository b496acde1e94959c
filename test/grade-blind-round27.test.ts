import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-seventh blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Zed's agent
// panel, the OpenAI Playground, Windsurf Cascade, `llm logs`, the Monica sidebar, a Zulip bot topic, a
// marimo notebook, the Dia browser, the Grok Android app, a reStructuredText report, a Google Sheets
// grading sheet as CSV, a OneNote page, a Logseq outline, an Ed Discussion post), written and labelled
// blind against the staff key and held out for a session. First contact: 51/73 right-vs-wrong (69.9%);
// released for fixing when round 28 was written; 73 with its classes fixed: chats whose turns
// the reader did not find (test/grade-sidebar-chats.test.ts), reports in
// spreadsheet and markup media (grade-report-sheets, grade-report-markup), found parts' answers
// (grade-found-parts-round27), and answers placed by content for review (grade-content-placement).
test('the twenty-seventh blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 27', join(ROOT, 'test', 'fixtures', 'blind-round27', 'blind-round27.labels.yaml'), { submissions: 14, parts: 73, floor: 73 }),
);
