/**
 * Dense real matrices as values at a test point: a matrix symbol's random value, a written
 * `\begin{bmatrix}`, and what products, sums and transposes of them give. Products do not
 * commute, so `B^T A^T g` and `A^T B^T g` differ at almost every point.
 */
export class Matrix {
  constructor(
    readonly rows: number,
    readonly cols: number,
    /** Entries, row by row. */
    readonly data: number[],
  ) {}

  at(i: number, j: number): number {
    return this.data[i * this.cols + j]!;
  }

  map(f: (x: number) => number): Matrix {
    return new Matrix(this.rows, this.cols, this.data.map(f));
  }

  transpose(): Matrix {
    const out: number[] = new Array(this.rows * this.cols);
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) out[j * this.rows + i] = this.data[i * this.cols + j]!;
    return new Matrix(this.cols, this.rows, out);
  }

  sameShape(o: Matrix): boolean {
    return this.rows === o.rows && this.cols === o.cols;
  }

  /** `this + o` entry by entry, or undefined when the shapes differ. */
  add(o: Matrix): Matrix | undefined {
    if (!this.sameShape(o)) return undefined;
    return new Matrix(
      this.rows,
      this.cols,
      this.data.map((x, k) => x + o.data[k]!),
    );
  }

  /** The matrix product `this · o`, or undefined when the inner sizes differ. */
  mul(o: Matrix): Matrix | undefined {
    if (this.cols !== o.rows) return undefined;
    const out = new Array<number>(this.rows * o.cols).fill(0);
    for (let i = 0; i < this.rows; i++) {
      for (let k = 0; k < this.cols; k++) {
        const a = this.data[i * this.cols + k]!;
        for (let j = 0; j < o.cols; j++) out[i * o.cols + j]! += a * o.data[k * o.cols + j]!;
      }
    }
    return new Matrix(this.rows, o.cols, out);
  }

  /** The inverse by Gauss-Jordan elimination, or undefined for a singular or non-square matrix. */
  inverse(): Matrix | undefined {
    const n = this.rows;
    if (n !== this.cols) return undefined;
    const a = this.data.slice();
    const inv = identity(n).data.slice();
    for (let c = 0; c < n; c++) {
      let p = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[p * n + c]!)) p = r;
      if (Math.abs(a[p * n + c]!) < 1e-12) return undefined;
      for (let k = 0; k < n; k++) {
        [a[c * n + k], a[p * n + k]] = [a[p * n + k]!, a[c * n + k]!];
        [inv[c * n + k], inv[p * n + k]] = [inv[p * n + k]!, inv[c * n + k]!];
      }
      const d = a[c * n + c]!;
      for (let k = 0; k < n; k++) {
        a[c * n + k]! /= d;
        inv[c * n + k]! /= d;
      }
      for (let r = 0; r < n; r++) {
        if (r === c) continue;
        const f = a[r * n + c]!;
        if (f === 0) continue;
        for (let k = 0; k < n; k++) {
          a[r * n + k]! -= f * a[c * n + k]!;
          inv[r * n + k]! -= f * inv[c * n + k]!;
        }
      }
    }
    return new Matrix(n, n, inv);
  }

  /** The determinant of a square matrix (NaN for any other), by elimination with partial pivoting. */
  determinant(): number {
    const n = this.rows;
    if (n !== this.cols) return Number.NaN;
    const a = this.data.slice();
    let det = 1;
    for (let c = 0; c < n; c++) {
      let p = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[p * n + c]!)) p = r;
      if (a[p * n + c] === 0) return 0;
      if (p !== c) {
        det = -det;
        for (let k = 0; k < n; k++) [a[c * n + k], a[p * n + k]] = [a[p * n + k]!, a[c * n + k]!];
      }
      const d = a[c * n + c]!;
      det *= d;
      for (let r = c + 1; r < n; r++) {
        const f = a[r * n + c]! / d;
        if (f !== 0) for (let k = c; k < n; k++) a[r * n + k]! -= f * a[c * n + k]!;
      }
    }
    return det;
  }

  /** An integer power of a square matrix (negative powers through the inverse). */
  pow(k: number): Matrix | undefined {
    if (this.rows !== this.cols || !Number.isInteger(k) || Math.abs(k) > 64) return undefined;
    let base: Matrix | undefined = k < 0 ? this.inverse() : this;
    if (!base) return undefined;
    let out = identity(this.rows);
    for (let e = Math.abs(k); e > 0; e >>= 1) {
      if (e & 1) out = out.mul(base)!;
      base = base.mul(base)!;
    }
    return out;
  }

  /** The Frobenius norm (the 2-norm of a vector written as a matrix). */
  frobenius(): number {
    return Math.hypot(...this.data);
  }

  /** The induced 1-norm (largest absolute column sum) or, with `rows`, the ∞-norm (largest absolute row sum). */
  inducedNorm(rows: boolean): number {
    const [outer, inner] = rows ? [this.rows, this.cols] : [this.cols, this.rows];
    let best = 0;
    for (let a = 0; a < outer; a++) {
      let sum = 0;
      for (let b = 0; b < inner; b++) sum += Math.abs(rows ? this.data[a * this.cols + b]! : this.data[b * this.cols + a]!);
      best = Math.max(best, sum);
    }
    return best;
  }

  /** The spectral norm (largest singular value), by power iteration on `AᵀA`. */
  spectral(): number {
    if (this.rows === 1 || this.cols === 1) return this.frobenius();
    const ata = this.transpose().mul(this)!;
    let v = new Matrix(
      ata.rows,
      1,
      Array.from({ length: ata.rows }, (_, i) => 1 + i / 7),
    );
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const w = ata.mul(v)!;
      const norm = w.frobenius();
      if (norm === 0) return 0;
      v = w.map((x) => x / norm);
      if (Math.abs(norm - lambda) <= 1e-13 * norm) break;
      lambda = norm;
    }
    return Math.sqrt(lambda);
  }
}

/** The n×n identity. */
export function identity(n: number): Matrix {
  const data = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return new Matrix(n, n, data);
}
