import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { addUser, checkRole, inviteUser, removeUser } from '../server/accounts.js';
import { courseByName, listMembers } from '../store/accounts.js';
import type { Store } from '../store/db.js';
import { CliError } from './load.js';
import { DB_HELP, openCliStore } from './store-option.js';

/** Runs `work` on the store a command names and closes it, whatever happens. */
async function withStore<T>(db: string | undefined, mustExist: boolean, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(db, mustExist);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The password from stdin (one line; the newline a shell or `echo` adds is not part of it). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.replace(/\r?\n$/, '');
  if (line.includes('\n')) throw new CliError('--password-stdin: give one line (the password), not several');
  return line;
}

/** Asks twice on the terminal without echoing what is typed. */
async function passwordFromTerminal(name: string): Promise<string> {
  const ask = async (question: string) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    process.stderr.write(question);
    // readline echoes what is typed through this method: silenced while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    try {
      return await new Promise<string>((resolve) => rl.question('', resolve));
    } finally {
      rl.close();
      process.stderr.write('\n');
    }
  };
  const first = await ask(`password for ${name}: `);
  if ((await ask('again: ')) !== first) throw new CliError('the two passwords differ');
  return first;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'staff';
  }
}

/** `partcredit users`: staff accounts of the review app (the first instructor is made here). */
export function usersCommand(): Command {
  const users = new Command('users').description('staff accounts of the review app: add, invite, list, remove');
  users
    .command('add')
    .description('add a user to a course with a role (a new user needs a password; giving one to an existing user resets it)')
    .argument('<name>', 'the login name')
    .requiredOption('--course <name>', 'the course (made when new)')
    .requiredOption('--role <role>', 'instructor, ta or read-only')
    .option('--password-stdin', 'read the password from stdin (else it is asked on the terminal for a new user)')
    .option('--db <store>', DB_HELP)
    .action(async (name: string, flags: { course: string; role: string; passwordStdin?: boolean; db?: string }) => {
      checkRole(flags.role);
      await withStore(flags.db, false, async (store) => {
        const exists = !!(await store.db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst());
        const password = flags.passwordStdin ? await passwordFromStdin() : !exists && process.stdin.isTTY ? await passwordFromTerminal(name) : undefined;
        const r = await addUser(store, { name, role: flags.role, course: flags.course, ...(password !== undefined ? { password } : {}) });
        if (r.courseCreated) process.stderr.write(`made the course ${flags.course}\n`);
        process.stdout.write(`${r.created ? 'added' : r.reset ? 'reset the password of' : 'updated'} ${name}: ${flags.role} in ${flags.course}\n`);
      });
    });
  users
    .command('invite')
    .description('make a one-time link with which a new user sets their password and joins a course')
    .argument('<name>', 'the login name they will have')
    .requiredOption('--course <name>', 'the course (made when new)')
    .requiredOption('--role <role>', 'instructor, ta or read-only')
    .option('--url <base>', 'where the review app is reached', 'http://127.0.0.1:7300')
    .option('--days <n>', 'how long the link works', '7')
    .option('--by <name>', 'who invites (recorded with the invite)', osUser())
    .option('--db <store>', DB_HELP)
    .action(async (name: string, flags: { course: string; role: string; url: string; days: string; by: string; db?: string }) => {
      checkRole(flags.role);
      let base: URL;
      try {
        base = new URL(flags.url);
      } catch {
        throw new CliError(`--url: ${flags.url} is not a URL (e.g. https://grading.example.edu)`);
      }
      const days = Number(flags.days);
      await withStore(flags.db, false, async (store) => {
        const r = await inviteUser(store, { name, role: flags.role, course: flags.course, by: flags.by, days });
        if (r.courseCreated) process.stderr.write(`made the course ${flags.course}\n`);
        // The token rides in the fragment: browsers never send it to a server, a proxy's log or a Referer.
        process.stdout.write(`${new URL(`/login#invite=${r.token}`, base).toString()}\n`);
        process.stderr.write(`send this link to ${name} only: it works once, until ${r.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
      });
    });
  users
    .command('list')
    .description('every user, their courses and roles')
    .option('--course <name>', 'only this course')
    .option('--db <store>', DB_HELP)
    .action(async (flags: { course?: string; db?: string }) => {
      await withStore(flags.db, true, async (store) => {
        const course = flags.course === undefined ? undefined : await courseByName(store, flags.course);
        if (flags.course !== undefined && !course) throw new CliError(`no course "${flags.course}"`);
        const rows = await listMembers(store, course?.id);
        if (!rows.length) {
          process.stderr.write('no users: partcredit users add NAME --role instructor --course COURSE --password-stdin makes the first\n');
          return;
        }
        process.stdout.write(
          `user\tcourse\trole\tstatus\n${rows.map((r) => `${r.name}\t${r.course ?? '-'}\t${r.role ?? '-'}\t${r.active ? 'active' : r.invitedUntil ? `invited until ${r.invitedUntil.slice(0, 10)}` : 'invited (link expired or used)'}`).join('\n')}\n`,
        );
      });
    });
  users
    .command('remove')
    .description('remove a user from a course, or (without --course) entirely; their overrides keep their name')
    .argument('<name>', 'the login name')
    .option('--course <name>', 'only from this course')
    .option('--db <store>', DB_HELP)
    .action(async (name: string, flags: { course?: string; db?: string }) => {
      await withStore(flags.db, true, async (store) => process.stdout.write(`${await removeUser(store, name, flags.course)}\n`));
    });
  return users;
}
