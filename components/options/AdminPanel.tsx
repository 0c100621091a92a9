/**
 * 管理员密码 at the top of 审核人: set it at first run, unlock the roster with it, change it. Each
 * form says what went wrong next to its own boxes, and Enter submits it.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { pick } from '../../lib/i18n';
import type { AdminResult } from '../../lib/messaging/protocol';
import type { AdminSession } from './admin-session';
import { t } from './strings';

function PasswordBox({ label, value, onChange, describedBy, autoComplete }: { label: string; value: string; onChange: (v: string) => void; describedBy?: string; autoComplete: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="password" autoComplete={autoComplete} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} size={20} />
    </label>
  );
}

/** A small form whose message (an error, or a success) sits right under its boxes. */
function AdminForm({ name, onSubmit, children, message }: { name: string; onSubmit: () => void; children: (messageId: string) => ReactNode; message: { ok: boolean; text: string } | null }) {
  const messageId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="admin-form" data-admin-form={name} onSubmit={submit}>
      {children(messageId)}
      <p id={messageId} className={message?.ok ? 'saved' : 'error'} role={message?.ok ? 'status' : 'alert'} data-admin-message={name}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}

type Note = { ok: boolean; text: string } | null;
const noteOf = (result: AdminResult, ok: string): Note => (result.ok ? { ok: true, text: ok } : { ok: false, text: pick(result.message) });

function SetPassword({ admin, first }: { admin: AdminSession; first: boolean }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [note, setNote] = useState<Note>(null);
  async function submit() {
    if (next !== again) return setNote({ ok: false, text: t('admin_mismatch') });
    const result = await admin.setPassword(first ? { next } : { current, next });
    setNote(noteOf(result, t('admin_changed')));
    if (result.ok) [setCurrent, setNext, setAgain].forEach((f) => f(''));
  }
  return (
    <AdminForm name={first ? 'first-run' : 'change'} onSubmit={() => void submit()} message={note}>
      {(id) => (
        <>
          {!first && <PasswordBox label={t('admin_current')} value={current} onChange={setCurrent} describedBy={id} autoComplete="current-password" />}
          <PasswordBox label={t('admin_new')} value={next} onChange={setNext} describedBy={id} autoComplete="new-password" />
          <PasswordBox label={t('admin_again')} value={again} onChange={setAgain} describedBy={id} autoComplete="new-password" />
          <button type="submit" disabled={next === '' || (!first && current === '')}>
            {first ? t('admin_set') : t('admin_change')}
          </button>
        </>
      )}
    </AdminForm>
  );
}

function Unlock({ admin }: { admin: AdminSession }) {
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<Note>(null);
  async function submit() {
    const result = await admin.unlock(password);
    setNote(result.ok ? null : noteOf(result, ''));
    if (result.ok) setPassword('');
  }
  return (
    <AdminForm name="unlock" onSubmit={() => void submit()} message={note}>
      {(id) => (
        <>
          <PasswordBox label={t('admin_password')} value={password} onChange={setPassword} describedBy={id} autoComplete="current-password" />
          <button type="submit" disabled={password === ''}>
            {t('admin_unlock')}
          </button>
        </>
      )}
    </AdminForm>
  );
}

export function AdminPanel({ admin }: { admin: AdminSession }) {
  if (admin.passwordSet === undefined) return null;
  return (
    <fieldset className="group admin" data-admin={admin.passwordSet ? (admin.password ? 'unlocked' : 'locked') : 'unset'}>
      <legend>{t('admin_title')}</legend>
      {!admin.passwordSet && (
        <>
          <p className="notice">{t('admin_first_run')}</p>
          <SetPassword admin={admin} first />
        </>
      )}
      {admin.passwordSet && !admin.password && (
        <>
          <p className="hint">{t('admin_locked')}</p>
          <Unlock admin={admin} />
        </>
      )}
      {admin.passwordSet && admin.password && (
        <>
          <p className="saved-line" role="status">
            {t('admin_unlocked')}{' '}
            <button type="button" onClick={() => admin.lock()}>
              {t('admin_lock')}
            </button>
          </p>
          <details>
            <summary>{t('admin_change')}</summary>
            <SetPassword admin={admin} first={false} />
          </details>
        </>
      )}
    </fieldset>
  );
}
