import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import { terms } from '../lib/i18n';
import type { Severity } from '../lib/scan/types';
import type { PanelItem } from './Panel';
import { boxSize, rowSize, scrollBox } from './virtual-sizes';

/** AA contrast on white (and on the #fafafa rows): 5.6:1, 4.9:1, 5.6:1. */
export const PANEL_COLOR: Record<Severity, string> = { block: '#c62828', warn: '#8a5300', info: '#546e7a' };

/** A row's height before it is measured (one line of kind and excerpt, one of message, the button). */
const ROW_ESTIMATE = 84;

const keyOf = ({ finding: f, where }: PanelItem) => `${where}-${f.start}-${f.ruleId}`;

/**
 * Every finding, in a list that renders only the rows in (and near) its scroll window: a 1 MB 公示
 * table holds thousands, and laying them all out would hold the page for a long frame on every
 * render (the blocked panel after a publish click among them). Scrolling reaches the last one.
 */
export function PanelFindings({ items, goTo }: { items: PanelItem[]; goTo: (index: number) => void }) {
  const t = terms();
  const scrollRef = useRef<HTMLDivElement>(null);
  // the same function while the list is the same: a new one has every row's place worked out again
  const getItemKey = useCallback((i: number) => keyOf(items[i]!), [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey,
    measureElement: rowSize,
    observeElementRect: boxSize,
    scrollToFn: scrollBox,
    // the first render, before the list's box is measured, already shows the first rows
    initialRect: { width: 380, height: 400 },
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const top = rows[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} data-testid="precheck-findings-scroll" style={{ maxHeight: '45vh', overflow: 'auto', padding: '0 12px 12px' }}>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="precheck-findings" data-count={items.length}>
        {top > 0 && <li aria-hidden="true" style={{ height: top }} />}
        {rows.map((row) => {
          const { finding: f, where } = items[row.index]!;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-posinset={row.index + 1}
              aria-setsize={items.length}
              data-severity={f.severity}
              data-kind={f.kind}
              style={{ borderLeft: `3px solid ${PANEL_COLOR[f.severity]}`, padding: '4px 8px', margin: 0, borderTop: '6px solid #fff', background: '#fafafa' }}
            >
              <div>
                <strong style={{ color: PANEL_COLOR[f.severity] }}>{t.severity[f.severity]}</strong> {t.kind[f.kind]}
                <small style={{ color: '#595959' }}> · {where}</small>
                <code style={{ marginLeft: 8 }}>{f.excerpt}</code>
              </div>
              <div>{f.message}</div>
              <button type="button" onClick={() => goTo(row.index)} style={{ marginTop: 2 }}>
                {t.action.locate}
              </button>
            </li>
          );
        })}
        {bottom > 0 && <li aria-hidden="true" style={{ height: bottom }} />}
        {items.length === 0 && <li style={{ color: '#2e7d32' }}>{t.noFindings}</li>}
      </ol>
    </div>
  );
}
