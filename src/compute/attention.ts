import { ComputeError, matmul, num, transpose, type Matrix, type Scalar } from './tensor.js';

/** Softmax of a vector (doubles: exponentials are not rational). */
export function softmax(v: Scalar[]): number[] {
  const xs = v.map(num);
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** Scaled dot-product attention: softmax(Q Kᵀ / √d_k) V, the softmax taken row by row. */
export function attention(q: Matrix, k: Matrix, v: Matrix): { weights: number[][]; output: Scalar[][] } {
  if (q[0]!.length !== k[0]!.length) throw new ComputeError(`Q and K must have the same width (d_k); they have ${q[0]!.length} and ${k[0]!.length}`);
  const dk = q[0]!.length;
  const scores = matmul(q, transpose(k)).map((row) => row.map((s) => num(s) / Math.sqrt(dk)));
  const weights = scores.map(softmax);
  return { weights, output: matmul(weights, v) };
}
