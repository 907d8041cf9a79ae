import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The apps that serve the page and its API: the same HTTP contract, three frameworks. */
export type DemoBackend = 'demo-express' | 'demo-nest' | 'demo-next';

/** A demo app running as a child process, as `pnpm demo` runs it. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Everything the app printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the app has printed `text` (or a match of it); rejects after `timeoutMs`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Stops the app (and the emulator it started). */
  close(): Promise<void>;
}

const appsDir = new URL('../../../../', import.meta.url);

/** How an app is started, and the line of its output that names its address. */
interface DemoCommand {
  cwd: URL;
  args: string[];
  env?: Record<string, string>;
  /** Matches the line that says where the app listens; its first group is the URL. */
  listening: RegExp;
}

/** `<app> listening on http://127.0.0.1:<port>`, as the Express and Nest demos print it. */
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

const COMMANDS: Record<DemoBackend, DemoCommand> = {
  'demo-express': {
    cwd: new URL('demo-express/', appsDir),
    args: ['--import', 'tsx', 'src/main.ts'],
    listening: LISTENING,
  },
  'demo-nest': {
    cwd: new URL('demo-nest/', appsDir),
    args: ['dist/main.js'],
    listening: LISTENING,
  },
  // `next start` of the app's production build (`pnpm --filter demo-next build`).
  'demo-next': {
    cwd: new URL('demo-next/', appsDir),
    args: ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', '0'],
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    listening: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
  },
};

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts a demo app on a free loopback port and waits until it serves the page: with the
 * in-process emulator, since the Portkey key of the tests' own environment is left out, unless
 * `env` names one. The app binds port 0 itself and the port is read from the line it prints, so
 * no other process can take the port in between.
 */
export async function startDemoServer(
  backend: DemoBackend,
  env: Record<string, string> = {},
): Promise<DemoServer> {
  const command = COMMANDS[backend];
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.PORTKEY_API_KEY;
  const childEnv: NodeJS.ProcessEnv = { ...inherited, ...command.env, ...env, PORT: '0' };
  const child = spawn(process.execPath, command.args, {
    cwd: fileURLToPath(command.cwd),
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
          if (typeof text === 'string' ? !output.includes(text) : !text.test(output)) return;
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
    await server.waitForOutput(command.listening, START_TIMEOUT_MS);
    url = output.match(command.listening)?.[1] ?? '';
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
      throw new Error(`${url} answered without the page; is it built?\n${page.slice(0, 200)}`);
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
