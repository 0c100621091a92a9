/**
 * The audit log on the options page: filters, the count, the virtualised table, exports and the
 * integrity check. Its data comes in as props (a reader and a client) so tests can hand it a fake log.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AuditReader } from '../../lib/audit/types';
import { terms } from '../../lib/i18n';
import type { AuditClient } from './client';
import { AuditFilters, NO_FACETS, type Facets } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ExportButtons } from './ExportButtons';
import { EMPTY_FORM, toFilter, type FilterForm } from './filter';
import { usePagedQuery } from './usePagedQuery';
import { errorText } from './useReader';
import { useDebounced } from './useDebounced';
import { t } from './strings';
import { VerifyButton } from './VerifyButton';
import { whileLive } from '../while-live';

/** Long enough that typing a name does not query the log for every character. */
const TEXT_DELAY_MS = 300;

function useFacets(reader: AuditReader, reloads: number): Facets {
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  // Menus are a convenience: without them the table and the free-text search still work.
  useEffect(() => whileLive(reader.facets(), setFacets, () => setFacets(NO_FACETS)), [reader, reloads]);
  return facets;
}

export function AuditLog({ reader, client }: { reader: AuditReader; client: AuditClient }) {
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const [reloads, setReloads] = useState(0);
  const text = useDebounced(form.text, TEXT_DELAY_MS);
  const filterKey = JSON.stringify(toFilter({ ...form, text }));
  const filter = useMemo(() => JSON.parse(filterKey) as ReturnType<typeof toFilter>, [filterKey]);
  const facets = useFacets(reader, reloads);
  const query = usePagedQuery(reader, filter);

  return (
    <div className="audit-log">
      <AuditFilters form={form} facets={facets} onChange={setForm} />
      <div className="audit-bar">
        <span data-audit-total={query.total ?? ''} aria-live="polite">
          {query.total === null ? t('audit_counting') : t('audit_total', query.total)}
        </span>
        <button
          type="button"
          onClick={() => {
            query.reload();
            setReloads((n) => n + 1);
          }}
        >
          {terms().action.refresh}
        </button>
        <ExportButtons reader={reader} client={client} filter={filter} />
        <VerifyButton client={client} />
      </div>
      {query.error !== null ? (
        <p className="error" role="alert" data-audit-error="">
          {t('audit_read_failed', errorText(query.error))}
        </p>
      ) : null}
      {query.total === 0 ? <p className="hint">{t('audit_empty')}</p> : <AuditTable query={query} />}
    </div>
  );
}
