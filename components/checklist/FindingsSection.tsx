import { statusText, terms } from '../../lib/i18n';
import type { ReactNode } from 'react';
import type { ChecklistProblem, ChecklistSection, RosterEntry } from '../../lib/signoff/types';
import { OverrideForm } from './OverrideForm';
import { ProblemList, Section } from './Section';
import { t } from './strings';
import { COLOR, button, list, small } from './styles';
import { Text, formatTime } from './Text';
import type { ChecklistActions, ChecklistFinding, ChecklistGroup, PinError } from './types';

/** A 1 MB 公示 table can hold thousands of findings: the list shows the first ones, the count covers all. */
const LIST_LIMIT = 100;
/** A group this small is listed open; a bigger one (a table column) folds its rows away. */
const OPEN_GROUP = 3;

interface Props {
  section: ChecklistSection;
  findings: readonly ChecklistFinding[];
  groups: readonly ChecklistGroup[];
  masked: { count: number } | null;
  pinError: PinError | null;
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  actions: Pick<ChecklistActions, 'goToFinding' | 'goToField' | 'override' | 'maskGroup' | 'undoMask'>;
}

type RowProps = Pick<Props, 'roster' | 'editor' | 'busy' | 'actions' | 'pinError'> & { item: ChecklistFinding; problem?: ChecklistProblem };

function FindingRow({ item, problem, roster, editor, busy, actions, pinError }: RowProps) {
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
      {override && !problem && <div style={{ color: COLOR.ok }}>{t('override_by', override.reason, override.reviewerName, formatTime(override.at))}</div>}
      {problem?.code === 'finding-needs-override' && item.overridable && (
        <OverrideForm roster={roster} editor={editor} busy={busy} pinError={pinError?.at === `override:${item.key}` ? pinError : null} onSubmit={(reason, reviewerId, pin) => actions.override(item.key, reason, reviewerId, pin)} />
      )}
    </li>
  );
}

/** 身份证号码 列：25 项 (the page's own header), 第 3 列：25 项, or 手机号码：2 项. */
function groupLabel(g: ChecklistGroup): string {
  if (g.column?.header) return g.column.header + statusText('group_column', g.count);
  if (g.column) return statusText('group_column_unnamed', g.column.index + 1, g.count);
  return terms().kind[g.kind] + terms().colon + statusText('group_count', g.count);
}

/** One kind in one place: its count, 全部打码 with a preview of the mask, and its rows (folded when many). */
function Group({ group, rows, busy, actions }: { group: ChecklistGroup; rows: ReactNode[]; busy: boolean; actions: Props['actions'] }) {
  const head = (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <strong data-group-label="">{groupLabel(group)}</strong>
      {group.maskable && (
        <>
          <button type="button" style={button} data-action="mask-group" disabled={busy} onClick={() => actions.maskGroup(group.id)}>
            {terms().action.maskAll}
          </button>
          {group.preview && <small style={small}>{t('mask_preview', group.preview)}</small>}
        </>
      )}
    </div>
  );
  return (
    <li data-group={group.id} style={{ margin: '8px 0' }}>
      {head}
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
  const shown = findings.filter((f) => byKey.has(f.key) || f.override).slice(0, LIST_LIMIT);
  const hidden = findings.filter((f) => byKey.has(f.key) || f.override).length - shown.length;
  const info = findings.filter((f) => !byKey.has(f.key) && !f.override).length;
  const rowOf = new Map(shown.map((item) => [item.key, <FindingRow key={item.key} item={item} problem={byKey.get(item.key)} roster={roster} editor={editor} busy={busy} actions={actions} pinError={pinError} />]));
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
      {shown.length === 0 && general.length === 0 && <p style={{ color: COLOR.ok, margin: '4px 0' }}>{t('nothing_to_fix')}</p>}
      <ol style={list}>
        {groups.map((g) => {
          const rows = g.keys.flatMap((k) => rowOf.get(k) ?? []);
          return rows.length > 0 && <Group key={g.id} group={g} rows={rows} busy={busy} actions={actions} />;
        })}
      </ol>
      {hidden > 0 && <p style={small}>{statusText('more_not_listed', hidden)}</p>}
      {info > 0 && <p style={small}>{t('notes', info)}</p>}
    </Section>
  );
}
