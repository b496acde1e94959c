import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The fortieth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (a Langfuse traces export, an
// OpenAI Batch output printed by jq, a Helicone requests CSV, a NextChat export, Streamlit and Chainlit app pages,
// a Lobsters story, a Hashnode post, a CSDN blog in Chinese, a Naver blog in Korean, and students' own Simplenote
// JSON, CherryTree notebook, Todoist CSV and Pastebin page), written and labelled blind against the staff key and
// held out for a session. First contact: 45/68 right-vs-wrong (66.2%), the same when released; 59 with its classes
// fixed: call records of tracing and batch tools, JSON value streams and notes collections (call-records,
// notes-collections), outline notebooks, task-manager CSVs and failed requests (outline-notebooks, task-exports,
// failed-requests), chat-app pages' icon avatars and footers, paste sites' raw copies and remarks after a formula
// (app-pages), posts' comment sections and dashed part labels (post-comments), and named answers told by their
// role and Leibniz notation (named-answer-roles); 60 once piecewise answers written one branch per line were read
// (piecewise-branches, a session later); 61 once a program's written-out values were read (program-values).
test('the fortieth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 40', join(ROOT, 'test', 'fixtures', 'blind-round40', 'blind-round40.labels.yaml'), { submissions: 14, parts: 68, floor: 61 }),
);
