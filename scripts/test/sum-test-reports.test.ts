import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const summariser = join(here, '..', 'sum-test-reports.mjs');
const fixtures = join(here, 'fixtures', 'mixed');
const vitestCli = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The vitest JSON report of one fixture file, as vitest itself writes it. */
async function reportOf(fixtureFile: string, outputFile: string): Promise<void> {
  const { stderr } = await run(
    process.execPath,
    [
      vitestCli,
      'run',
      fixtureFile,
      '--root',
      fixtures,
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
    ],
    fixtures,
  );
  if (stderr.includes('Startup Error')) throw new Error(stderr);
}

const fixtureFiles = [
  'passes.fixture.ts',
  'fails.fixture.ts',
  'before-all-throws.fixture.ts',
  'skips.fixture.ts',
  'missing-module.fixture.ts',
] as const;
type FixtureFile = (typeof fixtureFiles)[number];

const reports = new Map<FixtureFile, string>();
let workspace: string;

beforeAll(async () => {
  const reportsDir = await mkdtemp(join(tmpdir(), 'fixture-reports-'));
  for (const file of fixtureFiles) {
    const outputFile = join(reportsDir, `${file}.json`);
    await reportOf(file, outputFile);
    reports.set(file, outputFile);
  }
  return () => rm(reportsDir, { recursive: true, force: true });
}, 120_000);

afterEach(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/**
 * A repository whose packages each ran one fixture file (or, for `null`, did not run their
 * tests at all), summed by the summariser from its root.
 */
async function summarise(packages: Record<string, FixtureFile | null>): Promise<Run> {
  workspace = await mkdtemp(join(tmpdir(), 'summed-repo-'));
  for (const [name, fixture] of Object.entries(packages)) {
    const dir = join(workspace, 'packages', name);
    await mkdir(join(dir, 'reports'), { recursive: true });
    const manifest = { name, scripts: { test: 'vitest run' } };
    await writeFile(join(dir, 'package.json'), JSON.stringify(manifest));
    if (fixture) {
      await writeFile(join(dir, 'reports', 'vitest.json'), await readFile(reports.get(fixture)!));
    }
  }
  return run(process.execPath, [summariser], workspace);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('the CI test summary', () => {
  it('counts a passing test as passed and succeeds', async () => {
    const summary = await summarise({ ok: 'passes.fixture.ts' });
    expect(summary).toEqual({ code: 0, stdout: '1 passed, 0 failed\n', stderr: '' });
  });

  it('counts a failing test as failed, names it on stderr and fails', async () => {
    const summary = await summarise({ broken: 'fails.fixture.ts' });
    expect(summary.stdout).toBe('0 passed, 1 failed\n');
    expect(lines(summary.stderr)).toEqual([
      expect.stringMatching(
        /^broken: \S*fails\.fixture\.ts > compares two different numbers: failed$/,
      ),
    ]);
    expect(summary.code).toBe(1);
  });

  it('counts each test a throwing beforeAll kept from running, and the file, as failed', async () => {
    const summary = await summarise({ browser: 'before-all-throws.fixture.ts' });
    expect(summary.stdout).toBe('0 passed, 3 failed\n');
    expect(lines(summary.stderr)).toEqual([
      expect.stringMatching(
        /before-all-throws\.fixture\.ts > .* never runs its first test: skipped$/,
      ),
      expect.stringMatching(
        /before-all-throws\.fixture\.ts > .* never runs its second test: skipped$/,
      ),
      expect.stringMatching(/before-all-throws\.fixture\.ts: the file failed: an error outside/),
    ]);
    expect(summary.code).toBe(1);
  });

  it('counts skipped and todo tests as failed, naming each', async () => {
    const summary = await summarise({ lazy: 'skips.fixture.ts' });
    expect(summary.stdout).toBe('0 passed, 2 failed\n');
    expect(lines(summary.stderr)).toEqual([
      expect.stringMatching(/^lazy: \S*skips\.fixture\.ts > is skipped: skipped$/),
      expect.stringMatching(/^lazy: \S*skips\.fixture\.ts > is still to be written: todo$/),
    ]);
    expect(summary.code).toBe(1);
  });

  it('counts a file that imports a missing module as failed, with the error', async () => {
    const summary = await summarise({ unbuilt: 'missing-module.fixture.ts' });
    expect(summary.stdout).toBe('0 passed, 1 failed\n');
    expect(summary.stderr).toMatch(
      /^unbuilt: \S*missing-module\.fixture\.ts: the file failed: Cannot find module '\.\/no-such-module\.js'/,
    );
    expect(summary.code).toBe(1);
  });

  it('counts a package with a test script and no report as one failure', async () => {
    const summary = await summarise({ ok: 'passes.fixture.ts', silent: null });
    expect(summary.stdout).toBe('1 passed, 1 failed\n');
    expect(summary.stderr).toBe('silent: no test report (its suite did not run)\n');
    expect(summary.code).toBe(1);
  });

  it('sums every package into one line', async () => {
    const summary = await summarise({
      a: 'passes.fixture.ts',
      b: 'fails.fixture.ts',
      c: 'before-all-throws.fixture.ts',
      d: 'skips.fixture.ts',
      e: 'missing-module.fixture.ts',
    });
    expect(summary.stdout).toBe('1 passed, 7 failed\n');
    expect(summary.code).toBe(1);
  });

  it('fails a run in which no test passed', async () => {
    const summary = await summarise({});
    expect(summary).toEqual({ code: 1, stdout: '0 passed, 0 failed\n', stderr: '' });
  });
});
