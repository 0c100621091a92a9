/**
 * 编辑身份: the name this browser's editor is recorded under (谁发布 in every audit record). It is
 * set once here and then shown; the background refuses a sign-off by a reviewer of the same name.
 */
import { useState } from 'react';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR } from '../palette';
import { IdentityForm } from './IdentityForm';
import { useEditorName, type IdentityApi } from './useEditorName';

export type { IdentityApi } from './useEditorName';

export function EditorIdentity({ api }: { api: IdentityApi }) {
  const { name, failed, save } = useEditorName(api);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
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
      {name !== undefined && showForm && <IdentityForm draft={draft} setDraft={setDraft} submit={(value) => save(value, () => setEditing(false))} />}
      {failed && (
        <p role="alert" style={{ margin: '4px 0', color: COLOR.error }}>
          {t('popup_identity_failed')}
        </p>
      )}
      <p style={{ margin: '4px 0 0', color: COLOR.muted, fontSize: 12 }}>{t('popup_identity_hint')}</p>
    </section>
  );
}
