import type { ChangeEvent, ReactNode } from 'react';
import type { ChecklistSection, Confirmations, FieldName } from '../../lib/signoff/types';
import { ProblemList, Section } from './Section';
import { t } from './strings';
import { COLOR, input, row, small } from './styles';

type Item = Exclude<keyof Confirmations, 'otherUnit'>;

/** Article 14(2): what the reviewer vouches for. */
const ITEMS = ['accuracy', 'completeness', 'timeliness', 'secrecy'] as const satisfies readonly Item[];

interface Props {
  section: ChecklistSection;
  confirmations: Confirmations;
  markedImportant: boolean;
  /** Important by the policy's category or by the mark. */
  important: boolean;
  setConfirmations: (c: Confirmations) => void;
  setMarkedImportant: (v: boolean) => void;
  goToField: (name: FieldName) => void;
}

function Check({ hook, checked, disabled, onChange, children }: { hook: string; checked: boolean; disabled?: boolean; onChange: (e: ChangeEvent<HTMLInputElement>) => void; children: ReactNode }) {
  return (
    <label style={{ display: 'flex', alignItems: 'baseline', gap: 6, margin: '4px 0', cursor: disabled ? 'default' : 'pointer' }}>
      <input type="checkbox" data-confirm={hook} checked={checked} disabled={disabled} onChange={onChange} />
      <span>{children}</span>
    </label>
  );
}

/** Section 3: the reviewer's confirmations, another unit's confirmation (article 5), and 重要信息. */
export function ConfirmSection({ section, confirmations: c, markedImportant, important, setConfirmations, setMarkedImportant, goToField }: Props) {
  const other = c.otherUnit;
  const setOther = (patch: Partial<Confirmations['otherUnit']>) => setConfirmations({ ...c, otherUnit: { ...other, ...patch } });
  // Important by its category: unticking the mark would change nothing, so the box stays ticked.
  const byCategory = important && !markedImportant;
  return (
    <Section n={3} section={section}>
      {ITEMS.map((item) => (
        <Check key={item} hook={item} checked={c[item]} onChange={(e) => setConfirmations({ ...c, [item]: e.target.checked })}>
          {t(`confirm_${item}`)}
        </Check>
      ))}
      <Check hook="other-unit" checked={other.involved} onChange={(e) => setOther({ involved: e.target.checked })}>
        {t('other_unit')}
      </Check>
      {other.involved && (
        <div style={{ ...row, marginLeft: 22 }}>
          <input
            style={input}
            data-input="other-unit-name"
            placeholder={t('other_unit_name')}
            aria-label={t('other_unit_name')}
            maxLength={100}
            value={other.name}
            onChange={(e) => setOther({ name: e.target.value })}
          />
          <Check hook="other-unit-confirmed" checked={other.confirmed} onChange={(e) => setOther({ confirmed: e.target.checked })}>
            {t('other_unit_confirmed')}
          </Check>
        </div>
      )}
      <Check hook="important" checked={markedImportant || important} disabled={byCategory} onChange={(e) => setMarkedImportant(e.target.checked)}>
        {t('important')}
        {byCategory && <small style={{ ...small, color: COLOR.warn }}> · {t('important_by_category')}</small>}
      </Check>
      <ProblemList problems={section.problems} goToField={goToField} />
    </Section>
  );
}
