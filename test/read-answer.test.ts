import { test } from 'node:test';
import assert from 'node:assert/strict';
import { literalTree, readAnswerText } from '../src/check/read-answer.js';
import { ParseError, parseMath, type ReadContext } from '../src/math/latex/parse.js';
import { prepareFor } from '../src/check/prepare.js';
import { checkAnswer } from '../src/check/check.js';
import type { AnswerType } from '../src/model/answer-spec.js';

/** A deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: AnswerType[] = ['number', 'expression', 'tuple', 'shape', 'vector', 'interval', 'set', 'matrix', 'equation', 'relation', 'piecewise', 'table'];

/** Texts that are literals, texts that look like them and are not, and the shapes between. */
function texts(): string[] {
  const r = random(15);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const number = () => {
    const whole = r() < 0.2 ? `0${digits(Math.floor(r() * 3))}` : String(Math.floor(r() * 10 ** (1 + Math.floor(r() * 8))));
    const frac = r() < 0.4 ? `.${digits(1 + Math.floor(r() * 6))}` : '';
    return `${r() < 0.2 ? '-' : ''}${whole}${frac}`;
  };
  const grouped = () => `${r() < 0.2 ? '-' : ''}${1 + Math.floor(r() * 999)}${Array.from({ length: 1 + Math.floor(r() * 3) }, () => `,${digits(3)}`).join('')}${r() < 0.3 ? `.${digits(2)}` : ''}`;
  const out = [
    ...['0', '-0', '007', '0.50', '1000.5', '  42  ', '1,007', '1,000.99', '-23,296', '7,425,000', '0,111', '1,22', '12,34', '1,0000', '01,000'],
    ...['(2, 3, 1)', '(2,3)', '( -1 , 2.5 )', '(8,300)', '(1,000, 2)', '3 \\times 2 \\times 2', '28\\times28', '3 \\times -2', '3 \\times 2.5'],
    ...['1e5', '.5', '5.', '--3', '+3', '1 000', '1,00', '2^3', '(2)', '()', '(2, )', '3x2', '10%', '1/2', '3 \\times'],
  ];
  for (let i = 0; i < 300; i++) {
    out.push(number(), grouped(), `(${Array.from({ length: 2 + Math.floor(r() * 3) }, number).join(r() < 0.5 ? ', ' : ',')})`);
    out.push(Array.from({ length: 2 + Math.floor(r() * 3) }, () => String(1 + Math.floor(r() * 500))).join(r() < 0.5 ? ' \\times ' : '\\times'));
  }
  return out;
}

function general(type: AnswerType, text: string, read: ReadContext): unknown {
  try {
    return parseMath(prepareFor(type, text), read);
  } catch (e) {
    return { error: String(e) };
  }
}

function quick(type: AnswerType, text: string, read: ReadContext): unknown {
  try {
    return readAnswerText(type, text, read);
  } catch (e) {
    return { error: String(e) };
  }
}

test('a literal reads to the same tree through the quick path as through the general reader, for every type', () => {
  const read: ReadContext = { symbols: new Set(['x']) };
  let compared = 0;
  let quickly = 0;
  for (const text of texts()) {
    if (literalTree(text)) quickly++;
    for (const type of TYPES) {
      assert.deepEqual(quick(type, text, read), general(type, text, read), `${type} ${JSON.stringify(text)}`);
      compared++;
    }
  }
  assert.ok(compared > 10_000);
  // Most generated texts are literals, so the comparison is of the quick path, not of a fallback.
  assert.ok(quickly > 1000, `${quickly} texts read quickly`);
});

test('verdicts on literals are the same as before the quick path: right, wrong and near misses', () => {
  const cases: [string, string, AnswerType | undefined, string][] = [
    ['1007', '1,007', undefined, 'correct'],
    ['1007', '1,070', undefined, 'incorrect'],
    ['1000.5', 'The answer is $1000.5$.', undefined, 'correct'],
    ['1000.5', '1000.50', undefined, 'correct'],
    ['1000.5', '1000.6', undefined, 'incorrect'],
    ['0.333', '0.33', undefined, 'incorrect'],
    ['(2, 3, 1)', '(2, 3, 1)', 'tuple', 'correct'],
    ['(2, 3, 1)', '(2, 1, 3)', 'tuple', 'incorrect'],
    ['3 \\times 2 \\times 2', '(3, 2, 2)', undefined, 'correct'],
    ['3 \\times 2 \\times 2', '(2, 3, 2)', undefined, 'incorrect'],
    ['-3', '3', undefined, 'incorrect'],
  ];
  for (const [expected, answer, type, verdict] of cases) {
    const r = checkAnswer({ value: expected, ...(type ? { type } : {}) }, answer);
    assert.equal(r.verdict, verdict, `${expected} vs ${answer}: ${r.reason}`);
  }
});

test('a text is read once per context: the kept tree is what the reader made, and checking it against many answers leaves it as read', () => {
  const read: ReadContext = { symbols: new Set(['c', 'd_in', 'd_out']) };
  const text = '2c\\,d_{in}^{2} d_{out} + \\frac{c}{\\sqrt{d_{out}}}';
  const first = readAnswerText('expression', text, read);
  assert.equal(readAnswerText('expression', text, read), first, 'read again, the kept tree');
  // Every stage of checking (normal forms, random points, a wrong answer's diagnosis) with the kept tree in hand.
  const symbols = { c: { positive: true }, d_in: { positive: true }, d_out: { positive: true } };
  // (Twice over: the second pass reads the candidate from the memo the first filled, so a check that
  // changed a kept tree would change a later verdict or its reason.)
  const passes = [0, 1].map(() =>
    ['2 c d_{in}^2 d_{out} + c/\\sqrt{d_{out}}', '2 c d_{out}^2 d_{in}', 'c d_{in}', '\\frac{1}{\\sqrt{d_{in}}}'].flatMap((value) =>
      (['expression', 'number', 'equation'] as const).map((type) => {
        const r = checkAnswer({ value, type }, text, { symbols });
        return `${value} as ${type}: ${r.verdict}, ${r.reason}`;
      }),
    ),
  );
  assert.deepEqual(passes[1], passes[0], 'the same verdicts and reasons when the readings are kept');
  assert.equal(readAnswerText('expression', text, read), first);
  assert.deepEqual(first, parseMath(prepareFor('expression', text), read), 'unchanged by the checks that shared it');
});

test('contexts share readings only when they declare the same names', () => {
  const declared: ReadContext = { symbols: new Set(['lr']) };
  const alike: ReadContext = { symbols: ['lr'] };
  const bare: ReadContext = { symbols: new Set<string>() };
  const asName = readAnswerText('expression', 'lr', declared);
  assert.deepEqual(asName, parseMath('lr', declared));
  assert.equal(readAnswerText('expression', 'lr', alike), asName, 'the same names: the same reading');
  const asProduct = readAnswerText('expression', 'lr', bare);
  assert.notDeepEqual(asProduct, asName, 'without the name, two letters');
  assert.deepEqual(asProduct, parseMath('lr', bare));
  // And by type: a shape's `x` is a product sign, an expression's a letter.
  const shapeContext: ReadContext = { symbols: new Set(['x']) };
  assert.notDeepEqual(readAnswerText('shape', '3x4', shapeContext), readAnswerText('expression', '3x4', shapeContext));
});

test('a text the reader refuses is refused every time it is read', () => {
  const read: ReadContext = { symbols: new Set(['x']) };
  const messages = [0, 1, 2].map(() => {
    try {
      readAnswerText('expression', '\\frac{x}{', read);
      return 'read';
    } catch (e) {
      assert.ok(e instanceof ParseError);
      return e.message;
    }
  });
  assert.notEqual(messages[0], 'read');
  assert.deepEqual(messages, [messages[0], messages[0], messages[0]]);
});
