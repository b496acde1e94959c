/**
 * A mistake in what the user gave (a file, a flag, a key): the CLI and the server print its
 * message as one line, with no stack trace, and exit 2. `where` says where the mistake is:
 * `file:line:column`, `part 3.b, answer`, or a flag.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

/** Whether a thrown value is a user's mistake (to print as one line), not a bug. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
