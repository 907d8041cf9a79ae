import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding one tarball per published package, as `scripts/pack.sh` makes them. */
    packedDir: string;
  }
}

const repositoryRoot = resolve(import.meta.dirname, '../../../..');

/** Packs every published package once for all the test files, and removes the tarballs after. */
export default async function packOnce(project: TestProject): Promise<() => Promise<void>> {
  const packedDir = await mkdtemp(join(tmpdir(), 'chatwire-packed-'));
  await promisify(execFile)('bash', [join(repositoryRoot, 'scripts/pack.sh'), packedDir], {
    cwd: repositoryRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  project.provide('packedDir', packedDir);
  return () => rm(packedDir, { recursive: true, force: true });
}
