/**
 * What a table's header says of its columns, in a grading sheet (CSV, TSV) and in a report's or a
 * page's table alike: which columns are the person's (their own or the key's solution, the
 * model's working, their verdict and notes, the prompt they asked with) and which names an answer.
 * A person grading from such a table reads the model's answer column and skips the rest.
 */

const PERSON_COLUMN =
  /\b(?:our|my|own|expected|key|reference|official|solutions?|reasoning|excerpts?|working|steps|derivation|explanations?|verdicts?|grades?|graded|scores?|points|marks|notes?|comments?|remarks?|asked|prompts?|questions?|inputs?|status|checked|correct\s+answer)\b|\b(?:correct|ok|right)\s*\?/i;

const ANSWER_COLUMN = /\b(?:answers?|final|results?|outputs?|responses?|repl(?:y|ies)|gave|says)\b/i;

/**
 * The same words in the languages a sheet saved in another locale is written in (German, French,
 * Spanish, Portuguese, Italian, Dutch): `Unsere Lösung`, `Énoncé`, `Bewertung`, `Commentaire`.
 * (Letters around a word are any alphabet's: `\b` knows no `É`.)
 */
const PERSON_COLUMN_ELSEWHERE =
  /(?<!\p{L})(?:unser[e]?|notre|nos|nuestr[ao]s?|noss[ao]s?|nostr[ao]|onze|l[öo]sung(?:en)?|musterl[öo]sung|soluci[oó]n|solu[cç][aã]o|soluzione|oplossing|frage|aufgabe(?:nstellung)?|[ée]nonc[ée]|pregunta|enunciado|domanda|vraag|bewertung|urteil|[ée]valuation|evaluaci[oó]n|avalia[cç][aã]o|valutazione|beoordeling|kommentar(?:e)?|bemerkung(?:en)?|anmerkung(?:en)?|commentaires?|remarques?|comentarios?|coment[aá]rios?|commento|opmerking(?:en)?|richtig\s*\?|juste\s*\?|correcto\s*\?)(?!\p{L})/iu;

const ANSWER_COLUMN_ELSEWHERE =
  /(?<!\p{L})(?:antwort(?:en)?|ergebnis(?:se)?|ausgabe|r[ée]ponses?|r[ée]sultats?|respuestas?|resultados?|respostas?|rispost[ae]|risultat[oi]|antwoord(?:en)?|resultaat|finale?)(?!\p{L})/iu;

/**
 * A header's words as a person reads them: a database's or an API's field names join them with `_`
 * or by case (`Model_Answer`, `modelAnswer`, `Updated_At`), and `\b` sees no word inside those.
 */
export function headerWords(header: string): string {
  return header.replace(/[_]+/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

/** A header cell naming a column of the person's, not the model's answer: `Our solution`, `Verdict / notes`, `What we asked`, `Notre solution`. */
export function isPersonColumn(header: string): boolean {
  const words = headerWords(header);
  return PERSON_COLUMN.test(words) || PERSON_COLUMN_ELSEWHERE.test(words);
}

/** A header's words for the person's judgement of each row: `Status`, `my grade`, `Correct?`, `check`, `Verdict`, `OK?`. */
const VERDICT_COLUMN = /\b(?:verdicts?|grades?|graded|scores?|points|marks|status|checks?|checked|pass(?:ed)?|(?:correct|ok|right)\s*\?)(?!\w)/i;

/** A header cell naming the column of the person's marks on each row (`Status`, `my grade`, `check`), not their notes or solution. */
export function isVerdictColumn(header: string): boolean {
  return VERDICT_COLUMN.test(headerWords(header));
}

/** A header cell naming an answer: `Model's final answer`, `Response`, `Output`, `Result`, `Réponse du modèle`, `Model_Answer`. */
export function isAnswerColumn(header: string): boolean {
  const words = headerWords(header);
  return ANSWER_COLUMN.test(words) || ANSWER_COLUMN_ELSEWHERE.test(words);
}
