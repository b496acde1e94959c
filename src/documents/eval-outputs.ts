/**
 * The output columns of an eval tool's results table (promptfoo's CSV, a results sheet of any runner
 * that puts one column per provider beside the test's variables): each cell is one model's output for
 * the row's test, led by the tool's own verdict on it, `[PASS] ` or `[FAIL] <the assertion's reason>`
 * then a `---` line. The verdict and its reason (`Expected output to contain "127"`) are the tool's,
 * never the model's: read as the answer, its quoted expected value would be graded in the model's place.
 * The column's header names the provider before the prompt's label (`[openai:gpt-4o] {{question}}`);
 * the label's words are the prompt's (`question`, `prompt`), not the column's.
 */

/** A cell led by an eval tool's verdict; a failed one (FAIL, ERROR) gives its reason up to its `---` line. */
const VERDICT_LEAD = /^\[(?:PASS|(FAIL|ERROR))\][ \t]*/;
/** The line between a failed assertion's reason and the output. */
const REASON_END = /\n[ \t]*-{3,}[ \t]*\n/;
/** The most a reason runs before its `---` line: further down, a `---` is the output's own rule. */
const REASON_CHARS = 2000;

/** Whether a cell is an eval tool's output, led by its verdict. */
export function isVerdictLed(cell: string): boolean {
  return VERDICT_LEAD.test(cell);
}

/** An output cell without the tool's verdict and the reason it gave: the model's output as it wrote it. */
export function withoutToolVerdict(cell: string): string {
  const lead = VERDICT_LEAD.exec(cell);
  if (!lead) return cell;
  const rest = cell.slice(lead[0].length);
  // (A pass gives no reason: a `---` under it is the output's own rule.)
  const end = lead[1] ? REASON_END.exec(rest.slice(0, REASON_CHARS)) : null;
  return (end ? rest.slice(end.index + end[0].length) : rest).trim();
}

/** The columns (of rows, under any header) whose filled cells are, most of them and two at least, led by a verdict. */
export function verdictLedColumns(rows: readonly (readonly string[])[]): number[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const filled = rows.map((r) => r[c] ?? '').filter((x) => x);
    const led = filled.filter(isVerdictLed).length;
    if (led >= 2 && led * 2 > filled.length) out.push(c);
  }
  return out;
}

/** A header's provider in brackets before the prompt's label (`[openrouter:nvidia/nemotron-nano-9b-v2] hw4: {{question}}`). */
const PROVIDER_TAG = /^\s*\[([^\]\n]{1,120})\]/;

/** The words a provider id or a file name is made of (`openrouter:nvidia/nemotron-nano-9b-v2` → openrouter, nvidia, nemotron, nano, 9b, v2). */
function idWords(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w));
}

/**
 * Of several output columns (one per provider), the one whose header's provider the file's name
 * names (`promptfoo-nemotron-….csv` of a sheet beside `[openai:gpt-4o-mini]`): the file is that
 * model's submission. Else the first, as the table orders its providers.
 */
export function outputColumnNamed(columns: readonly number[], header: readonly string[] | undefined, fileName: string | undefined): number | undefined {
  if (columns.length < 2 || !header || !fileName) return columns[0];
  const named = new Set(idWords(fileName.split(/[\\/]/).pop() ?? ''));
  const scored = columns.map((c) => {
    const tag = PROVIDER_TAG.exec(header[c] ?? '')?.[1] ?? header[c] ?? '';
    // (A provider's kind, `openai` or `chat`, is as often in every column's tag: the model's own words tell them apart.)
    return { c, n: idWords(tag).filter((w) => named.has(w)).length };
  });
  const best = Math.max(...scored.map((s) => s.n));
  const top = scored.filter((s) => s.n === best);
  return best > 0 && top.length === 1 ? top[0]!.c : columns[0];
}
