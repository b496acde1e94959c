/**
 * The words of a choice said in another language (`die Gradienten explodieren`, `invariancia en el
 * tiempo`, `croît linéairement`): keys list their options in English, and a reply in German,
 * Spanish, French, Italian or Portuguese names the same option in its own words. Each pattern
 * below is one option word's forms in those languages, read on a text as `normalizeWords` leaves
 * it (lower case, punctuation gone, accents kept).
 */
const SAID_AS: readonly (readonly [RegExp, string])[] = [
  // Before the single words they contain.
  [/\b(?:zeit|verschiebungs)invarian[a-z]*\b/g, 'time invariance'],
  [/\binvarian(?:cia|ce|za|ça|te)\s+(?:temporal(?:e)?|temporelle|(?:en|dans|nel|no)\s+(?:el|le|il|o)?\s*(?:tiempo|temps|tempo))\b/g, 'time invariance'],
  [/\binvarian(?:cia|ce|za|ça|te)\s+(?:al|au|par|ante|alla|à)\s+(?:(?:la|le)\s+)?(?:desplazamiento|décalage|translation|traslazione|traslación|deslocamento)\b/g, 'shift invariance'],
  [/\b(?:explodier|explot|explos|esplod|explod)[a-zà-ÿ]*\b/g, 'explode'],
  [/\b(?:verschwind|desvanec|évanou|svanisc|desaparec)[a-zà-ÿ]*\b/g, 'vanish'],
  [/\b(?:wachs|wächs|crec|croiss|croît|cresc)[a-zà-ÿ]*\b/g, 'grow'],
  [/\b(?:lineal(?:mente)?|linéaire(?:ment)?|lineare|linearmente)\b/g, 'linear'],
];

/** The text with each option word said in another language put in English; undefined when it says none. */
export function optionWordsInEnglish(text: string): string | undefined {
  let out = text;
  for (const [said, english] of SAID_AS) out = out.replace(said, english);
  return out === text ? undefined : out;
}
