import type { SymbolTable } from '../model/symbols.js';

/**
 * Matrix symbols a question declares in its own text: `W \in \mathbb{R}^{m \times n}` makes W an
 * m×n matrix, `x \in \mathbb{R}^{n}` a column vector (n×1). Sizes are numbers or symbol names as
 * written (`d_{out}` is `d_out`). A key's own `symbols:` override what is inferred here.
 */
export function matrixSymbolsIn(text: string): SymbolTable {
  const out: SymbolTable = {};
  const re = /(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g;
  for (const m of text.matchAll(re)) {
    const name = canonical(m[1]!.replace(/^\\/, ''));
    const dims = m[2]!.split(/\\times|×|\*/).map((d) => canonical(d.trim()));
    if (!name || dims.some((d) => !d)) continue;
    const size = (d: string): string | number => (/^\d+$/.test(d) ? Number(d) : d);
    if (dims.length === 2) out[name] = { matrix: [size(dims[0]!), size(dims[1]!)] };
    else if (dims.length === 1) out[name] = { matrix: [size(dims[0]!), 1] };
  }
  return out;
}

/** `d_{out}` → `d_out`, `\mathbf{W}` → `W`, `\text{in}` subscripts kept as words. */
function canonical(s: string): string {
  return s
    .replace(/\\(?:mathbf|boldsymbol|bm|mathrm|text)\s*\{([^{}]*)\}/g, '$1')
    .replace(/[{}\s]/g, '')
    .replace(/^\\/, '');
}
