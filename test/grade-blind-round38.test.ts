import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The thirty-eighth blind round (issue 9): 14 documents of hw4-fa25 in the seeds' genre (a Roo Code task export, a
// Google Takeout My Activity page, a Together playground copy, a gp.nvim chat, a Character.AI chat, a Hacker News
// Show HN page, a LinkedIn post, a Hugo post with shortcodes, a Tumblr post, an Italian Lemmy post, and students'
// own Hypothesis annotations, Quizlet set, iMessage thread and Obsidian canvas), written and labelled blind against
// the staff key and held out for a session. First contact: 43/68 right-vs-wrong (63.2%), 44 when released; 66
// with its classes fixed: JSON notes that are no conversation read as the person's write-up (json-notes),
// playground copies under a model's display name and study-set exports (playground-copies, study-set-exports),
// activity logs listed newest first and parts texted in short form (activity-logs, texted-part-ids), an editor
// agent's tags and a table's column of marks (agent-task-markup, status-columns), social posts' comments by
// readers other than the author, model tags under part labels and apps' stats lines (social-posts), Unicode's
// vulgar fractions and a sentence's stop after a raised character (unicode-math-typing), and (next session)
// named values on one line and cases under lead-ins (named-values-in-line, case-lead-ins).
test('the thirty-eighth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 38', join(ROOT, 'test', 'fixtures', 'blind-round38', 'blind-round38.labels.yaml'), { submissions: 14, parts: 68, floor: 66 }),
);
