import { checkAnswer } from '../src/check/check.js';
import { loadCas } from '../src/check/cas.js';
import type { Cas } from '../src/check/equivalence.js';
import { readCases, type EquivalenceCase } from './corpus.js';

/** Why a disagreement is a label of that tool's policy rather than of mathematics. */
export const POLICY_NOTES: { match: (c: EquivalenceCase) => boolean; note: string }[] = [];

export interface AgreementReport {
  name: string;
  total: number;
  agree: number;
  disagreements: { gold: string; pred: string; expected: number; verdict: string; reason: string }[];
}

/** Runs one default-configured check per case and counts agreement with the label. */
export function agreement(name: string, cases: EquivalenceCase[], cas?: Cas): AgreementReport {
  const report: AgreementReport = { name, total: cases.length, agree: 0, disagreements: [] };
  for (const c of cases) {
    const r = checkAnswer({ value: c.gold }, c.pred, cas ? { cas } : {});
    const said = r.verdict === 'correct' ? 1 : 0;
    if (said === c.expected) report.agree++;
    else report.disagreements.push({ gold: c.gold, pred: c.pred, expected: c.expected, verdict: r.verdict, reason: r.reason });
  }
  return report;
}

export async function agreementReports(): Promise<AgreementReport[] | undefined> {
  const mv = readCases('mathverify/mathverify_cases.jsonl');
  const hm = readCases('hendrycks-math/pairs.jsonl');
  if (!mv || !hm) return undefined;
  const cas = await loadCas();
  const short = mv.filter((c) => c.gold.length <= 60 && c.pred.length <= 80);
  const long = mv.filter((c) => !(c.gold.length <= 60 && c.pred.length <= 80));
  return [agreement('Math-Verify, short cases', short, cas), agreement('Math-Verify, long cases (whole responses)', long, cas), agreement('hendrycks MATH is_equiv', hm, cas)];
}

if (process.argv[1]?.endsWith('agreement.js')) {
  const reports = await agreementReports();
  if (!reports) console.log('corpus not found beside the project (../shared/corpus); skipped');
  for (const r of reports ?? []) {
    console.log(`${r.name}: ${r.agree}/${r.total} = ${((100 * r.agree) / r.total).toFixed(1)}%`);
    for (const d of r.disagreements) console.log(`  label ${d.expected}, we ${d.verdict}: ${JSON.stringify(d.gold)} vs ${JSON.stringify(d.pred)} — ${d.reason}`);
  }
}
