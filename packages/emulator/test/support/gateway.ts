import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running open-source Portkey gateway, started for tests. */
export interface RunningGateway {
  /** `http://127.0.0.1:port`. */
  origin: string;
  /** `${origin}/v1`: the base URL clients call. */
  url: string;
  /** What the gateway printed so far, for failure messages. */
  output(): string;
  /** Stops the gateway process. */
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

function gatewayEntry(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('@portkey-ai/gateway/package.json')),
    'build',
    'start-server.js',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(
  origin: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The gateway exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(`${origin}/v1/models`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`The gateway did not answer within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * Starts the open-source Portkey gateway (`@portkey-ai/gateway`) as a child process on a free
 * loopback port, with the preload that lets it stream on Node 20, and waits until it answers.
 * The gateway listens on all interfaces; tests only send it loopback traffic.
 */
export async function startGateway(): Promise<RunningGateway> {
  const port = await freePort();
  const preload = join(dirname(fileURLToPath(import.meta.url)), 'gateway-mutable-headers.mjs');
  const child = spawn(
    process.execPath,
    ['--import', preload, gatewayEntry(), '--headless', `--port=${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const origin = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilAnswering(origin, child, () => log);
  } catch (error) {
    await close();
    throw error;
  }
  return { origin, url: `${origin}/v1`, output: () => log, close };
}

/** Headers that route a request through the gateway to an OpenAI-compatible upstream such as the emulator. */
export function gatewayHeadersFor(upstreamUrl: string): Record<string, string> {
  return {
    'x-portkey-provider': 'openai',
    authorization: 'Bearer test',
    'x-portkey-custom-host': upstreamUrl,
  };
}
