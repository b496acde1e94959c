import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closingLabel, exchangesLabelledAfter } from '../src/documents/closing-labels.js';
import type { Message } from '../src/model/submission.js';
import { ps6Verdicts, readPs6 } from './ps6-key.js';

// Chats whose turns name no part, labelled only by a note the person wrote under each exchange
// (`%% 2(a) — final answer above`, `^ that was 1(a).`, `↑ Q1b`, `>> 3(a) ✓`), some of them with a
// tutor that never states a result, so the answers are the person's own turns. Read before, the
// exchanges were guessed by their words or not found, and a tutor's praise was graded as the answer.

const verdicts = (file: string) => ps6Verdicts('closing-labels', file);
const answer = (file: string, id: string) => readPs6('closing-labels', file).responses.find((r) => r.partId === id)?.final.text;

test("a study coach's chat labelled by the person's declared notes: each part's answer is the person's last result, or the note's own", () => {
  assert.deepEqual(verdicts('study-coach-tutor.txt'), ['2.a correct', '2.b correct', '4.a incorrect']);
  assert.equal(answer('study-coach-tutor.txt', '2.a'), 'by the norm, and multiply by the threshold. so factor = 2/8 = 0.25');
  // `%% 4(a) final (mine): side = 14 ...` states its answer; `%% 3(a) still to do` labels nothing.
  assert.equal(answer('study-coach-tutor.txt', '4.a'), 'side = 14 (I later saw it should be 16/2)');
  assert.equal(answer('study-coach-tutor.txt', '3.a'), undefined);
});

test('a label pointing up, at the top of the next turn or under the reply, heads the exchange above it', () => {
  assert.deepEqual(verdicts('caret-labels-chat.md'), ['1.a correct', '1.b correct']);
  const messages = readPs6('closing-labels', 'caret-labels-chat.md').messages ?? [];
  // (`^ that was 1(a).` is set apart from the question the turn goes on to ask.)
  assert.equal(messages.find((m) => m.role === 'user' && m.text.startsWith('and (AB)'))?.text, 'and (AB) then C, C is p x 1, all sizes 10?');
});

test("a verdict-only note labels the exchange, whose answer is the person's result, never their question", () => {
  assert.deepEqual(verdicts('verdict-notes-tutor.txt'), ['3.a correct', '3.b.i correct']);
  assert.equal(answer('verdict-notes-tutor.txt', '3.b.i'), 'y = [1, 3, 5, 3], so sum = 12 and largest entry = 5');
});

test("near miss: where the model answers, a closing note names the part and the model's reply stays its answer", () => {
  assert.deepEqual(verdicts('answering-model-notes.txt'), ['3.a correct', '3.b.i correct']);
  assert.match(answer('answering-model-notes.txt', '3.b.i') ?? '', /^Not quite: 1 \+ 3 \+ 5 \+ 3 = 12/);
});

test('what a closing label is: a part named and pointed back at, judged, or answered; never a plan or a question', () => {
  assert.deepEqual(closingLabel('^ that was 2(c)'), { question: '2', part: 'c', pointed: true });
  assert.deepEqual(closingLabel('↑ Q3b'), { question: '3', part: 'b', pointed: true });
  assert.deepEqual(closingLabel('>> 7(a): answer above.'), { question: '7', part: 'a', pointed: false });
  assert.deepEqual(closingLabel('>> 3(a) ✓'), { question: '3', part: 'a', pointed: false });
  assert.deepEqual(closingLabel('>> 7(b) final (mine): E[dw] = 0, std O(n).'), { question: '7', part: 'b', answer: 'E[dw] = 0, std O(n)', pointed: false });
  assert.equal(closingLabel('>> 3(a) still to do'), undefined);
  assert.equal(closingLabel('Q4(c): what is the receptive field?'), undefined);
  assert.equal(closingLabel('so the output y = [1, 3, 5, 3]'), undefined);
});

test('near miss: a chat with no closing label is read as it was', () => {
  const chat: Message[] = [
    { role: 'user', text: 'what is 2(c) about? x = 3', line: 1 },
    { role: 'assistant', text: 'It asks for the norm.', line: 2 },
    { role: 'note', text: '>> 2(c) still open', line: 3 },
  ];
  assert.deepEqual(exchangesLabelledAfter(chat, [{ number: '2', parts: ['2.c'] }]), { messages: chat, responses: [] });
});
