import type { ChangeEvent, ReactNode } from 'react';
import type { ChecklistSection, Confirmations, FieldName } from '../../lib/signoff/types';
import { ProblemList, Section } from './Section';
import { COLOR, input, row, small } from './styles';

type Item = Exclude<keyof Confirmations, 'otherUnit'>;

/** Article 14(2): what the reviewer vouches for. */
const ITEMS: { id: Item; zh: string; en: string }[] = [
  { id: 'accuracy', zh: '内容准确', en: 'Accurate' },
  { id: 'completeness', zh: '内容完整', en: 'Complete' },
  { id: 'timeliness', zh: '内容时效', en: 'Timely' },
  { id: 'secrecy', zh: '保密审查：不涉及国家秘密、商业秘密、个人隐私', en: 'Secrecy review: no state or trade secrets, no personal privacy' },
];

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
    <Section n={3} title="审核确认" en="Reviewer's confirmations" section={section}>
      {ITEMS.map((item) => (
        <Check key={item.id} hook={item.id} checked={c[item.id]} onChange={(e) => setConfirmations({ ...c, [item.id]: e.target.checked })}>
          {item.zh} <small style={small}>{item.en}</small>
        </Check>
      ))}
      <Check hook="other-unit" checked={other.involved} onChange={(e) => setOther({ involved: e.target.checked })}>
        涉及其他单位 <small style={small}>Concerns another unit</small>
      </Check>
      {other.involved && (
        <div style={{ ...row, marginLeft: 22 }}>
          <input
            style={input}
            data-input="other-unit-name"
            placeholder="单位名称"
            aria-label="其他单位名称 / Unit name"
            maxLength={100}
            value={other.name}
            onChange={(e) => setOther({ name: e.target.value })}
          />
          <Check hook="other-unit-confirmed" checked={other.confirmed} onChange={(e) => setOther({ confirmed: e.target.checked })}>
            该单位已确认 <small style={small}>That unit has confirmed</small>
          </Check>
        </div>
      )}
      <Check hook="important" checked={markedImportant || important} disabled={byCategory} onChange={(e) => setMarkedImportant(e.target.checked)}>
        重要信息（需主要负责人签发） <small style={small}>Important: the unit head signs too</small>
        {byCategory && <small style={{ ...small, color: COLOR.warn }}> · 本信息类别属于重要信息 / important by its category</small>}
      </Check>
      <ProblemList problems={section.problems} goToField={goToField} />
    </Section>
  );
}
