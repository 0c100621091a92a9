/**
 * 单位与记录: the unit's name (the review form's heading), how long a sign-off holds, how long the
 * audit log is kept and where records are collected (locked when IT sets them). A tab of its own, so
 * the log itself is not below a screen of settings.
 */
import type { Policy } from '../../lib/policy/schema';
import { isLocked, LockableGroup, SaveBar, useDraft, useSaver, type SectionProps } from './shared';
import { t } from './strings';

interface Draft {
  unitName: string;
  validMinutes: string;
  retentionDays: string;
  collectorUrl: string;
}

function NumberBox({ name, label, value, onChange }: { name: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="block">
      {label} <input name={name} inputMode="numeric" size={6} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function RecordsSection(props: SectionProps) {
  const { state } = props;
  const saver = useSaver(props);
  const { signoff, audit, unit } = state.policy;
  const [draft, setDraft] = useDraft<Draft>({
    unitName: unit.name,
    validMinutes: String(signoff.validMinutes),
    retentionDays: String(audit.retentionDays),
    collectorUrl: audit.collectorUrl ?? '',
  });
  const locked = { unit: isLocked(state, 'unit'), signoff: isLocked(state, 'signoff'), audit: isLocked(state, 'audit') };
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  function save() {
    // Numbers go to the schema as typed: a bad value comes back as a problem naming its path.
    const patch: Partial<Policy> = {};
    if (!locked.unit) patch.unit = { name: draft.unitName.trim() };
    if (!locked.signoff) patch.signoff = { validMinutes: Number(draft.validMinutes) };
    const url = draft.collectorUrl.trim();
    // The collector token is IT's (managed policy or a pasted policy file): saving here keeps it.
    const { collectorToken } = audit;
    if (!locked.audit) patch.audit = { retentionDays: Number(draft.retentionDays), ...(url && { collectorUrl: url }), ...(collectorToken && { collectorToken }) };
    void saver.save(patch);
  }

  return (
    <section id="records" data-record-settings="">
      <h2>{t('section_records')}</h2>
      <LockableGroup title={t('settings_unit')} locked={locked.unit}>
        <label className="block">
          {t('settings_unit_name')} <input name="unitName" size={30} maxLength={100} value={draft.unitName} onChange={(e) => set({ unitName: e.target.value })} />
        </label>
      </LockableGroup>
      <LockableGroup title={t('settings_signoff')} locked={locked.signoff}>
        <NumberBox name="validMinutes" label={t('settings_valid_minutes')} value={draft.validMinutes} onChange={(validMinutes) => set({ validMinutes })} />
      </LockableGroup>
      <LockableGroup title={t('settings_audit')} locked={locked.audit}>
        <NumberBox name="retentionDays" label={t('settings_retention_days')} value={draft.retentionDays} onChange={(retentionDays) => set({ retentionDays })} />
        <label className="block">
          {t('settings_collector')}{' '}
          <input name="collectorUrl" type="url" size={50} placeholder="https://" value={draft.collectorUrl} onChange={(e) => set({ collectorUrl: e.target.value })} />
        </label>
        <p className="hint">{t('settings_collector_hint')}</p>
      </LockableGroup>
      <SaveBar saver={saver} onSave={save} disabled={locked.unit && locked.signoff && locked.audit} />
    </section>
  );
}
