import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { userEnvironment } from './user-environment.js';

export interface AppServer {
  /** Where it listens, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts an app's server with `PORT=0` and waits for the `listening on <url>` line it prints,
 * as a user running `npm start` would.
 */
export async function startAppServer(dir: string, args: string[]): Promise<AppServer> {
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: userEnvironment({ PORT: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line:\n${output}`)), 30_000);
    const read = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveOrigin(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return { origin, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
