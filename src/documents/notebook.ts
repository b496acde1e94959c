import { UserError } from '../model/errors.js';

/**
 * A Jupyter notebook as Markdown: markdown cells as they are, code cells fenced, and their
 * text outputs after them (a coding part's printed answer is graded like any other).
 */
export function notebookToMarkdown(json: string, path: string): string {
  let nb: {
    cells?: { cell_type?: string; source?: string | string[]; outputs?: { text?: string | string[]; data?: Record<string, string | string[]> }[] }[];
    metadata?: { language_info?: { name?: string } };
  };
  try {
    nb = JSON.parse(json) as typeof nb;
  } catch (e) {
    throw new UserError(`not a valid notebook (${e instanceof Error ? e.message : String(e)})`, path);
  }
  if (!Array.isArray(nb.cells)) throw new UserError('not a notebook: no "cells" list', path);
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('') : (v ?? ''));
  const lang = nb.metadata?.language_info?.name ?? 'python';
  const out: string[] = [];
  for (const cell of nb.cells) {
    const src = text(cell.source).trimEnd();
    if (cell.cell_type === 'markdown' || cell.cell_type === 'raw') {
      if (src) out.push(src);
    } else if (cell.cell_type === 'code') {
      if (src) out.push(`\`\`\`${lang}\n${src}\n\`\`\``);
      const printed = (cell.outputs ?? [])
        .map((o) => text(o.text) || text(o.data?.['text/latex']) || text(o.data?.['text/markdown']) || text(o.data?.['text/plain']))
        .filter((s) => s.trim())
        .join('\n')
        .trimEnd();
      if (printed) out.push(`Output:\n\`\`\`\n${printed}\n\`\`\``);
    }
  }
  return `${out.join('\n\n')}\n`;
}
