import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const repositoryRoot = resolve(import.meta.dirname, '../../..');
const tar = (args: string[]) =>
  promisify(execFile)('tar', args, { maxBuffer: 16 * 1024 * 1024 }).then(({ stdout }) => stdout);

interface Tarball {
  file: string;
  entries: string[];
  read(path: string): Promise<string>;
}

let tarballs: Tarball[];

beforeAll(async () => {
  const packedDir = inject('packedDir');
  const files = (await readdir(packedDir)).filter((file) => file.endsWith('.tgz'));
  tarballs = await Promise.all(
    files.map(async (file) => {
      const path = join(packedDir, file);
      const entries = (await tar(['-tzf', path])).split('\n').filter(Boolean);
      return { file, entries, read: (entry: string) => tar(['-xzOf', path, `package/${entry}`]) };
    }),
  );
});

describe('the packed tarballs', () => {
  it('are one per published package', () => {
    expect(tarballs.map((tarball) => tarball.file.replace(/-\d.*$/, '')).sort()).toEqual([
      'chatwire-core',
      'chatwire-emulator',
      'chatwire-express',
      'chatwire-nestjs',
      'chatwire-react',
      'chatwire-redis',
    ]);
  });

  it('each carry the MIT license of the repository', async () => {
    const license = await readFile(join(repositoryRoot, 'LICENSE'), 'utf8');
    expect(license).toContain('Copyright (c) 2026 chatwire contributors');
    for (const tarball of tarballs) {
      expect(await tarball.read('LICENSE'), tarball.file).toBe(license);
      expect(JSON.parse(await tarball.read('package.json')).license).toBe('MIT');
    }
  });

  it('name versions, not workspace ranges, and say where they come from', async () => {
    for (const tarball of tarballs) {
      const text = await tarball.read('package.json');
      expect(text, tarball.file).not.toContain('workspace:');
      const manifest = JSON.parse(text);
      const folder = manifest.name.replace('@chatwire/', 'packages/');
      expect(manifest.repository).toEqual({
        type: 'git',
        url: 'git+https://github.com/chatwire/chatwire.git',
        directory: folder,
      });
      expect(manifest.homepage).toMatch(/^https:\/\//);
      expect(manifest.bugs.url).toMatch(/^https:\/\//);
      expect(manifest.keywords.length).toBeGreaterThan(0);
    }
  });

  it('have READMEs whose relative links point at files inside the tarball', async () => {
    for (const tarball of tarballs) {
      const readme = await tarball.read('README.md');
      const targets = [...readme.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)]
        .map((match) => match[1] ?? '')
        .filter((target) => !/^[a-z]+:/i.test(target));
      for (const target of targets) {
        const entry = `package/${target.replace(/^\.\//, '')}`;
        expect(
          tarball.entries.some((path) => path === entry || path.startsWith(`${entry}/`)),
          `${tarball.file}: ${target}`,
        ).toBe(true);
      }
    }
  });
});
