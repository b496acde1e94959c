import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { fileURLToPath } from 'node:url';
import { corpusDir } from './corpus.js';
import { formatAgreement, measureAgreement } from '../src/cli/agreement.js';
import { percent, reviewFigures, reviewFiguresByReason } from '../src/grade/agreement.js';

/** Targets of issue 9 on the development set (non-text parts, first and final answers). */
const TARGETS = { rightWrong: 0.92, exact: 0.85, confidentlyWrong: 0.03 };

/**
 * Agreement with a TA's verdicts on the development set (`corpus/dev/hw4-fa25`), graded with the
 * course staff's key and with the project's own key; every disagreement with `verbose`.
 */
export async function runDevAgreement(verbose = false): Promise<string[]> {
  const corpus = corpusDir();
  const dev = corpus && join(corpus, 'dev', 'hw4-fa25');
  if (!dev || !existsSync(join(dev, 'hw4-fa25.labels.yaml'))) return ['skipped: ../shared/corpus/dev/hw4-fa25 is not beside the project'];
  const labels = join(dev, 'hw4-fa25.labels.yaml');
  const ownKey = fileURLToPath(new URL('../../examples/seeds-hw4/key.yaml', import.meta.url));
  // The staff key as a TA who writes no `symbols:` would write it: a question's symbols must
  // still be the question's (a copy in a temporary folder; nothing of the corpus is kept).
  const tmp = mkdtempSync(join(tmpdir(), 'pc-dev-'));
  const bare = join(tmp, 'hw4-fa25.no-symbols.key.yaml');
  const doc = parseDocument(readFileSync(join(dev, 'hw4-fa25.key.yaml'), 'utf8'));
  doc.delete('symbols');
  doc.set('problems', join(dev, 'hw4-fa25.problems.md'));
  for (const id of Object.keys((doc.get('parts') as { toJSON(): object }).toJSON())) doc.deleteIn(['parts', id, 'symbols']);
  writeFileSync(bare, String(doc));
  const out: string[] = [];
  try {
    for (const [name, key] of [
      ['staff key', undefined],
      ['staff key without its symbols', bare],
      ['project key', ownKey],
    ] as const) {
      const t0 = performance.now();
      const r = await measureAgreement({ labels, ...(key ? { key, problems: join(dev, 'hw4-fa25.problems.md') } : {}) });
      const ms = performance.now() - t0;
      const o = r.report.overall;
      const ok = o.rightWrong >= TARGETS.rightWrong * o.parts && o.exact >= TARGETS.exact * o.parts && o.confidentlyWrong <= TARGETS.confidentlyWrong * o.parts;
      out.push(
        `${name} (${r.keyPath.split('/').slice(-2).join('/')}, ${r.keyErrors.length} lint errors): ${o.parts} non-text parts of ${r.labels.submissions.length} labelled answer sets, inputs ${r.inputs.map((i) => `${(i.bytes / 1024).toFixed(1)} KB`).join(' + ')}, ${ms.toFixed(0)} ms`,
        `  right-vs-wrong ${percent(o.rightWrong, o.parts)} (target >= 92%), exact ${percent(o.exact, o.parts)} (>= 85%), confidently wrong ${percent(o.confidentlyWrong, o.parts)} (<= 3%), needs-review ${o.needsReview} ${ok ? 'ok' : 'BELOW TARGET'}`,
      );
      const review = reviewFigures(r.report.rows);
      out.push(
        `  review signal: ${review.review} of ${review.parts} parts sent to review; of those ${review.rightSent} the TA calls correct (target <= 3), ${review.caught} held back a verdict the TA reverses`,
      );
      for (const [reason, f] of reviewFiguresByReason(r.report.rows)) {
        out.push(`    ${reason}: ${f.review} sent to review, ${f.rightSent} of them TA-correct, ${f.caught} confidently wrong verdicts caught`);
      }
      if (verbose) out.push(...formatAgreement(r.report).map((l) => `    ${l}`));
    }
  } finally {
    // A measurement that throws still leaves no copy of the corpus behind.
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1]?.endsWith('dev-agreement.js')) {
  for (const line of await runDevAgreement(process.argv.includes('-v'))) console.log(line);
}
