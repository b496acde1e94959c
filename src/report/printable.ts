/**
 * Text that is safe to write to a terminal. Submissions, file names and servers' messages are
 * not trusted: an escape sequence in them (`\x1b]0;title\x07`, `\x1b[2J`, a C1 control such as
 * U+009B) would retitle, clear or reprogram the reader's terminal. Whole ESC sequences are
 * removed, then every other control character except tab and newline; bidirectional overrides,
 * which reorder what is shown, go too. Printable text around them is kept.
 */
export function printable(s: string): string {
  return (
    s
      // OSC / DCS / APC / PM / SOS strings: to BEL or ST (ESC \); an unterminated one ends with its
      // line, so it cannot swallow the rest of a report.
      .replace(/\x1b[\]P_^X][^\x07\n]*?(?:\x07|\x1b\\|(?=\n)|$)/g, '')
      // CSI sequences (ESC [ ... final byte), and the two-byte escapes.
      .replace(/\x1b\[[0-?]*[ -/]*[@-~]?/g, '')
      .replace(/\x1b[ -/]*[0-~]?/g, '')
      // C1 CSI (U+009B) with its parameters, then every remaining control character.
      .replace(/\u009b[0-?]*[ -/]*[@-~]?/g, '')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls but writes DEL and the C1 controls
 * as they are; those are written as `\u` escapes here, so the text parses back unchanged.
 */
export function printableJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
