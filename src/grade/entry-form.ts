import type { AnswerSpec } from '../model/answer-spec.js';
import type { SymbolTable } from '../model/symbols.js';

/**
 * The key's answer as one entry of matrices (`w_{h,l} - \eta\, dw_{h,l}`, every indexed quantity at
 * the same indices), which a response may state for the whole matrices (`w - \eta\, dw`,
 * `w_new = w - eta * dw`): read entry by entry, that is the same answer.
 */
export interface EntryForm {
  /** The indices every indexed quantity of the key's answer carries (`h,l`). */
  index: string;
  /** The indexed quantities written bare: not followed by indices, a script or a call. */
  bare: RegExp;
}

const FORMS = new WeakMap<AnswerSpec, EntryForm | null>();

/** An indexed quantity's entry in the key's LaTeX: `dw_{h,l}` (name, indices). */
const ENTRY = /(?<![\\A-Za-z])([A-Za-z]+)_\{([^{}]+)\}/g;

/**
 * The entry form of a key answer, when all its indexed quantities share one set of indices; made
 * once per key answer (its pattern compiled once). `values`: the key answer as written, not its written-out forms.
 */
export function entryFormOf(spec: AnswerSpec, values: readonly string[], symbols: SymbolTable | undefined): EntryForm | undefined {
  const known = FORMS.get(spec);
  if (known !== undefined) return known ?? undefined;
  const names = new Set<string>();
  const indices = new Set<string>();
  for (const v of values) {
    for (const m of v.matchAll(ENTRY)) {
      if (!symbols?.[m[1]!]?.indexed) continue;
      names.add(m[1]!);
      indices.add(m[2]!.replace(/\s|\\[,;!]/g, ''));
    }
  }
  const form =
    names.size && indices.size === 1
      ? {
          index: [...indices][0]!,
          bare: new RegExp(String.raw`(?<![\\A-Za-z_])(${[...names].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_{\[(^'])`, 'g'),
        }
      : null;
  FORMS.set(spec, form);
  return form ?? undefined;
}

/** `w - \eta\, dw` read as the entry `w_{h,l} - \eta\, dw_{h,l}` (nothing when it names no indexed quantity bare). */
export function asEntries(text: string, form: EntryForm | undefined): string[] {
  if (!form) return [];
  const t = text.replace(form.bare, (name: string) => `${name}_{${form.index}}`);
  return t === text ? [] : [t];
}
