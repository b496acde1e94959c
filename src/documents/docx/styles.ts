import { attr, child, childrenNamed, childVal, type Element, W } from './xml.js';

/** What a paragraph style means to the reader: a heading level, a list it numbers. */
export interface ParagraphStyle {
  /** 1 for "heading 1" and "Title", ... */
  heading?: number;
  numId?: string;
  ilvl?: number;
}

/**
 * Paragraph styles from `word/styles.xml`, with what they inherit (`w:basedOn`). A heading is
 * known by its built-in name ("heading 2", the same in every language's Word) or its outline
 * level, not by its id (a German Word names it "berschrift2").
 */
export class Styles {
  private readonly byId = new Map<string, { name: string; basedOn?: string; pPr?: Element }>();

  constructor(root: Element | undefined) {
    if (!root) return;
    for (const s of childrenNamed(root, W, 'style')) {
      if (attr(s, W, 'type') !== 'paragraph') continue;
      const basedOn = childVal(s, W, 'basedOn');
      const pPr = child(s, W, 'pPr');
      this.byId.set(attr(s, W, 'styleId') ?? '', { name: (childVal(s, W, 'name') ?? '').toLowerCase(), ...(basedOn ? { basedOn } : {}), ...(pPr ? { pPr } : {}) });
    }
  }

  /** The style `id` means, following `w:basedOn` (a cycle stops the walk). */
  of(id: string | undefined): ParagraphStyle {
    const out: ParagraphStyle = {};
    const seen = new Set<string>();
    for (let cur = id; cur && !seen.has(cur); cur = this.byId.get(cur)?.basedOn) {
      seen.add(cur);
      const s = this.byId.get(cur);
      const named = /^heading\s*(\d)$/.exec(s?.name ?? '') ?? /^Heading(\d)$/.exec(cur);
      const outline = childVal(s?.pPr, W, 'outlineLvl');
      if (out.heading === undefined) {
        if (named) out.heading = Number(named[1]);
        else if (s?.name === 'title' || cur === 'Title') out.heading = 1;
        else if (outline !== undefined && Number(outline) < 9) out.heading = Number(outline) + 1;
      }
      const numPr = child(s?.pPr, W, 'numPr');
      if (numPr && out.numId === undefined) {
        const numId = childVal(numPr, W, 'numId');
        if (numId !== undefined) out.numId = numId;
        out.ilvl = Number(childVal(numPr, W, 'ilvl') ?? '0');
      }
    }
    return out;
  }
}
