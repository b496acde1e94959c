import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-ninth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (a LobeChat export, a
// promptfoo eval CSV, Replicate prediction pages, a Vertex AI Studio copy, a Rocket.Chat channel, a Qiita article
// in Japanese, a Habr article in Russian, a Tildes topic, a Gist page, a Quora answer, and students' own Trello
// board, Freeplane mind map, Excalidraw scene and Day One journal), written and labelled blind against the staff
// key and held out for a session. First contact: 37/66 right-vs-wrong (56.1%), 40 when released; 59 with its
// classes fixed: eval tools' results sheets and hosting pages (eval-exports), boards, mind maps and journals
// (structured-notes), answer threads' comments, remark labels and run-in titles (answer-threads), named values in
// other languages (named-values-languages), cases under lead-ins (case-lead-ins), a part's letter after a sentence naming
// its question (announced-questions) and a standard deviation never read as a variance (spread-names); 60 once a
// post's comment section was read as its readers' words (post-comments), keeping a course page's own writer; 61 once
// an option named in another language's words in a long reply was found (foreign-forums).
test('the thirty-ninth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 39', join(ROOT, 'test', 'fixtures', 'blind-round39', 'blind-round39.labels.yaml'), { submissions: 14, parts: 66, floor: 61 }),
);
