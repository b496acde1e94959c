/** `npm run bench`: every benchmark, with the figures the issues name and the inputs' sizes. */
import { runCheckBench } from './check-throughput.js';
import { agreementReports, summary } from './agreement.js';
import { explainDisagreement } from './policy.js';
import { runGradeBench, runSizeBench } from './grade-throughput.js';
import { runRequestBench } from './run-throughput.js';
import { runStartupBench } from './startup.js';
import { runJsonlBench } from './jsonl-throughput.js';
import { runPdfBench } from './pdf.js';
import { runPrintedAgreement } from './printed-agreement.js';
import { runDocxBench } from './docx.js';
import { runPagesBench } from './pages.js';
import { runDevAgreement } from './dev-agreement.js';
import { runPerturbedAgreement } from './perturbed-agreement.js';
import { runReviewBench } from './review.js';
import { runTeamBench } from './team.js';

console.log('== answer checker ==');
await runCheckBench();

console.log('\n== start-up (ratios to node -e 0) ==');
for (const line of runStartupBench()) console.log(line);

console.log('\n== check --jsonl: the CLI path beside in-process ==');
for (const line of await runJsonlBench(process.env.BENCH_FULL === '1')) console.log(line);

console.log('\n== grading ==');
for (const line of await runGradeBench(1000)) console.log(line);
for (const line of runSizeBench()) console.log(line);

for (const line of ['', '== agreement with a TA on the development set (hw4-fa25) ==', ...(await runDevAgreement())]) console.log(line);

console.log('\n== labelled rounds with their conventions varied (issue 9: what the reader knows by word rather than by structure) ==');
for (const line of await runPerturbedAgreement()) console.log(line);

console.log('\n== model runs ==');
for (const line of await runRequestBench()) console.log(line);

console.log('\n== reading PDFs ==');
for (const line of await runPdfBench()) console.log(line);

console.log('\n== labelled rounds printed as the PDFs people hand in, graded against their TA (issue 10 held-out stand-in) ==');
for (const line of await runPrintedAgreement()) console.log(line);

console.log('\n== reading Word documents (.docx) ==');
for (const line of await runDocxBench()) console.log(line);

console.log('\n== reading web pages (.html) and OpenDocument texts (.odt) ==');
for (const line of await runPagesBench()) console.log(line);

console.log('\n== review app ==');
for (const line of await runReviewBench()) console.log(line);

console.log('\n== a course team on PostgreSQL ==');
await runTeamBench(1500, (line) => console.log(line));

console.log('\n== agreement with peer test suites (one default configuration, no per-case settings) ==');
const reports = await agreementReports();
if (!reports) console.log('skipped: ../shared/corpus is not beside the project');
for (const r of reports ?? []) {
  console.log(summary(r));
  // The whole suite repeats the short and long cases; mathq's disagreements are many and printed by `node dist/bench/agreement.js --cases`.
  if (r.name.includes('all 268')) continue;
  for (const d of r.disagreements) {
    // mathq's false rejects are many (free-form proofs, graphs); its false accepts are each argued.
    if (r.name.startsWith('mathq') && d.verdict !== 'correct') continue;
    console.log(`  label ${d.expected}, ours ${d.verdict}: ${JSON.stringify(d.gold).slice(0, 70)} vs ${JSON.stringify(d.pred).slice(0, 70)}`);
    console.log(`    why: ${explainDisagreement(d) ?? d.reason.slice(0, 160)}`);
  }
}
