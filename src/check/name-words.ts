/**
 * The names of a part's answers said in another language (`весов: K²·C·F`, `смещений: F`,
 * `Gewichte: K²CF; Bias: F`, `pesos = K²CF`, `重み：K²CF`): keys name their answers in English words
 * (`weights`, `biases`, `output`), and a write-up in Russian, Ukrainian, German, Spanish, French,
 * Italian, Portuguese, Chinese, Japanese or Korean labels each value with the same quantity's name in
 * its own words. Each name takes the value written after it there as in English, so the words are put
 * in English and the text is read for labels as any other (as option-words.ts does for a choice's words).
 * Only whole words are put in English: `Размер выхода` ("the output's size") stays a label of no answer.
 */

/** Each answer name's forms in those languages (any case), and the English the key writes it in. */
const SAID_AS: readonly (readonly [RegExp, string])[] = [
  // "The number of ...", before a count's noun: `Число весов`, `Anzahl der Gewichte`, `número de pesos`.
  [/(?<!\p{L})(?:число|количество|кол-во|кількість|anzahl(?:\s+der)?|número\s+de|nombre\s+de|numero\s+di)(?=\s+\p{L})/giu, 'number of'],
  [/(?<!\p{L})(?:вес(?:а|ов)?|ваг(?:и|а)?|gewichte?n?|pesos|pesi|poids)(?!\p{L})|重み|权重|權重|가중치/giu, 'weights'],
  [/(?<!\p{L})(?:смещени(?:я|й|е)|сдвиг(?:и|ов)|зсув(?:и|ів)|зміщен(?:ня|ь)|bias|biais|sesgos?|vieses)(?!\p{L})|バイアス|偏置|편향/giu, 'biases'],
  [/(?<!\p{L})(?:выход|вихід|ausgabe|salida|sortie|uscita|saída)(?!\p{L})|出力|输出|輸出|출력/giu, 'output'],
];

/** A cheap first test: a letter outside ASCII, or a Latin name of the list (`Gewichte`, `pesos`, `poids`, `salida`, German's and English's singular `Bias`). */
const MAY_SAY = /[^\x00-\x7f]|gewicht|pes[oi]|poids|ausgabe|anzahl|salida|sortie|uscita|sesgo|bias\b/i;

/** The text with each answer's name said in another language put in the key's English; the text itself when it says none. */
export function answerNamesInEnglish(text: string): string {
  if (!MAY_SAY.test(text)) return text;
  let out = text;
  for (const [said, english] of SAID_AS) out = out.replace(said, english);
  return out;
}
