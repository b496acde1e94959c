import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { startServer } from '../server/serve.js';
import { CliError } from './load.js';
import { DB_HELP, openCliStore } from './store-option.js';
import { isUserError } from '../model/errors.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('the review app in the browser: a grid of submissions × parts, overrides, answer groups, exports')
    .option('--db <store>', DB_HELP)
    .option('--port <n>', 'the port (0: any free one)', '7300')
    .option('--host <address>', 'listen on another address than 127.0.0.1 (single-user mode: then a token is required)')
    .option('--token <token>', 'single-user mode: the access token for --host (default: a random one, printed in the URL)')
    .option('--user <name>', 'single-user mode: who overrides are recorded as (default: your login name)')
    .option('--auth', 'require staff accounts (on anyway when the store has users: partcredit users add)')
    .option('--session-hours <h>', 'accounts: how long a login lasts', '12')
    .option('--trust-proxy', 'accounts: behind one reverse proxy, count login tries by the address it forwards (X-Forwarded-For)')
    .option('--open', 'open the app in your browser')
    .action(async (flags: { db?: string; port: string; host?: string; token?: string; user?: string; auth?: boolean; sessionHours: string; trustProxy?: boolean; open?: boolean }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: ${flags.port} is not a port number`);
      const sessionHours = Number(flags.sessionHours);
      if (!Number.isFinite(sessionHours)) throw new CliError(`--session-hours: ${flags.sessionHours} is not a number`);
      const server = await startServer({
        db: await openCliStore(flags.db),
        port,
        sessionHours,
        ...(flags.host ? { host: flags.host } : {}),
        ...(flags.token ? { token: flags.token } : {}),
        ...(flags.user ? { author: flags.user } : {}),
        ...(flags.auth ? { auth: true as const } : {}),
        ...(flags.trustProxy ? { trustProxy: true } : {}),
      }).catch((e: unknown) => {
        throw isUserError(e) ? new CliError(e.message) : e;
      });
      for (const note of server.notes) process.stderr.write(`partcredit: ${note}\n`);
      process.stdout.write(`partcredit review app${server.accounts ? ' (staff accounts: log in)' : ''}: open ${server.url}\n(Ctrl-C to stop)\n`);
      if (flags.open) openInBrowser(server.url);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/** The system's own opener (xdg-open, open, start); a machine without one just has the printed URL. */
function openInBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    spawn(cmd, args as string[], { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    // no opener: the URL is printed
  }
}
