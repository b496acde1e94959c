import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/**
 * The labelled rounds of hw4-fa25 under test/fixtures, as the benches that remake their documents
 * (printed, perturbed) find and grade them with `partcredit agreement`'s own code.
 */

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/**
 * Rounds held out: written blind and measured on first contact only. Nothing that steers fixes reads
 * them, so no bench lists them (a figure per round printed there is read and tuned on).
 */
export const HELD_OUT: ReadonlySet<string> = new Set(['blind-round44']);

/** A round's labels file (`blind-round9/after` is a round's subfolder with labels of its own). */
export function labelsPathOf(round: string): string {
  return join(FIXTURES, round, `${basename(round)}.labels.yaml`);
}

const gradesHw4 = (round: string) => existsSync(labelsPathOf(round)) && readFileSync(labelsPathOf(round), 'utf8').includes('hw4-fa25.key.yaml');

/**
 * The labelled hw4-fa25 rounds in their order (blind rounds, the unseen and the unlabelled-chats
 * rounds), the held-out ones left out; with `subfolders`, each round's subfolders with labels of their own too.
 */
export function labelledRounds(options: { subfolders?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const d of readdirSync(FIXTURES).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    if (HELD_OUT.has(d) || !(/^blind-round\d+$/.test(d) || d === 'unseen-round' || d === 'unlabelled-chats')) continue;
    if (gradesHw4(d)) out.push(d);
    if (!options.subfolders) continue;
    for (const sub of readdirSync(join(FIXTURES, d), { withFileTypes: true })) if (sub.isDirectory() && gradesHw4(`${d}/${sub.name}`)) out.push(`${d}/${sub.name}`);
  }
  return out;
}

/**
 * A copy of a labels file whose sources are the files named (`written`: submission name to file;
 * others left out), its key found from the copy's folder.
 */
export function labelsCopy(labelsPath: string, written: Map<string, string>, file: string): string {
  const doc = parseDocument(readFileSync(labelsPath, 'utf8'));
  for (const name of Object.keys((doc.get('submissions') as { toJSON(): object }).toJSON())) {
    if (written.has(name)) doc.setIn(['submissions', name, 'source'], written.get(name)!);
    else doc.deleteIn(['submissions', name]);
  }
  doc.set('key', join(dirname(labelsPath), String(doc.get('key'))));
  writeFileSync(file, String(doc));
  return file;
}
