/**
 * Decimal commas. In German, French and most of Europe `0,8` is eight tenths, and a list of numbers
 * is separated by `;` so that its commas stay decimals: a vector is `(0; 0,8; 0)`. Every reader
 * after this one takes a comma between digits for a separator (`(1,2)` is a pair, `x_{1,2}` an
 * index), which makes that vector four numbers. A comma is read as a decimal comma only where
 * nothing else can be meant: inside a bracket whose items are separated by `;`, or in a
 * spreadsheet saved in such a locale (its cells separated by `;`).
 */

/** A comma between digits, the only kind that can be a decimal comma. */
const DIGIT_COMMA_DIGIT = /\d,\d/;

/** A bracket holding no other bracket, with a `;` among its items: `(0; 0,8; 0)`, `[0,5; 1]`. */
const SEMICOLON_LIST = /([([])([^()[\]\n]*;[^()[\]\n]*)([)\]])/g;

/**
 * A number written with a decimal comma and nothing around it that makes it more: not a run of
 * comma-separated numbers (`1,2,3`), not a subscript or index (`x_{1,2}`, `a_1,2`), not glued to a
 * letter (`v1,2`).
 */
const DECIMAL_COMMA_NUMBER = /(?<![\w.,_{^]|_\{[^}]*)(\d+),(\d+)(?![\d,]*\d|\.\d|[A-Za-z_])/g;

/**
 * An item of a list of numbers as a decimal-comma locale writes it: `0`, ` 0,8`, `−1,25`. Outside a sheet
 * only such lists are read, since `f(1,2; θ)` (a function's arguments, then its parameters) is English too.
 */
const NUMBER_ITEM = /^\s*[-−+]?\d+(?:,\d+)?\s*$/;

/** A comma with exactly three digits after a nonzero whole part (`1,473`): a thousands group to an English reader. */
const THOUSANDS_GROUP = /^[1-9]\d{0,2},\d{3}$/;

/** Each decimal comma of `text` as a point; a number that may be thousands (`1,473`) or a bracketed pair (`(1,2)`, an entry's place) is kept unless `inList`. */
function commasAsPoints(text: string, inList: boolean): string {
  return text.replace(DECIMAL_COMMA_NUMBER, (whole: string, int: string, frac: string, at: number) => {
    if (inList) return `${int}.${frac}`;
    const pair = /[([]/.test(text[at - 1] ?? '') && /[)\]]/.test(text[at + whole.length] ?? '');
    return pair || THOUSANDS_GROUP.test(whole) ? whole : `${int}.${frac}`;
  });
}

/**
 * The text with the decimal commas of its `;`-separated lists as points: `(0; 0,8; 0)` is
 * `(0; 0.8; 0)`. A list whose items each hold the same number of commas is a matrix typed row by row
 * (`[1,2; 3,4]`, MATLAB's way), and stays.
 */
function decimalCommasInLists(text: string, onlyNumbers = false): string {
  if (!text.includes(';') || !DIGIT_COMMA_DIGIT.test(text)) return text;
  return text.replace(SEMICOLON_LIST, (whole: string, open: string, items: string, close: string) => {
    if (!DIGIT_COMMA_DIGIT.test(items)) return whole;
    if (onlyNumbers && !items.split(';').every((item) => NUMBER_ITEM.test(item))) return whole;
    const commas = items.split(';').map((item) => (item.match(/,/g) ?? []).length);
    if (commas.every((n) => n === commas[0]) || commas.some((n) => n > 1)) return whole;
    // In a `;` list a comma between digits separates nothing, so even `1,473` is one and a half.
    return `${open}${commasAsPoints(items, true)}${close}`;
  });
}

/**
 * A cell of a sheet saved in a decimal-comma locale (its cells separated by `;`) with its decimal
 * commas as points: `η = 0,01` is `η = 0.01`. A number that reads as thousands to an English
 * reader (`1,473`, a model's answer pasted in) stays as it is.
 */
export function decimalCommasOfLocale(cell: string): string {
  return DIGIT_COMMA_DIGIT.test(cell) ? decimalCommasInLists(commasAsPoints(cell, false)) : cell;
}

/**
 * The text with the decimal commas of its bracketed `;`-separated lists of numbers as points, in any
 * document: `g = [0; 0,8; 0]` in a Polish post, `(0,5; 1; 0)` in a German one, are vectors of three
 * numbers. A writer who separates items by commas (`[0, 8, 0]`) left no decimal comma to read, and
 * `[1,2; 3,4]` (every item with one comma) stays a matrix typed row by row.
 */
export function decimalCommasInNumberLists(text: string): string {
  return decimalCommasInLists(text, true);
}
