import { unzipSync } from 'fflate';

/** The parts of an OpenDocument text the reader uses, as text (zipped in an .odt, or inline in a flat .fodt). */
export interface OdtParts {
  content: string;
  styles?: string;
  /** Embedded objects' `content.xml` (formulas, charts), by the object's folder (`Object 1`). */
  objects: Map<string, string>;
}

/** Raised for a file that is not a readable OpenDocument text; its message is one line for the user. */
export class OdtError extends Error {
  override readonly name = 'OdtError';
}

/** No part bigger than this is inflated: a zip bomb is refused, not read for minutes. */
const PART_LIMIT = 128 * 2 ** 20;
/** Embedded objects read, at most: a document with more is refused rather than inflated whole. */
const MAX_OBJECTS = 5000;

/** An object's folder as its `xlink:href` names it: `./Object 1`, `Formula-0/`. */
export function objectFolder(href: string): string {
  return href.replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * Unzips the parts of an .odt the reader needs: the body, the named styles, and every embedded
 * object's content. An encrypted document, a broken zip, or a zip that is no text document (a
 * spreadsheet, a presentation) is an `OdtError` that says which.
 */
export function openOdt(bytes: Uint8Array): OdtParts {
  let files: Record<string, Uint8Array>;
  let tooBig: string | undefined;
  let objects = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === 'content.xml' || f.name === 'styles.xml' || f.name === 'mimetype' || f.name === 'META-INF/manifest.xml' || /^[^/]+\/content\.xml$/.test(f.name);
        if (!wanted) return false;
        if (/\//.test(f.name) && f.name !== 'META-INF/manifest.xml' && ++objects > MAX_OBJECTS) return false;
        if (f.originalSize > PART_LIMIT) tooBig = f.name;
        return f.originalSize <= PART_LIMIT;
      },
    });
  } catch (e) {
    throw new OdtError(`the file is not a readable .odt (a broken zip: ${e instanceof Error ? e.message : String(e)})`);
  }
  if (tooBig) throw new OdtError(`${tooBig} inflates to more than ${PART_LIMIT / 2 ** 20} MB; the document is refused`);
  if (objects > MAX_OBJECTS) throw new OdtError(`the document embeds more than ${MAX_OBJECTS} objects; it is refused`);
  const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);
  const manifest = text(files['META-INF/manifest.xml']) ?? '';
  if (/<manifest:encryption-data\b/.test(manifest)) throw new OdtError('the document is password-protected (encrypted); save it without a password, or export it as PDF');
  const mimetype = text(files.mimetype)?.trim();
  if (mimetype && mimetype !== 'application/vnd.oasis.opendocument.text') {
    throw new OdtError(`the file is an OpenDocument ${mimetype.replace(/^application\/vnd\.oasis\.opendocument\./, '')}, not a text document; export it as PDF`);
  }
  const content = text(files['content.xml']);
  if (!content) throw new OdtError('the file is a zip with no content.xml, so not an OpenDocument text (an archive renamed .odt?)');
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    const m = /^([^/]+)\/content\.xml$/.exec(name);
    if (m && m[1] !== 'META-INF') out.set(m[1]!, text(data)!);
  }
  const styles = text(files['styles.xml']);
  return { content, ...(styles ? { styles } : {}), objects: out };
}

/** A flat OpenDocument file's root element, and the kind of document its `office:mimetype` names. */
const FLAT_ROOT = /<office:document\b[^>]*?\boffice:mimetype\s*=\s*["']([^"']*)["']/;

/**
 * The parts of a flat OpenDocument text (`.fodt`, LibreOffice's "Flat XML", one XML file whose body,
 * styles and formulas are the zipped package's, inline): the whole file is the content, and its
 * formulas are read where they stand, so no object is kept apart.
 */
export function openFlatOdt(xml: string): OdtParts {
  const mimetype = FLAT_ROOT.exec(xml.slice(0, 65536))?.[1];
  if (mimetype && mimetype !== 'application/vnd.oasis.opendocument.text') {
    throw new OdtError(`the file is a flat OpenDocument ${mimetype.replace(/^application\/vnd\.oasis\.opendocument\./, '')}, not a text document; export it as PDF`);
  }
  return { content: xml, objects: new Map() };
}
