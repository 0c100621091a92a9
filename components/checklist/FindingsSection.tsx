import type { ChecklistProblem, ChecklistSection, RosterEntry } from '../../lib/signoff/types';
import { OverrideForm } from './OverrideForm';
import { ProblemList, Section } from './Section';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR, button, list, small } from './styles';
import { Text, formatTime } from './Text';
import type { ChecklistActions, ChecklistFinding } from './types';

/** A 1 MB 公示 table can hold thousands of findings; the dialog lists the first ones, the count covers all. */
const LIST_LIMIT = 100;

interface Props {
  section: ChecklistSection;
  findings: readonly ChecklistFinding[];
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  actions: Pick<ChecklistActions, 'goToFinding' | 'goToField' | 'override'>;
}

function FindingRow({ item, problem, roster, editor, busy, actions }: Omit<Props, 'section' | 'findings'> & { item: ChecklistFinding; problem?: ChecklistProblem }) {
  const { finding, override } = item;
  const color = finding.severity === 'block' ? COLOR.block : COLOR.warn;
  const badge = problem?.code === 'finding-block' || problem?.code === 'finding-warn' ? t('badge_fix') : problem ? t('badge_check') : t('badge_overridden');
  return (
    <li data-finding={item.key} data-problem={problem?.code} style={{ borderLeft: `3px solid ${override && !problem ? COLOR.ok : color}`, padding: '4px 8px', margin: '6px 0', background: '#fafafa' }}>
      <div>
        <strong style={{ color: override && !problem ? COLOR.ok : color }}>{badge}</strong> <small style={small}>· {item.where}</small>{' '}
        <button type="button" style={button} data-action="goto-finding" onClick={() => actions.goToFinding(item.key)}>
          {terms().action.locate}
        </button>
      </div>
      <div>
        {problem && (
          <>
            <Text {...problem.message} />{' '}
          </>
        )}
        <code data-excerpt="">{finding.excerpt}</code>
      </div>
      {override && !problem && (
        <div style={{ color: COLOR.ok }}>
          {t('override_by', override.reason, override.reviewerName, formatTime(override.at))}
        </div>
      )}
      {problem?.code === 'finding-needs-override' && item.overridable && (
        <OverrideForm roster={roster} editor={editor} busy={busy} onSubmit={(reason, reviewerId, pin) => actions.override(item.key, reason, reviewerId, pin)} />
      )}
    </li>
  );
}

/** Section 1: what the scan found. Block findings must be fixed; overridable warn findings may be released by a reviewer. */
export function FindingsSection({ section, findings, roster, editor, busy, actions }: Props) {
  const byKey = new Map(section.problems.filter((p) => p.findingKey).map((p) => [p.findingKey!, p]));
  const general = section.problems.filter((p) => !p.findingKey || !findings.some((f) => f.key === p.findingKey));
  // Listed: what stands in the way, then what a reviewer already released; info findings never block.
  const shown = findings.filter((f) => byKey.has(f.key) || f.override);
  const info = findings.length - shown.length;
  return (
    <Section n={1} section={section}>
      <ProblemList problems={general} goToField={actions.goToField} />
      {shown.length === 0 && general.length === 0 && <p style={{ color: COLOR.ok, margin: '4px 0' }}>{t('nothing_to_fix')}</p>}
      <ol style={list}>
        {shown.slice(0, LIST_LIMIT).map((item) => (
          <FindingRow key={item.key} item={item} problem={byKey.get(item.key)} roster={roster} editor={editor} busy={busy} actions={actions} />
        ))}
      </ol>
      {shown.length > LIST_LIMIT && (
<p style={small}>{t('more_not_listed', shown.length - LIST_LIMIT)}</p>
      )}
      {info > 0 && (
<p style={small}>{t('notes', info)}</p>
      )}
    </Section>
  );
}
