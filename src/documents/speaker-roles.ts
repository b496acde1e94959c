import { KNOWN_MODEL, KNOWN_USER } from './speaker-names.js';

/** Whether a name is one the transcript readers know as a person's or a model's. */
export const isKnownSpeaker = (name: string): boolean => KNOWN_USER.test(name) || KNOWN_MODEL.test(name);

/**
 * The roles of a chat's two speakers by their names (`first` speaks first): the names the readers
 * know say which; else the first to speak is the person. Undefined when both names are one role's.
 */
export function rolesOf(first: string, second: string): Map<string, 'User' | 'Assistant'> | undefined {
  const known = (n: string) => (KNOWN_USER.test(n) ? 'User' : KNOWN_MODEL.test(n) ? 'Assistant' : undefined);
  const a = known(first);
  const b = known(second);
  if (a && a === b) return undefined;
  const ra = a ?? (b ? (b === 'User' ? 'Assistant' : 'User') : 'User');
  return new Map([
    [first, ra],
    [second, ra === 'User' ? 'Assistant' : 'User'],
  ]);
}

/**
 * Whether a chat's speaker lines, in order, take turns as a chat's do: two exchanges at least, or one
 * between a person and a model named as the readers name them.
 */
export function takesTurns(names: readonly string[]): boolean {
  const distinct = [...new Set(names)];
  if (distinct.length !== 2) return false;
  let switches = 0;
  for (let k = 1; k < names.length; k++) if (names[k] !== names[k - 1]) switches++;
  const count = (n: string) => names.filter((x) => x === n).length;
  if (count(distinct[0]!) >= 2 && count(distinct[1]!) >= 2 && switches >= 3) return true;
  return distinct.every(isKnownSpeaker) && switches >= 1;
}
