import { closingBracket } from './brackets.js';
/**
 * A LaTeX source's own macros (`\newcommand{\din}{d_{\text{in}}}`, `\def\R{\mathbb{R}}`,
 * `\DeclareMathOperator{\Var}{Var}`) written out where they are used. Students typeset answers
 * with their own shorthand; the checker knows LaTeX, not a writer's private names, so `\din`
 * left as it is reads as an unknown symbol and a right answer is graded wrong.
 */

/** Expansion passes over the text: a macro that uses another is written out in the next pass; a macro that uses itself stops here. */
const PASSES = 8;
/** An expansion that grows the text past this many times its length is a runaway definition: stop expanding. */
const GROWTH = 4;

interface Macro {
  /** Number of arguments (`#1` ... `#9`). */
  args: number;
  /** The first argument's default when it is optional (`\newcommand{\x}[2][0]{...}`). */
  optional?: string;
  body: string;
}

/** A braced group at `at` (after spaces): its inner text and where it ends; a lone token when unbraced (`\frac12`-style use). */
function argumentAt(s: string, at: number): { text: string; end: number } | undefined {
  let i = at;
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (s[i] === '{') {
    const end = closingBracket(s, i, true);
    return end < 0 ? undefined : { text: s.slice(i + 1, end), end: end + 1 };
  }
  const token = /^\\[A-Za-z]+|^\\.|^[^\s{}]/.exec(s.slice(i));
  return token ? { text: token[0], end: i + token[0].length } : undefined;
}

const DEFINITION = /\\(?:(?:re|provide)?newcommand\*?|DeclareRobustCommand\*?)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?:\[(\d)\])?\s*(?:\[([^\]]*)\])?\s*\{/g;
const OPERATOR = /\\DeclareMathOperator(\*?)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*\{/g;
const DEF = /\\def\s*\\([A-Za-z]+)((?:#\d)*)\s*\{/g;

/** The macros a source defines, by name, and the source with their definitions taken out. */
function definitions(tex: string): { macros: Map<string, Macro>; rest: string } {
  const macros = new Map<string, Macro>();
  const cuts: [number, number][] = [];
  const take = (re: RegExp, make: (m: RegExpExecArray, body: string) => [string, Macro]) => {
    for (let m = re.exec(tex); m; m = re.exec(tex)) {
      const open = m.index + m[0].length - 1;
      const end = closingBracket(tex, open, true);
      if (end < 0) continue;
      const [name, macro] = make(m, tex.slice(open + 1, end));
      macros.set(name, macro);
      cuts.push([m.index, end + 1]);
      re.lastIndex = end + 1;
    }
  };
  take(DEFINITION, (m, body) => [m[1] ?? m[2]!, { args: Number(m[3] ?? 0), ...(m[4] !== undefined ? { optional: m[4] } : {}), body }]);
  take(OPERATOR, (m, body) => [m[2] ?? m[3]!, { args: 0, body: `\\operatorname${m[1]}{${body}}` }]);
  take(DEF, (m, body) => [m[1]!, { args: m[2]!.length / 2, body }]);
  cuts.sort((a, b) => a[0] - b[0]);
  let rest = '';
  let last = 0;
  for (const [from, to] of cuts) {
    if (from < last) continue;
    rest += tex.slice(last, from);
    last = to;
  }
  return { macros, rest: rest + tex.slice(last) };
}

/** One pass: every use of a defined macro replaced by its body, its arguments put in. */
function expandOnce(tex: string, macros: ReadonlyMap<string, Macro>): string {
  let out = '';
  let last = 0;
  const use = /\\([A-Za-z]+)/g;
  for (let m = use.exec(tex); m; m = use.exec(tex)) {
    const macro = macros.get(m[1]!);
    if (!macro) continue;
    let end = m.index + m[0].length;
    const args: string[] = [];
    let required = macro.args;
    if (macro.optional !== undefined) {
      required--;
      const opt = /^\s*\[([^\]]*)\]/.exec(tex.slice(end));
      args.push(opt ? opt[1]! : macro.optional);
      if (opt) end += opt[0].length;
    }
    let complete = true;
    for (let k = 0; k < required; k++) {
      const a = argumentAt(tex, end);
      if (!a) {
        complete = false;
        break;
      }
      args.push(a.text);
      end = a.end;
    }
    if (!complete) continue;
    const body = macro.body.replace(/#(\d)/g, (_s, d: string) => args[Number(d) - 1] ?? '');
    // A body that ends in a command word must not run into the letters after the use (`\R^n` is fine, `\Rn` was never a use).
    const joined = /\\[A-Za-z]+$/.test(body) && /^[A-Za-z]/.test(tex.slice(end)) ? `${body} ` : body;
    out += tex.slice(last, m.index) + joined;
    last = end;
    use.lastIndex = end;
  }
  return out + tex.slice(last);
}

/** The source with its own macros' definitions removed and their uses written out (unchanged when it defines none). */
export function expandTexMacros(tex: string): string {
  if (!/\\(?:(?:re|provide)?newcommand|DeclareRobustCommand|DeclareMathOperator|def)\b/.test(tex)) return tex;
  const { macros, rest } = definitions(tex);
  if (!macros.size) return tex;
  let text = rest;
  for (let pass = 0; pass < PASSES; pass++) {
    const next = expandOnce(text, macros);
    if (next === text || next.length > GROWTH * rest.length) break;
    text = next;
  }
  return text;
}
