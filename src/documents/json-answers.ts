import { canonicalPartId } from './part-ids.js';

/** A fenced code block, or a whole message that is one JSON object. */
const FENCED = /```[a-z]*[ \t]*\n([\s\S]*?)\n[ \t]*```/gi;

/** A string that is a formula rather than a sentence: no two plain words in a row once commands are gone. */
function isFormula(s: string): boolean {
  return !/[A-Za-z]{3,}[\s,]+[A-Za-z]{3,}/.test(s.replace(/\\[A-Za-z]+|_\{[^}]*\}|\^\{[^}]*\}|\\text\{[^}]*\}/g, ' '));
}

/** A JSON value as an answer's text: a formula in `$...$`, arrays as `[[..],[..]]`, named values as `name = value`. */
function render(v: unknown): string {
  if (typeof v === 'string') return isFormula(v) ? `$${v}$` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return JSON.stringify(v).replace(/,/g, ', ');
  if (v && typeof v === 'object') {
    return Object.entries(v)
      .map(([name, x]) => `${name} = ${render(x).replace(/^\$(.*)\$$/s, '$1')}`)
      .map((s) => `$${s}$`)
      .join(', ');
  }
  return '';
}

/** `3d_ii` → `3(d)(ii)`: a part id as a label line starts with. */
function labelOf(key: string): string | undefined {
  const id = canonicalPartId(key.replace(/_/g, '.'));
  if (!id) return undefined;
  const [q, part, sub] = id.split('.');
  return part ? `${q}(${part})${sub ? `(${sub})` : ''}` : undefined;
}

/** The object's entries as label lines, when (nearly) every key names a part; else undefined. */
function asLines(body: string): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const entries = Object.entries(v);
  const labelled = entries.map(([k, x]) => [labelOf(k), x] as const);
  if (entries.length < 2 || labelled.some(([l]) => !l)) return undefined;
  return labelled.map(([l, x]) => `${l}: ${render(x)}`).join('\n');
}

/**
 * Answers returned as a JSON object keyed by part (`{"1a": "2 c d_{out}^2 d_{in}", "3d_ii":
 * [[-19, ...]]}`, as models asked for structured output write them): rewritten as one labelled
 * line per part, so they are segmented like any other. A code block whose keys are not all part
 * ids (a program's data, a config) is left as it is.
 */
export function jsonAnswerLines(text: string): string {
  if (!text.includes('{')) return text;
  const whole = text.trim();
  if (whole.startsWith('{') && whole.endsWith('}')) return asLines(whole) ?? text;
  return objectLines(text.replace(FENCED, (block, body: string) => asLines(body.trim()) ?? block));
}

/** An object on lines of its own after other text (`**Model:**` then `{"Q3(c)": ...}`): from a line opening `{` to one closing `}`. */
function objectLines(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trimStart().startsWith('{')) continue;
    for (let j = i; j < Math.min(lines.length, i + 200); j++) {
      if (!lines[j]!.trimEnd().endsWith('}')) continue;
      const read = asLines(lines.slice(i, j + 1).join('\n'));
      if (read === undefined) continue;
      lines.splice(i, j + 1 - i, ...read.split('\n'));
      break;
    }
  }
  return lines.join('\n');
}
