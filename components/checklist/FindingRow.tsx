import type { Ref } from 'react';
import { statusText, terms } from '../../lib/i18n';
import type { ChecklistProblem, RosterEntry } from '../../lib/signoff/types';
import { OverrideForm } from './OverrideForm';
import { t } from './strings';
import { COLOR, button, small } from './styles';
import { Text, formatTime } from './Text';
import type { ChecklistActions, ChecklistFinding, ChecklistGroup, PinError } from './types';

export type FindingActions = Pick<ChecklistActions, 'goToFinding' | 'goToField' | 'override' | 'maskGroup' | 'undoMask'>;

export interface RowProps {
  item: ChecklistFinding;
  problem?: ChecklistProblem;
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  pinError: PinError | null;
  actions: FindingActions;
  /** In a virtualised list: where the row stands, and the measuring ref. */
  index?: number;
  rowRef?: Ref<HTMLLIElement>;
}

/** One finding: what to do about it, its masked excerpt, 定位, and the override form where one may be given. */
export function FindingRow({ item, problem, roster, editor, busy, actions, pinError, index, rowRef }: RowProps) {
  const { finding, override } = item;
  const color = finding.severity === 'block' ? COLOR.block : COLOR.warn;
  const badge = problem?.code === 'finding-block' || problem?.code === 'finding-warn' ? t('badge_fix') : problem ? t('badge_check') : t('badge_overridden');
  return (
    <li
      ref={rowRef}
      data-index={index}
      data-finding={item.key}
      data-problem={problem?.code}
      style={{ borderLeft: `3px solid ${override && !problem ? COLOR.ok : color}`, padding: '4px 8px', margin: '6px 0', background: '#fafafa' }}
    >
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

/** A group's head line: its label, and 全部打码 with a preview of the mask where it applies. */
export function GroupHead({ group, busy, actions }: { group: ChecklistGroup; busy: boolean; actions: FindingActions }) {
  return (
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
}
