import { ComputeError, num, type Scalar } from './tensor.js';

export type Activation = 'tanh' | 'sigmoid' | 'relu' | 'identity';

const ACT: Record<Activation, [(x: number) => number, (x: number) => number]> = {
  tanh: [Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  sigmoid: [
    (x) => 1 / (1 + Math.exp(-x)),
    (x) => {
      const s = 1 / (1 + Math.exp(-x));
      return s * (1 - s);
    },
  ],
  relu: [(x) => Math.max(0, x), (x) => (x > 0 ? 1 : 0)],
  identity: [(x) => x, () => 1],
};

function activation(name: string): [(x: number) => number, (x: number) => number] {
  const a = ACT[name as Activation];
  if (!a) throw new ComputeError(`unknown activation "${name}" (tanh, sigmoid, relu, identity)`);
  return a;
}

/** One step of a scalar RNN h_t = σ(w h_{t−1} + u x_t + b). */
export function rnnStep(o: { h: Scalar; w: Scalar; x?: Scalar; u?: Scalar; b?: Scalar; activation?: Activation }): number {
  const [f] = activation(o.activation ?? 'tanh');
  return f(num(o.w) * num(o.h) + num(o.u ?? 0) * num(o.x ?? 0) + num(o.b ?? 0));
}

/** Backpropagation through that step: dL/dh_{t−1} = a · w · σ'(w h_{t−1} + u x_t + b), with a = dL/dh_t. */
export function rnnStepGrad(o: { a: Scalar; h: Scalar; w: Scalar; x?: Scalar; u?: Scalar; b?: Scalar; activation?: Activation }): number {
  const [, df] = activation(o.activation ?? 'tanh');
  return num(o.a) * num(o.w) * df(num(o.w) * num(o.h) + num(o.u ?? 0) * num(o.x ?? 0) + num(o.b ?? 0));
}
