// The login page, which is also where an invite link lands (its token in the #fragment, which
// browsers never send to the server). Plain DOM; the server sets the session cookie (http-only).
import './style.css';

const csrf = document.querySelector<HTMLMetaElement>('meta[name="partcredit-csrf"]')?.content ?? '';
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function status(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

async function post(path: string, body: object): Promise<void> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-partcredit-csrf': csrf }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
}

/** Runs a form's request with its button disabled, then opens the app or says what went wrong. */
function onSubmit(form: HTMLFormElement, send: () => Promise<void>): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const button = form.querySelector('button')!;
    button.disabled = true;
    status('…');
    send()
      .then(() => location.assign('/'))
      .catch((err: Error) => {
        status(err.message, true);
        button.disabled = false;
      });
  });
}

const login = $<HTMLFormElement>('login');
const inviteForm = $<HTMLFormElement>('invite');
onSubmit(login, () => post('/api/login', { name: $<HTMLInputElement>('name').value, password: $<HTMLInputElement>('password').value }));
onSubmit(inviteForm, async () => {
  const password = $<HTMLInputElement>('new-password').value;
  if (password !== $<HTMLInputElement>('new-password-2').value) throw new Error('the two passwords differ');
  await post('/api/invite', { token: inviteToken(), password });
  // The token is spent: it should not stay in the address bar or the history.
  history.replaceState(null, '', '/login');
});

function inviteToken(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('invite');
}

/** The invite form when the address carries an invite, else the login form (again when only the #fragment changes). */
function show(): void {
  const invited = !!inviteToken();
  inviteForm.hidden = !invited;
  login.hidden = invited;
  $(invited ? 'new-password' : 'name').focus();
}

window.addEventListener('hashchange', show);
show();
