import { openPdf } from './load.js';
import type { Box } from './layout.js';

/**
 * Renders a page, or a region of it (PDF user space, y up), to PNG. `scale` is pixels per PDF
 * point (2 ≈ 144 dpi). Reports use it to show the spot an answer was read from.
 */
export async function renderRegion(bytes: Uint8Array, page: number, box?: Box, scale = 2): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await openPdf(bytes);
  try {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
    p.cleanup();
    if (!box) return canvas.toBuffer('image/png');
    // PDF space to pixels: x grows right, y grows down from the page's top.
    const [vx0, vy0, , vy1] = p.view as [number, number, number, number];
    const pad = 4;
    const left = Math.max(0, Math.floor((box.x0 - vx0) * scale) - pad);
    const top = Math.max(0, Math.floor((vy1 - box.y1) * scale) - pad);
    const width = Math.min(canvas.width - left, Math.ceil((box.x1 - box.x0) * scale) + 2 * pad);
    const height = Math.min(canvas.height - top, Math.ceil((box.y1 - box.y0) * scale) + 2 * pad);
    void vy0;
    const out = createCanvas(Math.max(1, width), Math.max(1, height));
    out.getContext('2d').drawImage(canvas, left, top, width, height, 0, 0, width, height);
    return out.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
