/**
 * Formulas a page holds as pictures, their TeX kept in the picture's markup: an LMS's or a blog's
 * equation editor draws each formula as an image and keeps what was typed in its attributes
 * (`data-equation-content`, a `title`, an `alt` such as `LaTeX: K^2 C F` or `{\displaystyle x^{2}}`),
 * a renderer's address carries it in its query (`latex.codecogs.com/svg.image?...`, `latex.php?latex=...`),
 * or the image's MathML is kept beside it (`data-mathml`, in MathType's `«»` quoting where it uses it).
 * Read as pictures, the answer is a sentence with holes in it. A picture's `alt` that describes it
 * in words (`plot of y[n]`) is no formula, and a picture with no such mark stays a picture.
 */
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { descendants } from '../dom.js';
import { latexOf } from '../mathml.js';

/** Classes equation editors give their pictures (`equation_image`, `texrender`, `latex`, `mwe-math-fallback-image-inline`, `Wirisformula`). */
const EQUATION_CLASS =
  /^(?:equation[-_]?image|equation|tex(?:render|img|image)?|latex(?:[-_]?(?:image|img|render))?|math(?:[-_]?(?:image|img|tex))?|mwe-math-fallback-image(?:-inline|-display)?|wirisformula|ql-formula)$/i;
/** Renderers that take the TeX in their address: its query (CodeCogs, WordPress, Google Charts, mimeTeX) or a path segment (Canvas). */
const RENDERER_QUERY = /(?:codecogs\.com\/[\w./]*?(?:latex|image|download)|\/latex\.php|mimetex\.cgi|mathtex\.cgi|chart\.googleapis\.com\/chart)\?(.+)$/i;
const CANVAS_PATH = /\/equation_images\/([^?#]+)/;
/** An alt text that says it is TeX: `LaTeX: ...`, `TeX: ...`, or MediaWiki's `{\displaystyle ...}`. */
const SAYS_TEX = /^\s*(?:la)?tex\s*:\s*/i;
const DISPLAYSTYLE = /^\s*\{\\(?:display|text)style\s+([\s\S]*)\}\s*$/;

/** Text a person reads as words: two words of letters in a row, outside TeX's commands and `\text{...}` (`plot of y[n]`, `x squared`). */
function describesInWords(s: string): boolean {
  const bare = s.replace(/\\(?:text|mathrm|operatorname|textbf|mathbf|mbox)\s*\{[^{}]*\}/g, ' ').replace(/\\[A-Za-z]+/g, ' ');
  return /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(bare);
}

/** Whether an attribute's text reads as TeX: not empty, no description in words. */
const asTex = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  if (!t) return undefined;
  const tex = DISPLAYSTYLE.exec(t)?.[1]?.trim() ?? t.replace(SAYS_TEX, '').trim();
  return tex && !describesInWords(tex) ? tex : undefined;
};

/** A URL component decoded as often as it was encoded (Canvas encodes its path twice); undefined when malformed. */
function decoded(s: string): string | undefined {
  let t = s.replace(/\+/g, '%20');
  try {
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(t); i++) t = decodeURIComponent(t);
  } catch {
    return undefined;
  }
  return t;
}

/** The TeX a renderer's address carries: the `latex=` / `chl=` parameter, or the whole query (CodeCogs), or Canvas's path. */
function texOfAddress(src: string): string | undefined {
  const path = CANVAS_PATH.exec(src)?.[1];
  if (path) return decoded(path);
  const query = RENDERER_QUERY.exec(src)?.[1];
  if (!query) return undefined;
  const param = /(?:^|&)(?:latex|chl|tex)=([^&]*)/i.exec(query)?.[1];
  if (param !== undefined) return decoded(param);
  // CodeCogs: the query is the formula, perhaps after its options (`\dpi{110}`, `\bg_white`), its spaces and pluses
  // written `&space;` and `&plus;` (its editor's escapes, which no URL decoding undoes).
  return decoded(query.replace(/&space;/g, '%20').replace(/&plus;/g, '%2B'))?.replace(/^(?:\s*\\(?:dpi\{\d+\}|bg_\w+|bg\{\w+\}|fn_\w+|large|small|huge|inline))+\s*/, '');
}

/** MathML kept in an attribute, MathType's quoting (`«math»...«/math»`, `¨` for quotes, `§` for `&`) undone, as LaTeX. */
export function texOfMathmlAttribute(mathml: string | undefined): string | undefined {
  if (!mathml || !/math/i.test(mathml)) return undefined;
  const xml = mathml.includes('«') ? mathml.replace(/«/g, '<').replace(/»/g, '>').replace(/¨/g, '"').replace(/§/g, '&').replace(/`/g, "'") : mathml;
  const math = descendants(parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as Element, 'math')[0];
  if (!math) return undefined;
  try {
    return latexOf(math).trim() || undefined;
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * The TeX an image of a formula keeps, or undefined for any other picture: its editor's own
 * attribute first, then its MathML, then its `title` or `alt` (an equation editor's picture, or an alt
 * that says it is TeX or uses TeX's commands), then its renderer's address.
 */
export function equationImageTex(img: Element): string | undefined {
  const a = img.attribs;
  const own = asTex(a['data-equation-content'] ?? a['data-latex'] ?? a['data-tex']);
  if (own) return own;
  const mathml = texOfMathmlAttribute(a['data-mathml']);
  if (mathml) return mathml;
  const src = a.src ?? '';
  const editor = (a.class ?? '').split(/\s+/).some((c) => EQUATION_CLASS.test(c)) || CANVAS_PATH.test(src) || RENDERER_QUERY.test(src);
  const alt = a.alt ?? '';
  const typed = SAYS_TEX.test(alt) || DISPLAYSTYLE.test(alt) || /\\[A-Za-z]{2,}/.test(alt);
  if (editor || typed) {
    const written = asTex(typed ? alt : undefined) ?? asTex(a.title) ?? asTex(alt);
    if (written) return written;
  }
  return editor ? asTex(texOfAddress(src)) : undefined;
}
