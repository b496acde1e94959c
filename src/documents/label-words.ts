/**
 * Students ask and models answer in their own language: `**Usuario:**` / `**Asistente:**` turns,
 * `### Pregunta 4(a)` headings, `**Respuesta final:**`, `Aufgabe 2 (b)`. The readers of turns,
 * labels and answers know these things by their English words; folding the other languages' words
 * to them, only where they stand as labels, keeps one vocabulary instead of one per reader.
 */
import { NAMED_PART } from '../check/extract.js';

/**
 * A question's word before its number: Spanish, Portuguese, French, German, Italian, Dutch, Polish
 * (`Zadanie 4a)`, `Pytanie 2`, `Ćwiczenie 3`), Czech and Slovak (`Úloha 2`, `Příklad 3`, `Otázka 1`).
 */
const QUESTION =
  /(?<!\p{L})(?:Pregunta|Problema|Ejercicio|Cuesti[oó]n|Quest[aã]o|Exerc[ií]cio|Exercice|Probl[eè]me|Aufgabe|Frage|Domanda|Esercizio|Vraag|Opgave|Zadani[ea]|Pytani[ea]|[ĆC]wiczeni[ea]|Úloh[ay]|Příklad|Otázk[ay]|Cvičení)(\s*\d{1,2}(?!\d))/giu;

/** A question's word before its number in Japanese / Chinese (`問題4`, `问题 2`), Korean (`문제 3`), Hindi (`प्रश्न 1`). */
const QUESTION_ASIAN = /(?:問題|问题|문제|प्रश्न)\s*(\d{1,2})(?!\d)/g;

/**
 * A question's number as Japanese, Chinese and Korean write it without a word of ours: `問4(a)`, `設問 2`,
 * `题4`, `习题 4`, and Korean's `2번` ("number 2") where a part or the word for problem follows it (`2번 (b)`,
 * `2번 문제`; `3번 반복` is "three times").
 */
const QUESTION_CJK = /(?:(?:設|質)?問(?!題)|[习習]?[题題]目?)\s*(\d{1,2})(?!\d)|(?<![\d.])(\d{1,2})\s*번(?=\s*(?:문제|\(?[a-h]\)|[.:)]|$))/gm;

/**
 * A question's word before its number in Russian and Ukrainian, in any of its cases (`Задача 2`, `задачу 2`,
 * `Задание №3`, `в вопросе 4`, `упражнение 7`, `завдання 3`, `питання 2`), perhaps with the number sign.
 */
const QUESTION_CYRILLIC =
  /(?<!\p{L})(?:задач(?:а|и|е|у|ей|ою)?|задани(?:е|я|ю|ем|и)|вопрос(?:а|у|ом|е)?|упражнени(?:е|я|ю|ем|и)|завданн(?:я|ям|і)|питанн(?:я|ям|і)|вправ(?:а|и|у|і|ою)?)\s*(?:№\s*)?(\d{1,2})(?![\d\p{L}]|[.,]\d)/giu;

/** A part's word before its letter in Russian and Ukrainian: `пункт (b)`, `пункта б)`, `подпункт в`, `часть (c)`, `частина (d)`. */
const PART_CYRILLIC = /(?<!\p{L})(?:(?:под)?пункт(?:а|е|у|ом|ы|і)?|част(?:ь|и|ью)|частин(?:а|и|у|і))(\s*\(?[a-hа-з]\))/giu;

/** A sub-question's word before its letter in Japanese (`小問(a)`, `小問 b`). */
const PART_CJK = /小問\s*\(?([a-h])\)?/g;

/**
 * A part's letter in Cyrillic where a label stands (`б)` at a line's start, `2в)`, `Part (г)` after the
 * part's word is folded, `(в)` opening a sentence of a request typed as one paragraph): Russian and
 * Ukrainian writers letter a question's parts а, б, в, г, д, е, ж, з.
 */
const CYRILLIC_LETTER = /(^[ \t>]*(?:[-*+•]\s+)?(?:#{1,6}\s*)?(?:\*\*)?(?:(?:Question\s*)?\d{1,2}\s*[.,]?\s*(?:Part\s*)?)?\(?|Part\s*\(?|[.!?:][ \t]+\()([а-зсА-ЗС])(?=\))/gmu;
/** The parts lettered in the Russian alphabet's order, as the Latin letters of the same place. */
const IN_ALPHABET_ORDER: Readonly<Record<string, string>> = { а: 'a', б: 'b', в: 'c', г: 'd', д: 'e', е: 'f', ж: 'g', з: 'h', с: 'c' };
/** Cyrillic letters that look like Latin ones, typed for them on a Russian keyboard: `(а)`, `(с)`, `(е)`. */
const LOOK_ALIKE: Readonly<Record<string, string>> = { а: 'a', с: 'c', е: 'e' };

/**
 * An answer's word in Japanese, Chinese or Korean before a colon (`答え：`, `最終解答:`, `答案：`, `정답:`), perhaps
 * with the part it answers between them, standing as a label does: at a line's start or after a mark or space.
 */
const ANSWER_CJK = new RegExp(
  String.raw`(^|[\s*>(#■□●◆・【])(最終(?:的な)?(?:解答|答え)|最终答案|最終答案|최종\s*답|答え|解答|答案|정답|답)(?=\s*(?:\*\*)?\s*(?:${NAMED_PART}\s*(?:\*\*)?\s*)?:)`,
  'gm',
);

/** A part's word before its letter: `Parte (a)`, `Partie b)`, `Teil (c)`, `Apartado a)`, `Inciso (b)`. */
const PART = /\b(?:Parte|Partie|Teil|Apartado|Inciso|Onderdeel)(\s*\(?[a-h]\))/gi;

/** The person as a Russian or Ukrainian chat page or write-up heads their turns (`Вы`, `Вы сказали:`, `Я:`, `Пользователь`, `Ви`, `Користувач`). */
const RUSSIAN_USERS = 'Вы(?: сказали)?|Ви(?: сказали)?|Ты|Я|Пользователь|Користувач|Студент(?:ка)?|Ученик';
/** The model as such a page heads its turns when it does not name it: `Ассистент`, `Помощник`, `Асистент`, `Помічник`. */
const RUSSIAN_ASSISTANTS = 'Ассистент|Помощник|Асистент|Помічник';

/**
 * A speaker's name on its own label at a line's start (bold, heading, quote), followed by a colon or the line's end;
 * the person as the chat's page names them (`Vous :`, `Du:`, `Tú dijiste:`, as `You:` / `You said:`).
 */
const SPEAKER = new RegExp(
  String.raw`^(\s*(?:>\s*)?(?:#{1,6}\s*|\*\*)?)(Usuari[oa]|Usu[aá]rio|Utilisateur|Utilisatrice|Benutzer(?:in)?|Nutzer(?:in)?|Estudiante|Alumn[oa]|[ÉE]tudiant(?:e)?|Student(?:in)?|Utente|Vous(?: avez dit)?|Du(?: hast gesagt)?|T[úu](?: dijiste)?|${RUSSIAN_USERS}|用户|用戶|学生|Asistente|Assistente|Assistent(?:in)?|Assistant|${RUSSIAN_ASSISTANTS}|助手|AI ?助手)(?=\s*(?:\*\*)?\s*:|\s*(?:\*\*)?\s*$)`,
  'gimu',
);

const USER = new RegExp(
  `^(?:Usuari[oa]|Usu[aá]rio|Utilisat(?:eur|rice)|Benutzer(?:in)?|Nutzer(?:in)?|Estudiante|Alumn[oa]|[ÉE]tudiant(?:e)?|Student(?:in)?|Utente|Vous(?: avez dit)?|Du(?: hast gesagt)?|T[úu](?: dijiste)?|${RUSSIAN_USERS}|用户|用戶|学生)$`,
  'iu',
);

/** `ChatGPT сказал:`, `**Claude сказав:**`: a model's turn headed as the page's Russian or Ukrainian puts it, as `ChatGPT said:`. */
const SAID_CYRILLIC = /^(\s*(?:>\s*)?(?:#{1,6}\s*|\*\*)?[^\s:*][^:*\n]{0,30}?)\s+(?:сказал[аои]?|сказав)(?=\s*(?:\*\*)?\s*:|\s*(?:\*\*)?\s*$)/gimu;

/** The answer's and the solution's words in Russian and Ukrainian: `Итоговый ответ на (b):`, `Ответ:`, `Решение:`, `Відповідь:`. */
const RUSSIAN_ANSWERS = "(?:Итоговый|Окончательный|Финальный|Остаточна|Підсумкова)\\s+(?:ответ|відповідь)|Ответ|Відповідь|Решение|Розв['’]язання|Розв['’]язок";

/**
 * An answer's word before a colon: `Respuesta final:`, `Réponse :`, `Antwort:`, `Solución:`, Hindi's
 * `उत्तर:`; perhaps with the part it answers between them (`उत्तर 2(b):`, `Respuesta (c):`).
 */
const ANSWER = new RegExp(
  String.raw`(^|[\s*>(])(Respuesta final|Resposta final|R[ée]ponse finale|Endg[üu]ltige Antwort|Risposta finale|Respuesta|Resposta|R[ée]ponse|Antwort|Risposta|Soluci[oó]n|Solu[cç][aã]o|L[öo]sung|Soluzione|${RUSSIAN_ANSWERS}|उत्तर)(?:\s+(?:на|к|для|до)(?=\s+${NAMED_PART}))?(?=\s*(?:\*\*)?\s*(?:${NAMED_PART}\s*(?:\*\*)?\s*)?:)`,
  'giu',
);

const FINAL = /final|finale|endg|итог|оконч|финал|остаточ|підсумк/i;

/**
 * What only other languages' label words hold (their letters, their words), `Student` aside: English has that word too.
 * Every text comes here and most have none of them.
 */
const FOREIGN_SIGN =
  /[À-ɏ]|Pregunta|Problema|Ejercicio|Aufgabe|Frage|Parte|Partie|Teil|Usuari|Asistent|Assistent|Antwort|Respuesta|Resposta|R[ée]ponse|Risposta|Domanda|Esercizio|Exerc|Utente|Vous|\bDu\b|\bT[úu]\b|用户|用戶|学生|助手|Vraag|Opgave|Zadani|Pytani|wiczeni|Apartado|Inciso|Alumn|問題|问题|문제|प्रश्न|उत्तर|問|[题題]|\d\s*번|答|답|[\u0400-\u04ff]/i;

/** A speaker's word as the readers know it: the person's as `User`, the model's as `Assistant`. */
const speakerInEnglish = (_m: string, lead: string, name: string) => `${lead}${USER.test(name) ? 'User' : 'Assistant'}`;
/** An answer's word as the readers know it: `Final answer`, `Solution` or `Answer`. */
const answerInEnglish = (_m: string, lead: string, word: string) => `${lead}${FINAL.test(word) ? 'Final answer' : /^(?:sol|l[öo]s|реш|розв)/iu.test(word) ? 'Solution' : 'Answer'}`;

/** The text with other languages' label words (speakers, questions, parts, answers) in English; other text as written. */
export function foldLabelWords(text: string): string {
  if (!FOREIGN_SIGN.test(text)) {
    // (With `Student` and no other sign, only the patterns that need no FOREIGN_SIGN may match: the others
    // need a letter of their script, and the words these put in are English.)
    return /Student/i.test(text) ? text.replace(QUESTION, 'Question$1').replace(PART, 'Part$1').replace(SPEAKER, speakerInEnglish).replace(ANSWER, answerInEnglish) : text;
  }
  const folded = text
    .replace(QUESTION, 'Question$1')
    .replace(QUESTION_ASIAN, 'Question $1')
    .replace(QUESTION_CJK, (_m, a: string | undefined, b: string | undefined) => `Question ${a ?? b}`)
    .replace(PART_CJK, 'Part ($1)')
    .replace(ANSWER_CJK, (_m, lead: string, word: string) => `${lead}${/最|최/.test(word) ? 'Final answer' : 'Answer'}`)
    .replace(PART, 'Part$1')
    .replace(QUESTION_CYRILLIC, 'Question $1')
    .replace(PART_CYRILLIC, 'Part$1')
    .replace(SPEAKER, speakerInEnglish)
    .replace(SAID_CYRILLIC, '$1 said')
    .replace(ANSWER, answerInEnglish);
  return /[\u0400-\u04ff]/.test(text) ? latinPartLetters(folded) : folded;
}

/**
 * Cyrillic part letters as Latin ones: by their place in the alphabet where a letter only Cyrillic has
 * labels a part (`б)`, `в)`: the writer letters parts in Russian), else as the Latin letters they look like
 * (`(а)`, `(с)`: Latin labels typed on a Russian keyboard). Other text as written.
 */
function latinPartLetters(text: string): string {
  const letters = [...text.matchAll(CYRILLIC_LETTER)].map((m) => m[2]!.toLowerCase());
  if (!letters.length) return text;
  const map = letters.some((l) => /[бвгджз]/u.test(l)) ? IN_ALPHABET_ORDER : LOOK_ALIKE;
  return text.replace(CYRILLIC_LETTER, (m, lead: string, letter: string) => {
    const latin = map[letter.toLowerCase()];
    return latin ? lead + latin : m;
  });
}
