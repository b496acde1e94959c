import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-seventh blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (a Medium article, a
// SillyTavern chat file, a llama.cpp llama-cli session, Crush terminal-agent scrollback, a Brainly page, a WeChat
// merged chat record in Chinese, a Slidev deck, a Docusaurus MDX post, a Bluesky thread in Spanish, a Grist CSV
// export with several attempts per part, a Google Classroom page with private comments, a Studocu download, a
// SiYuan kramdown note, a Goodnotes handwriting-to-text copy), written and labelled blind against the staff key
// and held out for a session. First contact: 47/69 right-vs-wrong (68.1%), the same when released; 68 with its
// classes fixed: answers in a sheet's rows and tables flattened onto a line (gridrows), messaging apps' chat
// records with pasted model answers (grade-chat-records), terminal chat sessions, their footers and tool lines,
// and a ratio stated after an answer (terminal-sessions), indices and exponents typed without markup or in
// Unicode (grade-plain-indices), a document's page chrome, capital part letters, to-dos, comment threads, emoji
// remarks and quoted corrections (grade-page-chrome), a remark with hyphenated words after a formula (check-hyphenated-prose).
test('the thirty-seventh blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 37', join(ROOT, 'test', 'fixtures', 'blind-round37', 'blind-round37.labels.yaml'), { submissions: 14, parts: 69, floor: 68 }),
);
