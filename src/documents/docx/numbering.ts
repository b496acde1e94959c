import { formatCounter } from '../counters.js';
import { attr, child, childrenNamed, childVal, type Element, W } from './xml.js';

/**
 * Word's automatic list numbering (`word/numbering.xml`). The labels a list prints — `1.`,
 * `(a)`, `ii.` — are not in the document's text, exactly as LaTeX's enumerate does not write
 * them; the parts of a problem are often numbered this way, so the reader counts them as Word
 * does and writes them out.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:isLgl`: every counter of the label in decimal. */
  legal: boolean;
}

interface NumInstance {
  abstractId: string;
  /** `w:lvlOverride`: levels this instance restarts or redefines. */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

function readLevel(lvl: Element): Level {
  return {
    start: Number(childVal(lvl, W, 'start') ?? '1') || 0,
    format: childVal(lvl, W, 'numFmt') ?? 'decimal',
    text: childVal(lvl, W, 'lvlText') ?? '',
    legal: child(lvl, W, 'isLgl') !== undefined,
  };
}

function levelsOf(el: Element): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const lvl of childrenNamed(el, W, 'lvl')) out.set(Number(attr(lvl, W, 'ilvl') ?? '0'), readLevel(lvl));
  return out;
}

/** The label of each numbered paragraph, counted in document order. */
export class ListNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counters per list: a `w:num` that restarts (`w:startOverride`) counts alone, others share their abstract list's. */
  private readonly counters = new Map<string, number[]>();

  constructor(root: Element | undefined) {
    if (!root) return;
    for (const a of childrenNamed(root, W, 'abstractNum')) this.abstracts.set(attr(a, W, 'abstractNumId') ?? '', levelsOf(a));
    for (const n of childrenNamed(root, W, 'num')) {
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const o of childrenNamed(n, W, 'lvlOverride')) {
        const ilvl = Number(attr(o, W, 'ilvl') ?? '0');
        const start = childVal(o, W, 'startOverride');
        if (start !== undefined) starts.set(ilvl, Number(start) || 0);
        const lvl = child(o, W, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(attr(n, W, 'numId') ?? '', { abstractId: childVal(n, W, 'abstractNumId') ?? '', starts, levels });
    }
  }

  private level(num: NumInstance, ilvl: number): Level | undefined {
    return num.levels.get(ilvl) ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /**
   * Counts one paragraph of list `numId` at level `ilvl` and returns its label: `(b)`, `2.`,
   * `1.3`; `-` for a bullet; undefined for no list (`numId` 0) or an unlabelled level.
   */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const lvl = this.level(num, ilvl);
    if (!lvl) return undefined;
    const key = num.starts.size ? `num:${numId}` : `abstract:${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = [];
      this.counters.set(key, counters);
    }
    const startOf = (l: number) => num.starts.get(l) ?? this.level(num, l)?.start ?? 1;
    counters[ilvl] = (counters[ilvl] ?? startOf(ilvl) - 1) + 1;
    // A deeper level starts again under each new item of this one.
    counters.length = ilvl + 1;
    if (lvl.format === 'bullet') return '-';
    const label = lvl.text.replace(/%(\d)/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const n = counters[l] ?? startOf(l);
      return formatCounter(n, lvl.legal ? 'decimal' : (this.level(num, l)?.format ?? 'decimal'));
    });
    return label.trim() || undefined;
  }
}
