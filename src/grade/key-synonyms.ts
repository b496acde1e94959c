import type { Key } from '../model/key.js';
import type { AnswerSpec } from '../model/answer-spec.js';
import { checkAnswer } from '../check/check.js';
import { symbolsFor } from '../documents/key.js';

// A key that accepts, in one part, its answer written with another family of names (2b's
// `c = 1/\sqrt{\mathrm{fan}_{in}}` beside `c = 1/\sqrt{d_{in}}`) says those names are the same
// quantities: a TA reads `\alpha = \sqrt{\mathrm{fan}_{out}}` in another part as `\sqrt{d_{out}}`
// too, though the key's author wrote that accept only where they first met it.

/** A family of names the key accepts for another: `fan` for `d`, over the subscripts it declares both with. */
export interface KeySynonym {
  from: string;
  to: string;
  subscripts: string[];
}

const KEYS = new WeakMap<Key, KeySynonym[]>();

/** `fan_in` → `['fan', 'in']`: a worded name with a worded subscript. */
function family(name: string): [string, string] | undefined {
  const m = /^([A-Za-z]+)_([A-Za-z]{2,})$/.exec(name);
  return m ? [m[1]!, m[2]!] : undefined;
}

/**
 * The families of names a key accepts for others: where an accept differs from its part's answer
 * by exactly one name, each a family's (`fan_in` for `d_in`), the first family stands for the
 * second under every subscript the key declares both with (`fan_out` for `d_out` as well).
 */
export function keySynonyms(key: Key): KeySynonym[] {
  const known = KEYS.get(key);
  if (known) return known;
  const pairs = new Map<string, string>();
  const namesOf = (p: Key['parts'][number], spec: AnswerSpec) => (spec.value === undefined ? [] : (checkAnswer(spec, spec.value, { symbols: symbolsFor(key, p) }).symbols?.expected ?? []));
  for (const p of key.parts) {
    for (const a of p.answers) {
      if (a.spec.value === undefined || a.spec.type === 'text' || a.spec.type === 'choice' || a.spec.type === 'table') continue;
      const mine = new Set(namesOf(p, a.spec));
      for (const acc of p.accept) {
        const theirs = new Set(namesOf(p, acc));
        const onlyMine = [...mine].filter((s) => !theirs.has(s));
        const onlyTheirs = [...theirs].filter((s) => !mine.has(s));
        if (onlyMine.length !== 1 || onlyTheirs.length !== 1) continue;
        const to = family(onlyMine[0]!);
        const from = family(onlyTheirs[0]!);
        if (to && from && to[1] === from[1] && to[0] !== from[0]) pairs.set(from[0], to[0]);
      }
    }
  }
  const declared = Object.keys(key.symbols);
  const out: KeySynonym[] = [];
  for (const [from, to] of pairs) {
    const subscripts = declared.flatMap((s) => {
      const f = family(s);
      return f && f[0] === from && declared.includes(`${to}_${f[1]}`) ? [f[1]] : [];
    });
    if (subscripts.length) out.push({ from, to, subscripts });
  }
  KEYS.set(key, out);
  return out;
}

/**
 * A candidate with the key's synonyms written as the names they stand for
 * (`\sqrt{\mathrm{fan}_{out}}` → `\sqrt{d_{out}}`); nothing when it uses none.
 */
export function withKeySynonyms(candidate: string, synonyms: readonly KeySynonym[]): string[] {
  let t = candidate;
  for (const synonym of synonyms) {
    // Every reading of every candidate comes here: most name no synonym, and skip the patterns.
    if (!t.includes(synonym.from)) continue;
    for (const [pattern, to] of patternsOf(synonym)) t = t.replace(pattern, to);
  }
  return t === candidate ? [] : [t];
}

const PATTERNS = new WeakMap<KeySynonym, [RegExp, string][]>();

/** A synonym's spellings under each subscript, compiled once, with the name each stands for. */
function patternsOf(synonym: KeySynonym): [RegExp, string][] {
  let patterns = PATTERNS.get(synonym);
  if (!patterns) {
    const { from, to, subscripts } = synonym;
    const name = String.raw`(?:\\(?:mathrm|text|textrm|operatorname)\s*\{\s*${from}\s*\}|(?<![A-Za-z\\])${from})`;
    patterns = subscripts.map((sub) => {
      const written = String.raw`_\s*(?:\{\s*(?:\\(?:text|mathrm|rm)\s*\{\s*${sub}\s*\}|${sub})\s*\}|${sub}(?![A-Za-z]))`;
      return [new RegExp(name + written, 'g'), `${to}_{${sub}}`];
    });
    PATTERNS.set(synonym, patterns);
  }
  return patterns;
}
