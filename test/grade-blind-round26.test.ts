import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The twenty-sixth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Kagi Assistant,
// Duck.ai, an Aider chat history, a Cline task export, an Emacs gptel Org buffer, the Amazon Bedrock
// playground, Brave Leo, the OpenAI Codex CLI, a Mattermost bot thread, an AsciiDoc and a LibreOffice
// report, a GitHub README, Apple Notes and reMarkable handwriting converted to text), written and
// labelled blind against the staff key and held out for a session. First contact: 43/71 right-vs-wrong
// (60.6%); released for fixing when round 27 was written, at 44 (the held-out session's general fixes); 71
// with its classes fixed: chats copied as text (test/grade-chat-copies.test.ts), editors' chat files
// (grade-editor-chats), mathematics in a medium's own notation (grade-medium-notation), found parts'
// answers (grade-blind-round26-answers), a formula's index range (check-index-range).
test('the twenty-sixth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 26', join(ROOT, 'test', 'fixtures', 'blind-round26', 'blind-round26.labels.yaml'), { submissions: 14, parts: 71, floor: 71 }),
);
