import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, assertRoundFloor, devSkip, gradeWithStaffKey, readWithStaffKey } from './hw4-dev.js';
import { plainMath, trimAnswer } from '../src/check/extract.js';
import { readLineLabel } from '../src/documents/part-ids.js';
import { splitInlineLabels } from '../src/documents/inline-labels.js';

// The ninth blind round (issue 9): hw4-fa25 answered by models, apps and habits the earlier rounds
// did not cover (ollama's terminal with raw <think> tags, an Open WebUI export, GitHub Copilot in VS
// Code answering in Python, a WhatsApp export of Meta AI, Gemini in German, a model that re-checks and
// changes its answers, \dfrac / \tfrac / \left.\right| / \Bigl, a student's margin notes, Python list
// matrices, typical slips, Big-O, units and percent, a numbered list without letters, Spanish),
// labelled as a TA would against the staff key before partcredit graded them. Each class fixed here
// has a near miss that must stay wrong.
const grade = gradeWithStaffKey;
const skip = devSkip;

// Measured 31/54 before this round's fixes, 34/54 after, 36/54 with the alignment fixes of the
// same session, 42/54 once messaging stamps, logins (`smolina:`) and ollama's `>>>` prompts head
// turns; 47/54 once code comments (`# 4(b): ...`) label parts no text around the code labels, a
// table written as code is read and `and 4(e)?` asks its part; 48/54 once a longer follow-up names
// a part in passing (`ok (e) now. ...`); 51/54 once `Q2:` or `all parts (a)-(g) of question 2` over
// a numbered list of as many items is its parts; 54/54 once a title line (`HW4 Q4 — Alex R.`)
// names the question of the bare letters under it.
test('the ninth blind round: agreement with the TA stays at its measured floor', { skip }, () =>
  assertRoundFloor('blind round 15', join(ROOT, 'test', 'fixtures', 'blind-round15', 'blind-round15.labels.yaml'), { submissions: 14, parts: 54, floor: 54 }),
);

/** Question 4 (a) pasted from a chat with a speaker's name before the label, the biases mid-line, a tick and citation marks after. */
const pasted = (weights: string, biases: string) =>
  `Q4 (a)\n\nChatGPT: Weights: ${weights} [1]; biases: ${biases} ✅\nOutput shape: (⌊(W − K + 2P)/S⌋ + 1) × (⌊(H − K + 2P)/S⌋ + 1) × F ✅ [2][3]\n\nmy note: checked with nn.Conv2d(3, 16, 5, padding=2, stride=2): 1216 params = 5·5·3·16 + 16.\n`;

test("a label after a speaker's name, a label mid-line after another value, and a ✅ or citation marks after an answer", { skip }, () => {
  assert.equal(grade(pasted('K²·C·F', 'F')).get('4.a'), 'correct');
  // Near misses: a wrong bias count and a wrong weight count stay short of full credit.
  assert.equal(grade(pasted('K²·C·F', 'K·F')).get('4.a'), 'partial');
  assert.equal(grade(pasted('K·C·F', 'F')).get('4.a'), 'partial');
  // Marks apart from the answer go; an index written onto a name, and a lone bracket, stay.
  assert.equal(trimAnswer('K^2 C F [1][2]'), 'K^2 C F');
  assert.equal(trimAnswer('c = 1/√d_in ✅'), 'c = 1/√d_in');
  assert.equal(trimAnswer('y[1]'), 'y[1]');
  assert.equal(trimAnswer('[1]'), '[1]');
});

/** Question 1 (b) typed as plain text, its result on a line labelled `Updated runtime:`. */
const runtimeLine = (runtime: string) =>
  `Q1 (b)\n\nChatGPT: Since (WWᵀ)W = W(WᵀW), rewrite p(W) = ½ W (3I − WᵀW). Compute the Gram matrix G = WᵀW (d_in × d_in), cost c·d_in·d_out·d_in, then W·G.\nUpdated runtime: ${runtime}\n\nmy note: faster by d_out/d_in.\n`;

test('a plain-text result line with a colon (`Updated runtime: 2c·d_out·d_in²`) states the answer, not a formula of the working', { skip }, () => {
  assert.equal(grade(runtimeLine('2c·d_out·d_in²')).get('1.b'), 'correct');
  // Near miss: the old runtime on the same line stays wrong.
  assert.equal(grade(runtimeLine('2c·d_out²·d_in')).get('1.b'), 'incorrect');
});

/** Question 2 (b) with a worked value after ≈ for one of the key's symbols, in English or Spanish. */
const instance = (said: string) => `Q2 (b)\n\nVar(yᵢ) = c² d_in, so\n\n${said}\n`;

test('a worked value (`≈ 0,125 para d_in = 64`) is an instance of the general answer: its premise is no definition to put in', { skip }, () => {
  assert.equal(grade(instance('**Final answer:** c = 1/√d_in ≈ 0.125 for d_in = 64.')).get('2.b'), 'correct');
  assert.equal(grade(instance('**Respuesta final:** c = 1/√d_in ≈ 0,125 para d_in = 64.')).get('2.b'), 'correct');
  // Near miss: the other dimension stays wrong, however its instance reads.
  assert.equal(grade(instance('**Final answer:** c = 1/√d_out ≈ 0.125 for d_out = 64.')).get('2.b'), 'incorrect');
});

/** Question 7 (a) in plain text: Unicode sums with lowered indices, an update written with ←. */
const unicodeSums = (index: string, update: string) =>
  `Q7 (a)\n\nBy the chain rule, dw_{h,l} = Σᵢ Σⱼ dy_{i,j} · x_{${index}} (sums over i, j = 1..m).\nThe SGD step:\n\n**Answer:** w_{h,l} ← ${update}\n`;

test('Unicode sums (`Σᵢ Σⱼ`) are sums and an update written with ← is a relation', { skip }, () => {
  assert.equal(grade(unicodeSums('i+h−1, j+l−1', 'w_{h,l} − η·dw_{h,l}')).get('7.a'), 'correct');
  // Near misses: the step the wrong way is half right; flipped indices (a convolution) stay wrong.
  assert.equal(grade(unicodeSums('i+h−1, j+l−1', 'w_{h,l} + η·dw_{h,l}')).get('7.a'), 'partial');
  assert.equal(grade(unicodeSums('i−h+1, j−l+1', 'w_{h,l} + η·dw_{h,l}')).get('7.a'), 'incorrect');
  // The Σ of an SVD has no index lowered onto it: a matrix's name, no sum.
  assert.ok(!plainMath('U Σ Vᵀ').some((t) => t.includes('\\sum')));
});

/** Question 1 (b) answered in Big-O, bold, with a comma after the bold. */
const boldOrder = (order: string) =>
  `Q1 (b)\n\nYes! Use associativity: (WWᵀ)W = W(WᵀW), so\n\np(W) = ½ W (3I − WᵀW)\n\nwhere now I is the d_in × d_in identity. The new runtime per iteration is **${order}**, a big saving when d_out ≫ d_in.\n`;

test('a bold plain-text formula with its comma after the bold (`is **O(d_out d_in²)**, a ...`) is what the sentence says the quantity is', { skip }, () => {
  assert.equal(grade(boldOrder('O(d_out d_in²)')).get('1.b'), 'partial');
  // Near miss: the old order stays wrong, and the rewrite of p(W) is not taken instead.
  assert.equal(grade(boldOrder('O(d_out² d_in)')).get('1.b'), 'incorrect');
});

/** Question 4 (a) or (b) answered in Python helpers: `//` floor division and a returned tuple. */
const helpers = (part: string, body: string) => `Q4 (${part})\n\nHere is a helper:\n\n\`\`\`python\n${body}\n\`\`\`\n`;

test("code answers: `//` is a floor, and a returned tuple (with the block's assignments put in) is the shape", { skip }, () => {
  const conv = (pad: string) =>
    `def conv_params(K, C, F):\n    n_weights = K * K * C * F\n    n_biases = F\n    return n_weights, n_biases\n\n\ndef conv_output_shape(W, H, K, P, S, F):\n    W_out = (W - K + ${pad}) // S + 1\n    H_out = (H - K + ${pad}) // S + 1\n    return (W_out, H_out, F)`;
  assert.equal(grade(helpers('a', conv('2 * P'))).get('4.a'), 'correct');
  assert.equal(grade(helpers('b', 'def pool_output_shape(W, H, C, K, S):\n    return ((W - K) // S + 1, (H - K) // S + 1, C)')).get('4.b'), 'correct');
  // Near misses: one side of padding, and a side without its + 1, stay wrong.
  assert.equal(grade(helpers('a', conv('P'))).get('4.a'), 'partial');
  assert.equal(grade(helpers('b', 'def pool_output_shape(W, H, C, K, S):\n    return ((W - K) // S, (H - K) // S, C)')).get('4.b'), 'incorrect');
});

/** Question 4 (b) and (c) with units after each factor (`px`, `channels`), as a student rewrites a chat's answers. */
const withUnits = (depth: string, field: string) => `Q4 (b) Pooling output: (⌊(W − K)/S⌋ + 1) px × (⌊(H − K)/S⌋ + 1) px × ${depth} channels.\n\nQ4 (c) Receptive field after L layers: ${field} px.\n`;

test('a unit or dimension word after a factor (`px`, `channels`) is none of the answer', { skip }, () => {
  // Near misses: the filters' count for the depth and a field without its - 1 stay wrong.
  for (const [depth, field, verdict] of [
    ['C', '1 + L·(K − 1)', 'correct'],
    ['F', '1 + L·K', 'incorrect'],
  ] as const) {
    const got = grade(withUnits(depth, field));
    assert.deepEqual([got.get('4.b'), got.get('4.c')], [verdict, verdict]);
  }
});

/** Question 2 (b) answered after a marker in some language, then a new paragraph that introduces another convention's display. */
const marked = (marker: string, answer: string) =>
  `Q2 (b)\n\nDie Varianz ist $\\operatorname{Var}(y_i) = c^2 d_{in}$.\n\n${marker}: $c = ${answer}$\n\nZum Vergleich, die Glorot-Variante:\n\n$$c = \\sqrt{\\frac{2}{d_{in} + d_{out}}}$$\n`;

test('"Antwort:", "Respuesta:", "Réponse :" mark the answer as "Answer:" does, and a new paragraph\'s colon introduces no answer of the marker', { skip }, () => {
  for (const marker of ['Answer', 'Antwort', 'Ergebnis', 'Respuesta', 'Réponse ', 'Risposta']) {
    assert.equal(grade(marked(marker, '\\frac{1}{\\sqrt{d_{in}}}')).get('2.b'), 'correct', marker);
    // Near miss: a wrong marked answer stays wrong.
    assert.equal(grade(marked(marker, '\\frac{1}{\\sqrt{d_{out}}}')).get('2.b'), 'incorrect', marker);
  }
});

test('a signal written with a Unicode subscript (`y₂(n) = y(n − 5)`) is indexed as `y_2(n)` is', { skip }, () => {
  const shifted = (by: string) => `Q3 (b)\n\ny₂(n) = y(n ${by}). This is time invariance.\n`;
  assert.equal(grade(shifted('− 5')).get('3.b'), 'correct');
  // Near miss: the shift the wrong way stays half right.
  assert.equal(grade(shifted('+ 5')).get('3.b'), 'partial');
});

/** Question 4 (b) and (c) answered by helpers whose parts only comments inside the code name, then the layer table as code and a last part asked after a few words. */
const helperChat = (c: string, pool2: string, last: string) =>
  `User: Problem 4, parts (b) and (c). Write them as Python helpers please.\n\nAssistant: Two helpers:\n\n\`\`\`python\nimport math\n\ndef pooled_shape(W, H, C, K, S):\n    # 4(b): pooling keeps the channels and has no padding\n    return (math.floor((W - K) / S) + 1, math.floor((H - K) / S) + 1, C)\n\ndef field(L, K):\n    # ${c}\n\`\`\`\n\nUser: and 4(e)? CONV3-10, POOL2, CONV3-10, POOL2, FLATTEN, FC-3 on 28x28x1, as a list\n\nAssistant:\n\`\`\`python\ntable = [\n    # layer, activation shape, parameters\n    ['CONV3-10', [28, 28, 10], 3*3*1*10 + 10],\n    ['POOL2', [14, 14, 10], 0],\n    ['CONV3-10', [14, 14, 10], 3*3*10*10 + 10],\n    ['POOL2', ${pool2}, 0],\n    ['FLATTEN', [490], 0],\n    ['FC-3', [3], 490*3 + 3],\n]\n\`\`\`\n\nUser: ${last}\n\nAssistant: Var(y_i) = c² d_in, so c = 1/√d_in.\n`;
const field = (body: string) => `4(c): every stride-1 layer widens the field by K - 1\n    return ${body}`;

test('code whose comments alone name the parts (`# 4(b): ...` over each helper) answers each part; `math.floor` is a floor', { skip }, () => {
  assert.deepEqual(Object.fromEntries(grade(helperChat(field('1 + L * (K - 1)'), '[7, 7, 10]', 'one more then, 2(b). What c recovers Xavier?'))), {
    '2.b': 'correct',
    '4.b': 'correct',
    '4.c': 'correct',
    '4.e': 'correct',
  });
  // Near misses: a wrong helper stays wrong, and one comment that names a part labels nothing (the reply is the last part asked, as before).
  assert.equal(grade(helperChat(field('1 + L * K'), '[7, 7, 10]', '2(b)')).get('4.c'), 'incorrect');
  const one = grade(helperChat('every stride-1 layer widens the field by K - 1\n    return 1 + L * (K - 1)', '[7, 7, 10]', '2(b)'));
  assert.deepEqual([one.get('4.b'), one.get('4.c')], [undefined, 'correct']);
});

test("a table written as code (`['POOL2', [7, 7, 10], 0]` rows under a comment naming the columns) is read cell by cell", { skip }, () => {
  // Near miss: one wrong activation shape stays short of full credit.
  assert.equal(grade(helperChat(field('1 + L * (K - 1)'), '[7, 7, 20]', '2(b)')).get('4.e'), 'partial');
});

test('a follow-up that asks a part with a question mark (`and 4(e)? ...`) or after a few words and a comma (`one more then, 2(b).`) asks that part', { skip }, () => {
  // Near miss: a product after a few words (`so, 2c d_out d_in^2 is the cost?`) names no part 2(c).
  const g = grade(helperChat(field('1 + L * (K - 1)'), '[7, 7, 10]', 'so, 2c d_out d_in^2 is the cost?'));
  assert.deepEqual([g.get('2.b'), g.get('2.c'), g.get('4.e')], [undefined, undefined, 'correct']);
});

/** Question 2 (b) answered, then a longer follow-up that asks for another part in passing, and a reply that names α before it gives its value. */
const passing = (ask: string, alpha: string) =>
  `User: Q2 (b): which c recovers Xavier when W is drawn from N(0,1)?\n\nAssistant: Var(yᵢ) = c² d_in, so c = 1/√d_in.\n\nUser: ${ask}\n\nAssistant: All singular values of U Vᵀ are 1, so ‖ΔW‖₂ = α.\nThe constraint ‖ΔW‖₂ ≤ √d_out then requires α = ${alpha}.\n`;
const muon = 'U Σ Vᵀ = SVD of the gradient, ΔW = α U Vᵀ. Which α keeps the update within the bound of (c)?';

test('a longer follow-up that names one part in passing (`right, and now the Muon one, (e) — ...`) asks it while it has no answer; letters it points back to (`the bound of (c)`) ask nothing', {
  skip,
}, () => {
  assert.deepEqual(Object.fromEntries(grade(passing(`right, and now the Muon one, (e) — ${muon}`, '√d_out'))), { '2.b': 'correct', '2.e': 'correct' });
  // Near misses: the wrong rate stays wrong; a follow-up whose only letter points back asks no part
  // by its label (the reader leaves the reply out). Its words still ask the Muon step, so its answer
  // is found by content, as a TA finds it; the bound of (c) it points back to is asked by no one.
  assert.equal(grade(passing(`right, and now the Muon one, (e) — ${muon}`, '√d_in')).get('2.e'), 'incorrect');
  const back = passing(`and the Muon one — ${muon}`, '√d_out');
  assert.deepEqual(
    readWithStaffKey(back).responses.map((r) => r.partId),
    ['2.b'],
  );
  assert.deepEqual(Object.fromEntries(grade(back)), { '2.b': 'correct', '2.e': 'correct' });
});

test('a conclusion that ends on the asked name (`so ‖ΔW‖₂ = α.`) gives way to the formula that gives its value, working between them or not', { skip }, () => {
  const reply = (alpha: string) => `Q2 (e)\n\nAll singular values of U Vᵀ are 1, so ‖ΔW‖₂ = α.\nThe constraint ‖ΔW‖₂ ≤ √d_out then requires α = ${alpha}.\n`;
  assert.equal(grade(reply('√d_out')).get('2.e'), 'correct');
  // Near miss: the official key's disputed value keeps its half credit, a wrong one stays wrong.
  assert.equal(grade(reply('√(d_out · d_in)')).get('2.e'), 'partial');
  assert.equal(grade(reply('√d_in')).get('2.e'), 'incorrect');
});

/** A reply that answers as a numbered list, one item per line, to a prompt naming a question or a part. */
const listed = (ask: string, items: string[]) => `User: ${ask}\n\nAssistant: Here you go.\n\n${items.map((x, i) => `${i + 1}. ${x}`).join('\n')}\n`;
const mupItems = [
  'Xavier-sized weights sit in fp8 subnormals and round to a few levels; unit-scale weights use the whole table.',
  'c = 1/√d_in',
  '‖ΔW‖₂ ≤ √d_out',
  'α = 1/√d_in',
  'α = √d_out',
  'Yes: with SignGD, Adam or Muon in every layer the scale of the backpropagated gradient never reaches an update.',
  'They explode by √d_out per layer; multiply each by 1/√d_out.',
];

test('a question named alone (`Q2:`, `all parts (a)-(g) of question 2`) answered as a list of as many items as it has parts: item k is part k; `2. c = ...` is an item, not part (c)', { skip }, () => {
  for (const ask of ['Q2:', 'Can you solve all parts (a)-(g) of question 2 for me?']) {
    const g = grade(listed(ask, mupItems));
    assert.deepEqual([g.get('2.b'), g.get('2.c'), g.get('2.d'), g.get('2.e'), g.get('2.g')], ['correct', 'correct', 'correct', 'correct', 'correct'], ask);
  }
  // Near misses: a derivation's steps under one part stay that part's; a list of another length is no list of the parts.
  const steps = grade(listed('Q2 (b)', ['Var(yᵢ) = c² d_in Var(Wᵢⱼ) Var(xⱼ)', 'Var(Wᵢⱼ) = Var(xⱼ) = 1', 'c = 1/√d_out']));
  assert.deepEqual(Object.fromEntries(steps), { '2.b': 'incorrect' });
  assert.equal(grade(listed('Q2:', mupItems.slice(0, 4))).get('2.c'), undefined);
  assert.equal(readLineLabel('2. c = 1/√d_in'), undefined);
  assert.deepEqual(readLineLabel('2. c) the norm'), { question: '2', part: 'c', length: 5, strong: true });
});

/** A write-up headed by a line that names its question among other words, its parts by bare letters out of order. */
const headedWriteup = (title: string) =>
  `${title}\n\n(c) Flipping h and sliding it over the valid windows: $y = \\begin{bmatrix} -40 & -40 & -40 \\\\ -40 & -40 & -40 \\\\ -40 & -40 & -40 \\end{bmatrix}$\n\n(b) $y_2(n) = y(n-5)$, so the system is time invariant.\n`;

test('a first line naming one question among other words (`Problem 3 write-up — Sam K. (...)`) is the question of the bare letters under it', { skip }, () => {
  assert.deepEqual(Object.fromEntries(grade(headedWriteup('Problem 3 write-up — Sam K. (checked with Gemini)'))), { '3.b': 'correct', '3.c': 'correct' });
  // Near misses: a line naming two questions, or one the key does not have, names none of the letters' question.
  assert.deepEqual(Object.fromEntries(grade(headedWriteup('Notes for Q3 and Q4 — Sam K.'))), {});
  assert.deepEqual(Object.fromEntries(grade(headedWriteup('Problem 5 write-up — Sam K.'))), {});
});

test("a choice said in another language (`invarianza temporale`, `os gradientes explodem`) names the key's English option; a factor after `por` / `mit` is the factor", { skip }, () => {
  assert.equal(grade('Q3 (b)\n\ny₂(n) = y(n − 5). Proprietà: invarianza temporale.\n').get('3.b'), 'correct');
  assert.equal(grade('Q2 (g)\n\nOs gradientes explodem; multiplique por 1/√d_out.\n').get('2.g'), 'correct');
  // Near misses: another property, or gradients that vanish, stay wrong.
  assert.equal(grade('Q3 (b)\n\ny₂(n) = y(n − 5). Proprietà: linearità.\n').get('3.b'), 'partial');
  assert.equal(grade('Q2 (g)\n\nOs gradientes desaparecem; multiplique por √d_in.\n').get('2.g'), 'incorrect');
});

test('a plain-text value with one word for what it counts after it (`needs 2·c·d_out²·d_in operations.`) is the value', { skip }, () => {
  assert.equal(grade('Q1 (a)\n\nOne step needs 2·c·d_out²·d_in operations.\n').get('1.a'), 'correct');
  // Near miss: the Gram-matrix runtime for (a) stays wrong.
  assert.equal(grade('Q1 (a)\n\nOne step needs 2·c·d_out·d_in² operations.\n').get('1.a'), 'incorrect');
});

test('subparts answered one after another in one line (`3(d): i. $...$ ii. $...$`) are each their own', { skip }, () => {
  const big =
    '\\begin{bmatrix} -19 & -28 & -32 & -36 & -29 \\\\ -30 & -40 & -40 & -40 & -30 \\\\ -30 & -40 & -40 & -40 & -30 \\\\ -30 & -40 & -40 & -40 & -30 \\\\ 49 & 68 & 72 & 76 & 59 \\end{bmatrix}';
  const small = '\\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}';
  const chat = (i: string, ii: string) => `User: 3(d), both cases\n\nAssistant: Flip h, pad with zeros, slide: i. $${i}$ ii. $${ii}$\n`;
  assert.deepEqual(Object.fromEntries(grade(chat(big, small))), { '3.d.i': 'correct', '3.d.ii': 'correct' });
  // Near misses: the matrices swapped stay wrong; numerals that do not run from i in order split nothing.
  assert.deepEqual(Object.fromEntries(grade(chat(small, big))), { '3.d.i': 'incorrect', '3.d.ii': 'incorrect' });
  assert.equal(splitInlineLabels('compare i. $8$ with iii. $5$'), 'compare i. $8$ with iii. $5$');
});

/** Question 4 (b) and (c) asked together, the reply answering (b) first with no label, then a paragraph that turns to (c). */
const turnsTo = (c: string) =>
  `User: Q4 (b) A max pooling layer with filter size K and stride S: output shape?\n(c) L stacked conv layers, filter size K, stride 1: receptive field of the last output?\n\nAssistant: Pooling acts per channel with no padding, so the output is $(\\lfloor (W-K)/S \\rfloor + 1) \\times (\\lfloor (H-K)/S \\rfloor + 1) \\times C$.\n\n${c}\n`;

test('a paragraph that opens on the part it turns to (`For (c), ...`) answers that part; the text before it answers the part asked before', { skip }, () => {
  assert.deepEqual(Object.fromEntries(grade(turnsTo('For (c), every stride-1 layer adds $K-1$, so the field is $L(K-1)+1$.'))), { '4.b': 'correct', '4.c': 'correct' });
  // Near misses: a wrong field stays wrong; a part named inside a sentence (`The same holds for (c), ...`) starts no answer.
  assert.deepEqual(Object.fromEntries(grade(turnsTo('For (c), every stride-1 layer adds $K$, so the field is $LK+1$.'))), { '4.b': 'correct', '4.c': 'incorrect' });
  assert.equal(splitInlineLabels('The same holds for (c), with $K-1$ per layer.'), 'The same holds for (c), with $K-1$ per layer.');
});
