import type { Store } from '../store/db.js';
import type { Key } from '../model/key.js';
import { checkAnswer } from '../check/check.js';
import { escapeHtml } from './html.js';
import { printable } from './printable.js';

/** One model's cell for one part: its outcome over the samples. */
export interface CompareCell {
  outcome: string;
  hintsUsed: number | null;
  solved: number;
  samples: number;
  answer: string;
  category?: string;
}

/** Parts × models, the models' totals, and the parts where the key may be wrong. */
export interface Comparison {
  models: string[];
  parts: string[];
  cells: Record<string, Record<string, CompareCell>>;
  totals: Record<string, { oneShot: number; withHints: number; notSolved: number; needsReview: number; inputTokens: number; outputTokens: number; seconds: number; cost?: number }>;
  categories: Record<string, Record<string, number>>;
  disputed: { partId: string; answer: string; models: string[] }[];
}

/** Prices per million tokens, by model label, to show cost. */
export type Prices = Record<string, { input: number; output: number }>;

/** Verdicts that mark an answer wrong (not missing, not undecided, not waiting for a person). */
const WRONG = new Set(['incorrect', 'partial', 'unparseable']);

/**
 * The answer of a result that the key marked wrong: the first answer when it was wrong (a part
 * solved after a hint ends with a right one), else none. Stores from before first answers were
 * kept fall back to the final answer of a part never solved.
 */
function wrongAnswer(r: { outcome: string; verdict: string; first_verdict: string; answer: string; first_answer?: string | null }): string | undefined {
  if (r.first_answer != null) return WRONG.has(r.first_verdict) && r.first_answer ? r.first_answer : undefined;
  return r.outcome === 'not-solved' && WRONG.has(r.verdict) && r.answer ? r.answer : undefined;
}

function cellText(c: CompareCell): string {
  const base = c.outcome === 'one-shot' ? 'one-shot' : c.outcome === 'hint' ? `after hint ${c.hintsUsed}` : c.outcome === 'needs-review' ? 'needs review' : 'not solved';
  return c.samples > 1 ? `${base} (${c.solved}/${c.samples} solved)` : base;
}

/**
 * Compares model runs: each part's outcome per model, the mistake categories, tokens, cost and
 * time per model, and disputed key parts — where most models agree with each other on an
 * answer the key marks wrong.
 */
export async function compareRuns(store: Store, runIds: number[], key?: Key, prices: Prices = {}): Promise<Comparison> {
  // Each run's results read once; a model that appears in several runs is labelled with its run.
  const byRun = await Promise.all(runIds.map(async (id) => ({ id, results: await store.results(id) })));
  const runsOf = (model: string) => byRun.filter((r) => r.results.some((x) => x.model === model)).length;
  const rows = byRun.flatMap(({ id, results }) => results.map((r) => ({ ...r, label: runsOf(r.model) > 1 ? `${r.model} (run ${id})` : r.model })));
  const models = [...new Set(rows.map((r) => r.label))];
  const parts = [...new Set(rows.map((r) => r.part_id))];
  const cells: Comparison['cells'] = {};
  const wrongOf = new Map<string, string | undefined>();
  const totals: Comparison['totals'] = {};
  const categories: Comparison['categories'] = {};
  for (const m of models) {
    cells[m] = {};
    totals[m] = { oneShot: 0, withHints: 0, notSolved: 0, needsReview: 0, inputTokens: 0, outputTokens: 0, seconds: 0 };
    categories[m] = {};
    const mine = rows.filter((r) => r.label === m);
    for (const p of parts) {
      const samples = mine.filter((r) => r.part_id === p).sort((a, b) => a.sample - b.sample);
      if (!samples.length) continue;
      const first = samples[0]!;
      wrongOf.set(`${m}\u0000${p}`, wrongAnswer(first));
      cells[m]![p] = {
        outcome: first.outcome,
        hintsUsed: first.hints_used,
        solved: samples.filter((s) => s.outcome === 'one-shot' || s.outcome === 'hint').length,
        samples: samples.length,
        answer: first.answer,
        ...(first.category ? { category: first.category } : {}),
      };
    }
    for (const r of mine) {
      const t = totals[m]!;
      if (r.outcome === 'one-shot') t.oneShot++;
      else if (r.outcome === 'hint') t.withHints++;
      else if (r.outcome === 'needs-review') t.needsReview++;
      else t.notSolved++;
      t.inputTokens += r.input_tokens;
      t.outputTokens += r.output_tokens;
      t.seconds += r.ms / 1000;
      if (r.category) categories[m]![r.category] = (categories[m]![r.category] ?? 0) + 1;
    }
    const price = prices[rows.find((r) => r.label === m)!.model];
    if (price) totals[m]!.cost = (totals[m]!.inputTokens * price.input + totals[m]!.outputTokens * price.output) / 1e6;
  }
  // A disputed part: the answers the key marked wrong (each model's first), grouped by equivalence.
  const disputed: Comparison['disputed'] = [];
  for (const p of parts) {
    const wrong = models.flatMap((m) => {
      const answer = wrongOf.get(`${m}\u0000${p}`);
      return answer ? [{ model: m, answer }] : [];
    });
    const spec = key?.parts.find((x) => x.id === p)?.answers[0]?.spec;
    const groups: { answer: string; models: string[] }[] = [];
    for (const w of wrong) {
      const g = groups.find(
        (x) => x.answer === w.answer || checkAnswer({ value: x.answer, ...(spec?.type ? { type: spec.type } : {}) }, w.answer, { symbols: key?.symbols ?? {} }).verdict === 'correct',
      );
      if (g) g.models.push(w.model);
      else groups.push({ answer: w.answer, models: [w.model] });
    }
    const best = groups.sort((a, b) => b.models.length - a.models.length)[0];
    const answered = models.filter((m) => cells[m]![p]).length;
    if (best && best.models.length >= 2 && best.models.length > answered / 2) disputed.push({ partId: p, answer: best.answer, models: best.models });
  }
  return { models, parts, cells, totals, categories, disputed };
}

/** The comparison as a terminal table (models' answers and labels without control characters). */
export function comparisonTable(c: Comparison): string {
  const w = Math.max(6, ...c.parts.map((p) => p.length));
  const colW = Math.max(14, ...c.models.map((m) => Math.min(28, m.length)));
  const lines = [`${'part'.padEnd(w)}  ${c.models.map((m) => m.slice(0, colW).padEnd(colW)).join('  ')}`];
  for (const p of c.parts) lines.push(`${p.padEnd(w)}  ${c.models.map((m) => (c.cells[m]![p] ? cellText(c.cells[m]![p]!) : '—').slice(0, colW).padEnd(colW)).join('  ')}`);
  lines.push('');
  for (const m of c.models) {
    const t = c.totals[m]!;
    const cats = Object.entries(c.categories[m]!)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    lines.push(
      `${m}: ${t.oneShot} one-shot, ${t.withHints} after hints, ${t.notSolved} not solved, ${t.needsReview} to review; ${t.inputTokens} in / ${t.outputTokens} out tokens${t.cost !== undefined ? `, $${t.cost.toFixed(4)}` : ''}, ${t.seconds.toFixed(1)} s${cats ? `; mistakes: ${cats}` : ''}`,
    );
  }
  if (c.disputed.length) {
    lines.push('', 'Disputed key parts (most models agree on an answer the key marks wrong):');
    for (const d of c.disputed) lines.push(`  ${d.partId}: ${d.answer}  (${d.models.join(', ')})`);
  }
  return `${printable(lines.join('\n'))}\n`;
}

/** The comparison as a self-contained HTML page. */
export function comparisonHtml(c: Comparison, title: string): string {
  const color = (o?: string) => (o === 'one-shot' ? '#1a7f37' : o === 'hint' ? '#9a6700' : o === 'needs-review' ? '#0969da' : '#cf222e');
  const head = `<tr><th>part</th>${c.models.map((m) => `<th>${escapeHtml(m)}</th>`).join('')}</tr>`;
  const body = c.parts
    .map(
      (p) =>
        `<tr><th>${escapeHtml(p)}</th>${c.models
          .map((m) => {
            const cell = c.cells[m]![p];
            return cell
              ? `<td style="color:${color(cell.outcome)};background:${color(cell.outcome)}1a" title="${escapeHtml(cell.answer)}">${escapeHtml(cellText(cell))}${cell.category ? `<br><small>${escapeHtml(cell.category)}</small>` : ''}</td>`
              : '<td>—</td>';
          })
          .join('')}</tr>`,
    )
    .join('');
  const totals = c.models
    .map((m) => {
      const t = c.totals[m]!;
      return `<li><strong>${escapeHtml(m)}</strong>: ${t.oneShot} one-shot, ${t.withHints} after hints, ${t.notSolved} not solved; ${t.inputTokens} / ${t.outputTokens} tokens${t.cost !== undefined ? `, $${t.cost.toFixed(4)}` : ''}, ${t.seconds.toFixed(1)} s</li>`;
    })
    .join('');
  const disputed = c.disputed.length
    ? `<h2>Disputed key parts</h2><ul>${c.disputed.map((d) => `<li><strong>${escapeHtml(d.partId)}</strong>: <code>${escapeHtml(d.answer)}</code> — ${escapeHtml(d.models.join(', '))}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:center}</style></head><body><h1>${escapeHtml(title)}</h1><table>${head}${body}</table><h2>Per model</h2><ul>${totals}</ul>${disputed}</body></html>\n`;
}
