import { withKeySynonyms, type KeySynonym } from './key-synonyms.js';

/**
 * Every reading with the names the key accepts for its own put in (`withKeySynonyms`), then the
 * readings as written, each once: `[...new Set([...readings.flatMap(withKeySynonyms), ...readings])]`,
 * each reading made only when asked for.
 */
export function* withSynonymsFirst(readings: Iterable<string>, synonyms: readonly KeySynonym[]): Generator<string> {
  const seen = new Set<string>();
  const made: string[] = [];
  for (const reading of readings) {
    made.push(reading);
    for (const text of withKeySynonyms(reading, synonyms)) {
      if (seen.has(text)) continue;
      seen.add(text);
      yield text;
    }
  }
  for (const reading of made) {
    if (seen.has(reading)) continue;
    seen.add(reading);
    yield reading;
  }
}
