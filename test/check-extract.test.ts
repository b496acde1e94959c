import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswer } from '../src/check/check.js';
import { answerCandidates, extractAnswer } from '../src/check/extract.js';
import { expectVerdict } from './check-helpers.js';

/** Working long enough that the answer is a conclusion, not the whole text. */
const WORK = 'We set up the problem and work through each step carefully, writing every intermediate quantity down. '.repeat(3);

test('extraction: a chat template turn after the answer is not part of it', () => {
  expectVerdict('\\frac{2}{3}', `${WORK}Therefore, the probability that Alice wins the game is 2/3. <|im_start|>user What is 5?`, 'correct');
  // Near miss: the answer the model gave is 3/4; a value in the next turn does not count.
  expectVerdict('\\frac{2}{3}', `${WORK}Therefore, the probability that Alice wins the game is 3/4. <|im_start|>user The answer is 2/3`, 'incorrect');
});

test('extraction: a final answer stated after boxed intermediate results wins', () => {
  const text = `${WORK}The interest is $\\boxed{200}$, then $\\boxed{255}$. Final Answer: The final answer is $10,455$. I hope it is correct.`;
  expectVerdict('10455', text, 'correct');
  expectVerdict('200', text, 'incorrect');
  // Without a final-answer marker after them, the boxed values are the answer.
  expectVerdict('10455', `${WORK}The interest is $\\boxed{200}$, then $\\boxed{255}$.`, 'incorrect');
});

test('extraction: the one number of a conclusion sentence, commentary after it ignored', () => {
  expectVerdict('3', `${WORK}Final Answer: Jane started growing Sphere 3 hours ago. I hope it is correct. Note: the rod started 8 hours ago.`, 'correct');
  expectVerdict('8', `${WORK}Final Answer: Jane started growing Sphere 3 hours ago. I hope it is correct. Note: the rod started 8 hours ago.`, 'incorrect');
  expectVerdict('12', `${WORK}Therefore, there are 12 distinct arithmetic sequences that meet the conditions.`, 'correct');
  expectVerdict('13', `${WORK}Therefore, there are 12 distinct arithmetic sequences that meet the conditions.`, 'incorrect');
});

test('extraction: values listed in separate formulas after "the final answer is"', () => {
  expectVerdict('12\\text{ and }13', `${WORK}Final Answer: The final answer is "$12$ and $13$". I hope it is correct.`, 'correct');
  expectVerdict('12\\text{ and }13', `${WORK}Final Answer: The final answer is "$12$ and $14$". I hope it is correct.`, 'incorrect');
});

test('extraction: an inline formula does not open before a line break; display math may span lines', () => {
  assert.notEqual(checkAnswer({ value: '$9$' }, 'Answer $ \n 9 \n $').verdict, 'correct');
  assert.notEqual(checkAnswer({ value: '$9$' }, 'Answer \\( \n 9 \n \\)').verdict, 'correct');
  expectVerdict('$9$', 'Answer $$ \n 9 \n $$', 'correct');
  expectVerdict('$9$', 'Answer $ 9 $', 'correct');
  // A currency sign is not a formula.
  expectVerdict('2.74', 'Soucis : 2,74 $ a..', 'correct');
});

test('reading: escapes a string literal ate (form feed for \\f, tab for \\t) and spaced thousands braces', () => {
  const eaten = '$\\begin{pmatrix}-\\\frac{7}{4}&-2\\\\4&\\frac{1}{4}\\end{pmatrix}$';
  expectVerdict('\\begin{pmatrix}-\\frac{7}{4}&-2\\\\4&\\frac{1}{4}\\end{pmatrix}', eaten, 'correct');
  expectVerdict('\\begin{pmatrix}-\\frac{7}{5}&-2\\\\4&\\frac{1}{4}\\end{pmatrix}', eaten, 'incorrect');
  expectVerdict('6', '$2 \times 3$', 'correct');
  expectVerdict('14916', 'The final answer is $14 {, }916$.', 'correct');
  expectVerdict('14916', 'The final answer is $14 {, }912$.', 'incorrect');
  assert.equal(extractAnswer(`${WORK}Final Answer: The final answer is $7$. I hope it is correct. [Note: see $8$.]`).text, '7');
});

test('extraction: a word after a lone formula names what was counted; a percent word qualifies it', () => {
  expectVerdict('66n^{2}', '$66n^{2}$ states', 'correct');
  expectVerdict('66n^{2}', '$64n^{2}$ states', 'incorrect');
  expectVerdict('28\\%', '$28$ percent', 'correct');
});

test('extraction: a \\boxed{ never closed holds the rest; a joining word glued to formulas still joins', () => {
  expectVerdict('\\boxed{W(n) = 1 \\text{ and } W(n) = -1', 'W(x)=1orW(x)=-1', 'correct');
  expectVerdict('\\boxed{W(n) = 1 \\text{ and } W(n) = -1', 'W(x)=1orW(x)=-2', 'incorrect');
  expectVerdict('5', 'so the answer is \\boxed{5', 'correct');
  expectVerdict('5', 'so the answer is \\boxed{6', 'incorrect');
});

test('each boxed answer is placed after the box before it: \\boxed{32} after \\boxed{320} is not read inside it', () => {
  const text = 'The layer has $\\boxed{320}$ parameters and one output takes $\\boxed{32}$ multiplications.';
  const found = answerCandidates(text);
  const at = (t: string) => found.find((c) => c.text === t && c.how === 'boxed')!.at!;
  assert.equal(at('320'), text.indexOf('320'));
  assert.equal(at('32'), text.lastIndexOf('32'));
});

test("a program's printed arrays are answers (NumPy's `[[-40 -40] [-40 -40]]`, Python's lists), the arrays in its code are not", () => {
  const code = '```python\ny = np.array([[-40, -40], [-40, -40]])\nprint(convolve2d(x, h, mode="valid"))\n```\n';
  const printed = '```\n[[ 40 -40]\n [-40  40.5]]\n```\n\nThat is the result.';
  const found = answerCandidates(`${code}\n${printed}`).map((c) => c.text);
  assert.ok(found.includes('\\begin{bmatrix} 40 & -40 \\\\ -40 & 40.5 \\end{bmatrix}'), found.join('\n'));
  // Its rows are inside it, never vectors of their own; the code's literal is the program's input.
  assert.ok(!found.some((t) => t.startsWith('(') || t.includes('-40 & -40')), found.join('\n'));
  // Python's list print, and a 1-D array as a vector; an output block with a label before the array.
  assert.ok(answerCandidates('```text\nresult = [[1, 2], [3, 4]]\n```').some((c) => c.text === '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'));
  // (A whole float printed `0.` is the number 0.)
  assert.ok(answerCandidates('```\n[0.  0.8 0. ]\n```').some((c) => c.text === '(0, 0.8, 0)'));
  // Near misses: ragged rows and words are no array; code without output states nothing.
  assert.ok(!answerCandidates('```\n[[1 2]\n [3]]\n```').some((c) => c.text.includes('bmatrix')));
  assert.ok(!answerCandidates('```\n[see above]\n```').some((c) => c.text.startsWith('(')));
  assert.ok(!answerCandidates(code).some((c) => c.text.includes('bmatrix')));
  // A reply's numbered sources (`[1] ...` at the start of a line) are citations, not printed values.
  assert.ok(!answerCandidates('The rank is $3$.\n\n[1] Strang, Linear Algebra.\n[2] Boyd.').some((c) => c.text === '(1)' || c.text === '(2)'));
});

test("a matrix typed in a program's notation outside any formula: Unicode minus signs, MATLAB rows, over several lines, in bold", () => {
  const product = '\\begin{bmatrix} -3 & 5 \\\\ 7 & -1 \\end{bmatrix}';
  const read = (text: string) => answerCandidates(text).map((c) => c.text);
  // MATLAB's rows over lines, a Python list over lines, a bold list item: each the matrix it states.
  assert.ok(read('The product is\n\nP = [−3 5;\n     7 −1]\n').includes(product));
  assert.ok(read('P = [[−3, 5],\n     [7, −1]]').includes(product));
  assert.ok(read('- **P = [−3 5; 7 −1]**').includes(product));
  // Its rows, and its line read as text (`−3 5` as a product, `7 −1` as a subtraction), are no answers of their own.
  assert.ok(!read('P = [[−3, 5],\n     [7, −1]]').some((t) => t.includes('[7') || t.startsWith('P =')), read('P = [[−3, 5],\n     [7, −1]]').join('\n'));
  // A bold line stays as strongly stated once read as the matrix.
  assert.equal(answerCandidates('Q = [1 0; 0 1] first.\n\n**P = [−3 5; 7 −1]**\n\nR = [2 2; 2 2]')[0]?.text, product);
  // The checker reads one given as the answer.
  expectVerdict(product, '[−3 5; 7 −1]', 'correct');
  expectVerdict(product, 'P = [−3 5;\n     7 −1]', 'correct');
  expectVerdict(product, '[[-3 5]\n [7 -1]]', 'correct');
  // Near misses: an entry that differs stays wrong; a minus spaced on both sides subtracts, so the
  // bracket is no matrix of numbers; a subtraction outside brackets stays one.
  expectVerdict(product, '[−3 5; 7 1]', 'incorrect');
  expectVerdict(product, '[−3 5; 7 − 1]', 'incorrect');
  expectVerdict('6', '7 − 1', 'correct');
  expectVerdict('-40', '−80 − (−40)', 'correct');
});

test('a note after a formula that points back at it as the answer (`← my answer`, `<-- final`) states it, and is none of it', () => {
  const found = answerCandidates('Working gives r = 3 at first.\n\nr = 5   ← my answer for (b)\n\nThe book says r = 4.');
  assert.deepEqual([found[0]?.text, found[0]?.final], ['r = 5', true]);
  assert.ok(answerCandidates('k = 2x + 1 <-- final\n\nthen k = 7 at x = 3').some((c) => c.text === 'k = 2x + 1' && c.final));
  // Near misses: an update written with an arrow, and an arrow to words that name no answer, point at nothing.
  assert.ok(answerCandidates('w ← w − η·dw').some((c) => c.text.includes('←')));
  assert.deepEqual(
    answerCandidates('r = 5   <- see the note\n\nr = 4').map((c) => [c.text, !!c.final]),
    [
      ['r = 4', false],
      ['r = 5   <-', false],
    ],
  );
});

test('a statement in bold that ends on its formula (`**The cost is $O(n^2)$.**`) states it; a bold case heading states nothing', () => {
  const best = (text: string) => answerCandidates(text)[0]?.text;
  assert.equal(best('First $a = 2$.\n\n**The total is $a + b = 5$.**\n\nThen $b = 3$ was used, and $a b = 6$.'), 'a + b = 5');
  assert.equal(best('We try $x = 1$.\n\n**$x = 4$**\n\nCheck: $x^2 = 16$.'), 'x = 4');
  // Near misses: a bold heading that ends on a colon, and bold words with a formula inside them, mark nothing.
  assert.notEqual(best('**Case $n < 0$:** nothing.\n\nThen $y = 0$.'), 'n < 0');
  assert.equal(best('**Using $W^TW$ instead** we get\n\n$$T = 2n$$'), 'T = 2n');
});

test("a program's power (`x**2`) in plain text is a power; bold's `**` still marks bold", () => {
  assert.ok(answerCandidates('The cost is\n\nc*n**2*m\n').some((c) => c.text === 'c*n^ 2*m'));
  expectVerdict('c n^2 m', 'c*n**2*m', 'correct');
  expectVerdict('c n^2 m', '(n)**2*c*m', 'correct');
  // Near misses: a bold value keeps its bold meaning; the power of the other factor stays wrong.
  assert.equal(answerCandidates('We count.\n\n**Runtime = c·n²·m**\n\nand n = 2 gives 4cm.')[0]?.text, 'c·n²·m');
  expectVerdict('c n^2 m', 'c*n*m**2', 'incorrect');
});

test('answer words inside a formula (`\\text{Answer: }`, `\\textbf{Final answer:}`) mark it and are not part of it', () => {
  const found = answerCandidates('Working first.\n\n$$\\text{Answer: } x = 2$$\n\nThen $y = 3$.');
  assert.deepEqual(found[0], { text: 'x = 2', how: 'marker', at: 16, final: true });
  assert.ok(answerCandidates('$$\\textbf{Final answer:}\\; 42$$').some((c) => c.text === '42' && c.final));
  // Near misses: a \text{} that names a quantity, or words after "Result", stay in the formula.
  assert.ok(answerCandidates('$$\\text{Var}(x) = 1$$').some((c) => c.text === '\\text{Var}(x) = 1'));
  assert.ok(answerCandidates('$$\\text{Result of step 1} = 3$$').some((c) => c.text === '\\text{Result of step 1} = 3'));
});
