import { ComputeError, asInteger, asMatrix, asVector, matmul, num, r, shapeOf, tensorFromNode, tensorLatex, transpose, type Matrix, type Scalar, type Tensor } from './tensor.js';
import { conv1d, conv2d, convLayer, convTranspose1d, convTranspose2d } from './conv.js';
import { avgPool2d, avgPool2dBackward, globalAvgPool, maxPool2d, maxPool2dBackward } from './pool.js';
import { batchNormStats, instanceNormStats, layerNormStats, type Batch } from './norm.js';
import { attention, softmax } from './attention.js';
import { adamStep, momentumStep, signSgdStep } from './optim.js';
import { rnnStep, rnnStepGrad, type Activation } from './rnn.js';
import { convStats, depthwiseSeparableStats, layerTable, outputSize, receptiveField } from './layers.js';
import { parseMath } from '../math/latex/parse.js';
import type { MistakeCategory } from '../model/verdict.js';

/** A parsed `compute:` expression: a call with positional and named arguments. */
export interface Call {
  fn: string;
  args: Arg[];
  named: Record<string, Arg>;
}
export type Arg = { name: string } | { value: number } | { text: string } | { call: Call };

/** What a computation gives a key: a value (as LaTeX the checker reads) or a whole table. */
export type Computed =
  | { latex: string; type?: 'matrix' | 'vector' | 'tuple' | 'shape' | 'number' }
  | { table: { columns: string[]; rows: Record<string, string[]>; column_types: Record<string, 'number' | 'shape'> } };

/** Reads `conv2d(x, h, stride=2, padding=1)` (nested calls allowed). */
export function parseCall(src: string): Call {
  let i = 0;
  const s = src.trim();
  const fail = (msg: string): never => {
    throw new ComputeError(`cannot read compute "${src}": ${msg} at character ${i + 1}`);
  };
  const ws = () => {
    while (/\s/.test(s[i] ?? '')) i++;
  };
  const ident = (): string => {
    ws();
    const m = /^[A-Za-z_][\w.]*/.exec(s.slice(i));
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const arg = (): Arg => {
    ws();
    const rest = s.slice(i);
    const n = /^-?\d+(?:\.\d+)?(?:\/\d+)?/.exec(rest);
    if (n) {
      i += n[0].length;
      const [a, b] = n[0].split('/');
      return { value: b ? Number(a) / Number(b) : Number(a) };
    }
    if (rest[0] === "'" || rest[0] === '"') {
      const end = rest.indexOf(rest[0], 1);
      if (end < 0) fail('a string is never closed');
      i += end + 1;
      return { text: rest.slice(1, end) };
    }
    const name = ident();
    ws();
    if (s[i] === '(') return { call: callRest(name) };
    return { name };
  };
  const callRest = (fn: string): Call => {
    i++; // (
    const call: Call = { fn, args: [], named: {} };
    ws();
    if (s[i] === ')') {
      i++;
      return call;
    }
    for (;;) {
      ws();
      const save = i;
      const m = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(s.slice(i));
      if (m) {
        i += m[0].length;
        call.named[m[1]!] = arg();
      } else {
        i = save;
        call.args.push(arg());
      }
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ')') {
        i++;
        return call;
      }
      fail('expected "," or ")"');
    }
  };
  const fn = ident();
  ws();
  if (s[i] !== '(') fail('expected "(" after the function name');
  const call = callRest(fn);
  ws();
  if (i < s.length) fail('unexpected text after the call');
  return call;
}

/** Named values of the question (the key's `data:`), read from LaTeX as exact tensors. */
export function readData(data: Record<string, string | number>): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, value] of Object.entries(data)) {
    try {
      out[name] = typeof value === 'number' ? (Number.isInteger(value) ? r(value) : value) : tensorFromNode(parseMath(value));
    } catch (e) {
      throw new ComputeError(`data.${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}

type Value = Tensor | string | boolean;

interface Fn {
  run: (a: Args) => Computed | Tensor;
  /** Answers other conventions give, with how to say what happened. */
  variants?: (call: Call) => { call: Call; label: string; category: MistakeCategory }[];
}

class Args {
  constructor(
    private readonly call: Call,
    private readonly data: Record<string, Tensor>,
    private readonly evalCall: (c: Call) => Tensor,
  ) {}
  private resolve(a: Arg, what: string): Value {
    if ('value' in a) return Number.isInteger(a.value) ? r(a.value) : a.value;
    if ('text' in a) return a.text;
    if ('call' in a) return this.evalCall(a.call);
    if (a.name === 'true' || a.name === 'false') return a.name === 'true';
    const v = this.data[a.name];
    if (v === undefined) throw new ComputeError(`${this.call.fn}: ${what} names "${a.name}", which data does not define`);
    return v;
  }
  get(index: number, name: string): Value | undefined {
    const a = this.call.named[name] ?? this.call.args[index];
    return a === undefined ? undefined : this.resolve(a, name);
  }
  need(index: number, name: string): Value {
    const v = this.get(index, name);
    if (v === undefined) throw new ComputeError(`${this.call.fn}: missing ${name}`);
    return v;
  }
  tensor(index: number, name: string): Tensor {
    const v = this.need(index, name);
    if (typeof v === 'string' || typeof v === 'boolean') throw new ComputeError(`${this.call.fn}: ${name} must be a value, not "${String(v)}"`);
    return v;
  }
  matrix(index: number, name: string): Matrix {
    return asMatrix(this.tensor(index, name), `${this.call.fn}: ${name}`);
  }
  vector(index: number, name: string): Scalar[] {
    return asVector(this.tensor(index, name), `${this.call.fn}: ${name}`);
  }
  int(index: number, name: string, fallback?: number): number {
    const v = this.get(index, name);
    if (v === undefined) {
      if (fallback === undefined) throw new ComputeError(`${this.call.fn}: missing ${name}`);
      return fallback;
    }
    if (typeof v === 'string' || typeof v === 'boolean') throw new ComputeError(`${this.call.fn}: ${name} must be a number`);
    return asInteger(v, `${this.call.fn}: ${name}`);
  }
  scalar(index: number, name: string, fallback?: Scalar): Scalar {
    const v = this.get(index, name);
    if (v === undefined) {
      if (fallback === undefined) throw new ComputeError(`${this.call.fn}: missing ${name}`);
      return fallback;
    }
    if (typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v)) throw new ComputeError(`${this.call.fn}: ${name} must be a number`);
    return v;
  }
  text(index: number, name: string, fallback?: string): string {
    const v = this.get(index, name);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string') throw new ComputeError(`${this.call.fn}: ${name} must be text in quotes`);
    return v;
  }
  flag(name: string, fallback: boolean): boolean {
    const v = this.get(-1, name);
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw new ComputeError(`${this.call.fn}: ${name} must be true or false`);
    return v;
  }
}

const withNamed = (call: Call, changes: Record<string, Arg>): Call => ({ ...call, named: { ...call.named, ...changes } });
const namedNumber = (call: Call, name: string, index: number): number | undefined => {
  const a = call.named[name] ?? call.args[index];
  return a && 'value' in a ? a.value : undefined;
};
const namedFlag = (call: Call, name: string, fallback: boolean): boolean => {
  const a = call.named[name];
  return a && 'name' in a ? a.name === 'true' : fallback;
};

/** Variants of a convolution: the kernel flipped or not, padding dropped or added, the stride misread, circular vs zero padding. */
function convVariants(defaultFlip: boolean) {
  return (call: Call) => {
    const flip = namedFlag(call, 'flip', defaultFlip);
    const padding = namedNumber(call, 'padding', 3) ?? 0;
    const stride = namedNumber(call, 'stride', 2) ?? 1;
    const notFlip = { flip: { name: String(!flip) } } as Record<string, Arg>;
    const flipLabel = flip
      ? 'the cross-correlation (kernel not flipped); the question defines convolution with a flipped kernel'
      : 'a true convolution (kernel flipped); the question slides the kernel without flipping it';
    const out: { call: Call; label: string; category: MistakeCategory }[] = [{ call: withNamed(call, notFlip), label: flipLabel, category: 'convention' }];
    const changes: [Record<string, Arg>, string, MistakeCategory][] = [];
    if (padding > 0) changes.push([{ padding: { value: 0 } }, `no padding; the question pads by ${padding}`, 'misread-input']);
    else changes.push([{ padding: { value: 1 } }, 'padding 1; the question has none', 'misread-input']);
    if (stride > 1) changes.push([{ stride: { value: 1 } }, `stride 1; the question's stride is ${stride}`, 'misread-input']);
    const pad = call.named.pad;
    if (pad && 'text' in pad && pad.text === 'circular') changes.push([{ pad: { text: 'zero' } }, 'zero padding; the question pads circularly (wrap-around)', 'convention']);
    if (padding > 0 && !(pad && 'text' in pad && pad.text === 'circular')) changes.push([{ pad: { text: 'circular' } }, 'circular padding; the question pads with zeros', 'convention']);
    for (const [c, label, category] of changes) {
      out.push({ call: withNamed(call, c), label, category });
      out.push({ call: withNamed(call, { ...c, ...notFlip }), label: `${flipLabel}, and ${label}`, category: 'convention' });
    }
    return out;
  };
}

const convOpts = (a: Args, defaultFlip: boolean) => ({
  stride: a.int(2, 'stride', 1),
  padding: a.int(3, 'padding', 0),
  dilation: a.int(4, 'dilation', 1),
  padMode: a.text(5, 'pad', 'zero') as 'zero' | 'circular' | 'none',
  flip: a.flag('flip', defaultFlip),
});

const batch = (t: Tensor, fn: string): Batch => {
  if (shapeOf(t).length !== 4) throw new ComputeError(`${fn}: the batch must be N×C×H×W (nested brackets four deep)`);
  return t as unknown as Batch;
};

const geometry = (a: Args) => ({
  size: a.int(0, 'size'),
  channels: a.int(1, 'channels'),
  kernel: a.int(2, 'kernel'),
  filters: a.int(3, 'filters'),
  stride: a.int(4, 'stride', 1),
  padding: a.int(5, 'padding', 0),
  rounding: a.text(6, 'rounding', 'floor') as 'floor' | 'ceil',
});

const FUNCTIONS: Record<string, Fn> = {
  conv2d: { run: (a) => conv2d(a.matrix(0, 'x'), a.matrix(1, 'h'), convOpts(a, true)), variants: convVariants(true) },
  correlate2d: { run: (a) => conv2d(a.matrix(0, 'x'), a.matrix(1, 'h'), convOpts(a, false)), variants: convVariants(false) },
  conv1d: { run: (a) => conv1d(a.vector(0, 'x'), a.vector(1, 'h'), convOpts(a, true)), variants: convVariants(true) },
  correlate1d: { run: (a) => conv1d(a.vector(0, 'x'), a.vector(1, 'h'), convOpts(a, false)), variants: convVariants(false) },
  conv_layer: {
    run: (a) => convLayer(a.tensor(0, 'x') as Matrix[], a.tensor(1, 'w') as Matrix[][], a.get(-1, 'bias') ? asVector(a.tensor(-1, 'bias'), 'bias') : undefined, convOpts(a, false)),
  },
  conv_transpose2d: { run: (a) => convTranspose2d(a.matrix(0, 'x'), a.matrix(1, 'h'), { stride: a.int(2, 'stride', 1), padding: a.int(3, 'padding', 0) }) },
  conv_transpose1d: { run: (a) => convTranspose1d(a.vector(0, 'x'), a.vector(1, 'h'), { stride: a.int(2, 'stride', 1), padding: a.int(3, 'padding', 0) }) },
  maxpool2d: {
    run: (a) => maxPool2d(a.matrix(0, 'x'), { size: a.int(1, 'size', 2), stride: a.int(2, 'stride', a.int(1, 'size', 2)) }),
    variants: (call) => [{ call: { ...call, fn: 'avgpool2d' }, label: 'average pooling; the question asks for max pooling', category: 'wrong-method' }],
  },
  avgpool2d: {
    run: (a) => avgPool2d(a.matrix(0, 'x'), { size: a.int(1, 'size', 2), stride: a.int(2, 'stride', a.int(1, 'size', 2)) }),
    variants: (call) => [{ call: { ...call, fn: 'maxpool2d' }, label: 'max pooling; the question asks for average pooling', category: 'wrong-method' }],
  },
  maxpool2d_backward: {
    run: (a) => maxPool2dBackward(a.matrix(0, 'x'), a.matrix(1, 'dy'), { size: a.int(2, 'size', 2), stride: a.int(3, 'stride', a.int(2, 'size', 2)) }),
    variants: (call) => [{ call: { ...call, fn: 'avgpool2d_backward' }, label: 'the gradient spread evenly, as average pooling does; max pooling routes it to the maximum', category: 'wrong-method' }],
  },
  avgpool2d_backward: {
    run: (a) => avgPool2dBackward(a.matrix(0, 'x'), a.matrix(1, 'dy'), { size: a.int(2, 'size', 2), stride: a.int(3, 'stride', a.int(2, 'size', 2)) }),
    variants: (call) => [
      { call: { ...call, fn: 'maxpool2d_backward' }, label: 'the gradient routed to the maximum, as max pooling does; average pooling spreads it evenly', category: 'wrong-method' },
    ],
  },
  gap: { run: (a) => globalAvgPool(a.tensor(0, 'x') as Matrix[]) },
  batchnorm_mean: { run: (a) => batchNormStats(batch(a.tensor(0, 'batch'), 'batchnorm_mean')).mean, variants: normVariants('batchnorm') },
  batchnorm_var: { run: (a) => batchNormStats(batch(a.tensor(0, 'batch'), 'batchnorm_var')).variance },
  layernorm_mean: { run: (a) => layerNormStats(batch(a.tensor(0, 'batch'), 'layernorm_mean')).mean, variants: normVariants('layernorm') },
  layernorm_var: { run: (a) => layerNormStats(batch(a.tensor(0, 'batch'), 'layernorm_var')).variance },
  instancenorm_mean: { run: (a) => instanceNormStats(batch(a.tensor(0, 'batch'), 'instancenorm_mean')).mean, variants: normVariants('instancenorm') },
  instancenorm_var: { run: (a) => instanceNormStats(batch(a.tensor(0, 'batch'), 'instancenorm_var')).variance },
  softmax: { run: (a) => softmax(a.vector(0, 'v')) },
  attention: {
    run: (a) => attention(a.matrix(0, 'Q'), a.matrix(1, 'K'), a.matrix(2, 'V')).output,
  },
  matmul: { run: (a) => matmul(a.matrix(0, 'a'), a.matrix(1, 'b')) },
  transpose: { run: (a) => transpose(a.matrix(0, 'a')) },
  momentum: {
    run: (a) => {
      const step = momentumStep({
        x: a.vector(0, 'x'),
        v: a.vector(1, 'v'),
        grad: a.vector(2, 'grad'),
        beta: a.scalar(3, 'beta', r(9, 10)),
        lr: a.scalar(4, 'lr'),
        form: a.text(5, 'form', 'ema') as 'ema' | 'sum',
      });
      return a.text(6, 'out', 'x') === 'v' ? step.v : step.x;
    },
  },
  adam: {
    run: (a) => {
      const step = adamStep({ x: a.vector(0, 'x'), m: a.vector(1, 'm'), v: a.vector(2, 'v'), grad: a.vector(3, 'grad'), t: a.int(4, 't'), lr: a.scalar(5, 'lr') });
      const out = a.text(6, 'out', 'x');
      return out === 'm' ? step.m : out === 'v' ? step.v : step.x;
    },
  },
  signsgd: { run: (a) => signSgdStep({ x: a.vector(0, 'x'), grad: a.vector(1, 'grad'), lr: a.scalar(2, 'lr') }) },
  rnn_step: {
    run: (a) =>
      rnnStep({ h: a.scalar(0, 'h'), w: a.scalar(1, 'w'), x: a.scalar(2, 'x', r(0)), u: a.scalar(3, 'u', r(0)), b: a.scalar(4, 'b', r(0)), activation: a.text(5, 'activation', 'tanh') as Activation }),
  },
  rnn_grad: {
    run: (a) =>
      rnnStepGrad({
        a: a.scalar(0, 'a'),
        h: a.scalar(1, 'h'),
        w: a.scalar(2, 'w'),
        x: a.scalar(3, 'x', r(0)),
        u: a.scalar(4, 'u', r(0)),
        b: a.scalar(5, 'b', r(0)),
        activation: a.text(6, 'activation', 'tanh') as Activation,
      }),
  },
  output_size: {
    run: (a) => r(outputSize(a.int(0, 'n'), a.int(1, 'kernel'), a.int(2, 'stride', 1), a.int(3, 'padding', 0), a.text(4, 'rounding', 'floor') as 'floor' | 'ceil')),
    variants: (call) => [{ call: withNamed(call, { rounding: { text: 'ceil' } }), label: 'rounded up (ceil); the output size rounds down (floor)', category: 'convention' }],
  },
  conv_shape: {
    run: (a) => ({ latex: tensorLatex(convStats(geometry(a)).shape.map((x) => r(x))), type: 'shape' }),
    variants: (call) => [
      { call: withNamed(call, { rounding: { text: 'ceil' } }), label: 'rounded up (ceil); the output size rounds down (floor)', category: 'convention' },
      ...((namedNumber(call, 'padding', 5) ?? 0) > 0 ? [{ call: withNamed(call, { padding: { value: 0 } }), label: 'the padding left out', category: 'misread-input' as MistakeCategory }] : []),
    ],
  },
  conv_params: {
    run: (a) => r(a.flag('bias', true) ? convStats(geometry(a)).parameters : convStats(geometry(a)).parameters - a.int(3, 'filters')),
    variants: (call) => [{ call: withNamed(call, { bias: { name: 'false' } }), label: 'the biases left out', category: 'incomplete' }],
  },
  conv_flops: { run: (a) => r(convStats(geometry(a)).flops) },
  depthwise_separable_params: { run: (a) => r(depthwiseSeparableStats(geometry(a)).parameters) },
  depthwise_separable_flops: { run: (a) => r(depthwiseSeparableStats(geometry(a)).flops) },
  receptive_field: {
    run: (a) => {
      const layers = a.int(0, 'layers');
      return r(receptiveField(Array.from({ length: layers }, () => ({ kernel: a.int(1, 'kernel'), stride: a.int(2, 'stride', 1), dilation: a.int(3, 'dilation', 1) }))));
    },
  },
  layer_table: {
    run: (a) => {
      const input = a
        .text(1, 'input')
        .split(/\s*[x×*,]\s*/)
        .map(Number) as [number, number, number];
      if (input.length !== 3 || input.some((n) => !Number.isInteger(n))) throw new ComputeError('layer_table: input must be like "28x28x1" (W×H×C)');
      const padding = a.get(2, 'padding');
      const rows = layerTable(a.text(0, 'stack'), input, {
        ...(padding === undefined ? {} : { convPadding: typeof padding === 'string' ? 'same' : asInteger(padding as Tensor, 'padding') }),
        convStride: a.int(3, 'stride', 1),
      });
      return {
        table: {
          columns: ['parameters', 'activations'],
          column_types: { parameters: 'number', activations: 'shape' },
          rows: Object.fromEntries(rows.map((row) => [row.layer, [row.parameters.expression, row.activations.expression]])),
        },
      };
    },
  },
};

function normVariants(kind: 'batchnorm' | 'layernorm' | 'instancenorm') {
  const names = { batchnorm: 'batch normalization', layernorm: 'layer normalization', instancenorm: 'instance normalization' };
  return (call: Call) =>
    (['batchnorm', 'layernorm', 'instancenorm'] as const)
      .filter((k) => k !== kind)
      .map((k) => ({ call: { ...call, fn: `${k}_mean` }, label: `the mean of ${names[k]}; the question asks for ${names[kind]}`, category: 'wrong-method' as MistakeCategory }));
}

/** The functions `compute:` knows, for messages and docs. */
export const COMPUTE_FUNCTIONS = Object.keys(FUNCTIONS);

function evalCall(call: Call, data: Record<string, Tensor>): Computed | Tensor {
  const fn = FUNCTIONS[call.fn];
  if (!fn) throw new ComputeError(`unknown function "${call.fn}" (known: ${COMPUTE_FUNCTIONS.join(', ')})`);
  const args = new Args(call, data, (c) => {
    const v = evalCall(c, data);
    if (isComputed(v)) throw new ComputeError(`${c.fn} gives a formatted answer and cannot be an argument of ${call.fn}`);
    return v;
  });
  return fn.run(args);
}

function isComputed(v: Computed | Tensor): v is Computed {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('latex' in v || 'table' in v);
}

function asComputed(v: Computed | Tensor): Computed {
  if (isComputed(v)) return v;
  const t = v as Tensor;
  const s = Array.isArray(t) ? shapeOf(t) : [];
  return { latex: tensorLatex(t), ...(s.length === 2 ? { type: 'matrix' as const } : s.length === 1 ? { type: 'vector' as const } : { type: 'number' as const }) };
}

/** Evaluates a `compute:` expression against the key's data. */
export function compute(expression: string, data: Record<string, Tensor>): Computed {
  return asComputed(evalCall(parseCall(expression), data));
}

/** The answers the usual other conventions give for a computation, each with what it means. */
export function computeVariants(expression: string, data: Record<string, Tensor>): { computed: Computed; label: string; category: MistakeCategory }[] {
  const call = parseCall(expression);
  const variants = FUNCTIONS[call.fn]?.variants?.(call) ?? [];
  const main = compute(expression, data);
  const out: { computed: Computed; label: string; category: MistakeCategory }[] = [];
  for (const v of variants) {
    try {
      const computed = asComputed(evalCall(v.call, data));
      // A variant equal to the answer itself (or to one already listed) names nothing.
      if ('latex' in computed && 'latex' in main && computed.latex === main.latex) continue;
      if (out.some((o) => 'latex' in o.computed && 'latex' in computed && o.computed.latex === computed.latex)) continue;
      out.push({ computed, label: v.label, category: v.category });
    } catch {
      // A variant that cannot be computed (a kernel larger than the unpadded input) names nothing.
    }
  }
  return out;
}

/** The LaTeX of a computed value (not a table). */
export function latexOf(c: Computed): string {
  if (!('latex' in c)) throw new ComputeError('a table has no single LaTeX value');
  return c.latex;
}

/** The value of a computation as a double, for tests and messages. */
export function numeric(t: Tensor): number | number[] | number[][] {
  if (!Array.isArray(t)) return num(t);
  return (t as Tensor[]).map((x) => numeric(x)) as number[] | number[][];
}
