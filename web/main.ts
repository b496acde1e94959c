// The review app's UI: plain DOM, no framework. Every string from the server is set as text;
// only the HTML the server rendered (Markdown + KaTeX with raw HTML escaped, trust off) is
// set as HTML.
import 'katex/dist/katex.min.css';
import './style.css';
import type { TextSegment } from '../src/report/segments.js';

type Cell = [number, number, string | null, number, number] | [];
interface Grid {
  run: number;
  title: string;
  verdicts: string[];
  confidence: string[];
  parts: { id: string; title?: string; maxPoints: number }[];
  rows: { name: string; total: number; max: number; cells: Cell[] }[];
}
interface Group {
  representative: string;
  html: string;
  forms: string[];
  submissions: string[];
  verdicts: Record<string, number>;
  overridden: number;
}

const FLAG_OVERRIDDEN = 1;
const FLAG_CONFLICT = 2;
const ROW_HEIGHT = 28;
const csrf = document.querySelector<HTMLMetaElement>('meta[name="partcredit-csrf"]')?.content ?? '';
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let runId = 0;
let grid: Grid | undefined;
/** Row indices shown, after filtering and sorting. */
let shown: number[] = [];
let cursor = { row: 0, col: 0 };
/** Each row's place in name order, computed once per load: sorting compares integers, not strings. */
let nameRank: Int32Array = new Int32Array(0);
let lowerNames: string[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function status(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

/** A refused request: the server's message, its HTTP status and what else it sent (a 409 sends the part's current override). */
class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function api<T>(path: string, body?: object): Promise<T> {
  const res = await fetch(path, body ? { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf }, body: JSON.stringify(body) } : {});
  // The session ended (expired, logged out in another tab, or the account was removed): log in again.
  if (res.status === 401) {
    location.assign('/login');
    throw new Error('your session ended: log in again');
  }
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new ApiError(data.error ?? `HTTP ${res.status}`, res.status);
  return data;
}

const author = () => localStorage.getItem('partcredit-user') ?? '';

/** The user's role in the open run's course (single-user mode: instructor). The server enforces it; the UI only hides what would be refused. */
let role = 'instructor';
const roles = new Map<number, string>();
const canOverride = () => role === 'ta' || role === 'instructor';
const canChangeKey = () => role === 'instructor';

/** With staff accounts: who is logged in, and a way out. */
async function showUser(): Promise<void> {
  const me = await api<{ mode: string; name: string; courses: { role: string }[] }>('/api/me');
  if (me.mode !== 'accounts') return;
  const logout = el('button', { id: 'logout', type: 'button', textContent: 'Log out' });
  logout.onclick = () => void api('/api/logout', {}).then(() => location.assign('/login'));
  // Instructors manage their courses' staff on a page of its own.
  const staff = me.courses.some((c) => c.role === 'instructor') ? [el('a', { id: 'staff-link', href: '/staff', textContent: 'Staff' })] : [];
  $('who').replaceChildren(el('span', { id: 'who-name', textContent: me.name }), ...staff, logout);
}

// ---------- runs and tabs ----------

async function loadRuns(): Promise<void> {
  const runs = await api<{ id: number; title: string; submissions: number; createdAt: string; course: string | null; role: string | null }[]>('/api/runs');
  for (const r of runs) roles.set(r.id, r.role ?? 'read-only');
  const select = $<HTMLSelectElement>('run');
  select.replaceChildren(
    ...runs.map((r) =>
      el('option', {
        value: String(r.id),
        textContent: `${r.course ? `${r.course} · ` : ''}run ${r.id}: ${r.title} (${r.submissions} submissions)${r.role && r.role !== 'instructor' ? ` · ${r.role}` : ''}`,
      }),
    ),
  );
  if (!runs.length) {
    status('the store has no runs yet: grade something first (partcredit grade --key K files...)');
    return;
  }
  select.onchange = () => void openRun(Number(select.value));
  await openRun(runs[0]!.id);
}

function showTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav button')) b.classList.toggle('on', b.dataset.tab === name);
  for (const s of document.querySelectorAll<HTMLElement>('main > section')) s.hidden = s.id !== `tab-${name}`;
  if (name === 'groups') void loadGroups();
  if (name === 'agreement') void loadAgreement();
  if (name === 'export') loadExport();
}

async function openRun(id: number): Promise<void> {
  runId = id;
  role = roles.get(id) ?? 'read-only';
  document.body.dataset.role = role;
  const t0 = performance.now();
  const res = await fetch(`/api/runs/${id}/grid`);
  if (!res.ok) throw new ApiError(((await res.json()) as { error?: string }).error ?? `HTTP ${res.status}`, res.status);
  grid = (await res.json()) as Grid;
  // A regrade just finished and the server is still reading it: this is the previous grading's grid; ask again shortly.
  const newer = res.headers.get('x-partcredit-newer-grading') !== null;
  if (newer) setTimeout(() => runId === id && void openRun(id), 2000);
  const collator = new Intl.Collator(undefined, { numeric: true });
  const order = grid.rows.map((_, i) => i).sort((a, b) => collator.compare(grid!.rows[a]!.name, grid!.rows[b]!.name));
  lowerNames = grid.rows.map((r) => r.name.toLowerCase());
  nameRank = new Int32Array(order.length);
  order.forEach((row, rank) => {
    nameRank[row] = rank;
  });
  setupFilters();
  applyFilters();
  status(`${grid.rows.length} submissions × ${grid.parts.length} parts${newer ? ' (a newer grading is being loaded)' : ''}`);
  document.body.dataset.gridMs = String(Math.round(performance.now() - t0));
}

// ---------- the grid ----------

function setupFilters(): void {
  const g = grid!;
  // Refilled after every reload (a regrade may add categories); each keeps its choice.
  const fill = (id: string, first: string, values: string[]) => {
    const select = $<HTMLSelectElement>(id);
    const was = select.value;
    select.replaceChildren(el('option', { value: '', textContent: first }), ...values.map((v) => el('option', { value: v, textContent: v })));
    if (values.includes(was)) select.value = was;
  };
  fill('f-verdict', 'any verdict', g.verdicts);
  const categories = new Set<string>();
  for (const r of g.rows) for (const c of r.cells) if (c[2]) categories.add(c[2]);
  fill('f-category', 'any category', [...categories].sort());
  fill(
    'f-part',
    'in any part',
    g.parts.map((p) => p.id),
  );
  fill(
    'g-part',
    'choose a part',
    g.parts.map((p) => p.id),
  );
  const head = $('grid-head');
  head.replaceChildren(
    el('div', { className: 'name', textContent: 'submission' }),
    ...g.parts.map((p) => el('div', { className: 'cell', textContent: p.id, title: `${p.title ?? p.id} (${p.maxPoints} pt)` })),
    el('div', { className: 'total', textContent: 'total' }),
  );
}

/** Whether a cell needs a person: partcredit unsure, or a regrade contradicts an override. */
const needsReview = (c: Cell) => c.length > 0 && (c[3] === 0 || (c[4]! & FLAG_CONFLICT) !== 0);

/** Filters and sorts the rows (no DOM work beyond the visible rows). */
function applyFilters(): void {
  const g = grid!;
  const t0 = performance.now();
  const q = $<HTMLInputElement>('q').value.trim().toLowerCase();
  const verdict = $<HTMLSelectElement>('f-verdict').value;
  const category = $<HTMLSelectElement>('f-category').value;
  const confidence = $<HTMLSelectElement>('f-confidence').value;
  const part = $<HTMLSelectElement>('f-part').value;
  const vi = verdict ? g.verdicts.indexOf(verdict) : -1;
  const pi = part ? g.parts.findIndex((p) => p.id === part) : -1;
  const ci = confidence === '' ? -1 : Number(confidence);
  const cellMatches = (c: Cell) => c.length > 0 && (vi < 0 || c[0] === vi) && (!category || c[2] === category) && (ci < 0 || c[3] === ci);
  const any = vi >= 0 || category || ci >= 0;
  shown = [];
  g.rows.forEach((r, i) => {
    if (q && !lowerNames[i]!.includes(q)) return;
    if (any && !(pi >= 0 ? cellMatches(r.cells[pi]!) : r.cells.some(cellMatches))) return;
    shown.push(i);
  });
  const sort = $<HTMLSelectElement>('sort').value;
  const flagged = new Map<number, number>();
  if ($<HTMLInputElement>('review-first').checked) for (const i of shown) flagged.set(i, g.rows[i]!.cells.filter(needsReview).length);
  shown.sort((a, b) => {
    const ra = g.rows[a]!;
    const rb = g.rows[b]!;
    const byReview = ((flagged.get(b) ?? 0) ? 1 : 0) - ((flagged.get(a) ?? 0) ? 1 : 0);
    if (byReview) return byReview;
    if (sort === 'total') return ra.total - rb.total || nameRank[a]! - nameRank[b]!;
    if (sort === '-total') return rb.total - ra.total || nameRank[a]! - nameRank[b]!;
    return nameRank[a]! - nameRank[b]!;
  });
  cursor.row = Math.min(cursor.row, Math.max(0, shown.length - 1));
  $('count').textContent = `${shown.length} of ${g.rows.length}`;
  $('grid-rows').style.height = `${shown.length * ROW_HEIGHT}px`;
  renderRows();
  document.body.dataset.filterMs = String(Math.round((performance.now() - t0) * 10) / 10);
}

/** Draws only the rows in view (virtual scrolling): 1,500 rows cost what 40 do. */
function renderRows(): void {
  const g = grid!;
  const body = $('grid-body');
  const first = Math.max(0, Math.floor(body.scrollTop / ROW_HEIGHT) - 5);
  const last = Math.min(shown.length, first + Math.ceil((body.clientHeight || 800) / ROW_HEIGHT) + 10);
  const frag = document.createDocumentFragment();
  for (let k = first; k < last; k++) {
    const i = shown[k]!;
    const r = g.rows[i]!;
    const row = el('div', { className: 'row' });
    row.style.top = `${k * ROW_HEIGHT}px`;
    row.dataset.k = String(k);
    row.append(el('div', { className: 'name', textContent: r.name, title: r.name }));
    r.cells.forEach((c, j) => {
      const cell = el('div', { className: 'cell' });
      if (c.length) {
        const v = g.verdicts[c[0]!]!;
        cell.classList.add(`v-${v}`);
        if (c[4]! & FLAG_OVERRIDDEN) cell.classList.add('overridden');
        if (c[4]! & FLAG_CONFLICT) cell.classList.add('conflict');
        if (c[3] === 0) cell.classList.add('low');
        cell.textContent = String(c[1]);
        cell.title = `${g.parts[j]!.id}: ${v}${c[2] ? ` (${c[2]})` : ''}, ${g.confidence[c[3]!]} confidence${c[4]! & FLAG_OVERRIDDEN ? ', overridden' : ''}${c[4]! & FLAG_CONFLICT ? ', conflict with the regrade' : ''}`;
      }
      if (k === cursor.row && j === cursor.col) cell.classList.add('cursor');
      cell.dataset.col = String(j);
      row.append(cell);
    });
    row.append(el('div', { className: 'total', textContent: `${r.total}/${r.max}` }));
    frag.append(row);
  }
  $('grid-rows').replaceChildren(frag);
}

function moveCursor(dr: number, dc: number): void {
  const g = grid!;
  cursor = { row: Math.max(0, Math.min(shown.length - 1, cursor.row + dr)), col: Math.max(0, Math.min(g.parts.length - 1, cursor.col + dc)) };
  const body = $('grid-body');
  const top = cursor.row * ROW_HEIGHT;
  if (top < body.scrollTop) body.scrollTop = top;
  else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight - ROW_HEIGHT) body.scrollTop = top - body.clientHeight + 2 * ROW_HEIGHT;
  renderRows();
}

function setupGrid(): void {
  const body = $('grid-body');
  body.addEventListener('scroll', () => requestAnimationFrame(renderRows));
  $('grid-rows').addEventListener('click', (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell');
    const row = cell?.closest<HTMLElement>('.row');
    if (!cell || !row) return;
    cursor = { row: Number(row.dataset.k), col: Number(cell.dataset.col) };
    renderRows();
    void openPart();
  });
  $('grid').addEventListener('keydown', (e) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], k: [-1, 0], j: [1, 0], h: [0, -1], l: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      moveCursor(m[0], m[1]);
      if (!$('detail').hidden) void openPart();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void openPart();
    } else if (e.key === 'Escape') $('detail').hidden = true;
  });
  for (const id of ['q', 'f-verdict', 'f-category', 'f-confidence', 'f-part', 'review-first', 'sort']) $(id).addEventListener('input', applyFilters);
}

// ---------- the part view and overrides ----------

interface PartView {
  submission: string;
  part: string;
  title: string;
  question: string;
  /** The submission's Markdown, cut at the answer: typeset here, not on the server. */
  segments: TextSegment[];
  /** The newest override of the part when the view was read (null: none): sent back as `base`. */
  version: number | null;
  cell: Cell;
  total: number;
  verdict: string;
  points: number;
  maxPoints: number;
  category: string | null;
  confidence: string;
  check: string | null;
  source: string | null;
  feedback: string;
  answer: string;
  answerHtml: string;
  image: boolean;
  expected: string;
  expectedHtml: string;
  first: { verdict: string; html: string } | null;
  auto: { verdict: string; points: number };
  override: { author: string; comment: string; at: string } | null;
  conflict: { was: { verdict: string; points: number }; now: { verdict: string; points: number } } | null;
  history: { author: string; at: string; verdict: string | null; points: number | null; comment: string; previous: { verdict: string; points: number } }[];
}

function html(className: string, markup: string): HTMLElement {
  const d = el(className === 'dd' ? 'dd' : 'div', className === 'dd' ? {} : { className });
  d.innerHTML = markup; // rendered and escaped by the server (markdown-it without HTML, KaTeX with trust off)
  return d;
}

/** Markdown and KaTeX, loaded apart (about 600 kB) so the grid shows without waiting for them. */
const typesetter = import('../src/report/segments.js');

/** A grid cell and its row's total as the server has them now. */
function setCell(submission: string, partId: string, cell: Cell, total: number): void {
  const g = grid!;
  const row = g.rows.find((x) => x.name === submission);
  const col = g.parts.findIndex((p) => p.id === partId);
  if (!row || col < 0) return;
  row.cells[col] = cell;
  row.total = total;
  renderRows();
}

/** What a reviewer had entered when their override was refused: kept, to look at again and save deliberately. */
interface Refused {
  message: string;
  verdict?: string;
  points?: number;
  comment: string;
}

async function openPart(refused?: Refused): Promise<void> {
  const g = grid!;
  const row = g.rows[shown[cursor.row]!];
  const part = g.parts[cursor.col];
  if (!row || !part) return;
  const v = await api<PartView>(`/api/runs/${runId}/part?submission=${encodeURIComponent(row.name)}&part=${encodeURIComponent(part.id)}`);
  // Another reviewer may have changed this part since the grid was loaded: the cell shows what the view shows.
  setCell(row.name, part.id, v.cell, v.total);
  const d = $('detail');
  d.hidden = false;
  const verdictSelect = el('select', { id: 'o-verdict', ariaLabel: 'verdict' }, ...g.verdicts.map((x) => el('option', { value: x, textContent: x, selected: x === (refused?.verdict ?? v.verdict) })));
  const points = el('input', { id: 'o-points', type: 'number', min: '0', max: String(v.maxPoints), step: 'any', value: String(refused?.points ?? v.points), ariaLabel: 'points' });
  verdictSelect.onchange = () => {
    if (verdictSelect.value === 'correct') points.value = String(v.maxPoints);
    else if (verdictSelect.value === 'incorrect' || verdictSelect.value === 'missing') points.value = '0';
  };
  const comment = el('input', { id: 'o-comment', placeholder: 'comment (why)', ariaLabel: 'comment', value: refused?.comment ?? '' });
  const save = el('button', { id: 'o-save', textContent: 'Save override' });
  save.onclick = () => void saveOverride(row.name, part.id, v.version, { verdict: verdictSelect.value, points: Number(points.value), comment: comment.value });
  const withdraw = el('button', { textContent: 'Withdraw override', hidden: !v.override });
  withdraw.onclick = () => void saveOverride(row.name, part.id, v.version, { comment: comment.value || 'withdrawn' });
  const stale = refused
    ? el('p', {
        id: 'stale-note',
        className: 'conflict-note',
        role: 'alert',
        textContent: `Not saved: ${refused.message}. Above is the part as it is now; your change is still in the form: save it again to replace theirs.`,
      })
    : '';
  const conflict = v.conflict
    ? el('p', {
        className: 'conflict-note',
        textContent: `Conflict: when overridden, partcredit said ${v.conflict.was.verdict} (${v.conflict.was.points}); the regrade now says ${v.conflict.now.verdict} (${v.conflict.now.points}).`,
      })
    : '';
  const facts = el(
    'dl',
    {},
    el('dt', { textContent: 'verdict' }),
    el('dd', {
      textContent: `${v.verdict} · ${v.points}/${v.maxPoints} pt${v.category ? ` · ${v.category}` : ''}${v.override ? ` (override by ${v.override.author}; partcredit: ${v.auto.verdict}, ${v.auto.points})` : ''}`,
    }),
    el('dt', { textContent: 'answer' }),
    html('dd', v.answerHtml || '<em>none found</em>'),
    el('dt', { textContent: 'expected' }),
    html('dd', v.expectedHtml),
    el('dt', { textContent: 'reason' }),
    el('dd', { textContent: v.feedback }),
    el('dt', { textContent: 'confidence' }),
    el('dd', { textContent: `${v.confidence}${v.check ? ` (decided by ${v.check})` : ''}${v.source ? `; found in ${v.source}` : ''}` }),
    ...(v.first ? [el('dt', { textContent: 'first answer' }), html('dd', `${v.first.verdict}: ${v.first.html}`)] : []),
  );
  const history = el(
    'ul',
    { className: 'history' },
    ...v.history.map((h) =>
      el('li', {
        textContent: `${h.at.slice(0, 16).replace('T', ' ')} ${h.author}: ${h.verdict ?? 'withdrawn'}${h.points !== null ? ` (${h.points})` : ''}, was ${h.previous.verdict} (${h.previous.points})${h.comment ? ` — ${h.comment}` : ''}`,
      }),
    ),
  );
  d.replaceChildren(
    el('h2', { textContent: `${v.submission} · ${v.part}${v.title ? ` — ${v.title}` : ''}` }),
    el('button', {
      className: 'close',
      textContent: '×',
      title: 'close (Esc)',
      onclick: () => {
        d.hidden = true;
        $('grid').focus();
      },
    }),
    stale,
    conflict,
    facts,
    canOverride()
      ? el('div', { className: 'override' }, verdictSelect, points, comment, save, withdraw)
      : el('p', { className: 'read-only-note', textContent: 'read-only: you can see this run, not change it' }),
    history,
    ...(v.question ? [el('h3', { textContent: 'Question' }), html('question', v.question)] : []),
    ...(v.image
      ? [
          el('h3', { textContent: 'On the page' }),
          el('img', {
            className: 'page-image',
            alt: `where ${v.part} was read on the PDF page`,
            src: `/api/runs/${runId}/answer.png?submission=${encodeURIComponent(v.submission)}&part=${encodeURIComponent(v.part)}`,
          }),
        ]
      : []),
    el('h3', { textContent: 'Submission' }),
    html('sub-text', (await typesetter).segmentsHtml(v.segments)),
  );
  d.querySelector('#answer-here')?.scrollIntoView({ block: 'center' });
  d.scrollTop = 0;
}

/**
 * Saves an override made on the view of version `base` (the part's newest override then). When
 * someone else changed the part meanwhile, the server refuses it (409): the view is read
 * again and shows their change, with a note and the reviewer's own entry kept in the form.
 */
async function saveOverride(submission: string, part: string, base: number | null, change: { verdict?: string; points?: number; comment: string }): Promise<void> {
  try {
    const t0 = performance.now();
    const r = await api<{ cell: Cell; total: number }>(`/api/runs/${runId}/override`, { submission, part, ...change, base, author: author() });
    setCell(submission, part, r.cell, r.total);
    document.body.dataset.overrideMs = String(Math.round(performance.now() - t0));
    // The part is shown as saved before it says so: a conflict note of the refused try must not outlive the "saved".
    await openPart();
    status(`saved: ${submission} ${part}`);
    $('grid').focus();
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      status(`not saved: ${submission} ${part} was changed by someone else meanwhile`, true);
      await openPart({ message: e.message, ...change });
      return;
    }
    status((e as Error).message, true);
  }
}

// ---------- answer groups ----------

async function loadGroups(): Promise<void> {
  const part = $<HTMLSelectElement>('g-part').value;
  if (!part) return;
  $('g-info').textContent = 'grouping…';
  const t0 = performance.now();
  const { groups } = await api<{ groups: Group[] }>(`/api/runs/${runId}/groups?part=${encodeURIComponent(part)}`);
  $('g-info').textContent = `${groups.length} groups of equivalent answers (${Math.round(performance.now() - t0)} ms)`;
  const max = grid!.parts.find((p) => p.id === part)?.maxPoints ?? 1;
  $('groups').replaceChildren(
    ...groups.map((g, i) => {
      const comment = el('input', { placeholder: 'comment', className: 'g-comment' });
      const points = el('input', { type: 'number', min: '0', max: String(max), step: 'any', value: String(max), className: 'g-points', ariaLabel: 'points' });
      const grade = (verdict: string, pts: number) => async () => {
        await api(`/api/runs/${runId}/groups/grade`, { part, submissions: g.submissions, verdict, points: pts, comment: comment.value || `graded as a group: ${g.representative}`, author: author() });
        await openRun(runId);
        await loadGroups();
        status(`graded ${g.submissions.length} submissions of ${part}`);
      };
      const as = el('select', { className: 'g-as', ariaLabel: 'add to the key as' }, ...['accept', 'partial', 'conventions'].map((x) => el('option', { value: x, textContent: x })));
      const accept = el('button', { textContent: 'Accept this answer in the key', className: 'g-accept', disabled: !g.representative });
      accept.onclick = async () => {
        try {
          const r = await api<{ keyPath: string; changed: number }>(`/api/runs/${runId}/accept`, {
            part,
            answer: g.representative,
            as: as.value,
            credit: Number(points.value) / max,
            label: comment.value || undefined,
            author: author(),
          });
          await openRun(runId);
          await loadGroups();
          status(`wrote ${r.keyPath} and regraded: ${r.changed} part grades changed`);
        } catch (e) {
          status((e as Error).message, true);
        }
      };
      const verdicts = Object.entries(g.verdicts)
        .map(([v, n]) => `${n} ${v}`)
        .join(', ');
      return el(
        'div',
        { className: 'group', id: `group-${i}` },
        el(
          'div',
          { className: 'g-head' },
          html('g-rep', g.html),
          el('span', { className: 'g-count', textContent: `${g.submissions.length} submission${g.submissions.length === 1 ? '' : 's'}` }),
          el('span', { className: 'g-verdicts', textContent: `partcredit: ${verdicts}${g.overridden ? `; ${g.overridden} overridden` : ''}` }),
        ),
        el('div', { className: 'g-forms', textContent: g.forms.length > 1 ? `written as: ${g.forms.slice(0, 6).join('  |  ')}${g.forms.length > 6 ? ' …' : ''}` : '' }),
        el('div', { className: 'g-who', textContent: g.submissions.slice(0, 12).join(', ') + (g.submissions.length > 12 ? ` and ${g.submissions.length - 12} more` : '') }),
        canOverride()
          ? el(
              'div',
              { className: 'g-actions' },
              el('button', { className: 'g-correct', textContent: 'All correct', onclick: grade('correct', max) }),
              el('button', { className: 'g-incorrect', textContent: 'All incorrect', onclick: grade('incorrect', 0) }),
              points,
              el('button', { className: 'g-partial', textContent: 'All partial at these points', onclick: () => void grade('partial', Number(points.value))() }),
              comment,
              ...(canChangeKey() ? [as, accept] : []),
            )
          : '',
      );
    }),
  );
}

// ---------- agreement and export ----------

async function loadAgreement(): Promise<void> {
  const rows = await api<{ partId: string; parts: number; overridden: number; exact: number; rightWrong: number; confidentlyWrong: number }[]>(`/api/runs/${runId}/agreement`);
  const pct = (n: number, of: number) => `${n}/${of} = ${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`;
  $('agreement').replaceChildren(
    el('tr', {}, ...['part', 'decided', 'overridden by staff', 'agreement (exact)', 'agreement (right vs wrong)', 'confidently wrong'].map((h) => el('th', { textContent: h }))),
    ...rows.map((r) =>
      el(
        'tr',
        { className: r.parts && r.exact / r.parts < 0.9 ? 'weak' : '' },
        el('td', { textContent: r.partId }),
        el('td', { textContent: String(r.parts) }),
        el('td', { textContent: String(r.overridden) }),
        el('td', { textContent: pct(r.exact, r.parts) }),
        el('td', { textContent: pct(r.rightWrong, r.parts) }),
        el('td', { textContent: String(r.confidentlyWrong) }),
      ),
    ),
  );
}

function loadExport(): void {
  const release = $<HTMLInputElement>('x-release').checked ? '1' : '0';
  $<HTMLAnchorElement>('x-grades').href = `/api/runs/${runId}/export/grades.csv`;
  $<HTMLAnchorElement>('x-results').href = `/api/runs/${runId}/export/results.json?release=${release}`;
  $('x-students').replaceChildren(
    ...(grid?.rows ?? [])
      .slice(0, 200)
      .map((r) =>
        el('li', {}, el('a', { href: `/api/runs/${runId}/export/student?submission=${encodeURIComponent(r.name)}&release=${release}`, target: '_blank', rel: 'noopener', textContent: r.name })),
      ),
  );
}

async function canvasExport(): Promise<void> {
  const file = $<HTMLInputElement>('x-roster').files?.[0];
  if (!file) return status('choose a roster CSV first', true);
  try {
    const r = await api<{ csv: string; unmatched: string[]; missing: string[] }>(`/api/runs/${runId}/export/canvas`, {
      roster: await file.text(),
      assignment: $<HTMLInputElement>('x-assignment').value || undefined,
    });
    const a = el('a', { href: URL.createObjectURL(new Blob([r.csv], { type: 'text/csv' })), download: `canvas-run-${runId}.csv` });
    a.click();
    $('x-canvas-info').textContent = `${r.unmatched.length ? `no student in the roster for: ${r.unmatched.join(', ')}. ` : ''}${r.missing.length} student(s) without a submission.`;
  } catch (e) {
    status((e as Error).message, true);
  }
}

// ---------- start ----------

for (const b of document.querySelectorAll<HTMLButtonElement>('nav button')) b.onclick = () => showTab(b.dataset.tab!);
$('g-part').addEventListener('change', () => void loadGroups());
$('x-release').addEventListener('change', loadExport);
$('x-canvas').addEventListener('click', () => void canvasExport());
setupGrid();
showUser()
  .then(loadRuns)
  .then(() => $('grid').focus())
  .catch((e: Error) => status(e.message, true));
