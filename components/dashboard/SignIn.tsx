/** First-run setup (with the console's setup code) or the administrator's sign-in. */
import { useState, type FormEvent } from 'react';
import { api } from './api';
import { d } from './terms';

export function SignIn({ setUp, onDone }: { setUp: boolean; onDone: () => void }) {
  const [form, setForm] = useState({ code: '', username: '', password: '' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      await (setUp ? api.login(form.username, form.password) : api.setup(form.code, form.username, form.password));
      onDone();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof typeof form, label: string, type = 'text') => (
    <label>
      {label}
      <input name={name} type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} required autoComplete={type === 'password' ? (setUp ? 'current-password' : 'new-password') : 'username'} />
    </label>
  );

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)} data-mode={setUp ? 'login' : 'setup'}>
      <h1>{d('title')}</h1>
      <h2>{setUp ? d('login_title') : d('setup_title')}</h2>
      {!setUp && <p className="hint">{d('setup_hint')}</p>}
      {!setUp && field('code', d('setup_code'))}
      {field('username', d('username'))}
      {field('password', d('password'), 'password')}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {setUp ? d('login') : d('create')}
      </button>
    </form>
  );
}
