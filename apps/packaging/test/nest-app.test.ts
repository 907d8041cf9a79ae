import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppServer, startAppServer } from './support/app-server.js';
import { type AppRecipe, createFreshApp, type FreshApp } from './support/fresh-app.js';
import { readInstallLog } from './support/install-log.js';
import { askStreaming } from './support/streamed-answer.js';

const shared = {
  rxjs: '7.8.2',
  'reflect-metadata': '0.2.2',
  typescript: '6.0.3',
  '@types/node': '20.19.43',
};

const nest = (version: string) => ({
  '@nestjs/common': version,
  '@nestjs/core': version,
  '@nestjs/platform-express': version,
});

const apps: (AppRecipe & { name: string; engineWarnings: string[] })[] = [
  {
    name: 'pnpm, Nest 12',
    template: 'nest',
    manager: 'pnpm',
    versions: { ...shared, ...nest('12.5.1') },
    // Nest 12's own dependency file-type 22 declares Node 22; it runs on Node 20 all the same.
    engineWarnings: ['file-type@22.3.0'],
  },
  {
    name: 'npm, Nest 11',
    template: 'nest',
    manager: 'npm',
    versions: { ...shared, ...nest('11.2.10') },
    engineWarnings: [],
  },
];

describe.each(apps)('a fresh Nest API ($name)', (recipe) => {
  let app: FreshApp;
  let server: AppServer | undefined;

  beforeAll(async () => {
    app = await createFreshApp(recipe, inject('packedDir'));
  });

  afterAll(async () => {
    await server?.stop();
    await app?.remove();
  });

  it('installs from the tarballs with no error and no peer warning', () => {
    const { errors, peers, engines } = readInstallLog(app.installLog);
    expect({ errors, peers }).toEqual({ errors: [], peers: [] });
    expect(engines.filter((name) => !name.startsWith('@chatwire/'))).toEqual(recipe.engineWarnings);
  });

  it('compiles with tsc and streams an answer from its chat endpoint on the emulator', async () => {
    await app.run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']);
    server = await startAppServer(app.dir, ['dist/main.js']);
    const answer = await askStreaming(`${server.origin}/api/chat`);
    expect(answer).toMatchObject({ status: 200, done: true });
    expect(answer.contentType).toMatch(/^text\/event-stream/);
    expect(answer.text.length).toBeGreaterThan(0);
  });
});
