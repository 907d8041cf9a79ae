import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A `redis-server` of this machine on a free loopback port, with no persistence. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server (its data is lost, as nothing is saved) and starts it again on its port. */
  restart(): Promise<void>;
  /** Stops the server; again once it has stopped is a no-op. */
  close(): Promise<void>;
}

const STARTUP_ATTEMPTS = 5;

/** Starts `redis-server` on a free 127.0.0.1 port in a temporary directory. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'chatwire-redis-'));
  let lastError: unknown;
  for (let attempt = 0; attempt < STARTUP_ATTEMPTS; attempt++) {
    const port = await freePort();
    try {
      let child = await spawnRedis(port, dir);
      let closing: Promise<void> | undefined;
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        restart: async () => {
          await stop(child);
          child = await spawnRedis(port, dir);
        },
        close: () => {
          closing ??= stop(child).then(() => rm(dir, { recursive: true, force: true }));
          return closing;
        },
      };
    } catch (error) {
      // Another process took the port between our probe and the server's bind: try another.
      lastError = error;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function spawnRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (part: Buffer) => {
      output += part.toString('utf8');
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)),
    );
  });
  await ready;
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
