/**
 * An error thrown to give up on one reading or one method and try the next: an unreadable
 * candidate, a form the normaliser cannot take. Grading throws thousands of them and catches each
 * at once; none is shown with a stack (users see its message), so no stack is captured: capturing
 * one was 3% of grading's time.
 */
export class QuietError extends Error {
  constructor(message?: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
