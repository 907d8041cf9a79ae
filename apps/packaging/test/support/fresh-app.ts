import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { userEnvironment } from './user-environment.js';

export type PackageManager = 'npm' | 'pnpm';

/** How to make one fresh app. */
export interface AppRecipe {
  /** A folder of `templates/`: the app a user would copy. */
  template: string;
  manager: PackageManager;
  /**
   * Exact versions of the template's dependencies (the peers under test); a name the template
   * does not list is added as a dev dependency.
   */
  versions: Record<string, string>;
  /** Dependencies of our packages held at a version, such as the lowest one a range allows. */
  pinned?: Record<string, string>;
  /** Files of `fixtures/` copied into the app beside the template's. */
  fixtures?: string[];
}

export interface FreshApp {
  dir: string;
  /** What the install printed, stdout and stderr together. */
  installLog: string;
  /** Runs a command in the app and returns its output; rejects with the output on failure. */
  run(command: string, args: string[]): Promise<string>;
  remove(): Promise<void>;
}

const packagingRoot = resolve(import.meta.dirname, '../..');

async function exec(dir: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd: dir,
      env: userEnvironment(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${dir}:\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`,
    );
  }
}

/** The tarball of each published package in `packedDir`, by package name. */
async function tarballsIn(packedDir: string): Promise<Map<string, string>> {
  const tarballs = new Map<string, string>();
  for (const file of await readdir(packedDir)) {
    const match = /^chatwire-(.+?)-\d+\.\d+\.\d+.*\.tgz$/.exec(file);
    if (match) tarballs.set(`@chatwire/${match[1]}`, join(packedDir, file));
  }
  return tarballs;
}

/**
 * Copies a template into a new folder outside the workspace, points its `@chatwire/*`
 * dependencies at the packed tarballs (overrides stand in for the registry, so that the
 * packages' dependencies on each other resolve to the tarballs too) and installs it.
 */
export async function createFreshApp(recipe: AppRecipe, packedDir: string): Promise<FreshApp> {
  const dir = await mkdtemp(join(tmpdir(), `chatwire-${recipe.template}-${recipe.manager}-`));
  await cp(join(packagingRoot, 'templates', recipe.template), dir, { recursive: true });
  for (const fixture of recipe.fixtures ?? []) {
    await cp(join(packagingRoot, 'fixtures', fixture), join(dir, fixture), { recursive: true });
  }

  const manifestFile = join(dir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  const tarballs = await tarballsIn(packedDir);
  for (const [name, version] of Object.entries(recipe.versions)) {
    const section = name in (manifest.dependencies ?? {}) ? 'dependencies' : 'devDependencies';
    manifest[section] = { ...manifest[section], [name]: version };
  }
  const overrides: Record<string, string> = { ...recipe.pinned };
  for (const [name, tarball] of tarballs) {
    if (manifest.dependencies[name] === undefined) continue;
    manifest.dependencies[name] = `file:${tarball}`;
    overrides[name] = recipe.manager === 'npm' ? `$${name}` : `file:${tarball}`;
  }
  if (recipe.manager === 'npm') {
    manifest.overrides = overrides;
  } else {
    const lines = Object.entries(overrides).map(([name, spec]) => `  "${name}": "${spec}"`);
    await writeFile(join(dir, 'pnpm-workspace.yaml'), `overrides:\n${lines.join('\n')}\n`);
  }
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

  const installLog =
    recipe.manager === 'npm'
      ? await exec(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'])
      : await exec(dir, 'pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline']);

  return {
    dir,
    installLog,
    run: (command, args) => exec(dir, command, args),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
