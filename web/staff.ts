// The staff page: an instructor invites people to a course, changes their roles and removes
// them. Plain DOM; the server checks every request (a TA who opens this page gets 403s).
import './style.css';

const csrf = document.querySelector<HTMLMetaElement>('meta[name="partcredit-csrf"]')?.content ?? '';
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ROLES = ['read-only', 'ta', 'instructor'];

interface Member {
  name: string;
  role: string | null;
  active: boolean;
  invitedUntil?: string;
}

function status(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

async function api<T>(path: string, body?: object): Promise<T> {
  const res = await fetch(path, body ? { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf }, body: JSON.stringify(body) } : {});
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

function cell(...children: (Node | string)[]): HTMLTableCellElement {
  const td = document.createElement('td');
  td.append(...children);
  return td;
}

const courseSelect = $<HTMLSelectElement>('course');
const course = () => courseSelect.value;

/** A row per member: their role as a select (saved on change), a remove button. */
function row(m: Member): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.name = m.name;
  const role = document.createElement('select');
  role.setAttribute('aria-label', `role of ${m.name}`);
  for (const r of ROLES) role.append(new Option(r, r, false, r === m.role));
  role.disabled = !m.active;
  role.onchange = () =>
    void api(`/api/courses/${course()}/role`, { name: m.name, role: role.value })
      .then(() => status(`${m.name} is now ${role.value}`))
      .catch((e: Error) => {
        status(e.message, true);
        void load();
      });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = m.active ? 'Remove' : 'Cancel invite';
  remove.onclick = () =>
    void api<{ message: string }>(`/api/courses/${course()}/remove`, { name: m.name })
      .then((r) => {
        status(r.message);
        return load();
      })
      .catch((e: Error) => status(e.message, true));
  const state = m.active ? 'active' : `invited, until ${m.invitedUntil?.slice(0, 16).replace('T', ' ') ?? '?'} UTC`;
  tr.append(cell(m.name), cell(role), cell(state), cell(remove));
  return tr;
}

async function load(): Promise<void> {
  const { members } = await api<{ members: Member[] }>(`/api/courses/${course()}/staff`);
  $('members')
    .querySelector('tbody')!
    .replaceChildren(...members.map(row));
}

const form = $<HTMLFormElement>('invite');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const name = $<HTMLInputElement>('invite-name').value.trim();
  const body = { name, role: $<HTMLSelectElement>('invite-role').value, days: Number($<HTMLInputElement>('invite-days').value) };
  api<{ name: string; link?: string; expiresAt?: string; added?: boolean }>(`/api/courses/${course()}/invite`, body)
    .then((r) => {
      if (r.link) {
        $('invite-who').textContent = r.name;
        $('invite-until').textContent = `${r.expiresAt?.slice(0, 16).replace('T', ' ') ?? ''} UTC`;
        $<HTMLInputElement>('invite-link').value = r.link;
        $('invite-result').hidden = false;
        status(`invited ${r.name}`);
      } else status(`${r.name} already had an account: added to the course`);
      form.reset();
      return load();
    })
    .catch((err: Error) => status(err.message, true));
});

async function start(): Promise<void> {
  const me = await api<{ courses: { id: number; course: string; role: string }[] }>('/api/me');
  const taught = me.courses.filter((c) => c.role === 'instructor');
  if (!taught.length) {
    $('not-instructor').hidden = false;
    for (const id of ['members', 'invite']) $(id).hidden = true;
    courseSelect.hidden = true;
    return;
  }
  courseSelect.replaceChildren(...taught.map((c) => new Option(c.course, String(c.id))));
  courseSelect.onchange = () => void load().catch((e: Error) => status(e.message, true));
  await load();
}

start().catch((e: Error) => status(e.message, true));
