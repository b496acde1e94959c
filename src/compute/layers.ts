import { ComputeError } from './tensor.js';

/** One conv layer's geometry: the numbers homework asks about. */
export interface ConvGeometry {
  /** Input width (= height), channels. */
  size: number;
  channels: number;
  kernel: number;
  filters: number;
  stride?: number;
  padding?: number;
  /** `floor` (the default) or `ceil` in the output size, to name the convention a student used. */
  rounding?: 'floor' | 'ceil';
}

/** Output width of a convolution or pooling: ⌊(N + 2P − K)/S⌋ + 1. */
export function outputSize(n: number, kernel: number, stride = 1, padding = 0, rounding: 'floor' | 'ceil' = 'floor'): number {
  const span = n + 2 * padding - kernel;
  if (span < 0) throw new ComputeError(`a kernel of ${kernel} does not fit an input of ${n} with padding ${padding}`);
  return (rounding === 'ceil' ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
}

/** Output shape (filters, width, height), learnable parameters (with biases) and FLOPs (an n-term inner product is n FLOPs). */
export function convStats(g: ConvGeometry): { shape: [number, number, number]; parameters: number; flops: number } {
  const out = outputSize(g.size, g.kernel, g.stride ?? 1, g.padding ?? 0, g.rounding);
  return {
    shape: [g.filters, out, out],
    parameters: (g.kernel * g.kernel * g.channels + 1) * g.filters,
    flops: g.kernel * g.kernel * g.channels * g.filters * out * out,
  };
}

/** A depthwise convolution (one K×K filter per channel) followed by F 1×1 filters: parameters and FLOPs of each step. */
export function depthwiseSeparableStats(g: ConvGeometry): { depthwise: { parameters: number; flops: number }; pointwise: { parameters: number; flops: number }; parameters: number; flops: number } {
  const out = outputSize(g.size, g.kernel, g.stride ?? 1, g.padding ?? 0, g.rounding);
  const depthwise = { parameters: g.channels * (g.kernel * g.kernel + 1), flops: g.kernel * g.kernel * g.channels * out * out };
  const pointwise = { parameters: g.filters * (g.channels + 1), flops: g.filters * out * out * g.channels };
  return { depthwise, pointwise, parameters: depthwise.parameters + pointwise.parameters, flops: depthwise.flops + pointwise.flops };
}

/** Receptive field of a stack of layers (kernel, stride, dilation): 1 + Σ (k−1)·d·Π(earlier strides). */
export function receptiveField(layers: { kernel: number; stride?: number; dilation?: number }[]): number {
  let rf = 1;
  let jump = 1;
  for (const l of layers) {
    rf += (l.kernel - 1) * (l.dilation ?? 1) * jump;
    jump *= l.stride ?? 1;
  }
  return rf;
}

/** A row of a layer table: the expression a student writes and its value. */
export interface LayerRow {
  layer: string;
  parameters: { expression: string; value: number };
  activations: { expression: string; shape: number[] };
  flops: number;
  receptiveField: number;
}

/** How the pieces are defined, as the problem states it (seed 003: CONV3-F pads 1, stride 1; POOL2 is 2×2, stride 2). */
export interface StackConventions {
  convPadding?: number | 'same';
  convStride?: number;
}

const times = (xs: (number | string)[]) => xs.join(' \\times ');

/**
 * The layer table of a stack written as the seeds write it — `CONV3-10 → POOL2 → FLATTEN → FC-3`
 * (also `->`, `,` or new lines between layers; `ReLU` and `GAP` too) — from an input shape
 * W×H×C: each layer's parameters as a computation and its value, the activation shape, FLOPs
 * and receptive field.
 */
export function layerTable(stack: string, input: [number, number, number], conventions: StackConventions = {}): LayerRow[] {
  const names = stack
    .split(/\s*(?:→|->|\\rightarrow|\\to|,|\n)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  let shape: number[] = [...input];
  let rf = 1;
  let jump = 1;
  const rows: LayerRow[] = [];
  const counts = new Map<string, number>();
  for (const name of names) {
    const upper = name.toUpperCase();
    const n = (counts.get(upper) ?? 0) + 1;
    counts.set(upper, n);
    const label = names.filter((x) => x.toUpperCase() === upper).length > 1 ? `${name} (${n})` : name;
    let m: RegExpExecArray | null;
    if ((m = /^CONV(\d+)-(\d+)$/i.exec(name))) {
      const k = Number(m[1]);
      const f = Number(m[2]);
      if (shape.length !== 3) throw new ComputeError(`${name} needs a W×H×C input; it gets ${shape.join('×')}`);
      const [w, h, c] = shape as [number, number, number];
      const stride = conventions.convStride ?? 1;
      const padding = conventions.convPadding === 'same' || conventions.convPadding === undefined ? Math.floor((k - 1) / 2) : conventions.convPadding;
      const ow = outputSize(w, k, stride, padding);
      const oh = outputSize(h, k, stride, padding);
      rows.push({
        layer: label,
        parameters: { expression: `${times([k, k, c, f])} + ${f}`, value: k * k * c * f + f },
        activations: { expression: times([ow, oh, f]), shape: [ow, oh, f] },
        flops: k * k * c * f * ow * oh,
        receptiveField: (rf += (k - 1) * jump),
      });
      jump *= stride;
      shape = [ow, oh, f];
    } else if ((m = /^(?:MAX)?POOL(\d+)$/i.exec(name))) {
      const k = Number(m[1]);
      const [w, h, c] = shape as [number, number, number];
      const ow = outputSize(w, k, k);
      const oh = outputSize(h, k, k);
      rf += (k - 1) * jump;
      jump *= k;
      rows.push({ layer: label, parameters: { expression: '0', value: 0 }, activations: { expression: times([ow, oh, c]), shape: [ow, oh, c] }, flops: 0, receptiveField: rf });
      shape = [ow, oh, c];
    } else if (/^FLATTEN$/i.test(name)) {
      const size = shape.reduce((a, b) => a * b, 1);
      rows.push({ layer: label, parameters: { expression: '0', value: 0 }, activations: { expression: String(size), shape: [size] }, flops: 0, receptiveField: rf });
      shape = [size];
    } else if ((m = /^FC-(\d+)$/i.exec(name))) {
      const k = Number(m[1]);
      const inputs = shape.reduce((a, b) => a * b, 1);
      rows.push({
        layer: label,
        parameters: { expression: `${inputs} \\times ${k} + ${k}`, value: inputs * k + k },
        activations: { expression: String(k), shape: [k] },
        flops: inputs * k,
        receptiveField: rf,
      });
      shape = [k];
    } else if (/^GAP$/i.test(name)) {
      const c = shape[shape.length - 1]!;
      rows.push({ layer: label, parameters: { expression: '0', value: 0 }, activations: { expression: String(c), shape: [c] }, flops: 0, receptiveField: rf });
      shape = [c];
    } else if (/^(?:RELU|TANH|SIGMOID)$/i.test(name)) {
      rows.push({
        layer: label,
        parameters: { expression: '0', value: 0 },
        activations: { expression: shape.length > 1 ? times(shape) : String(shape[0]), shape: [...shape] },
        flops: 0,
        receptiveField: rf,
      });
    } else {
      throw new ComputeError(`unknown layer "${name}" (CONVk-f, POOLk, FLATTEN, FC-k, GAP, ReLU)`);
    }
  }
  return rows;
}
