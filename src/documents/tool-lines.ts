/**
 * A terminal agent's log of the tools it ran, printed inside its reply: a line with the call's status
 * mark and the tool's name (`✓ View hw4-q1.md`, `✔ Bash python3 check.py`, `✗ Edit q3.py`) and what
 * the tool printed indented under it (`Read 22 lines`, a script's output). It is the program's record,
 * not the model's words: left in, a script's printed numbers were read as the part's answer.
 *
 * A reply's own ticks are no call: only a mark followed by a capitalised name, with lines indented
 * deeper right under it, is one (a checklist's `✓ Matches the key` has nothing under it).
 */

/** A tool call's line: indent, a status mark, a capitalised name. */
const CALL = /^([ \t]*)[✓✔✗✘][ \t]+\p{Lu}[\p{L}-]*(?:[ \t]|$)/u;

/** Cheap test first: a status mark before a capitalised word somewhere. */
const MAY_HAVE = /[✓✔✗✘][ \t]+\p{Lu}/u;

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

/** The lines with every tool call and its indented output blanked (the count of lines kept). */
export function toolLinesBlanked(lines: readonly string[]): string[] {
  const out = [...lines];
  if (!lines.some((l) => MAY_HAVE.test(l))) return out;
  for (let i = 0; i < out.length; i++) {
    const call = CALL.exec(out[i]!);
    if (!call) continue;
    const depth = call[1]!.length;
    let j = i + 1;
    while (j < out.length && out[j]!.trim() && indentOf(out[j]!) > depth) j++;
    if (j === i + 1) continue;
    for (let k = i; k < j; k++) out[k] = '';
    i = j - 1;
  }
  return out;
}
