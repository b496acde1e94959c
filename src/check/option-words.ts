/**
 * The words of a choice said in another language (`die Gradienten explodieren`, `invariancia en el
 * tiempo`, `croît linéairement`, `градиенты взрываются`, `梯度会爆炸`): keys list their options in English, and a reply in German,
 * Spanish, French, Italian, Portuguese, Russian, Ukrainian, Chinese or Japanese names the same option in its own words. Each pattern
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
  // Russian and Ukrainian stems (`взрываются`, `затухают`, `растут`, `вибухають`) and the CJK words
  // (`爆炸`, `消失`, `增长`, `線形`): a word boundary of ASCII is none between Cyrillic letters.
  [/(?<!\p{L})(?:инвариантн|інваріантн)\p{L}*\s+(?:(?:к|относительно|по|щодо|до)\s+)?(?:сдвиг|зсув)\p{L}*/gu, 'shift invariance'],
  [/(?<!\p{L})(?:инвариантн|інваріантн)\p{L}*\s+(?:во|в|у)\s+(?:времени|часі)|[时時]不[变變]|平移不[变變]|時不変|シフト不変/gu, 'time invariance'],
  [/(?<!\p{L})(?:взрыв|взорв|вибух)\p{L}*|爆炸|爆発|폭발/gu, 'explode'],
  [/(?<!\p{L})(?:затуха|исчеза|згаса|зника)\p{L}*|消失|소실/gu, 'vanish'],
  [/(?<!\p{L})(?:раст[уеёя]|рост|зроста)\p{L}*|增长|增大|増加|増大/gu, 'grow'],
  [/(?<!\p{L})(?:линейн|лінійн)\p{L}*|线性|線形|線型|선형/gu, 'linear'],
];

/** The text with each option word said in another language put in English; undefined when it says none. */
export function optionWordsInEnglish(text: string): string | undefined {
  let out = text;
  for (const [said, english] of SAID_AS) out = out.replace(said, english);
  return out === text ? undefined : out;
}
