/**
 * The environment of a user's shell: the variables that pnpm, turbo and vitest set for the test
 * run are left out, so that they do not steer the fresh apps' installs, builds and servers.
 */
export function userEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(npm_|pnpm_|PNPM_|TURBO_|VITEST|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$)/.test(name),
  );
  return { ...Object.fromEntries(inherited), ...extra };
}
