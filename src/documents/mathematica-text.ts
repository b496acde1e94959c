import type { Key } from '../model/key.js';

/**
 * A Mathematica notebook saved as plain text (`In[2]:= ...` / `Out[2]= ...` cells, `(* ::Section:: *)`
 * markers, the write-up's words in `(* ... *)` comments) read as the text every other reader knows:
 * a comment's words as a line of prose (`(* Q1 (a) cost ... *)` labels part 1(a), `(* Answer 1(a): ... *)`
 * states its answer), an output cell as its value, rules and functions as formulas
 * (`{{c -> 1/Sqrt[din]}}` as `c = 1/sqrt(d_in)`). The Wolfram Language has no underscores in names
 * (`_` makes a pattern), so a key's `d_in` is written `din` there: such names are read as the key's.
 */

/** An input or output cell's prompt, at a line's start. */
const CELL = /^[ \t]*(?:In|Out)\[\d+\]:?=[ \t]?/m;

/** Whether a text is a Mathematica notebook saved as text: it has input cells, or cell-style markers. */
export function isMathematicaText(text: string): boolean {
  return (/^[ \t]*In\[\d+\]:=/m.test(text) && /^[ \t]*Out\[\d+\]=/m.test(text)) || /^\(\* ::[A-Za-z]+:: \*\)$/m.test(text);
}

/** `Sqrt[x]` → `sqrt(x)`, `{{c -> v}}` → `c = v`, `a == b` → `a = b`: Wolfram notation as plain formulas. */
function wolframAsPlain(code: string): string {
  let t = code;
  for (let k = 0; k < 5 && /\b(?:Sqrt|Exp|Log|Floor|Ceiling|Abs)\[/.test(t); k++) {
    t = t.replace(/\b(Sqrt|Exp|Log|Floor|Ceiling|Abs)\[([^[\]]*)\]/g, (_m, f: string, arg: string) => `${f === 'Ceiling' ? 'ceil' : f.toLowerCase()}(${arg})`);
  }
  return t
    .replace(/\{\{\s*([^{}]*?)\s*\}\}/g, '$1')
    .replace(/\s*->\s*/g, ' = ')
    .replace(/\s*==\s*/g, ' = ');
}

/** The key's names with an underscore (`d_in`), by how a notebook writes them (`din`, `dIn`). */
function runTogether(key: Key | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(key?.symbols ?? {})) {
    const m = /^([A-Za-z]+)_([A-Za-z]+)$/.exec(name);
    if (!m) continue;
    out.set(`${m[1]}${m[2]}`, name);
    out.set(`${m[1]}${m[2]![0]!.toUpperCase()}${m[2]!.slice(1)}`, name);
  }
  return out;
}

/** The text as plain lines when it is a Mathematica notebook saved as text; as it is otherwise. */
export function mathematicaAsText(text: string, key?: Key): string {
  if (!isMathematicaText(text)) return text;
  const names = runTogether(key);
  const rename = (s: string) => (names.size ? s.replace(/\b[A-Za-z]+\b/g, (w) => names.get(w) ?? w) : s);
  // Comments first, whole (they may run over lines): their words become lines of their own.
  const uncommented = text
    .replace(/^\(\* ::[A-Za-z]+:: \*\)[ \t]*$/gm, '')
    .replace(/^[ \t]*\(\*([\s\S]*?)\*\)[ \t]*$/gm, (_m, words: string) => words.replace(/\n[ \t]*/g, ' ').trim())
    // A comment beside code names what the code computes: not part of the formula.
    .replace(/[ \t]*\(\*[^\n]*?\*\)/g, '');
  return uncommented
    .split('\n')
    .map((line) => {
      if (!CELL.test(line)) return rename(wolframAsPlain(line));
      return rename(wolframAsPlain(line.replace(CELL, '')));
    })
    .join('\n');
}
