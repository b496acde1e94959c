import { readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** A process that holds (or has open) a store's file, for "the store is locked" messages. */
export interface LockHolder {
  pid: number;
  /** Its command line, shortened. */
  command: string;
}

function commandOf(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const text = argv.map((a) => a.replace(/^.*\/(?=[^/]+$)/, '')).join(' ');
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  } catch {
    return '';
  }
}

function inode(path: string): bigint | undefined {
  try {
    return statSync(path, { bigint: true }).ino;
  } catch {
    return undefined;
  }
}

/**
 * The processes holding a SQLite store's write lock, as Linux reports them in `/proc/locks`:
 * a WAL store's writer holds a write lock on byte 120 of its `-shm` file, a rollback-journal
 * store's on the database's reserved byte (0x40000001) or more. When /proc has no such lock
 * (another system, another kind of lock), the processes that have the file open are returned
 * instead; this process is never listed. Empty when nothing can be found out.
 */
export function lockHolders(dbPath: string): LockHolder[] {
  const path = resolve(dbPath);
  const shm = inode(`${path}-shm`);
  const db = inode(path);
  const pids = new Set<number>();
  try {
    for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
      // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 120 120"
      const m = /^\d+:\s+(?:->\s+)?POSIX\s+\S+\s+WRITE\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s+(\d+)\s+(\d+|EOF)/.exec(line);
      if (!m) continue;
      const [pid, ino, start, end] = [Number(m[1]), BigInt(m[2]!), Number(m[3]), m[4] === 'EOF' ? Infinity : Number(m[4])];
      if (pid === process.pid || pid <= 0) continue;
      const walWriter = shm !== undefined && ino === shm && start <= 120 && end >= 120;
      const journalWriter = db !== undefined && ino === db && end >= 0x40000001;
      if (walWriter || journalWriter) pids.add(pid);
    }
  } catch {
    /* no /proc/locks */
  }
  if (!pids.size) {
    const names = new Set([path, `${path}-wal`, `${path}-shm`]);
    let procs: string[] = [];
    try {
      procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      /* no /proc */
    }
    for (const p of procs) {
      const pid = Number(p);
      if (pid === process.pid) continue;
      try {
        if (
          readdirSync(`/proc/${p}/fd`).some((fd) => {
            try {
              return names.has(readlinkSync(`/proc/${p}/fd/${fd}`));
            } catch {
              return false;
            }
          })
        )
          pids.add(pid);
      } catch {
        /* gone, or not ours to read */
      }
    }
  }
  return [...pids].map((pid) => ({ pid, command: commandOf(pid) }));
}
