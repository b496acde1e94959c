import { checkAnswer } from '../src/check/check.js';
import { loadCas } from '../src/check/cas.js';
import type { Cas } from '../src/check/equivalence.js';
import { readCases, readCsv, type EquivalenceCase } from './corpus.js';
import type { AnswerSpec } from '../src/model/answer-spec.js';
import { LABELLED_PAIRS } from '../test/fixtures/labelled-pairs.js';
import { explainDisagreement } from './policy.js';

/** Agreement of one default-configured check per case with a suite's labels. */
export interface AgreementReport {
  name: string;
  total: number;
  agree: number;
  /** Labelled wrong, called correct: the worst verdict a grader can give. */
  falseAccepts: number;
  /** Labelled right, called incorrect. */
  falseRejects: number;
  /** Labelled right, left undecided or unparseable (no verdict either way). */
  undecided: number;
  disagreements: { gold: string; pred: string; expected: number; verdict: string; reason: string }[];
}

/** Runs one default-configured check per case and counts agreement with the label. */
export function agreement(name: string, cases: (EquivalenceCase & { spec?: Omit<AnswerSpec, 'value'> })[], cas?: Cas): AgreementReport {
  const report: AgreementReport = { name, total: cases.length, agree: 0, falseAccepts: 0, falseRejects: 0, undecided: 0, disagreements: [] };
  for (const c of cases) {
    const r = checkAnswer({ value: c.gold, ...c.spec }, c.pred, cas ? { cas } : {});
    const said = r.verdict === 'correct' ? 1 : 0;
    if (said === c.expected) {
      report.agree++;
      continue;
    }
    if (said === 1) report.falseAccepts++;
    else if (r.verdict === 'incorrect') report.falseRejects++;
    else report.undecided++;
    report.disagreements.push({ gold: c.gold, pred: c.pred, expected: c.expected, verdict: r.verdict, reason: r.reason });
  }
  return report;
}

/** The mathq questions a person labelled: the official solution, the model's whole response, the label. */
function mathqCases(): EquivalenceCase[] | undefined {
  const out: EquivalenceCase[] = [];
  for (const course of ['18.01', '18.02', '18.03', '18.05', '18.06', '6.042', 'COMS3251', 'MATH']) {
    const rows = readCsv(`mathq/${course}.csv`);
    if (!rows) return undefined;
    for (const row of rows) {
      const label = row['GPT-3 Evaluation']?.trim();
      if (label !== 'Correct' && label !== 'Incorrect') continue;
      out.push({ gold: row.Solution ?? '', pred: row['GPT-3 Response'] ?? '', expected: label === 'Correct' ? 1 : 0, _test: course });
    }
  }
  return out;
}

/** Every suite beside the project, each checked in one default configuration. */
export async function agreementReports(): Promise<AgreementReport[] | undefined> {
  const mv = readCases('mathverify/mathverify_cases.jsonl');
  const hm = readCases('hendrycks-math/pairs.jsonl');
  if (!mv || !hm) return undefined;
  const cas = await loadCas();
  const isShort = (c: EquivalenceCase) => c.gold.length <= 60 && c.pred.length <= 80;
  const reports = [
    agreement('Math-Verify, all 268 cases', mv, cas),
    agreement('Math-Verify, short cases', mv.filter(isShort), cas),
    agreement(
      'Math-Verify, long cases (whole responses)',
      mv.filter((c) => !isShort(c)),
      cas,
    ),
    agreement('hendrycks MATH is_equiv', hm, cas),
  ];
  const mq = mathqCases();
  if (mq) reports.push(agreement("mathq: verdict on the model's whole response vs the human label", mq, cas));
  reports.push(agreement('own labelled pairs (test/fixtures/labelled-pairs.ts, written for this project)', LABELLED_PAIRS, cas));
  return reports;
}

/** One line of figures for a report. */
export function summary(r: AgreementReport): string {
  return `${r.name}: ${r.agree}/${r.total} = ${((100 * r.agree) / r.total).toFixed(1)}% agree; false accepts ${r.falseAccepts}, false rejects ${r.falseRejects}, undecided ${r.undecided}`;
}

if (process.argv[1]?.endsWith('agreement.js')) {
  const reports = await agreementReports();
  if (!reports) console.log('corpus not found beside the project (../shared/corpus); skipped');
  for (const r of reports ?? []) {
    console.log(summary(r));
    if (process.argv.includes('--cases'))
      for (const d of r.disagreements) {
        const why = explainDisagreement(d);
        console.log(`  label ${d.expected}, we ${d.verdict}: ${JSON.stringify(d.gold).slice(0, 200)} vs ${JSON.stringify(d.pred).slice(-200)} — ${d.reason}${why ? `\n    why: ${why}` : ''}`);
      }
  }
}
