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
    .option('--host <address>', 'listen on another address than 127.0.0.1 (then a token is required)')
    .option('--token <token>', 'the access token for --host (default: a random one, printed in the URL)')
    .option('--user <name>', 'who overrides are recorded as (default: your login name)')
    .option('--open', 'open the app in your browser')
    .action(async (flags: { db?: string; port: string; host?: string; token?: string; user?: string; open?: boolean }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: ${flags.port} is not a port number`);
      const server = await startServer({
        db: await openCliStore(flags.db),
        port,
        ...(flags.host ? { host: flags.host } : {}),
        ...(flags.token ? { token: flags.token } : {}),
        ...(flags.user ? { author: flags.user } : {}),
      }).catch((e: unknown) => {
        throw isUserError(e) ? new CliError(e.message) : e;
      });
      process.stdout.write(`partcredit review app: open ${server.url}\n(Ctrl-C to stop)\n`);
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
