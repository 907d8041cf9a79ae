// Sums every package's vitest JSON report into one line: "N passed, N failed, N skipped".
// Exits non-zero when a test failed or a test suite could not run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps', '.'].flatMap((dir) =>
  dir === '.' ? ['bench'] : existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [],
);
let passed = 0;
let failed = 0;
let skipped = 0;
let brokenSuites = 0;
for (const root of roots) {
  const file = join(root, 'reports', 'vitest.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  brokenSuites += report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
}
failed += brokenSuites;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
