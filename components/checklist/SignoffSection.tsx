import type { ChecklistResult, FieldReading, FieldName, RosterEntry, Signoff, SignoffRole } from '../../lib/signoff/types';
import { ProblemList, Section } from './Section';
import { SignRow } from './SignRow';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR, list, small } from './styles';
import { formatTime } from './Text';
import type { PinError } from './types';

interface Props {
  result: ChecklistResult;
  roster: readonly RosterEntry[];
  signoffs: readonly Signoff[];
  /** The form's 审核人 field: its person is preselected. */
  reviewerField: FieldReading | undefined;
  editor: string | null;
  busy: boolean;
  signOff: (role: SignoffRole, reviewerId: string, pin: string) => void;
  goToField: (name: FieldName) => void;
  pinError: PinError | null;
}

/** Section 4: the reviewer's sign-off and, for important items, the unit head's (article 14(3)). */
export function SignoffSection({ result, roster, signoffs, reviewerField, editor, busy, signOff, goToField, pinError }: Props) {
  const section = result.sections.signoff;
  const named = reviewerField?.present ? roster.find((r) => r.id === reviewerField.value.trim() || r.name === reviewerField.value.trim() || r.name === reviewerField.text.trim()) : undefined;
  const principals = roster.filter((r) => r.role === 'principal');
  return (
    <Section n={4} section={section}>
      {signoffs.length > 0 && (
        <ul style={list}>
          {signoffs.map((s) => (
            <li key={`${s.role}-${s.reviewerId}-${s.at}`} data-signoff={s.role} style={{ color: COLOR.ok }}>
              ✓ {t('signed', terms().role[s.role], s.reviewerName)} <small style={small}>{formatTime(s.at)}</small>
            </li>
          ))}
        </ul>
      )}
      {result.needs.reviewer && <SignRow role="reviewer" people={roster} initial={named?.id ?? ''} editor={editor} busy={busy} onSign={signOff} pinError={pinError} />}
      {result.important && result.needs.principal && (
        <SignRow role="principal" people={principals} initial="" editor={editor} busy={busy} onSign={signOff} pinError={pinError} />
      )}
      <p style={{ ...small, margin: '4px 0' }}>
        {t('not_self', editor ?? '')}
      </p>
      <ProblemList problems={section.problems} goToField={goToField} />
    </Section>
  );
}
