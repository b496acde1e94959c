import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The forty-third blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (an Arize Phoenix spans
// export, a Misskey notes export in Japanese, a Wykop mikroblog entry in Polish, Keybase `chat api` JSON lines, a
// charmbracelet mods terminal session, a Jira issue RSS/XML export, a V2EX topic in Chinese, a Webex space copy, a
// Readwise highlights CSV, a Perusall conversations copy, and students' own XMind content.json, Trilium HTML
// export, Boostnote .cson note and Texinfo source), written and labelled blind against the staff key and held out
// for a session. First contact: 37/67 right-vs-wrong (55.2%), 41 when released; 60 with its classes fixed: LLM
// traces and chats kept one record down (structured-chat-records), structured data of an unknown shape read as
// its words (json-words), mind maps, outliners and note objects (outline-exports), terminal sessions with
// command-line chat tools (terminal-chat-tools), highlight exports and annotation threads (highlight-annotations),
// Texinfo and console sessions in code blocks (markup-dialects), decimal commas in lists and team chats' badged
// bots (decimal-comma-lists, team-chat-bots).
test('the forty-third blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 43', join(ROOT, 'test', 'fixtures', 'blind-round43', 'blind-round43.labels.yaml'), { submissions: 14, parts: 67, floor: 60 }),
);
