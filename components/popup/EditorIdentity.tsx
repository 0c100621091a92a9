/**
 * 编辑身份: the name this browser's editor is recorded under (谁发布 in every audit record). It is
 * set once here and then shown; the background refuses a sign-off by a reviewer of the same name.
 */
import { useEffect, useState } from 'react';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR } from '../palette';

export interface IdentityApi {
  get(): Promise<string | null>;
  set(name: string): Promise<void>;
}

export function EditorIdentity({ api }: { api: IdentityApi }) {
  const [name, setName] = useState<string | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.get().then(
      (n) => live && setName(n),
      () => live && setName(null),
    );
    return () => {
      live = false;
    };
  }, [api]);
  const save = () => {
    const value = draft.trim();
    if (!value) return;
    setFailed(false);
    void api.set(value).then(
      () => {
        setName(value);
        setEditing(false);
      },
      () => setFailed(true),
    );
  };
  const showForm = editing || name === null;
  return (
    <section data-editor-identity={name ?? ''} style={{ padding: '8px 12px 0' }}>
      <h2 style={{ fontSize: 14, margin: '0 0 4px' }}>{t('popup_identity')}</h2>
      {name === undefined && <p style={{ margin: 0, color: COLOR.muted }}>…</p>}
      {name && !editing && (
        <p style={{ margin: 0 }}>
          <strong data-identity-name>{name}</strong>{' '}
          <button
            type="button"
            data-identity-change
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
          >
            {terms().action.change}
          </button>
        </p>
      )}
      {name !== undefined && showForm && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          style={{ display: 'flex', gap: 6 }}
        >
          <input
            data-identity-input
            aria-label={t('popup_identity')}
            placeholder={t('popup_identity_placeholder')}
            value={draft}
            maxLength={40}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" data-identity-save disabled={!draft.trim()}>
            {terms().action.save}
          </button>
        </form>
      )}
      {failed && (
        <p role="alert" style={{ margin: '4px 0', color: COLOR.error }}>
          {t('popup_identity_failed')}
        </p>
      )}
      <p style={{ margin: '4px 0 0', color: COLOR.muted, fontSize: 12 }}>{t('popup_identity_hint')}</p>
    </section>
  );
}
