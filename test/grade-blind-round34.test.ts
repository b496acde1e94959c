import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-fourth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (GigaChat in Russian,
// the Copilot CLI, a Cody chat history JSON, a Zhihu article in Chinese, an Anki plain-text export, Julius AI, a
// WeeChat IRC log, a Mastodon thread, a Workflowy OPML export, a Messenger JSON export, an Emacs ellama org
// session, a Physics Forums thread, a Brightspace discussion post, a Trae IDE chat), written and labelled blind
// against the staff key and held out for a session. First contact: 44/69 right-vs-wrong (63.8%), the same when
// released; 68 with its classes fixed: chat exports in JSON shapes of their own (grade-jsonchat), Russian and
// Chinese documents (grade-foreign-chats), flashcard decks and OPML outlines (grade-deck-outline-exports), IRC
// and chat logs (grade-irc-logs, grade-stamped-speakers), thread posts (grade-thread-posts, grade-quoted-answers),
// terminal agents' prompts, piecewise bounds and TeX spans (grade-agent-cases-forum-tex), forum threads read as
// their starter's posts (grade-forum-threads).
test('the thirty-fourth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 34', join(ROOT, 'test', 'fixtures', 'blind-round34', 'blind-round34.labels.yaml'), { submissions: 14, parts: 69, floor: 68 }),
);
