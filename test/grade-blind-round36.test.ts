import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-sixth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (Cerebras Inference, a Chegg
// Study expert answer, a Snapchat My AI chat-history JSON, an RStudio console chatting through ellmer, a CoCalc
// side chat, a WordPress block-editor post, a GitLab issue printed by glab, a Marp deck, a Campuswire post, a dev.to
// article with Liquid maths tags, a Signal export, a Zettlr/Pandoc note, a GNU Octave diary, an Etherpad export),
// written and labelled blind against the staff key and held out for a session. First contact: 50/66 right-vs-wrong
// (75.8%), the same when released; 66 with its classes fixed: JSON exports naming fields their own way
// (grade-json-export-fields), maths in template tags (grade-template-math), console sessions and console chats
// (console-sessions), which statement is a part's final answer: recaps that shorten it, re-asks, parts named by
// subject (grade-final-statement), a follow-up correcting one piece of an answer (grade-piece-follow-ups), a person's turn asking a part by its data (grade-data-asked-parts).
test('the thirty-sixth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 36', join(ROOT, 'test', 'fixtures', 'blind-round36', 'blind-round36.labels.yaml'), { submissions: 14, parts: 66, floor: 66 }),
);
