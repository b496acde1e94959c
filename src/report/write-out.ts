import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../model/errors.js';
import type { SubmissionGrade } from '../model/grade.js';
import type { Submission } from '../model/submission.js';
import { gradebookCsv } from './csv.js';
import { gradeJson } from './json.js';
import { submissionHtml, summaryHtml } from './html.js';

/** The file that marks a folder as a set of reports partcredit wrote (and may replace whole). */
const MARKER = '.partcredit-reports';
/** What earlier versions wrote, with no marker: a folder of only these is ours too. */
const OLD_LAYOUT = ['index.html', 'grades.csv', 'grades.json'];

/**
 * A report folder being written: checked and reserved before any work (so a bad `--out` is
 * refused before grading and storing), filled in a temporary folder beside it, and renamed into
 * place whole. The old folder goes with every page in it, so no stale page survives; files are
 * created fresh in a new folder, so no link inside the old one is ever followed.
 */
export interface OutFolder {
  /** The folder as the user named it. */
  readonly dir: string;
  /** Writes the files (plain names, no folders) and puts the folder in place. */
  commit(files: [name: string, content: string][]): string[];
  /** Removes the temporary folder when nothing is to be written. */
  discard(): void;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return e instanceof Error ? e.message : String(e);
}

/**
 * Checks that `dir` can take a set of reports and reserves a temporary folder beside it.
 * Refused, as a UserError naming the flag: a file, a symbolic link, a folder holding files
 * partcredit did not write, a place that cannot be written.
 */
export function prepareOutDir(dir: string, flag = '--out'): OutFolder {
  const where = `${flag} ${dir}`;
  const path = resolve(dir);
  let existing: Stats | undefined;
  try {
    existing = lstatOrUndefined(path);
  } catch (e) {
    throw new UserError(`cannot be written: ${reason(e)}`, where);
  }
  if (existing?.isSymbolicLink()) throw new UserError('is a symbolic link; reports are never written through a link: give the folder itself', where);
  if (existing && !existing.isDirectory()) throw new UserError('is a file, not a folder: give a new or empty folder for the reports', where);
  if (existing) {
    const entries = readdirSync(path);
    const ours = entries.includes(MARKER) || (OLD_LAYOUT.every((f) => entries.includes(f)) && entries.every((f) => /\.(html|csv|json)$/.test(f) && !lstatSync(join(path, f)).isDirectory()));
    if (entries.length && !ours) {
      throw new UserError(
        `holds files partcredit did not write (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}); it replaces a report folder whole, so give a new or empty folder`,
        where,
      );
    }
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw new UserError(`cannot be written: ${reason(e)}`, where);
    }
  }
  const parent = dirname(path);
  let tmp: string;
  try {
    mkdirSync(parent, { recursive: true });
    tmp = mkdtempSync(join(parent, `.${basename(path)}.partcredit-`));
  } catch (e) {
    throw new UserError(`cannot be written: ${reason(e)}`, where);
  }
  let done = false;
  return {
    dir,
    discard() {
      if (!done) rmSync(tmp, { recursive: true, force: true });
      done = true;
    },
    commit(files) {
      if (done) throw new Error(`${where}: already written`);
      done = true;
      let old: string | undefined;
      try {
        for (const [name, content] of files) {
          if (name !== basename(name) || name === '.' || name === '..') throw new Error(`not a plain file name: ${name}`);
          // 'wx': a fresh file, never an existing one or a link.
          writeFileSync(join(tmp, name), content, { flag: 'wx' });
        }
        writeFileSync(join(tmp, MARKER), 'Reports written by partcredit; the folder is replaced whole on the next --out.\n', { flag: 'wx' });
        if (lstatOrUndefined(path)) {
          old = mkdtempSync(join(parent, `.${basename(path)}.old-`));
          renameSync(path, join(old, 'reports'));
        }
        renameSync(tmp, path);
      } catch (e) {
        // Put the old folder back if the new one did not take its place.
        if (old && !lstatOrUndefined(path)) renameSync(join(old, 'reports'), path);
        rmSync(tmp, { recursive: true, force: true });
        if (old) rmSync(old, { recursive: true, force: true });
        throw new UserError(`the reports could not be written: ${reason(e)}`, where);
      }
      if (old) rmSync(old, { recursive: true, force: true });
      return files.map(([name]) => join(dir, name));
    },
  };
}

/** A graded submission with what its annotated page needs. */
export interface Reportable {
  submission: Submission;
  grade: SubmissionGrade;
  /** For a PDF submission: each part's page region (PNG data URL), shown beside its verdict. */
  sources?: Map<string, string>;
}

/**
 * The files of a report folder: a page per submission (each its own name, never the index's),
 * `index.html` linking them, `grades.csv` and `grades.json`.
 */
export function reportFiles(graded: Reportable[], title: string): [name: string, content: string][] {
  const used = new Set(OLD_LAYOUT.map((f) => f.toLowerCase()));
  const links = new Map<string, string>();
  const files: [string, string][] = [];
  for (const { submission, grade, sources } of graded) {
    const stem = grade.submission.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');
    let file = `${stem}.html`;
    // Case-insensitive, for file systems that are.
    for (let n = 2; used.has(file.toLowerCase()); n++) file = `${stem}-${n}.html`;
    used.add(file.toLowerCase());
    files.push([
      file,
      submissionHtml(
        { name: submission.id, text: submission.text, ...(submission.messages ? { messages: submission.messages } : {}), responses: submission.responses },
        grade,
        sources ? { sources } : {},
      ),
    ]);
    links.set(grade.submission, file);
  }
  const grades = graded.map((r) => r.grade);
  files.push(['index.html', summaryHtml(grades, title, links)], ['grades.csv', gradebookCsv(grades)], ['grades.json', `${JSON.stringify(grades.map(gradeJson), null, 2)}\n`]);
  return files;
}

/**
 * Writes one file (a `compare --out` page) through a temporary file beside it, renamed into
 * place: a link at the path is replaced, never followed; a folder there is refused first.
 */
export function writeFileReplacing(path: string, content: string, flag = '--out'): void {
  const where = `${flag} ${path}`;
  const existing = lstatOrUndefined(resolve(path));
  if (existing?.isDirectory()) throw new UserError('is a folder: give a file name', where);
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.partcredit-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, resolve(path));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot be written: ${reason(e)}`, where);
  }
}
