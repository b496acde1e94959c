import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The forty-second blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (a Viber history emailed as
// CSV, a Chrome DevTools HAR of a playground, a Postman collection with saved responses, an Inspect AI eval log, a
// Pidgin XMPP HTML log, a Yahoo!知恵袋 page in Japanese, a les-mathematiques.net thread in French, a Blogger Atom
// backup, a Usenet thread, a Chatbot UI export, and students' own Zim page, groff -ms/eqn source, Zotero note
// export and vimwiki diary), written and labelled blind against the staff key and held out for a session. First
// contact: 43/71 right-vs-wrong (60.6%), 43 when released; 64 with its classes fixed: messenger histories as rows
// and IM clients' logs (messenger-logs), HTTP captures of chat-API traffic (api-captures), blog backups, feeds and
// newsgroup articles (feeds-and-articles), highlights that quote the question and troff with eqn
// (quoted-statements, roff-eqn), forums in other languages (foreign-forums); 69 once values written out in a
// program's notation are read (program-values).
test('the forty-second blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 42', join(ROOT, 'test', 'fixtures', 'blind-round42', 'blind-round42.labels.yaml'), { submissions: 14, parts: 71, floor: 69 }),
);
