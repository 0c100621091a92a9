import { terms } from '../../lib/i18n';
import { t } from './strings';

interface IdentityFormProps {
  draft: string;
  setDraft: (value: string) => void;
  /** Called with the typed name trimmed; never with a blank one. */
  submit: (name: string) => void;
}

/** The name box and 保存: asked once when no name is set, and again after 更改. */
export function IdentityForm({ draft, setDraft, submit }: IdentityFormProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const value = draft.trim();
        if (value) submit(value);
      }}
      style={{ display: 'flex', gap: 6 }}
    >
      <input data-identity-input aria-label={t('popup_identity')} placeholder={t('popup_identity_placeholder')} value={draft} maxLength={40} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" data-identity-save disabled={!draft.trim()}>
        {terms().action.save}
      </button>
    </form>
  );
}
