import { ComputeError, S, sum, r, type Matrix, type Scalar } from './tensor.js';

/** A batch as N samples × C channels × H × W. */
export type Batch = Matrix[][];

function mean(xs: Scalar[]): Scalar {
  if (!xs.length) throw new ComputeError('a mean of nothing');
  return S.div(sum(xs), r(xs.length));
}

function variance(xs: Scalar[]): Scalar {
  const m = mean(xs);
  return mean(xs.map((x) => S.mul(S.sub(x, m), S.sub(x, m))));
}

const channelValues = (batch: Batch, c: number) => batch.flatMap((sample) => sample[c]!.flat());

/** Batch normalization: per channel, over the batch and the spatial positions. */
export function batchNormStats(batch: Batch): { mean: Scalar[]; variance: Scalar[] } {
  const C = batch[0]!.length;
  const idx = Array.from({ length: C }, (_, c) => c);
  return { mean: idx.map((c) => mean(channelValues(batch, c))), variance: idx.map((c) => variance(channelValues(batch, c))) };
}

/** Layer normalization: per sample, over its channels and positions. */
export function layerNormStats(batch: Batch): { mean: Scalar[]; variance: Scalar[] } {
  const values = batch.map((sample) => sample.flatMap((ch) => ch.flat()));
  return { mean: values.map(mean), variance: values.map(variance) };
}

/** Instance normalization: per sample and channel (an N×C matrix). */
export function instanceNormStats(batch: Batch): { mean: Matrix; variance: Matrix } {
  return {
    mean: batch.map((sample) => sample.map((ch) => mean(ch.flat()))),
    variance: batch.map((sample) => sample.map((ch) => variance(ch.flat()))),
  };
}
