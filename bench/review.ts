/** The review app's figures: a 1,500 × 30 grid in Chromium (first render, filtering), an override round trip, grouping 1,500 answers. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadKey } from '../src/documents/key.js';
import { Store } from '../src/store/db.js';
import { startServer } from '../src/server/serve.js';
import { groupAnswers } from '../src/grade/groups.js';
import { seededRandom } from '../src/math/random.js';
import type { PartGrade, PartVerdict } from '../src/model/grade.js';

const BROWSER = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Ways students write 1/sqrt(d_in), right and wrong, for the grouping figure. */
const FORMS = [
  '\\frac{1}{\\sqrt{d_{in}}}',
  'd_{in}^{-1/2}',
  '1/\\sqrt{d_{in}}',
  '\\sqrt{1/d_{in}}',
  '\\frac{\\sqrt{d_{in}}}{d_{in}}',
  '1/d_{in}',
  '\\frac{1}{d_{in}}',
  'd_{in}^{-1}',
  '\\sqrt{d_{in}}',
  '2/\\sqrt{d_{in}}',
  '\\frac{1}{2\\sqrt{d_{in}}}',
  'd_{in}',
  '1',
  '\\frac{1}{d_{in}^2}',
];

function key(parts: number) {
  const lines = ['partcredit: 1', 'title: bench', 'symbols:', '  d_in: { positive: true }', 'parts:'];
  for (let i = 1; i <= parts; i++) lines.push(`  ${i}.a:`, `    answer: '\\frac{1}{\\sqrt{d_{in}}}'`, '    points: 2');
  return loadKey(lines.join('\n')).key!;
}

export async function runReviewBench(submissions = 1500, parts = 30): Promise<string[]> {
  const out: string[] = [];
  const k = key(parts);
  const rand = seededRandom(13);
  const verdicts: PartVerdict[] = ['correct', 'correct', 'correct', 'incorrect', 'partial', 'missing', 'needs-review'];
  const dir = mkdtempSync(join(tmpdir(), 'partcredit-review-bench-'));
  const db = join(dir, 'bench.db');
  const store = new Store(db);
  const { runId, gradingId } = await store.startRun(k);
  for (let s = 0; s < submissions; s++) {
    const grades: PartGrade[] = k.parts.map((p) => {
      const verdict = verdicts[Math.floor(rand() * verdicts.length)]!;
      const points = verdict === 'correct' ? 2 : verdict === 'partial' ? 1 : 0;
      return {
        id: p.id,
        verdict,
        score: points / 2,
        points,
        maxPoints: 2,
        graded: true,
        answer: verdict === 'missing' ? '' : FORMS[Math.floor(rand() * FORMS.length)]!,
        expected: '\\frac{1}{\\sqrt{d_{in}}}',
        feedback: 'bench',
        check: rand() < 0.2 ? 'numeric' : 'exact',
        ...(verdict === 'incorrect' && rand() < 0.5 ? { category: 'arithmetic' as const } : {}),
      };
    });
    const name = `student-${String(s).padStart(4, '0')}.md`;
    await store.saveGraded(
      runId,
      gradingId,
      { id: name, format: 'writeup', text: k.parts.map((p) => `${p.id}) $${grades.find((g) => g.id === p.id)!.answer}$`).join('\n\n'), responses: [], notes: [], warnings: [] },
      { submission: name, parts: grades, total: grades.reduce((t, g) => t + g.points, 0), max: parts * 2 },
    );
  }
  await store.close();

  // Grouping one part's 1,500 answers with the checker (a cold cache).
  const part = k.parts[0]!;
  const inputs = Array.from({ length: submissions }, (_, i) => ({ submission: `s${i}`, answer: FORMS[Math.floor(rand() * FORMS.length)]!, verdict: 'correct' as PartVerdict }));
  let t = performance.now();
  const groups = groupAnswers(k, part, inputs);
  out.push(`grouping ${submissions} answers (${FORMS.length} forms) to one part: ${(performance.now() - t).toFixed(0)} ms, ${groups.length} groups (target < 2000 ms)`);
  // The hard case: every answer a different value, each written three ways (900 forms, 300 groups).
  const diverse = Array.from({ length: submissions }, (_, i) => {
    const c = (i % 300) + 1;
    return { submission: `s${i}`, answer: [`\\frac{${c}}{\\sqrt{d_{in}}}`, `${c} d_{in}^{-1/2}`, `${c}/\\sqrt{d_{in}}`][Math.floor(i / 300) % 3]!, verdict: 'incorrect' as PartVerdict };
  });
  t = performance.now();
  const many = groupAnswers(k, part, diverse);
  out.push(`grouping ${submissions} answers, 900 different forms of 300 values: ${(performance.now() - t).toFixed(0)} ms, ${many.length} groups (target < 2000 ms)`);

  const server = await startServer({ db, port: 0, author: 'bench' });
  try {
    // Override round trip over HTTP (stored in SQLite and the new cell returned).
    const index = await (await fetch(server.url)).text();
    const csrf = /name="partcredit-csrf" content="([^"]+)"/.exec(index)![1]!;
    await fetch(new URL(`/api/runs/${runId}/grid`, server.url));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      const r = await fetch(new URL(`/api/runs/${runId}/override`, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf },
        body: JSON.stringify({ submission: `student-${String(i).padStart(4, '0')}.md`, part: '1.a', verdict: 'correct', comment: 'bench' }),
      });
      await r.json();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push(`override stored and returned: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms over 20 (target < 100 ms)`);
    t = performance.now();
    const groupRes = await fetch(new URL(`/api/runs/${runId}/groups?part=2.a`, server.url));
    await groupRes.json();
    out.push(`grouping over HTTP (part 2.a, ${submissions} answers, cold): ${(performance.now() - t).toFixed(0)} ms`);

    if (!BROWSER) {
      out.push('grid in Chromium: skipped (no /usr/bin/chromium)');
      return out;
    }
    const browser = await chromium.launch({ executablePath: BROWSER, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(server.url); // warm-up: caches, JIT
      await page.waitForSelector('#grid-rows .row');
      t = performance.now();
      await page.goto(server.url);
      await page.waitForSelector('#grid-rows .row');
      const first = performance.now() - t;
      const inApp = await page.locator('body').getAttribute('data-grid-ms');
      out.push(`grid ${submissions} × ${parts}, first render in Chromium: ${first.toFixed(0)} ms from navigation (${inApp} ms fetch + render in the app) (target < 1000 ms)`);
      const filters: number[] = [];
      for (const v of ['incorrect', 'needs-review', 'partial', '']) {
        await page.selectOption('#f-verdict', v);
        filters.push(Number(await page.locator('body').getAttribute('data-filter-ms')));
      }
      await page.fill('#q', 'student-01');
      filters.push(Number(await page.locator('body').getAttribute('data-filter-ms')));
      out.push(`filtering (verdict ×4, name): ${filters.map((f) => `${f} ms`).join(', ')} (target < 100 ms)`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1]?.endsWith('review.js')) for (const line of await runReviewBench()) console.log(line);
