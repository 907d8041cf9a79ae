// Sums every package's vitest JSON report into the one line CI reads: "N passed, N failed".
// A package with a test script but no report counts as one failure (its suite never ran), and
// so does a test file that failed before any of its tests could run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packageDirs = ['packages', 'apps']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .concat('bench')
  .filter((dir) => existsSync(join(dir, 'package.json')));

let passed = 0;
let failed = 0;
for (const dir of packageDirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!manifest.scripts?.test) continue;
  const reportFile = join(dir, 'reports', 'vitest.json');
  if (!existsSync(reportFile)) {
    console.error(`${manifest.name}: no test report (its suite did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  failed += report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
