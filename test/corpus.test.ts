import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReports } from '../bench/agreement.js';

test('agreement with Math-Verify short cases in one default configuration is at least 95%', async (t) => {
  const reports = await agreementReports();
  if (!reports) {
    t.skip('../shared/corpus is absent: the peer test suites were not run');
    return;
  }
  const short = reports[0]!;
  const rate = short.agree / short.total;
  assert.ok(rate >= 0.95, `${short.agree}/${short.total}: ${short.disagreements.map((d) => `${d.gold} vs ${d.pred}`).join(' | ')}`);
});
