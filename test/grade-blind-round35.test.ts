import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-fifth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (a Genspark share page
// copied with its formulas three times over, Khanmigo, MariTalk in Portuguese, CopilotChat.nvim, gptme,
// shell-gpt's REPL, a Blackboard discussion, a Discourse topic fetched raw, a Confluence page, an Apple Numbers
// CSV in German, Tana Paste, a TiddlyWiki tiddler, a Cross Validated thread, an Otter.ai transcript), written and
// labelled blind against the staff key and held out for a session. First contact: 40/73 right-vs-wrong (54.8%),
// 41 when released; 71 with its classes fixed: which statement is a part's answer (grade-answer-statements),
// terminal REPL transcripts (repl-prompts), speech-to-text transcripts (spoken-transcripts), wiki and forum
// markup (grade-markup-dialects), parts named in a note after their exchange and tutors' chats
// (grade-closing-labels), formulas copied as two or three copies (rendered-copies), part boundaries and
// non-answers (grade-part-boundaries).
test('the thirty-fifth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 35', join(ROOT, 'test', 'fixtures', 'blind-round35', 'blind-round35.labels.yaml'), { submissions: 14, parts: 73, floor: 71 }),
);
