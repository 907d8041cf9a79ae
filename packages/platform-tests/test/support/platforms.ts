import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { honoChatApp } from '../../servers/hono-app.js';
import {
  CHAT_PATH,
  type PlatformSettings,
  platformHandler,
  settingsEnv,
} from '../../servers/platform-handler.js';

/** A platform's chat endpoint, running. */
export interface RunningEndpoint {
  /** The endpoint's URL (not listened on for direct calls). */
  url: string;
  /** Sends one request to the endpoint (with `search`, a query such as `?turn=…`). */
  send(init: RequestInit, search?: string): Promise<Response>;
  /** Stops whatever `start` started. */
  close(): Promise<void>;
}

/** A platform the fetch handler runs on. */
export interface Platform {
  name: string;
  start(settings: PlatformSettings): Promise<RunningEndpoint>;
}

/** A request whose body may be a stream, sent half duplex (fetch's only mode for one). */
type DuplexRequestInit = RequestInit & { duplex?: 'half' };

function withDuplex(init: RequestInit): DuplexRequestInit {
  return init.body instanceof ReadableStream ? { ...init, duplex: 'half' } : init;
}

/** The handler called as a function: a `Request` in, a `Response` out, no server between. */
export const directCalls: Platform = {
  name: 'direct calls',
  start: async (settings) => {
    const handler = platformHandler(settings);
    const url = `http://127.0.0.1${CHAT_PATH}`;
    return {
      url,
      send: (init, search = '') => handler(new Request(url + search, withDuplex(init))),
      close: () => handler.close(),
    };
  },
};

/** A Hono app on Node, served by `@hono/node-server`. */
export const honoOnNode: Platform = {
  name: 'Hono on Node',
  start: async (settings) => {
    const handler = platformHandler(settings);
    const server = serve({ fetch: honoChatApp(handler).fetch, hostname: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}${CHAT_PATH}`;
    return {
      url,
      send: (init, search = '') => fetch(url + search, withDuplex(init)),
      close: async () => {
        await new Promise((resolve) => {
          server.close(resolve);
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await handler.close();
      },
    };
  },
};

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** Resolves to the port a server process prints once it listens; rejects if it exits first. */
function listeningPort(name: string, child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} did not listen within ${START_TIMEOUT_MS} ms: ${output}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      output += text;
      const port = /^listening (\d+)$/m.exec(output)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      resolve(Number(port));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening: ${output}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * A runtime's own server in a process of its own (its binary from the npm package of the same
 * name), serving the handler with the settings passed by environment.
 */
function serverProcess(
  name: string,
  binary: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Platform {
  return {
    name,
    start: async (settings) => {
      const child = spawn(binary, args, {
        env: { ...process.env, ...env, ...settingsEnv(settings) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let port: number;
      try {
        port = await listeningPort(name, child);
      } catch (error) {
        await stopProcess(child);
        throw error;
      }
      const url = `http://127.0.0.1:${port}${CHAT_PATH}`;
      return {
        url,
        send: (init, search = '') => fetch(url + search, withDuplex(init)),
        close: () => stopProcess(child),
      };
    },
  };
}

/** `Bun.serve` in a Bun process. */
export const bunServe = serverProcess('Bun', here('../../node_modules/.bin/bun'), [
  here('../../servers/bun-server.ts'),
]);

/**
 * Deno's binary itself: the npm package's command is a Node script that runs it as a child,
 * and would leave it running when stopped.
 */
const DENO = join(dirname(createRequire(import.meta.url).resolve('deno/package.json')), 'deno');

/** `Deno.serve` in a Deno process, allowed the network, the environment and reading files. */
export const denoServe = serverProcess(
  'Deno',
  DENO,
  ['run', '--allow-net', '--allow-env', '--allow-read', here('../../servers/deno-server.ts')],
  // Loopback only: no look-up of a newer Deno release.
  { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
);
