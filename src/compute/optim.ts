import { ComputeError, S, num, r, type Scalar } from './tensor.js';

const vec = (a: Scalar[], b: Scalar[], f: (x: Scalar, y: Scalar) => Scalar, what: string) => {
  if (a.length !== b.length) throw new ComputeError(`${what}: vectors of different lengths (${a.length} and ${b.length})`);
  return a.map((x, i) => f(x, b[i]!));
};

/**
 * One momentum step. `form: 'ema'` (the default, as in v ← 0.9 v + 0.1 ∇L) averages the
 * gradient in; `form: 'sum'` adds it (v ← β v + ∇L). Then x ← x − lr · v.
 */
export function momentumStep(o: { x: Scalar[]; v: Scalar[]; grad: Scalar[]; beta?: Scalar; lr: Scalar; form?: 'ema' | 'sum' }): { v: Scalar[]; x: Scalar[] } {
  const beta = o.beta ?? r(9, 10);
  const keep = o.form === 'sum' ? r(1) : S.sub(r(1), beta);
  const v = vec(o.v, o.grad, (vi, g) => S.add(S.mul(beta, vi), S.mul(keep, g)), 'momentum');
  return { v, x: vec(o.x, v, (xi, vi) => S.sub(xi, S.mul(o.lr, vi)), 'momentum') };
}

/** One Adam step at iteration t (1-based), bias-corrected. */
export function adamStep(o: { x: Scalar[]; m: Scalar[]; v: Scalar[]; grad: Scalar[]; t: number; lr: Scalar; beta1?: Scalar; beta2?: Scalar; eps?: number }): { m: Scalar[]; v: Scalar[]; x: number[] } {
  const b1 = o.beta1 ?? r(9, 10);
  const b2 = o.beta2 ?? r(999, 1000);
  const eps = o.eps ?? 1e-8;
  if (!Number.isInteger(o.t) || o.t < 1) throw new ComputeError('Adam needs the iteration t ≥ 1 for its bias correction');
  const m = vec(o.m, o.grad, (mi, g) => S.add(S.mul(b1, mi), S.mul(S.sub(r(1), b1), g)), 'adam');
  const v = vec(o.v, o.grad, (vi, g) => S.add(S.mul(b2, vi), S.mul(S.sub(r(1), b2), S.mul(g, g))), 'adam');
  const c1 = 1 - num(b1) ** o.t;
  const c2 = 1 - num(b2) ** o.t;
  const x = o.x.map((xi, i) => num(xi) - (num(o.lr) * (num(m[i]!) / c1)) / (Math.sqrt(num(v[i]!) / c2) + eps));
  return { m, v, x };
}

/** One SignSGD step: x ← x − lr · sign(∇L). */
export function signSgdStep(o: { x: Scalar[]; grad: Scalar[]; lr: Scalar }): Scalar[] {
  return vec(o.x, o.grad, (xi, g) => S.sub(xi, S.mul(o.lr, r(Math.sign(num(g))))), 'signsgd');
}
