import { useRef } from 'react';
import { REQUIRED_FIELD_NAMES } from '../../lib/policy/limits';
import { OWN_FIELD_NAMES, type OwnFieldName } from '../../lib/signoff/own-fields';
import { DISCLOSURE_MODES, type ChecklistSection, type FieldName, type FieldReadings } from '../../lib/signoff/types';
import { ProblemList, Section } from './Section';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR, small } from './styles';

const label = (name: FieldName) => terms().field[name];

/** A control no wider than the dock: a long catalogue name or the note beside it made it scroll sideways. */
const FIT = { boxSizing: 'border-box', maxWidth: '100%', width: '100%' } as const;

interface Props {
  section: ChecklistSection;
  fields: FieldReadings;
  catalogue: readonly { id: string; name: string }[];
  goToField: (name: FieldName) => void;
  setOwnField: (name: OwnFieldName, value: string) => void;
}

/**
 * A CMS form without 栏目, 信息类别 or 公开方式 (most ordinary CMSes lack the last two): Precheck asks
 * for them here. What is chosen goes into the audit log and the review form like a CMS field would
 * (category and mode into the signed digest too). The 栏目 is typed: no list of a CMS's 栏目 is known.
 */
function OwnField({ name, reading, catalogue, set }: { name: OwnFieldName; reading: FieldReadings[FieldName]; catalogue: Props['catalogue']; set: Props['setOwnField'] }) {
  const id = `precheck-own-${name}`;
  return (
    <div style={{ display: 'contents' }} data-field={name} data-own-field={name}>
      <dt style={small}>
        <label htmlFor={id}>{label(name)}</label>
      </dt>
      <dd style={{ margin: 0 }}>
        {name === 'channel' ? (
          // uncontrolled: each keystroke re-reads the checklist, and a controlled value would lag behind the typing
          <input id={id} type="text" style={FIT} defaultValue={reading?.value ?? ''} placeholder={t('own_channel_placeholder')} onInput={(e) => set(name, e.currentTarget.value)} />
        ) : (
          <OwnChoice id={id} name={name} value={reading?.value ?? ''} catalogue={catalogue} set={set} />
        )}
        <small style={{ color: COLOR.muted, display: 'block' }}>{t('own_field_note')}</small>
      </dd>
    </div>
  );
}

function OwnChoice({ id, name, value, catalogue, set }: { id: string; name: 'category' | 'disclosure'; value: string; catalogue: Props['catalogue']; set: Props['setOwnField'] }) {
  const options = name === 'category' ? catalogue.map((c) => ({ value: c.id, label: `${c.id} ${c.name}` })) : DISCLOSURE_MODES.map((m) => ({ value: m, label: m }));
  return (
    <select id={id} style={FIT} value={value} onChange={(e) => set(name, e.target.value)}>
      <option value="">{t('choose')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Section 2: the CMS form's fields. What is missing or wrong can be jumped to; what is filled is shown for the reviewer. */
export function FieldsSection({ section, fields, catalogue, goToField, setOwnField }: Props) {
  const present = REQUIRED_FIELD_NAMES.filter((n) => fields[n]?.present && !fields[n]?.own);
  const own = OWN_FIELD_NAMES.filter((n) => fields[n]?.own);
  const shown = (n: FieldName) => {
    const r = fields[n]!;
    // A category chosen by its code reads better by its catalogue name.
    const named = n === 'category' ? catalogue.find((c) => c.id === r.value)?.name : undefined;
    return named ?? (r.text || r.value);
  };
  // 转到该项 of a field Precheck asks for itself goes to its control here: the CMS form has none
  const box = useRef<HTMLDListElement>(null);
  const goTo = (n: FieldName) => {
    const mine = (own as readonly FieldName[]).includes(n) ? box.current?.querySelector<HTMLElement>(`[data-own-field="${n}"] :is(input, select)`) : null;
    if (mine) mine.focus();
    else goToField(n);
  };
  return (
    <Section n={2} section={section}>
      <ProblemList problems={section.problems} goToField={goTo} />
      {(present.length > 0 || own.length > 0) && (
        <dl ref={box} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: '6px 0' }}>
          {present.map((n) => (
            <div key={n} style={{ display: 'contents' }} data-field={n}>
              <dt style={small}>{label(n)}</dt>
              <dd style={{ margin: 0, color: shown(n) ? undefined : COLOR.muted }}>{shown(n) || t('not_filled')}</dd>
            </div>
          ))}
          {own.map((n) => (
            <OwnField key={n} name={n} reading={fields[n]} catalogue={catalogue} set={setOwnField} />
          ))}
        </dl>
      )}
    </Section>
  );
}
