/**
 * CPU time of one thread, where the system tells it (Linux's /proc). A check's time limit is
 * meant for work that runs away, not for a worker the machine did not schedule: on a loaded
 * machine a check of a few milliseconds can wait past the limit without running, and was then
 * answered `undecided`, so the same input got another verdict. The pool reads the worker's
 * CPU time to tell the two apart.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** The calling thread's id in the operating system (not `worker_threads.threadId`); undefined off Linux. */
export function ownOsThreadId(): number | undefined {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc's CPU times: 100 on every Linux this runs on (USER_HZ). */
const TICK_MS = 10;

/** CPU time (user + system) a thread of this process has used, in ms; undefined when unknown or the thread is gone. */
export function threadCpuMs(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name (field 2) is in brackets and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * TICK_MS : undefined;
  } catch {
    return undefined;
  }
}
