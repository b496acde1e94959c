import { parseDocument } from 'yaml';
import { z } from 'zod';
import { hashString, seededRandom } from '../math/random.js';
import { parseMath } from '../math/latex/parse.js';
import { evaluate } from '../math/evaluate.js';

/** One parameter of a per-student variant: a range (with a step) or a list of choices. */
export const ParamSchema = z.union([
  z.object({ min: z.number(), max: z.number(), step: z.number().positive().optional() }).strict(),
  z.object({ choices: z.array(z.union([z.number(), z.string()])).min(1) }).strict(),
]);
export type Param = z.infer<typeof ParamSchema>;

/** The values one student gets, drawn from a generator seeded by the student id and the key. */
export function drawParams(params: Record<string, Param>, studentId: string, salt = ''): Record<string, number | string> {
  const rng = seededRandom(hashString(`${salt}|${studentId}`));
  const out: Record<string, number | string> = {};
  for (const [name, p] of Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if ('choices' in p) out[name] = p.choices[Math.floor(rng() * p.choices.length)]!;
    else {
      const step = p.step ?? 1;
      const count = Math.floor((p.max - p.min) / step + 1e-9) + 1;
      const v = p.min + step * Math.floor(rng() * count);
      out[name] = Number(v.toPrecision(12));
    }
  }
  return out;
}

/** Replaces `{{N}}` and `{{2*N + 1}}` with the student's values; an unknown name is an error. */
export function fillPlaceholders(text: string, values: Record<string, number | string>, where: string): string {
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr in values) return String(values[expr]);
    try {
      const point = new Map(Object.entries(values).filter(([, v]) => typeof v === 'number') as [string, number][]);
      const v = evaluate(parseMath(expr, { symbols: Object.keys(values) }), point);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('not a number');
      return String(Number(v.toPrecision(12)));
    } catch {
      throw new Error(`${where}: {{${expr}}} names no parameter (params: ${Object.keys(values).join(', ') || 'none'})`);
    }
  });
}

/**
 * One student's variant of a problem set and its key: the placeholders filled with that
 * student's values, and `params:` replaced by a comment saying which values they got. The key
 * text that comes out is an ordinary key (its `compute:` parts compute from the new data).
 */
export function renderVariant(keyText: string, problemsText: string | undefined, studentId: string): { key: string; problems?: string; values: Record<string, number | string> } {
  const doc = parseDocument(keyText);
  const raw = (doc.toJS() as { params?: unknown; title?: string } | null)?.params;
  const params = z.record(z.string(), ParamSchema).safeParse(raw ?? {});
  if (!params.success) {
    const issue = params.error.issues[0]!;
    throw new Error(`params.${issue.path.join('.')}: ${issue.message}`);
  }
  const values = drawParams(params.data, studentId, String((doc.toJS() as { title?: string }).title ?? ''));
  doc.delete('params');
  doc.commentBefore = ` variant for student ${studentId}: ${Object.entries(values)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ')}`;
  const key = fillPlaceholders(doc.toString(), values, 'the key');
  return { key, ...(problemsText !== undefined ? { problems: fillPlaceholders(problemsText, values, 'the problem set') } : {}), values };
}

/** Student ids from a roster CSV: the column named id, student, student_id, sid or email, else the first. */
export function readRoster(csv: string): string[] {
  const rows = csv
    .split(/\r?\n/)
    .map((l) => l.split(',').map((c) => c.trim().replace(/^"|"$/g, '')))
    .filter((r) => r.some(Boolean));
  if (!rows.length) return [];
  const header = rows[0]!.map((h) => h.toLowerCase());
  const col = header.findIndex((h) => ['id', 'student', 'student_id', 'studentid', 'sid', 'email'].includes(h));
  const body = col >= 0 ? rows.slice(1) : rows;
  const ids = body.map((r) => r[Math.max(col, 0)]!).filter(Boolean);
  const seen = new Set<string>();
  for (const id of ids) {
    if (!/^[\w.@+-]+$/.test(id)) throw new Error(`roster: the student id "${id}" has characters a file name cannot hold`);
    if (seen.has(id)) throw new Error(`roster: the student id "${id}" appears twice`);
    seen.add(id);
  }
  return ids;
}
