/**
 * Every unit's records, newest first: filters (unit, event, days, category, free text, chain
 * problems only), pages of 50, CSV / JSON Lines export of the same filter, and a link to the
 * printable review form of each published item.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { AUDIT_EVENTS } from '../../lib/audit/types';
import { recordSummary, wallTime } from '../../lib/audit/describe';
import { eventLabel, signerNames } from '../audit/format';
import { pageLang } from './locale-browser';
import { api, type StoredRecord } from './api';
import { ChainBadge } from './ChainBadge';
import { d } from './terms';
import { whileLive } from '../while-live';

const PAGE = 50;
const EMPTY = { unit: '', event: '', from: '', to: '', category: '', text: '', chain: '' };
type Filter = typeof EMPTY;

export function filterQuery(f: Filter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) q.set(k, v.trim());
  return q.toString();
}

function Row({ s }: { s: StoredRecord }) {
  const r = s.record;
  return (
    <tr data-rid={s.rid} data-event={r.event} data-chain={s.chain}>
      <td>{wallTime(r.time)}</td>
      <td>{s.unit}</td>
      <td>{eventLabel(r.event)}</td>
      <td title={r.title}>{r.title}</td>
      <td>{r.editor}</td>
      <td>{signerNames(r)}</td>
      <td title={recordSummary(r, pageLang)}>{recordSummary(r, pageLang)}</td>
      <td>
        <ChainBadge chain={s.chain} masked={s.masked} />
      </td>
      <td>
        {r.event === 'publish-allowed' && (
          <a href={`form.html?rid=${s.rid}`} target="_blank" rel="noopener" data-review-form={s.rid}>
            {d('print_form')}
          </a>
        )}
      </td>
    </tr>
  );
}

type Page = { records: StoredRecord[]; total: number };

/** The page of records the filter and offset name, or the server's complaint. */
function useRecordsPage(filter: Filter, offset: number): { page: Page | null; problem: string } {
  const [page, setPage] = useState<Page | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(
    () =>
      whileLive(
        api.records(`${filterQuery(filter)}&offset=${offset}&limit=${PAGE}`),
        (p) => {
          setPage(p);
          setProblem('');
        },
        (e) => setProblem(e instanceof Error ? e.message : String(e)),
      ),
    [filter, offset],
  );
  return { page, problem };
}

/** The filter form; it applies on submit, and exports what is applied. */
function Filters({ applied, onApply }: { applied: Filter; onApply: (f: Filter) => void }) {
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => void api.facets().then((f) => setUnits(f.units), () => undefined), []);
  const set = (k: keyof Filter) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const query = filterQuery(applied);
  function apply(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
  }
  return (
    <form className="filters" onSubmit={apply}>
      <select name="unit" value={draft.unit} onChange={set('unit')} aria-label={d('unit')}>
        <option value="">{d('all_units')}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <select name="event" value={draft.event} onChange={set('event')} aria-label={d('event')}>
        <option value="">{d('all_events')}</option>
        {AUDIT_EVENTS.map((ev) => (
          <option key={ev} value={ev}>
            {eventLabel(ev)}
          </option>
        ))}
      </select>
      <label>
        {d('from')} <input name="from" type="date" value={draft.from} onChange={set('from')} />
      </label>
      <label>
        {d('to')} <input name="to" type="date" value={draft.to} onChange={set('to')} />
      </label>
      <input name="category" placeholder={d('category')} value={draft.category} onChange={set('category')} size={10} />
      <input name="text" type="search" placeholder={d('search')} value={draft.text} onChange={set('text')} size={30} />
      <label>
        <input type="checkbox" name="chain" checked={draft.chain === 'problems'} onChange={(e) => setDraft({ ...draft, chain: e.target.checked ? 'problems' : '' })} /> {d('only_problems')}
      </label>
      <button type="submit">{d('apply')}</button>
      <a className="button" href={`/api/dashboard/export.csv?${query}${pageLang === 'en' ? '&lang=en' : ''}`} data-export="csv">
        {d('export_csv')}
      </a>
      <a className="button" href={`/api/dashboard/export.jsonl?${query}`} data-export="jsonl">
        {d('export_jsonl')}
      </a>
    </form>
  );
}

const COLUMNS = ['col_time', 'col_unit', 'col_event', 'col_title', 'col_editor', 'col_signers', 'col_summary', 'col_chain', 'col_form'] as const;

function RecordsTable({ page, offset, onOffset }: { page: Page; offset: number; onOffset: (o: number) => void }) {
  return (
    <>
      <p className="total" data-total={page.total}>
        {d('total', page.total)}
      </p>
      <table className="grid" data-ready="">
        <thead>
          <tr>
            {COLUMNS.map((k) => (
              <th key={k}>{d(k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.records.map((s) => (
            <Row key={s.rid} s={s} />
          ))}
        </tbody>
      </table>
      {page.total === 0 && <p>{d('none')}</p>}
      <p className="pager">
        <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE))}>
          {d('prev')}
        </button>{' '}
        {page.total > 0 && `${offset + 1}–${Math.min(offset + PAGE, page.total)} / ${page.total}`}{' '}
        <button type="button" disabled={offset + PAGE >= page.total} onClick={() => onOffset(offset + PAGE)}>
          {d('next')}
        </button>
      </p>
    </>
  );
}

export function RecordsView() {
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [offset, setOffset] = useState(0);
  const { page, problem } = useRecordsPage(filter, offset);
  const apply = (f: Filter) => {
    setOffset(0);
    setFilter(f);
  };
  return (
    <section className="records">
      <Filters applied={filter} onApply={apply} />
      {problem && (
        <p className="error" role="alert">
          {d('error', problem)}
        </p>
      )}
      {page && <RecordsTable page={page} offset={offset} onOffset={setOffset} />}
    </section>
  );
}
