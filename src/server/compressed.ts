import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Gzip of a large response that many clients fetch at one version (a run's grid: 800 kB for
 * 1,500 × 30 cells, about a tenth of that compressed), made once per version on libuv's
 * thread pool: the event loop neither compresses it nor writes ten times its size per
 * request, which held every other request back when 20 reviewers opened the grid at once.
 */
export class CompressedCache {
  private readonly entries = new Map<string, { version: string; body: Promise<Buffer> }>();

  /** The gzip of `text`, which is the content of `key` at `version`. */
  gzip(key: string, version: string, text: string): Promise<Buffer> {
    const known = this.entries.get(key);
    if (known?.version === version) return known.body;
    const body = gzipAsync(text, { level: 6 });
    // A failure is the request's; the next one compresses again.
    body.catch(() => {
      if (this.entries.get(key)?.body === body) this.entries.delete(key);
    });
    this.entries.set(key, { version, body });
    return body;
  }
}

/** Whether a request's Accept-Encoding admits gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}
