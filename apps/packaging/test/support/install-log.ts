/** What an install printed that a user would have to act on. */
export interface InstallWarnings {
  /** Lines that report an error. */
  errors: string[];
  /** Lines about a peer dependency that is missing or out of its range. */
  peers: string[];
  /** The packages (`name@version`) whose `engines` exclude the running Node. */
  engines: string[];
}

/** Sorts the lines npm or pnpm printed while installing into errors, peer and engine warnings. */
export function readInstallLog(log: string): InstallWarnings {
  const lines = log.split('\n');
  return {
    errors: lines.filter((line) => /\bERR[!_]|npm error|^\s*Error:/i.test(line)),
    peers: lines.filter((line) => /warn/i.test(line) && /peer/i.test(line)),
    engines: lines.flatMap((line) => {
      const pnpm = /Unsupported engine for (\S+?):/.exec(line);
      const npm = /EBADENGINE.*package: '(\S+?)'/.exec(line);
      const name = pnpm?.[1] ?? npm?.[1];
      return name === undefined ? [] : [name];
    }),
  };
}
