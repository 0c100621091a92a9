import type { ReactNode } from 'react';
import type { ChecklistSection, RosterEntry } from '../../lib/signoff/types';
import { terms } from '../../lib/i18n';
import { OPEN_GROUP } from './entries';
import { FindingRow, GroupHead, type FindingActions } from './FindingRow';
import { ProblemList, Section } from './Section';
import { t } from './strings';
import { COLOR, button, list, small } from './styles';
import type { ChecklistFinding, ChecklistGroup, PinError } from './types';
import { VirtualFindings } from './VirtualFindings';

/**
 * Up to this many listed findings are laid out at once; a longer list (a 1 MB 公示 table holds
 * thousands) lays out only what is in its scroll window.
 */
const LAID_OUT = 100;

interface Props {
  section: ChecklistSection;
  findings: readonly ChecklistFinding[];
  groups: readonly ChecklistGroup[];
  masked: { count: number } | null;
  pinError: PinError | null;
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  actions: FindingActions;
}

/** One kind in one place: its head, and its rows (folded when many). */
function Group({ group, rows, busy, actions }: { group: ChecklistGroup; rows: ReactNode[]; busy: boolean; actions: FindingActions }) {
  return (
    <li data-group={group.id} style={{ margin: '8px 0' }}>
      <GroupHead group={group} busy={busy} actions={actions} />
      {rows.length > OPEN_GROUP ? (
        <details>
          <summary style={{ cursor: 'pointer', ...small }}>{t('show_items', rows.length)}</summary>
          <ol style={list}>{rows}</ol>
        </details>
      ) : (
        <ol style={list}>{rows}</ol>
      )}
    </li>
  );
}

/** Section 1: what the scan found, by kind and table column. Block findings must be fixed; overridable warn findings may be released by a reviewer. */
export function FindingsSection({ section, findings, groups, masked, pinError, roster, editor, busy, actions }: Props) {
  const byKey = new Map(section.problems.filter((p) => p.findingKey).map((p) => [p.findingKey!, p]));
  // a Set, not findings.some() per problem: a 1 MB 公示 draft has thousands of each
  const keys = new Set(findings.map((f) => f.key));
  const general = section.problems.filter((p) => !p.findingKey || !keys.has(p.findingKey));
  // Listed: what stands in the way, then what a reviewer already released; info findings never block.
  const listed = new Map(findings.filter((f) => byKey.has(f.key) || f.override).map((f) => [f.key, f]));
  const info = findings.length - listed.size;
  const row = { roster, editor, busy, actions, pinError };
  let body: ReactNode;
  if (listed.size > LAID_OUT) {
    body = <VirtualFindings groups={groups} items={listed} problems={byKey} {...row} />;
  } else {
    const rowOf = (key: string) => {
      const item = listed.get(key);
      return item ? [<FindingRow key={key} item={item} problem={byKey.get(key)} {...row} />] : [];
    };
    body = (
      <ol style={list}>
        {groups.map((g) => {
          const rows = g.keys.flatMap(rowOf);
          return rows.length > 0 && <Group key={g.id} group={g} rows={rows} busy={busy} actions={actions} />;
        })}
      </ol>
    );
  }
  return (
    <Section n={1} section={section}>
      {masked && (
        <div role="status" data-masked={masked.count} style={{ color: COLOR.ok, margin: '4px 0' }}>
          {t('masked', masked.count)}{' '}
          <button type="button" style={button} data-action="undo-mask" onClick={actions.undoMask}>
            {terms().action.undo}
          </button>
        </div>
      )}
      <ProblemList problems={general} goToField={actions.goToField} />
      {listed.size === 0 && general.length === 0 && <p style={{ color: COLOR.ok, margin: '4px 0' }}>{t('nothing_to_fix')}</p>}
      {body}
      {info > 0 && <p style={small}>{t('notes', info)}</p>}
    </Section>
  );
}
