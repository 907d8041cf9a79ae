import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppServer, startAppServer } from './support/app-server.js';
import { type AppRecipe, createFreshApp, type FreshApp } from './support/fresh-app.js';
import { readInstallLog } from './support/install-log.js';
import { askStreaming } from './support/streamed-answer.js';

const shared = {
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  typescript: '6.0.3',
  'happy-dom': '21.0.4',
};

// The newest of every range with one package manager, the oldest with the other.
const apps: (AppRecipe & { name: string })[] = [
  {
    name: 'pnpm, React 19, Express 5, zod 4.6.7 and undici 7.30.2',
    template: 'web-express',
    manager: 'pnpm',
    versions: {
      ...shared,
      react: '19.3.1',
      'react-dom': '19.3.1',
      '@types/react': '19.3.0',
      '@types/react-dom': '19.3.0',
      express: '5.3.0',
      '@types/express': '5.0.6',
    },
    pinned: { zod: '4.6.7', undici: '7.30.2' },
  },
  {
    name: 'npm, React 18, Express 4, zod 4.0.16 and undici 7.0.0',
    template: 'web-express',
    manager: 'npm',
    versions: {
      ...shared,
      react: '18.3.1',
      'react-dom': '18.3.1',
      '@types/react': '18.3.32',
      '@types/react-dom': '18.3.7',
      express: '4.21.2',
      '@types/express': '4.17.25',
    },
    pinned: { zod: '4.0.16', undici: '7.0.0' },
  },
];

describe.each(apps)('a fresh Vite + React page with an Express API ($name)', (recipe) => {
  let app: FreshApp;
  let server: AppServer | undefined;

  beforeAll(async () => {
    app = await createFreshApp(
      { ...recipe, fixtures: ['consumers', 'types'] },
      inject('packedDir'),
    );
  });

  afterAll(async () => {
    await server?.stop();
    await app?.remove();
  });

  it('installs from the tarballs with no error, no peer warning and no engine warning', () => {
    expect(readInstallLog(app.installLog)).toEqual({ errors: [], peers: [], engines: [] });
  });

  it('gives @chatwire/core the zod and undici versions under test', async () => {
    const versions = await app.run(process.execPath, [
      '-e',
      `const r = require('node:module').createRequire(require.resolve('@chatwire/core'));
       console.log(JSON.stringify({ zod: r('zod/package.json').version, undici: r('undici/package.json').version }));`,
    ]);
    expect(JSON.parse(versions)).toEqual(recipe.pinned);
  });

  it('type-checks the page and every entry point under bundler, node16 and node10 resolution', async () => {
    // The bundler pass checks the page's sources and our declarations against the app's own
    // dependencies (library checks on); the node16 and node10 passes check how every entry point
    // resolves, which the declarations alone do not change.
    for (const mode of ['bundler', 'node16', 'node10']) {
      await app.run('npx', ['--no-install', 'tsc', '-p', `types/tsconfig.${mode}.json`]);
    }
  });

  it('builds a page bundle that holds no Node built-in and no undici', async () => {
    const log = await app.run('npx', ['--no-install', 'vite', 'build']);
    expect(log).not.toMatch(/externalized for browser compatibility/);
    const assets = join(app.dir, 'dist', 'assets');
    const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await readFile(join(assets, script), 'utf8');
      expect(code).toContain('/api/chat');
      expect(code).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
      expect(code).not.toMatch(/undici/);
    }
  });

  it('streams an answer from its Express API on the emulator, and serves the page', async () => {
    server = await startAppServer(app.dir, ['server.js']);
    const answer = await askStreaming(`${server.origin}/api/chat`);
    expect(answer).toMatchObject({ status: 200, done: true });
    expect(answer.contentType).toMatch(/^text\/event-stream/);
    expect(answer.chunks).toBeGreaterThan(2);
    expect(answer.text.length).toBeGreaterThan(0);
    const page = await fetch(`${server.origin}/`);
    expect(await page.text()).toMatch(/<div id="root">/);
  });

  it('shows the streamed answer through useChatCompletion with its own React', async () => {
    server ??= await startAppServer(app.dir, ['server.js']);
    const expected = await askStreaming(`${server.origin}/api/chat`);
    const shown = JSON.parse(
      await app.run(process.execPath, [
        'consumers/hook-round-trip.mjs',
        `${server.origin}/api/chat`,
      ]),
    );
    expect(shown).toMatchObject({ react: recipe.versions.react, answer: expected.text });
  });

  it('streams an answer from ES module and CommonJS consumers of @chatwire/core', async () => {
    for (const consumer of ['consumers/esm.mjs', 'consumers/cjs.cjs']) {
      const printed = JSON.parse(await app.run(process.execPath, [consumer]));
      expect(printed).toMatchObject({ chat: 'function', server: true });
      expect(printed.text.length).toBeGreaterThan(0);
    }
  });
});
