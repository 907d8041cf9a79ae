import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The API apps that serve the page: the same HTTP contract, two frameworks. */
export type DemoBackend = 'demo-express' | 'demo-nest';

/** A demo app running as a child process, as `pnpm demo` runs it. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Everything the app printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the app has printed `text`; rejects after `timeoutMs`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Stops the app (and the emulator it started). */
  close(): Promise<void>;
}

const appsDir = new URL('../../../../', import.meta.url);

const COMMANDS: Record<DemoBackend, { cwd: URL; args: string[] }> = {
  'demo-express': {
    cwd: new URL('demo-express/', appsDir),
    args: ['--import', 'tsx', 'src/main.ts'],
  },
  'demo-nest': { cwd: new URL('demo-nest/', appsDir), args: ['dist/main.js'] },
};

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts a demo app on a free loopback port with the in-process emulator (no Portkey key in
 * its environment) and waits until it serves the page. The app binds port 0 itself and the
 * port is read from the line it prints, so no other process can take the port in between.
 */
export async function startDemoServer(
  backend: DemoBackend,
  env: Record<string, string> = {},
): Promise<DemoServer> {
  const { cwd, args } = COMMANDS[backend];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: '0' };
  delete childEnv.PORTKEY_API_KEY;
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(cwd),
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const append = (data: Buffer) => {
    output += data.toString();
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  let url = '';
  const server: DemoServer = {
    get url() {
      return url;
    },
    output: () => output,
    waitForOutput(text, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`${backend} did not print "${text}" within ${timeoutMs} ms:\n${output}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => stop(child),
  };
  try {
    await server.waitForOutput('listening on http://127.0.0.1:', START_TIMEOUT_MS);
    const listening = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    if (listening === undefined) throw new Error(`${backend} printed no port:\n${output}`);
    url = listening;
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return server;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The demo app exited with code ${child.exitCode}:\n${output()}`);
    }
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) {
      const page = await response.text();
      if (page.includes('id="root"')) return;
      throw new Error(
        `${url} answered without the page; is demo-web built?\n${page.slice(0, 200)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The demo app did not serve ${url} within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
