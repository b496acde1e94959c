import { isKnownSpeaker, rolesOf, takesTurns } from './speaker-roles.js';

/**
 * A chat copied from a page whose bubbles carry no names (a Gradio Space, a bare chat widget), with
 * the person's own separator line put in front of each bubble to say whose it is: `=== me ===` /
 * `=== SmolLM3 ===`, `--- Q ---` / `--- bot ---`, `*** you ***`. No reader knew a name framed in
 * a rule's symbols as a speaker's line, and the chat was read as a write-up: reasoning, remarks and
 * answers as one text. A person knows it by shape: a short name framed by the same symbol run on
 * both sides, two such names taking turns. Each is set as a heading the readers know (`### User` /
 * `### Assistant`, the names' own roles when they are known, else the first to speak is the person).
 * A write-up's framed titles (`=== Problem 1 ===`, `=== Problem 2 ===`) differ and do not take turns.
 */

/** A name framed by one symbol run on both sides (`=== me ===`, `--- SmolLM3 ---`). */
const FRAMED = /^[ \t]*([^\p{L}\p{N}\s])\1{1,}[ \t]*(\p{L}[\p{L}\p{N}._'’-]*(?:[ \t][\p{L}\p{N}._'’-]+){0,2})[ \t]*\1{2,}[ \t]*$/u;
/** The cheap look first: a line that opens on a doubled symbol and closes on one. */
const MAYBE = /^[ \t]*([^\p{L}\p{N}\s])\1[^\n]{1,60}(?:\1\1)[ \t]*$/mu;

/** The text with a chat's framed speaker lines set as speaker headings, or the text as it is. */
export function framedSpeakers(text: string): string {
  if (!MAYBE.test(text)) return text;
  const lines = text.split('\n');
  const at: { line: number; name: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FRAMED.exec(lines[i]!.replace(/\r$/, ''));
    if (m) at.push({ line: i, name: m[2]! });
  }
  const names = at.map((x) => x.name);
  if (!takesTurns(names)) return text;
  const other = names.find((n) => n !== names[0])!;
  // (`--- Model A ---` / `--- Model B ---`: two of one kind, a battle's two models, not a person and a model.)
  if (names[0]!.split(/\s/)[0]!.toLowerCase() === other.split(/\s/)[0]!.toLowerCase()) return text;
  const roles = rolesOf(names[0]!, other);
  if (!roles) return text;
  // The person asks and the model answers at length: the person's bubbles hold less in all.
  const size = new Map<string, number>();
  at.forEach(({ line, name }, k) => size.set(name, (size.get(name) ?? 0) + lines.slice(line + 1, at[k + 1]?.line ?? lines.length).join('\n').length));
  const person = [...roles].find(([, r]) => r === 'User')![0];
  if (size.get(person)! >= size.get(person === names[0] ? other : names[0]!)!) return text;
  const out = lines.slice();
  for (const { line, name } of at) out[line] = `### ${isKnownSpeaker(name) ? name : roles.get(name)}`;
  return out.join('\n');
}
