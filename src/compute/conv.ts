import { ComputeError, S, sum, zeros, type Matrix, type Scalar } from './tensor.js';
import * as Q from '../math/rational.js';

/** How a convolution is done: the conventions a course states (or a model gets wrong). */
export interface ConvOptions {
  stride?: number;
  padding?: number;
  /** `zero` pads with zeros, `circular` wraps around (a torus), `none` means padding 0. */
  padMode?: 'zero' | 'circular' | 'none';
  dilation?: number;
  /** true: convolution (the kernel is flipped); false: cross-correlation (what DL frameworks call convolution). */
  flip?: boolean;
}

function flip2(h: Matrix): Matrix {
  return [...h].reverse().map((row) => [...row].reverse());
}

function padded(x: Matrix, p: number, mode: ConvOptions['padMode']): (i: number, j: number) => Scalar {
  const H = x.length;
  const W = x[0]!.length;
  return (i, j) => {
    const a = i - p;
    const b = j - p;
    if (a >= 0 && a < H && b >= 0 && b < W) return x[a]![b]!;
    if (mode === 'circular') return x[((a % H) + H) % H]![((b % W) + W) % W]!;
    return Q.ZERO;
  };
}

function check(stride: number, padding: number, dilation: number): void {
  if (!Number.isInteger(stride) || stride < 1) throw new ComputeError(`stride must be a whole number ≥ 1; it is ${stride}`);
  if (!Number.isInteger(padding) || padding < 0) throw new ComputeError(`padding must be a whole number ≥ 0; it is ${padding}`);
  if (!Number.isInteger(dilation) || dilation < 1) throw new ComputeError(`dilation must be a whole number ≥ 1; it is ${dilation}`);
}

/**
 * 2-D convolution of one channel: `flip: true` (the default) flips the kernel as the signals
 * definition does; `flip: false` is cross-correlation. Output size ⌊(H + 2P − D(K−1) − 1)/S⌋ + 1.
 */
export function conv2d(x: Matrix, h: Matrix, o: ConvOptions = {}): Matrix {
  const stride = o.stride ?? 1;
  const padding = o.padMode === 'none' ? 0 : (o.padding ?? 0);
  const dilation = o.dilation ?? 1;
  check(stride, padding, dilation);
  const k = o.flip === false ? h : flip2(h);
  const KH = k.length;
  const KW = k[0]!.length;
  const H = x.length + 2 * padding;
  const W = x[0]!.length + 2 * padding;
  const outH = Math.floor((H - dilation * (KH - 1) - 1) / stride) + 1;
  const outW = Math.floor((W - dilation * (KW - 1) - 1) / stride) + 1;
  if (outH < 1 || outW < 1) throw new ComputeError(`the kernel (${KH}×${KW}, dilation ${dilation}) is larger than the padded input (${H}×${W})`);
  const at = padded(x, padding, o.padMode);
  const out = zeros(outH, outW);
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      const terms: Scalar[] = [];
      for (let a = 0; a < KH; a++) for (let b = 0; b < KW; b++) terms.push(S.mul(k[a]![b]!, at(i * stride + a * dilation, j * stride + b * dilation)));
      out[i]![j] = sum(terms);
    }
  }
  return out;
}

/** 1-D convolution (or cross-correlation, `flip: false`), as `conv2d` on one row. */
export function conv1d(x: Scalar[], h: Scalar[], o: ConvOptions = {}): Scalar[] {
  const stride = o.stride ?? 1;
  const padding = o.padMode === 'none' ? 0 : (o.padding ?? 0);
  const dilation = o.dilation ?? 1;
  check(stride, padding, dilation);
  const k = o.flip === false ? h : [...h].reverse();
  const N = x.length + 2 * padding;
  const n = Math.floor((N - dilation * (k.length - 1) - 1) / stride) + 1;
  if (n < 1) throw new ComputeError(`the kernel (length ${k.length}) is longer than the padded input (${N})`);
  const at = (i: number): Scalar => {
    const a = i - padding;
    if (a >= 0 && a < x.length) return x[a]!;
    if (o.padMode === 'circular') return x[((a % x.length) + x.length) % x.length]!;
    return Q.ZERO;
  };
  return Array.from({ length: n }, (_, i) => sum(k.map((w, a) => S.mul(w, at(i * stride + a * dilation)))));
}

/**
 * Multi-channel convolution as in CNN layers: x is C×H×W, w is F×C×K×K, bias has F entries;
 * the output is F×H'×W'. `flip` as in `conv2d` (CNN layers usually do not flip: `flip: false`).
 */
export function convLayer(x: Matrix[], w: Matrix[][], bias: Scalar[] | undefined, o: ConvOptions = {}): Matrix[] {
  if (w.some((f) => f.length !== x.length)) throw new ComputeError(`each filter must have ${x.length} channels, one per input channel`);
  return w.map((filter, f) => {
    const perChannel = filter.map((kernel, c) => conv2d(x[c]!, kernel, o));
    return perChannel[0]!.map((row, i) => row.map((_, j) => S.add(sum(perChannel.map((m) => m[i]![j]!)), bias?.[f] ?? Q.ZERO)));
  });
}

/**
 * Transposed convolution: every input entry scatters a copy of the kernel scaled by it, `stride`
 * apart; overlaps add; `padding` crops that many entries from each side.
 */
export function convTranspose2d(x: Matrix, h: Matrix, o: { stride?: number; padding?: number } = {}): Matrix {
  const stride = o.stride ?? 1;
  const padding = o.padding ?? 0;
  check(stride, padding, 1);
  const KH = h.length;
  const KW = h[0]!.length;
  const H = (x.length - 1) * stride + KH;
  const W = (x[0]!.length - 1) * stride + KW;
  const full = zeros(H, W);
  x.forEach((row, i) =>
    row.forEach((v, j) => {
      for (let a = 0; a < KH; a++) for (let b = 0; b < KW; b++) full[i * stride + a]![j * stride + b] = S.add(full[i * stride + a]![j * stride + b]!, S.mul(v, h[a]![b]!));
    }),
  );
  if (2 * padding >= H || 2 * padding >= W) throw new ComputeError('the padding crops away the whole output');
  return full.slice(padding, H - padding).map((row) => row.slice(padding, W - padding));
}

/** Transposed convolution in 1-D (seed 003's `[ax, ay, az + bx, by, ...]`). */
export function convTranspose1d(x: Scalar[], h: Scalar[], o: { stride?: number; padding?: number } = {}): Scalar[] {
  const padding = o.padding ?? 0;
  const row = convTranspose2d([x], [h], { stride: o.stride ?? 1 })[0]!;
  if (2 * padding >= row.length) throw new ComputeError('the padding crops away the whole output');
  return row.slice(padding, row.length - padding);
}
