import { ComputeError, S, sum, zeros, r, type Matrix, type Scalar } from './tensor.js';

export interface PoolOptions {
  size?: number;
  stride?: number;
}

function windows(x: Matrix, o: PoolOptions): { size: number; stride: number; outH: number; outW: number } {
  const size = o.size ?? 2;
  const stride = o.stride ?? size;
  const outH = Math.floor((x.length - size) / stride) + 1;
  const outW = Math.floor((x[0]!.length - size) / stride) + 1;
  if (outH < 1 || outW < 1) throw new ComputeError(`a ${size}×${size} window does not fit a ${x.length}×${x[0]!.length} input`);
  return { size, stride, outH, outW };
}

function windowAt(x: Matrix, i: number, j: number, size: number, stride: number): { value: Scalar; row: number; col: number }[] {
  const out: { value: Scalar; row: number; col: number }[] = [];
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) out.push({ value: x[i * stride + a]![j * stride + b]!, row: i * stride + a, col: j * stride + b });
  return out;
}

/** Max pooling (default 2×2, stride = size). */
export function maxPool2d(x: Matrix, o: PoolOptions = {}): Matrix {
  const { size, stride, outH, outW } = windows(x, o);
  return Array.from({ length: outH }, (_, i) =>
    Array.from({ length: outW }, (_, j) => windowAt(x, i, j, size, stride).reduce((m, e) => (S.cmp(e.value, m) > 0 ? e.value : m), windowAt(x, i, j, size, stride)[0]!.value)),
  );
}

/** Average pooling (default 2×2, stride = size). */
export function avgPool2d(x: Matrix, o: PoolOptions = {}): Matrix {
  const { size, stride, outH, outW } = windows(x, o);
  return Array.from({ length: outH }, (_, i) => Array.from({ length: outW }, (_, j) => S.div(sum(windowAt(x, i, j, size, stride).map((e) => e.value)), r(size * size))));
}

/**
 * Where the gradient goes through max pooling: each window's upstream gradient to the position
 * of its maximum (the first, on ties), zero elsewhere; overlapping windows add.
 */
export function maxPool2dBackward(x: Matrix, dy: Matrix, o: PoolOptions = {}): Matrix {
  const { size, stride, outH, outW } = windows(x, o);
  const dx = zeros(x.length, x[0]!.length);
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      const w = windowAt(x, i, j, size, stride);
      const best = w.reduce((m, e) => (S.cmp(e.value, m.value) > 0 ? e : m), w[0]!);
      dx[best.row]![best.col] = S.add(dx[best.row]![best.col]!, dy[i]![j]!);
    }
  }
  return dx;
}

/** Average pooling's backward pass: each window's gradient shared equally by its entries. */
export function avgPool2dBackward(x: Matrix, dy: Matrix, o: PoolOptions = {}): Matrix {
  const { size, stride, outH, outW } = windows(x, o);
  const dx = zeros(x.length, x[0]!.length);
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      const share = S.div(dy[i]![j]!, r(size * size));
      for (const e of windowAt(x, i, j, size, stride)) dx[e.row]![e.col] = S.add(dx[e.row]![e.col]!, share);
    }
  }
  return dx;
}

/** Global average pooling: one mean per channel of a C×H×W input. */
export function globalAvgPool(x: Matrix[]): Scalar[] {
  return x.map((channel) => S.div(sum(channel.flat()), r(channel.length * channel[0]!.length)));
}
