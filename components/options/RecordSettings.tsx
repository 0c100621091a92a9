/**
 * How long a sign-off holds, how long the audit log is kept, and where records are collected: the
 * three numbers an administrator sets next to the log itself (locked when IT sets them).
 */
import type { Policy } from '../../lib/policy/schema';
import { t } from './i18n';
import { isLocked, LockableGroup, SaveBar, useDraft, useSaver, type SectionProps } from './shared';

interface Draft {
  validMinutes: string;
  retentionDays: string;
  collectorUrl: string;
}

export function RecordSettings(props: SectionProps) {
  const { state } = props;
  const saver = useSaver(props);
  const { signoff, audit } = state.policy;
  const [draft, setDraft] = useDraft<Draft>({
    validMinutes: String(signoff.validMinutes),
    retentionDays: String(audit.retentionDays),
    collectorUrl: audit.collectorUrl ?? '',
  });
  const locked = { signoff: isLocked(state, 'signoff'), audit: isLocked(state, 'audit') };

  function save() {
    // Numbers go to the schema as typed: a bad value comes back as a problem naming its path.
    const patch: Partial<Policy> = {};
    if (!locked.signoff) patch.signoff = { validMinutes: Number(draft.validMinutes) };
    const url = draft.collectorUrl.trim();
    // The token is not shown here (IT pushes it): it is kept as it is, not dropped by this save.
    const { collectorToken } = audit;
    if (!locked.audit) patch.audit = { retentionDays: Number(draft.retentionDays), ...(url && { collectorUrl: url }), ...(collectorToken && { collectorToken }) };
    void saver.save(patch);
  }

  return (
    <div data-record-settings="">
      <LockableGroup title={t('settings_signoff')} locked={locked.signoff}>
        <label className="block">
          {t('settings_valid_minutes')}{' '}
          <input name="validMinutes" inputMode="numeric" size={6} value={draft.validMinutes} onChange={(e) => setDraft({ ...draft, validMinutes: e.target.value })} />
        </label>
      </LockableGroup>
      <LockableGroup title={t('settings_audit')} locked={locked.audit}>
        <label className="block">
          {t('settings_retention_days')}{' '}
          <input name="retentionDays" inputMode="numeric" size={6} value={draft.retentionDays} onChange={(e) => setDraft({ ...draft, retentionDays: e.target.value })} />
        </label>
        <label className="block">
          {t('settings_collector')}{' '}
          <input name="collectorUrl" type="url" size={50} placeholder="https://" value={draft.collectorUrl} onChange={(e) => setDraft({ ...draft, collectorUrl: e.target.value })} />
        </label>
        <p className="hint">{t('settings_collector_hint')}</p>
      </LockableGroup>
      <SaveBar saver={saver} onSave={save} disabled={locked.signoff && locked.audit} />
    </div>
  );
}
