/**
 * A text, or a function that makes texts (one, several, or none) only when asked for: the
 * readings of a candidate that cost something are made only when the cheaper ones before them
 * did not settle it.
 */
export type TextSource = string | (() => Iterable<string> | string | undefined);

/**
 * The texts of each source in turn, each text once (where it first appears), a source's function
 * called only when the reader asks past the texts before it: what `[...new Set([...a(), ...b()])]`
 * gives, without making what a reader stops short of.
 */
export function* firstOccurrences(sources: Iterable<TextSource>): Generator<string> {
  const seen = new Set<string>();
  for (const source of sources) {
    const made = typeof source === 'function' ? source() : source;
    // (A single text, the checker's every source, is taken as it is: no list made for it.)
    if (typeof made === 'string') {
      if (!seen.has(made)) {
        seen.add(made);
        yield made;
      }
    } else if (made)
      for (const text of made) {
        if (seen.has(text)) continue;
        seen.add(text);
        yield text;
      }
  }
}
