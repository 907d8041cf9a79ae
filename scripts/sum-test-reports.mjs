// Sums every package's vitest JSON report into the one line CI reads: "N passed, N failed".
// Only a test that ran and passed counts as passed. Everything else is a failure, named on
// stderr: a failed test; a test that did not run (skipped, pending or todo: a suite whose
// beforeAll threw reports its tests as skipped, and this repository skips none on purpose); a
// test file that failed on its own (an import, a hook or the file itself threw), once more
// unless a failed test of its own already explains it; and a package with a test script but no
// report (its suite never ran).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

const packageDirs = ['packages', 'apps']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .concat('bench', 'scripts')
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
  for (const file of report.testResults) {
    const inPackage = relative(dir, file.name);
    const where = `${manifest.name}: ${inPackage.startsWith('..') || isAbsolute(inPackage) ? file.name : inPackage}`;
    let testFailed = false;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') {
        passed += 1;
        continue;
      }
      failed += 1;
      testFailed ||= test.status === 'failed';
      console.error(`${where} > ${test.fullName}: ${test.status}`);
    }
    if (file.status === 'failed' && (file.message !== '' || !testFailed)) {
      failed += 1;
      console.error(`${where}: the file failed: ${file.message || 'an error outside its tests'}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
