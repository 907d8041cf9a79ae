import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Built inside the package, so that the CLI finds the package's dependencies at run time.
  const cache = join(import.meta.dirname, '..', 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  outDir = await mkdtemp(join(cache, 'chatwire-emulator-cli-'));
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
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
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
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its URL, answers, and stops cleanly on %s',
    async (signal) => {
      const child = spawn(
        process.execPath,
        [join(outDir, 'cli.mjs'), '--port', '0', '--token-delay-ms', '0'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.push(child);
      const line = await firstLine(child.stdout!);
      const url = line.match(/(http:\/\/127\.0\.0\.1:\d+\/v1)/)?.[1];
      expect(url).toBeDefined();
      const models = await fetch(`${url}/models`);
      expect(models.status).toBe(200);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      // 'close' comes after the output pipes are drained, unlike 'exit'.
      const exited = new Promise<number | null>((resolve) =>
        child.once('close', (code) => resolve(code)),
      );
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output).toContain(`Received ${signal}, stopping.`);
      await expect(fetch(`${url}/models`)).rejects.toThrow();
    },
  );
});
