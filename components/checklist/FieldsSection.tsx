import { REQUIRED_FIELD_NAMES } from '../../lib/policy/limits';
import type { ChecklistSection, FieldName, FieldReadings } from '../../lib/signoff/types';
import { ProblemList, Section } from './Section';
import { COLOR, small } from './styles';

export const FIELD_LABEL: Record<FieldName, { zh: string; en: string }> = {
  title: { zh: '标题', en: 'Title' },
  channel: { zh: '栏目', en: 'Channel' },
  category: { zh: '信息类别', en: 'Category' },
  disclosure: { zh: '公开方式', en: 'Disclosure' },
  reviewer: { zh: '审核人', en: 'Reviewer' },
};

interface Props {
  section: ChecklistSection;
  fields: FieldReadings;
  catalogue: readonly { id: string; name: string }[];
  goToField: (name: FieldName) => void;
}

/** Section 2: the CMS form's fields. What is missing or wrong can be jumped to; what is filled is shown for the reviewer. */
export function FieldsSection({ section, fields, catalogue, goToField }: Props) {
  const present = REQUIRED_FIELD_NAMES.filter((n) => fields[n]?.present);
  const shown = (n: FieldName) => {
    const r = fields[n]!;
    // A category chosen by its code reads better by its catalogue name.
    const named = n === 'category' ? catalogue.find((c) => c.id === r.value)?.name : undefined;
    return named ?? (r.text || r.value);
  };
  return (
    <Section n={2} title="必填项" en="Required fields" section={section}>
      <ProblemList problems={section.problems} goToField={goToField} />
      {present.length > 0 && (
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: '6px 0' }}>
          {present.map((n) => (
            <div key={n} style={{ display: 'contents' }} data-field={n}>
              <dt style={small} title={FIELD_LABEL[n].en}>
                {FIELD_LABEL[n].zh}
              </dt>
              <dd style={{ margin: 0, color: shown(n) ? undefined : COLOR.muted }}>{shown(n) || '（未填写）'}</dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}
