/** `npm run bench`: every benchmark, with the figures the issues name and the inputs' sizes. */
import { runCheckBench } from './check-throughput.js';
import { agreementReports } from './agreement.js';
import { explainDisagreement } from './policy.js';
import { runGradeBench, runSizeBench } from './grade-throughput.js';
import { runRequestBench } from './run-throughput.js';
import { runPdfBench } from './pdf.js';
import { runDevAgreement } from './dev-agreement.js';
import { runReviewBench } from './review.js';

console.log('== answer checker ==');
await runCheckBench();

console.log('\n== grading ==');
for (const line of await runGradeBench(1000)) console.log(line);
for (const line of runSizeBench()) console.log(line);

for (const line of ['', '== agreement with a TA on the development set (hw4-fa25) ==', ...runDevAgreement()]) console.log(line);

console.log('\n== model runs ==');
for (const line of await runRequestBench()) console.log(line);

console.log('\n== reading PDFs ==');
for (const line of await runPdfBench()) console.log(line);

console.log('\n== review app ==');
for (const line of await runReviewBench()) console.log(line);

console.log('\n== agreement with peer test suites (one default configuration, no per-case settings) ==');
const reports = await agreementReports();
if (!reports) console.log('skipped: ../shared/corpus is not beside the project');
for (const r of reports ?? []) {
  console.log(`${r.name}: ${r.agree}/${r.total} = ${((100 * r.agree) / r.total).toFixed(1)}%`);
  for (const d of r.disagreements) {
    console.log(`  label ${d.expected}, ours ${d.verdict}: ${JSON.stringify(d.gold).slice(0, 70)} vs ${JSON.stringify(d.pred).slice(0, 70)}`);
    console.log(`    why: ${explainDisagreement(d) ?? d.reason.slice(0, 160)}`);
  }
}
