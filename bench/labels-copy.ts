import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * A copy of a labels file whose sources are the files named (`written`: submission name to file;
 * others left out), its key found from the copy's folder: how the benches grade a labelled round's
 * documents made anew (printed, perturbed) with `partcredit agreement`'s own code.
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
