#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.js';

const USAGE = `Usage: chatwire-emulator [--port 8787] [--host 127.0.0.1] [--token-delay-ms 20] [--max-body-bytes N]

Starts a local Portkey-compatible chat completions server and prints its URL.
Stop it with Ctrl-C (SIGINT) or SIGTERM.`;

function readNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'token-delay-ms': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator({
    host: values.host,
    port: readNumber(values.port, 'port', 8787),
    tokenDelayMs: readNumber(values['token-delay-ms'], 'token-delay-ms', 20),
    maxBodyBytes: readNumber(values['max-body-bytes'], 'max-body-bytes', 10 * 1024 * 1024),
  });
  process.stdout.write(`chatwire emulator listening on ${emulator.url}\n`);
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`Received ${signal}, stopping.\n`);
    emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
