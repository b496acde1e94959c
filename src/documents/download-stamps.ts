/**
 * A document saved from a site that shares course notes carries the site's stamps on every page: who
 * downloaded it or where from (`Downloaded by A. Name (a@b.com)`, `This study source was downloaded by
 * 1000… from CourseHero.com on …`, `This content downloaded from 10.0.0.1 on …`), its disclaimer (`… is
 * not sponsored or endorsed by any college or university`), and a page mark repeated beside them (a
 * document id, the site's address). Left in, they run on from the last line of a page, and a part that
 * ends a page (`(skipped)`, then the next page's id) takes the mark for its answer. Blanked, so lines
 * keep their numbers.
 */

/** Cheap test first: the words a stamp cannot do without. */
const MAY_HAVE = /\b(?:downloaded|shared|uploaded)\s+(?:by|from|via|on)\b|\bnot\s+(?:sponsored|endorsed)\b|\bavailable\s+free\s+of\s+charge\b/i;

/** A stamp's line: who downloaded or shared the file, from where; the site's disclaimer; its offer of the file. */
const STAMP =
  /^\s*(?:(?:this\s+(?:document|file|content|study\s+(?:source|resource)|material)\s+(?:was\s+|is\s+|has\s+been\s+)?)?(?:downloaded|shared|uploaded)\s+(?:by|from|via|on)\s+\S.{0,200}|\S.{0,60}\bis\s+not\s+(?:sponsored|endorsed)\s+(?:or\s+(?:sponsored|endorsed)\s+)?by\s+.{1,100}|this\s+(?:document|file)\s+is\s+available\s+(?:free\s+of\s+charge\s+)?on\s+\S.{0,80})$/i;

/** What shows a stamp is a site's, not a writer's sentence: an email, an address or a site's name, a long number (an account), a date. */
const SITE_MARK = /@[\w-]+\.\w|\b[\w-]+\.(?:com|org|net|edu|io|co)\b|https?:\/\/|\b\d{6,}\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b|\bcollege\b|\buniversity\b/i;

/** The text with every download site's stamp, and the page marks repeated beside them, blanked; unchanged when it has none. */
export function withoutDownloadStamps(text: string): string {
  if (!MAY_HAVE.test(text)) return text;
  const lines = text.split('\n');
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // (A stamp said once with no site's mark may be a writer's sentence: `Downloaded from the course page.`)
  const stamp = lines.map((l) => STAMP.test(l) && ((counts.get(l.trim()) ?? 0) >= 2 || SITE_MARK.test(l)));
  if (!stamp.includes(true)) return text;
  const beside = (i: number) => {
    const near = (step: number) => {
      let j = i + step;
      while (j >= 0 && j < lines.length && !lines[j]!.trim()) j += step;
      return j < 0 || j >= lines.length ? undefined : j;
    };
    const before = near(-1);
    const after = near(1);
    // (The document's first line stands where a page's top is, with nothing above it.)
    return before === undefined || stamp[before] || (after !== undefined && stamp[after]);
  };
  // A page mark: a line said twice or more, each time beside a stamp or at the document's top; a
  // writer's line that happens to end a page is said elsewhere away from one.
  const where = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t && !stamp[i] && (counts.get(t) ?? 0) >= 2 && t.length <= 120) where.set(t, [...(where.get(t) ?? []), i]);
  });
  const marks = new Set([...where].filter(([, at]) => at.every(beside)).map(([t]) => t));
  return lines.map((l, i) => (stamp[i] || marks.has(l.trim()) ? '' : l)).join('\n');
}
