import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** A demo server running as a child process of the test, on a free loopback port. */
export interface DemoProcess {
  readonly name: string;
  readonly origin: string;
  /** What the process printed, stdout and stderr together. */
  output(): string;
  /** Whether the process has exited (crashed, or been killed). */
  exited(): boolean;
  /** Kills the process with SIGKILL at once: no shutdown code runs, as in a crash. */
  crash(): Promise<void>;
  /** Stops the process with SIGTERM, and SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
}

/** What a demo server is started with. */
export interface DemoEnvironment {
  /** The emulator's `url`, standing in for Portkey. */
  upstreamUrl: string;
  redisUrl: string;
  producerTimeoutMs: number;
}

const APPS = fileURLToPath(new URL('../../../', import.meta.url));

const COMMANDS = {
  // demo-express runs from its sources, as `pnpm --filter demo-express start` does.
  express: { cwd: `${APPS}demo-express`, args: ['--import', 'tsx', 'src/main.ts'] },
  // demo-nest runs its build, as `pnpm --filter demo-nest start` does.
  nest: { cwd: `${APPS}demo-nest`, args: ['dist/main.js'] },
} as const;

/** A model the demos accept, for which the emulator waits 2 s before it answers. */
export const SLOW_UPSTREAM_MODEL = 'scenario:slow-first-byte';

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const STARTUP_TIMEOUT_MS = 45_000;

/** Every process started here, stopped if the test run ends without stopping it. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `apps/demo-express` or `apps/demo-nest` as its own process on a free port, talking to
 * the emulator at `upstreamUrl` as it would to Portkey, with its turns in Redis.
 */
export async function startDemo(
  app: keyof typeof COMMANDS,
  environment: DemoEnvironment,
): Promise<DemoProcess> {
  const { cwd, args } = COMMANDS[app];
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      ...process.env,
      // Routing of a real Portkey account would not fit the emulator.
      PORTKEY_PROVIDER: '',
      PORTKEY_CONFIG: '',
      PORTKEY_VIRTUAL_KEY: '',
      CHAT_MODEL: '',
      // The emulator's upstream that waits 2 s before answering.
      CHAT_MODELS: SLOW_UPSTREAM_MODEL,
      PORT: '0',
      PORTKEY_API_KEY: 'emulator',
      PORTKEY_BASE_URL: environment.upstreamUrl,
      REDIS_URL: environment.redisUrl,
      TURN_PRODUCER_TIMEOUT_MS: String(environment.producerTimeoutMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const origin = new Promise<string>((resolve, reject) => {
    const onData = (part: Buffer) => {
      output += part.toString('utf8');
      const match = LISTENING.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`demo-${app} exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), STARTUP_TIMEOUT_MS);
  try {
    const url = await origin;
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    const kill = async (signal: NodeJS.Signals) => {
      if (exited()) return;
      const gone = once(child, 'exit');
      child.kill(signal);
      await gone;
    };
    return {
      name: `demo-${app}`,
      origin: url,
      output: () => output,
      exited,
      crash: () => kill('SIGKILL'),
      stop: async () => {
        const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await kill('SIGTERM');
        clearTimeout(forced);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
