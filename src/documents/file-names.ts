/**
 * Names in a text that are no mathematics though they look like it: a file's name (`lec11_cnns.pdf`,
 * `hw4_written.ipynb`), a link, a handle (`@cs182_bot`). Their underscores and `=` signs are no
 * subscripts or equations, so a test for formulas asks about the text without them.
 */

/** A file's name with its extension, a link, or an `@handle`: tokens whose `_` is a character of a name. */
const NAME_TOKEN = /\b[\w.-]*[A-Za-z0-9]\.(?:[a-z][a-z0-9]{1,4})\b(?![\w(]|\.\w)|\bhttps?:\/\/\S+|(?<![\w@])@\w+/g;

/** The text with its file names, links and handles blanked. */
export function withoutFileNames(text: string): string {
  return text.includes('.') || text.includes('@') ? text.replace(NAME_TOKEN, ' ') : text;
}
