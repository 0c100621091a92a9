/**
 * The log as a table, newest first, virtualised: only the rows in view (plus a few) are in the DOM,
 * with spacer rows above and below standing in for the rest, so 100,000 records scroll like 100.
 * Rows have one fixed height (long text is cut with … and shown whole on hover): measuring each row
 * would cost a layout per row and make the scrollbar jump while pages arrive.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AuditRecord } from '../../lib/audit/types';
import { editorText, recordSummary, wallTime } from '../../lib/audit/describe';
import { uiLang } from '../../lib/i18n';
import { eventLabel, signerNames, siteLabel } from './format';
import { t } from './strings';
import type { PagedQuery } from './usePagedQuery';

export const ROW_HEIGHT = 36;
const COLUMNS = [
  ['time', 'audit_col_time'],
  ['event', 'audit_col_event'],
  ['site', 'audit_col_site'],
  ['title', 'audit_col_title'],
  ['category', 'audit_col_category'],
  ['disclosure', 'audit_col_disclosure'],
  ['editor', 'audit_col_editor'],
  ['signers', 'audit_col_signers'],
  ['summary', 'audit_col_summary'],
  ['form', 'audit_col_form'],
] as const;

/**
 * A cell that shows its whole text on hover when it is cut short. `data`: what the CMS or a person
 * wrote (titles, names), shown as it is in any language.
 */
function Cell({ text, data }: { text: string | undefined; data?: boolean }) {
  return (
    <td title={text || undefined} translate={data ? 'no' : undefined}>
      {text}
    </td>
  );
}

function Row({ record, index }: { record: AuditRecord; index: number }) {
  return (
    <tr data-seq={record.seq} data-event={record.event} aria-rowindex={index + 2}>
      <Cell text={wallTime(record.time)} />
      <Cell text={eventLabel(record.event)} />
      <td title={record.origin} translate="no">
        {siteLabel(record.origin)}
      </td>
      <Cell text={record.title} data />
      <Cell text={record.category} data />
      <Cell text={record.disclosure} data />
      <Cell text={editorText(record, uiLang())} data />
      <Cell text={signerNames(record)} data />
      <Cell text={recordSummary(record, uiLang())} />
      <td>
        {record.event === 'publish-allowed' && (
          // A page of the extension, beside options.html; a new tab so the table keeps its place.
          <a href={`review-form.html?seq=${record.seq}`} target="_blank" rel="noopener" data-review-form={record.seq}>
            {t('audit_print_form')}
          </a>
        )}
      </td>
    </tr>
  );
}

export function AuditTable({ query }: { query: PagedQuery }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = query.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure } = query;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div className="audit-scroll" ref={scrollRef} tabIndex={0} data-audit-scroll="true">
      <table className="table audit-table" aria-rowcount={count + 1}>
        <colgroup>
          {COLUMNS.map(([id]) => (
            <col key={id} className={`col-${id}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map(([id, key]) => (
              <th key={id} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr className="spacer" aria-hidden="true" style={{ height: top }} />}
          {items.map((item) => {
            const record = query.row(item.index);
            return record ? (
              <Row key={item.key} record={record} index={item.index} />
            ) : (
              <tr key={item.key} className="loading" data-loading="true" aria-rowindex={item.index + 2}>
                <td colSpan={COLUMNS.length}>{t('audit_row_loading')}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr className="spacer" aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
