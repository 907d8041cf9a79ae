import { readFileSync } from 'node:fs';

/** Clock ticks per second of the times in `/proc/<pid>/stat` (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Milliseconds of CPU the calling thread has used (user and system), or `undefined` where
 * `/proc` does not tell (not Linux). Unlike `process.cpuUsage()` it leaves out the worker
 * threads, so the proxy on the main thread is measured without the simulated browsers and
 * upstream; and unlike a rate, it barely moves when other work shares the machine.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // The fields after the command name, which may itself hold spaces: utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
