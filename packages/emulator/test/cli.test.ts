import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'chatwire-emulator-cli-'));
  await build({
    config: false,
    entry: ['src/cli.ts'],
    outDir,
    format: ['esm'],
    dts: false,
    platform: 'node',
    logLevel: 'silent',
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(outDir, { recursive: true, force: true });
});

function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`No output in time: ${text}`)), 10_000);
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.split('\n')[0] ?? '');
      }
    });
  });
}

describe('chatwire-emulator CLI', () => {
  it('prints its URL, answers, and stops cleanly on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      [join(outDir, 'cli.mjs'), '--port', '0', '--token-delay-ms', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const line = await firstLine(child.stdout!);
    const url = line.match(/(http:\/\/127\.0\.0\.1:\d+\/v1)/)?.[1];
    expect(url).toBeDefined();
    const models = await fetch(`${url}/models`);
    expect(models.status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child!.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
