import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChecklistProblem } from '../../lib/signoff/types';
import { boxSize, rowSize, scrollBox } from '../virtual-sizes';
import { flatEntries, OPEN_GROUP } from './entries';
import { FindingRow, GroupHead, type RowProps } from './FindingRow';
import { t } from './strings';
import { button, list, small } from './styles';
import type { ChecklistFinding, ChecklistGroup } from './types';

/** A line's height before it is measured (a finding: badge and 定位, message and excerpt). */
const LINE_ESTIMATE = 64;

interface Props extends Omit<RowProps, 'item' | 'problem' | 'index' | 'rowRef'> {
  groups: readonly ChecklistGroup[];
  /** Listed findings by key, and the problem each one is listed for. */
  items: ReadonlyMap<string, ChecklistFinding>;
  problems: ReadonlyMap<string, ChecklistProblem>;
}

/**
 * Every listed finding of a long list (a 1 MB 公示 table: thousands) under its group's head, in a box
 * that lays out only the lines in and near its scroll window, like the panel's list: scrolling reaches
 * the last one. A big group is folded until opened, so the groups after it stay in reach.
 */
export function VirtualFindings({ groups, items, problems, ...row }: Props) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const entries = useMemo(() => flatEntries(groups, (g) => g.keys.filter((k) => items.has(k)), opened), [groups, items, opened]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // the same function while the lines are the same: a new one has every line's place worked out again
  const getItemKey = useCallback(
    (i: number) => {
      const e = entries[i]!;
      return 'key' in e ? e.key : `group:${e.head.id}`;
    },
    [entries],
  );
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_ESTIMATE,
    getItemKey,
    measureElement: rowSize,
    observeElementRect: boxSize,
    scrollToFn: scrollBox,
    initialRect: { width: 380, height: 400 },
    overscan: 6,
  });
  const toggle = (id: string) =>
    setOpened((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const lines = virtualizer.getVirtualItems();
  const top = lines[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (lines[lines.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} data-findings-scroll="" style={{ maxHeight: '50vh', overflow: 'auto' }}>
      <ol style={list} data-findings-count={items.size}>
        {top > 0 && <li aria-hidden="true" style={{ height: top }} />}
        {lines.map((line) => {
          const e = entries[line.index]!;
          if ('key' in e) return <FindingRow key={line.key} {...row} item={items.get(e.key)!} problem={problems.get(e.key)} index={line.index} rowRef={virtualizer.measureElement} />;
          return (
            <li key={line.key} ref={virtualizer.measureElement} data-index={line.index} data-group={e.head.id} style={{ margin: '8px 0' }}>
              <GroupHead group={e.head} busy={row.busy} actions={row.actions} />
              {e.rows > OPEN_GROUP && (
                <button type="button" style={{ ...button, ...small }} data-action="toggle-group" aria-expanded={e.open} onClick={() => toggle(e.head.id)}>
                  {e.open ? t('hide_items') : t('show_items', e.rows)}
                </button>
              )}
            </li>
          );
        })}
        {bottom > 0 && <li aria-hidden="true" style={{ height: bottom }} />}
      </ol>
    </div>
  );
}
