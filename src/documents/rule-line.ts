/**
 * A rule line's body: one symbol repeated, whatever the symbol (`-----`, `=====`, a phone's `────────`
 * in box-drawing lines); not a code fence's backticks or tildes, a heading's `###`, or math.
 * Unanchored, so that readers can find rules at a text's top or bottom or as a whole line.
 */
export const RULE = String.raw`([^\p{L}\p{N}\s\x60~#$\\])\1{2,}`;

const WHOLE_RULE = new RegExp(String.raw`^\s*${RULE}\s*$`, 'u');

/** Whether a line is a rule and nothing else (a Setext heading's underline, a section's rule). */
export function isRuleLine(line: string): boolean {
  return WHOLE_RULE.test(line);
}
