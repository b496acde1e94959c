/**
 * People who evaluate a model often number their own prompts to refer to them in a write-up:
 * `P1 (me):`, `Prompt 3:`, `Prompt #2 (follow-up):`, and chat pages count them when copied
 * (`User prompt 1 of 4:`, `Your message 2/5:`). The number names the turn, not a question or
 * part, so the label is rewritten as the person's plain `Prompt:` before turns are read (the
 * turn's number matters to nobody grading it). Lines stay where they are, so locations still
 * point into the file.
 */

/**
 * `Prompt 3:`: the word says whose turn it is, whatever the aside after it. A short tag with a number
 * (`P1`, `Q2`, `Turn 4`) says so only with the person named in its brackets (`(me)`, `(student)`):
 * `P1:` or `Q2:` alone may be a problem's or a question's label and stays as it is. A tag led by the
 * person's own word (`User prompt 2`, `Your message 3`, `My question 1`) is theirs whatever its noun, and
 * a count after the number (`1 of 4`, `2/5`) is the page's, as the number is.
 */
const NUMBERED_PROMPT =
  /^([ \t]*(?:>[ \t]*)?(?:#{1,6}[ \t]*|\*\*)?)(?:((?:(?:User|Your|My|Human|Student)[ \t]+(?:Prompt|Message|Msg|Query|Question|Turn|Request)|Prompt)[ \t]*#?\d{1,3}(?:[ \t]*(?:of|\/)[ \t]*\d{1,3})?)(?:[ \t]*\(([^()\n]{1,40})\))?|((?:P|Q|T|Turn|Msg|Message|Query)[ \t]*#?\d{1,3})[ \t]*\((me|myself|mine|student|user|human|i)\))(?=(?:\*\*)?[ \t]*:)/gim;

/** `text` with the person's numbered prompt labels read as `Prompt:`; most texts have none and are returned as they are. */
export function numberedPromptsAsTurns(text: string): string {
  if (!/^[ \t>#*]*(?:Prompt[ \t]*#?\d|[A-Za-z]{1,7}[ \t]*#?\d{1,3}[ \t]*\(|(?:User|Your|My|Human|Student)[ \t]+[A-Za-z]{3,8}[ \t]*#?\d)/im.test(text)) return text;
  return text.replace(NUMBERED_PROMPT, (_, lead: string) => `${lead}Prompt`);
}
