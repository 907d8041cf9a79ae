import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const appsDir = new URL('../../', import.meta.url);
const APPS = {
  'demo-express': {
    cwd: new URL('demo-express/', appsDir),
    args: ['--import', 'tsx', 'src/main.ts'],
  },
  'demo-nest': { cwd: new URL('demo-nest/', appsDir), args: ['dist/main.js'] },
} as const;

let taken: Server;
let port: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
});

function run(app: keyof typeof APPS): Promise<{ code: number | null; output: string }> {
  const { cwd, args } = APPS[app];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  delete env.PORTKEY_API_KEY;
  const child = spawn(process.execPath, [...args], { cwd: fileURLToPath(cwd), env });
  let output = '';
  child.stdout.on('data', (data: Buffer) => {
    output += data.toString();
  });
  child.stderr.on('data', (data: Buffer) => {
    output += data.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

for (const app of Object.keys(APPS) as (keyof typeof APPS)[]) {
  it(`${app} says which variable to set when its port is taken, without a stack trace`, async () => {
    const { code, output } = await run(app);
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use. Set PORT`);
    expect(output).not.toMatch(/^\s+at /m);
  }, 30_000);
}
