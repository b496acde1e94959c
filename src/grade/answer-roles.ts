import type { KeyPart } from '../model/key.js';
import type { CheckResult } from '../model/verdict.js';
import { checkAnswer, type CheckOptions } from '../check/check.js';
import { leftSide, nameKey } from '../check/find-answer.js';

/**
 * Which of a part's named answers a formula is about, told by the symbols it uses. A part that asks
 * for a gradient and the update it makes has one quantity in each: the learning rate belongs to the
 * update alone, so a formula with it (`w ← w + η dw`, `w_new = w − η dw`), right or wrong, is the
 * writer's update and never their gradient, however the lines are ordered. A symbol an answer's key
 * reaches through a name a sibling defines (the update's `dw`, which the gradient's `dw = Σ dy x`
 * spells out) is that answer's own as well, so an update written out in full is still an update.
 */

const FOREIGN = new WeakMap<KeyPart, Map<string, ReadonlySet<string>>>();

function keySymbols(part: KeyPart, options: CheckOptions): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const a of part.answers) {
    if (!a.name || !a.spec.value || a.spec.type === 'choice' || a.spec.type === 'text' || a.spec.type === 'table') continue;
    out.set(a.name, new Set(checkAnswer(a.spec, a.spec.value, options).symbols?.expected ?? []));
  }
  return out;
}

/** The symbols only the part's other answers use, by answer name, worked out once per part. */
function foreignSymbols(part: KeyPart, options: CheckOptions): Map<string, ReadonlySet<string>> {
  let byName = FOREIGN.get(part);
  if (byName) return byName;
  byName = new Map();
  FOREIGN.set(part, byName);
  if (part.answers.length < 2) return byName;
  const own = keySymbols(part, options);
  const defines = new Map(part.answers.map((a) => [a.name ?? '', a.spec.value ? leftSide(a.spec.value) : undefined]));
  for (const a of part.answers) {
    const mine = own.get(a.name ?? '');
    if (!mine || !a.spec.value) continue;
    const reached = new Set(mine);
    for (const [sibling, name] of defines) {
      if (sibling !== a.name && name && usesName(a.spec.value, name)) for (const s of own.get(sibling) ?? []) reached.add(s);
    }
    const foreign = new Set<string>();
    for (const [sibling, symbols] of own) if (sibling !== a.name) for (const s of symbols) if (!reached.has(s)) foreign.add(s);
    byName.set(a.name!, foreign);
  }
  return byName;
}

/** Whether a key's formula writes a name another answer's key defines (`dw_{h,l}` in `w_{h,l} - \eta\, dw_{h,l}`). */
function usesName(formula: string, name: string): boolean {
  const want = nameKey(name);
  if (!want) return false;
  return formula.split(/[^A-Za-z0-9_{},\\]+/).some((token) => token && nameKey(token) === want);
}

/**
 * Whether a formula checked as the answer `name` uses a symbol only the part's other answers use: as a
 * statement (`w_new = …`) it states one of those (the update where the gradient is looked for), not a
 * wrong value of this one.
 */
export function usesAnothersSymbols(part: KeyPart, name: string, checked: CheckResult, options: CheckOptions): boolean {
  const foreign = foreignSymbols(part, options).get(name);
  if (!foreign?.size) return false;
  return (checked.symbols?.answer ?? []).some((s) => foreign.has(s));
}
