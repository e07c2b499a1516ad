import { readFileSync } from 'node:fs';

/** Clock ticks a second of /proc's CPU times (USER_HZ: 100 on Linux on every common architecture). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, every thread) a process has used so far, in milliseconds, from
 * /proc/<pid>/stat; NaN where /proc is not there. Resolution 10 ms: runs are long enough.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return ((user + system) * 1000) / TICKS_PER_SECOND;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return Number.NaN;
    throw error;
  }
}
