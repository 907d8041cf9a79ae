import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
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

/** The port the gateway reports once it listens (see gateway-loopback-port.mjs). */
function reportedPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The gateway did not listen within ${START_TIMEOUT_MS} ms:\n${output()}`));
    }, START_TIMEOUT_MS);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The gateway exited with ${code}:\n${output()}`));
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
 * Starts the open-source Portkey gateway (`@portkey-ai/gateway`) as a child process on
 * 127.0.0.1, on a free port it binds itself and reports, with the preload that lets it stream
 * on Node 20, and waits until it answers.
 */
export async function startGateway(): Promise<RunningGateway> {
  const here = dirname(fileURLToPath(import.meta.url));
  const preloads = ['gateway-loopback-port.mjs', 'gateway-mutable-headers.mjs'].flatMap((file) => [
    '--import',
    join(here, file),
  ]);
  const child = spawn(process.execPath, [...preloads, gatewayEntry(), '--headless', '--port=0'], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  let origin: string;
  try {
    origin = `http://127.0.0.1:${await reportedPort(child, () => log)}`;
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
