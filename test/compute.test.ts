import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compute as computeRaw, computeVariants, readData, numeric, parseCall, latexOf } from '../src/compute/expression.js';
import { conv2d, conv1d, convTranspose1d } from '../src/compute/conv.js';
import { layerTable, convStats, depthwiseSeparableStats, receptiveField } from '../src/compute/layers.js';
import { r, tensorLatex, type Matrix } from '../src/compute/tensor.js';
import { loadKey } from '../src/documents/key.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { readSubmission } from '../src/documents/submission.js';

const compute = (e: string, d: Parameters<typeof computeRaw>[1]) => ({ latex: latexOf(computeRaw(e, d)) });
const M = (rows: number[][]): Matrix => rows.map((row) => row.map((x) => r(x)));
const X = M([
  [1, 2, 3, 4, 5],
  [6, 7, 8, 9, 10],
  [11, 12, 13, 14, 15],
  [16, 17, 18, 19, 20],
  [21, 22, 23, 24, 25],
]);
const SOBEL = M([
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
]);
const DATA = readData({
  x: '\\begin{bmatrix} 1 & 2 & 3 & 4 & 5 \\\\ 6 & 7 & 8 & 9 & 10 \\\\ 11 & 12 & 13 & 14 & 15 \\\\ 16 & 17 & 18 & 19 & 20 \\\\ 21 & 22 & 23 & 24 & 25 \\end{bmatrix}',
  h: '\\begin{bmatrix} -1 & -2 & -1 \\\\ 0 & 0 & 0 \\\\ 1 & 2 & 1 \\end{bmatrix}',
});

test('seed 001: the true convolution of the 5×5 input with the Sobel kernel is all −40; cross-correlation all +40', () => {
  assert.deepEqual(numeric(conv2d(X, SOBEL)), [
    [-40, -40, -40],
    [-40, -40, -40],
    [-40, -40, -40],
  ]);
  assert.deepEqual(numeric(conv2d(X, SOBEL, { flip: false })), [
    [40, 40, 40],
    [40, 40, 40],
    [40, 40, 40],
  ]);
  assert.deepEqual(numeric(conv2d(X, SOBEL, { stride: 1, padding: 1 })), [
    [-19, -28, -32, -36, -29],
    [-30, -40, -40, -40, -30],
    [-30, -40, -40, -40, -30],
    [-30, -40, -40, -40, -30],
    [49, 68, 72, 76, 59],
  ]);
  assert.deepEqual(numeric(conv2d(X, SOBEL, { stride: 2, padding: 1 })), [
    [-19, -32, -29],
    [-30, -40, -30],
    [49, 72, 59],
  ]);
  assert.equal(compute('conv2d(x, h, stride=2, padding=1)', DATA).latex, '\\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}');
});

test('convolution variants: the answers other conventions give, each named', () => {
  const variants = computeVariants('conv2d(x, h)', DATA);
  const corr = variants.find((v) => /cross-correlation/.test(v.label))!;
  assert.equal(
    latexOf(corr.computed),
    tensorLatex(
      M([
        [40, 40, 40],
        [40, 40, 40],
        [40, 40, 40],
      ]),
    ),
  );
  assert.equal(corr.category, 'convention');
  const strided = computeVariants('conv2d(x, h, stride=2, padding=1)', DATA).map((v) => v.label);
  assert.ok(strided.some((l) => /no padding; the question pads by 1/.test(l)));
  assert.ok(strided.some((l) => /stride 1; the question's stride is 2/.test(l)));
  assert.ok(strided.some((l) => /cross-correlation.*and no padding/.test(l)));
});

test('a computed key recognises a convention mistake without the key writer listing it', () => {
  const { key, problems } = loadKey(
    [
      'partcredit: 1',
      'data:',
      "  x: '\\begin{bmatrix} 1 & 2 & 3 & 4 & 5 \\\\ 6 & 7 & 8 & 9 & 10 \\\\ 11 & 12 & 13 & 14 & 15 \\\\ 16 & 17 & 18 & 19 & 20 \\\\ 21 & 22 & 23 & 24 & 25 \\end{bmatrix}'",
      "  h: '\\begin{bmatrix} -1 & -2 & -1 \\\\ 0 & 0 & 0 \\\\ 1 & 2 & 1 \\end{bmatrix}'",
      'parts:',
      '  3.c:',
      '    compute: conv2d(x, h)',
      '  3.d.ii:',
      '    compute: conv2d(x, h, stride=2, padding=1)',
    ].join('\n'),
  );
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  const grade = (text: string) => gradeSubmission(key!, readSubmission(text, 's', key!));
  const g = grade(
    '3/c. $$\\begin{bmatrix} 40 & 40 & 40 \\\\ 40 & 40 & 40 \\\\ 40 & 40 & 40 \\end{bmatrix}$$\n\n3/d. ii. $$\\begin{bmatrix} -19 & -32 & -29 \\\\ -30 & -40 & -30 \\\\ 49 & 72 & 59 \\end{bmatrix}$$',
  );
  const c = g.parts.find((p) => p.id === '3.c')!;
  assert.equal(c.verdict, 'incorrect');
  assert.equal(c.category, 'convention');
  assert.match(c.feedback, /this is the cross-correlation \(kernel not flipped\); the question defines convolution with a flipped kernel/);
  assert.equal(g.parts.find((p) => p.id === '3.d.ii')!.verdict, 'correct');
  const misread = grade('3/d. ii. $$\\begin{bmatrix} -40 & -40 & -40 \\\\ -40 & -40 & -40 \\\\ -40 & -40 & -40 \\end{bmatrix}$$');
  // All −40 is stride 1 and no padding: both misread at once is no variant the calculator lists,
  // so the grader must not call it a convention mistake — it names the entries that differ.
  const ii = misread.parts.find((p) => p.id === '3.d.ii')!;
  assert.equal(ii.verdict, 'incorrect');
  assert.equal(ii.category, undefined);
  assert.match(ii.feedback, /8 of 9 entries differ: entry \(1,1\) is -40, expected -19/);
});

test('seed 003 question 2(e): the layer table', () => {
  const rows = layerTable('CONV3-10 → POOL2 → CONV3-10 → POOL2 → FLATTEN → FC-3', [28, 28, 1]);
  assert.deepEqual(
    rows.map((row) => [row.layer, row.parameters.expression, row.parameters.value, row.activations.expression]),
    [
      ['CONV3-10 (1)', '3 \\times 3 \\times 1 \\times 10 + 10', 100, '28 \\times 28 \\times 10'],
      ['POOL2 (1)', '0', 0, '14 \\times 14 \\times 10'],
      ['CONV3-10 (2)', '3 \\times 3 \\times 10 \\times 10 + 10', 910, '14 \\times 14 \\times 10'],
      ['POOL2 (2)', '0', 0, '7 \\times 7 \\times 10'],
      ['FLATTEN', '0', 0, '490'],
      ['FC-3', '490 \\times 3 + 3', 1473, '3'],
    ],
  );
  assert.equal(rows[3]!.receptiveField, 10);
});

test('seed 003: a transposed convolution, a dilated convolution, and the 1-D filter that checks', () => {
  // 3(c): input [[-1, 2], [3, 1]], filter [[+1, -1], [0, +1]], pad 0, stride 1.
  const t = computeRaw('conv_transpose2d(x, h)', readData({ x: '\\begin{bmatrix} -1 & 2 \\\\ 3 & 1 \\end{bmatrix}', h: '\\begin{bmatrix} 1 & -1 \\\\ 0 & 1 \\end{bmatrix}' }));
  assert.equal('latex' in t && t.latex, '\\begin{bmatrix} -1 & 3 & -2 \\\\ 3 & -3 & 1 \\\\ 0 & 3 & 1 \\end{bmatrix}');
  assert.deepEqual(numeric(convTranspose1d([r(1), r(2), r(3)], [r(1), r(1), r(1)], { stride: 2 })), [1, 1, 3, 2, 5, 3, 3]);
  // 4(d)i: the 3×3 M with a 2×2 ones kernel dilated by 2: one output, 1 + 3 + 7 + 9.
  const M3 = M([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  assert.deepEqual(
    numeric(
      conv2d(
        M3,
        M([
          [1, 1],
          [1, 1],
        ]),
        { dilation: 2, flip: false },
      ),
    ),
    [[20]],
  );
  // 3(b): the filter [2, -1, 3] slid (not flipped) over [1, 4, 0, -2, 3] gives [-2, 2, 11].
  assert.deepEqual(
    numeric(
      conv1d(
        [1, 4, 0, -2, 3].map((x) => r(x)),
        [2, -1, 3].map((x) => r(x)),
        { flip: false },
      ),
    ),
    [-2, 2, 11],
  );
  // 4(d)ii: 3×3 with d = 1 then 3×3 with d = 2: a receptive field of 7.
  assert.equal(receptiveField([{ kernel: 3 }, { kernel: 3, dilation: 2 }]), 7);
});

test("seed 004: the conv layer's shape, parameters and FLOPs, depthwise separable too", () => {
  const g = { size: 227, channels: 3, kernel: 11, filters: 64, stride: 4, padding: 2 };
  assert.deepEqual(convStats(g), { shape: [64, 56, 56], parameters: 23296, flops: 72855552 });
  const dw = depthwiseSeparableStats(g);
  assert.equal(dw.depthwise.parameters, 366);
  assert.equal(dw.pointwise.parameters, 256);
  assert.equal(dw.parameters, 622);
  assert.equal(dw.depthwise.flops, 1138368);
  assert.equal(dw.pointwise.flops, 602112);
  assert.equal(compute('conv_shape(227, 3, 11, 64, stride=4, padding=2)', {}).latex, '(64, 56, 56)');
  assert.equal(compute('conv_params(227, 3, 11, 64, stride=4, padding=2)', {}).latex, '23296');
  assert.equal(compute('depthwise_separable_params(227, 3, 11, 64, stride=4, padding=2)', {}).latex, '622');
  const labels = computeVariants('conv_params(227, 3, 11, 64, stride=4, padding=2)', {}).map((v) => [v.label, 'latex' in v.computed && v.computed.latex]);
  assert.deepEqual(labels, [['the biases left out', '23232']]);
});

test('seed 004: normalization means of the batch, and the attention output', () => {
  const data = readData({
    b: '[[[[1,2],[3,4]],[[5,6],[7,8]]],[[[1,-1],[0,2]],[[-1,0],[2,1]]]]',
    Q: '\\sqrt{2} \\begin{bmatrix} 0 & \\log 2 \\\\ \\log 2 & \\log 3 \\end{bmatrix}',
  });
  assert.equal(compute('batchnorm_mean(b)', data).latex, '(\\frac{3}{2}, \\frac{7}{2})');
  assert.equal(compute('layernorm_mean(b)', data).latex, '(\\frac{9}{2}, \\frac{1}{2})');
  assert.equal(compute('instancenorm_mean(b)', data).latex, '\\begin{bmatrix} \\frac{5}{2} & \\frac{13}{2} \\\\ \\frac{1}{2} & \\frac{1}{2} \\end{bmatrix}');
  const layer = computeVariants('batchnorm_mean(b)', data).map((v) => v.label);
  assert.ok(layer.some((l) => /the mean of layer normalization; the question asks for batch normalization/.test(l)));
  // 7: softmax(Q Kᵀ / √2) V with Q = √2 [[0, log 2], [log 2, log 3]]: exactly [[2/3, 1/3], [3/5, 2/5]].
  const att = readData({ K: '\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix}', V: '\\begin{bmatrix} 0 & 1 \\\\ 1 & 0 \\end{bmatrix}' });
  assert.equal(compute('attention(Q, K, V)', { ...data, ...att }).latex, '\\begin{bmatrix} \\frac{2}{3} & \\frac{1}{3} \\\\ \\frac{3}{5} & \\frac{2}{5} \\end{bmatrix}');
});

test('compute expressions: clear errors for unknown names and shapes', () => {
  assert.throws(() => compute('conv2d(x, g)', DATA), /conv2d: h names "g", which data does not define/);
  assert.throws(() => compute('convolve(x, h)', DATA), /unknown function "convolve"/);
  assert.throws(() => parseCall('conv2d(x, h'), /expected "," or "\)"/);
  assert.throws(() => compute('conv2d(h, x)', DATA), /larger than the padded input/);
  assert.deepEqual(parseCall('conv2d(x, h, stride=2, pad="circular")'), { fn: 'conv2d', args: [{ name: 'x' }, { name: 'h' }], named: { stride: { value: 2 }, pad: { text: 'circular' } } });
});

test('channels and filters, circular padding, pooling backward, optimizer and RNN steps', async () => {
  const { convLayer } = await import('../src/compute/conv.js');
  const { maxPool2dBackward, avgPool2dBackward, globalAvgPool } = await import('../src/compute/pool.js');
  const { momentumStep, signSgdStep, adamStep } = await import('../src/compute/optim.js');
  const { rnnStep, rnnStepGrad } = await import('../src/compute/rnn.js');
  // Two input channels, two filters with a bias each (no flip, as CNN layers do).
  const x = [
    M([
      [1, 2],
      [3, 4],
    ]),
    M([
      [0, 1],
      [1, 0],
    ]),
  ];
  const w = [
    [M([[1]]), M([[1]])],
    [M([[2]]), M([[-1]])],
  ];
  assert.deepEqual(numeric(convLayer(x, w, [r(0), r(10)], { flip: false }) as never), [
    [
      [1, 3],
      [4, 4],
    ],
    [
      [12, 13],
      [15, 18],
    ],
  ]);
  // Circular padding wraps around (seed 003's torus).
  assert.deepEqual(
    numeric(
      conv2d(
        M([
          [1, 2],
          [3, 4],
        ]),
        M([
          [1, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ]),
        { padding: 1, padMode: 'circular', flip: false },
      ),
    ),
    [
      [4, 3],
      [2, 1],
    ],
  );
  // Max pooling sends each window's gradient to its maximum; average pooling shares it.
  const X4 = M([
    [1, 5, 0, 2],
    [3, 2, 9, 1],
    [0, 0, 1, 1],
    [4, 0, 1, 7],
  ]);
  assert.deepEqual(
    numeric(
      maxPool2dBackward(
        X4,
        M([
          [10, 20],
          [30, 40],
        ]),
      ),
    ),
    [
      [0, 10, 0, 0],
      [0, 0, 20, 0],
      [0, 0, 0, 0],
      [30, 0, 0, 40],
    ],
  );
  assert.deepEqual(
    numeric(
      avgPool2dBackward(
        X4,
        M([
          [4, 8],
          [12, 16],
        ]),
      ),
    ),
    [
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [3, 3, 4, 4],
      [3, 3, 4, 4],
    ],
  );
  assert.deepEqual(numeric(globalAvgPool([X4])), [37 / 16]);
  // Momentum as in seed 004 (v ← 0.9 v + 0.1 ∇L, x ← x − γ v), exact.
  const step = momentumStep({ x: [r(1), r(2)], v: [r(0), r(0)], grad: [r(8), r(3)], lr: r(1, 2) });
  assert.deepEqual(numeric(step.v), [0.8, 0.3]);
  assert.deepEqual(numeric(step.x), [0.6, 1.85]);
  assert.deepEqual(numeric(signSgdStep({ x: [r(1), r(1)], grad: [r(-3), r(2)], lr: r(1, 10) })), [1.1, 0.9]);
  const adam = adamStep({ x: [r(1)], m: [r(0)], v: [r(0)], grad: [r(2)], t: 1, lr: r(1, 10) });
  assert.ok(Math.abs(adam.x[0]! - 0.9) < 1e-6, 'the first Adam step moves by lr · sign(g)');
  // h_t = tanh(w h): dL/dh_{t-1} = a · w · (1 − tanh²(w h)).
  assert.ok(Math.abs(rnnStep({ h: r(1, 2), w: r(2) }) - Math.tanh(1)) < 1e-12);
  assert.ok(Math.abs(rnnStepGrad({ a: r(3), h: r(1, 2), w: r(2) }) - 3 * 2 * (1 - Math.tanh(1) ** 2)) < 1e-12);
});
