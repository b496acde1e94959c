import { test } from 'node:test';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip } from './hw4-dev.js';

// The nineteenth blind round (issue 9), written and labelled blind: 14 students' page copies of
// hw4-fa25 chats (Claude, Gemini, DeepSeek, Kimi, GPT-5 Thinking, o3, Grok, GLM, Qwen, Le Chat,
// meta.ai, ERNIE) with UI text and interleaved remarks, two course reports and a write-up, against
// the staff key. First contact on main (c3ac094): 54/73 right-vs-wrong (48/73 exact, 17/73
// confidently wrong). Then 66/73 with a person's own name as a turn label (`**Hannah:**`), remarks
// marked as the writer's (`My comment:`), a push-back naming the part it doubts, and one exchange
// copied from a chat page (screenshots, one reply, its buttons on one line) read as a chat;
// then 68/73 with `>>` notes, a report's quoted prompts under `**Gemini:**` replies, and its verdict table;
// then 70/73 (with fix20 merged) with a revision's `**Corrected (c)**` read as part (c)'s label.
test('the nineteenth blind round: agreement with the TA stays at its measured floor', { skip: devSkip }, () =>
  assertRoundFloor('blind round 19', join(ROOT, 'test', 'fixtures', 'blind-round19', 'blind-round19.labels.yaml'), { submissions: 14, parts: 73, floor: 72 }),
);
