/**
 * The rows of the table, fetched a page at a time with reader.query as they scroll into view: a log of
 * 100,000 records is never read whole into the page. A new filter (or 刷新) starts over; answers to
 * an older filter are dropped so they cannot mix into the new one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditFilter, AuditReader, AuditRecord } from '../../lib/audit/types';

export const PAGE_SIZE = 200;

export interface PagedQuery {
  /** Records matching the filter; null until the first page answered. */
  total: number | null;
  /** The record at a row (newest first), or undefined while its page loads. */
  row: (index: number) => AuditRecord | undefined;
  /** Fetches the pages holding rows first…last that are neither loaded nor on their way. */
  ensure: (first: number, last: number) => void;
  error: unknown;
  /** Reads again from the top (new records were appended). */
  reload: () => void;
}

export function usePagedQuery(reader: AuditReader, filter: AuditFilter): PagedQuery {
  const key = JSON.stringify(filter);
  const [reloads, setReloads] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Pages live in a ref (a Map of 500 pages would be costly to copy per answer); `tick` re-renders.
  const pages = useRef(new Map<number, AuditRecord[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setTick] = useState(0);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      reader.query(JSON.parse(key) as AuditFilter, page * PAGE_SIZE, PAGE_SIZE).then(
        (answer) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          pages.current.set(page, answer.records);
          setTotal(answer.total);
          setTick((n) => n + 1);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          setError(e);
        },
      );
    },
    [reader, key],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(null);
    load(0);
  }, [load, reloads]);

  const ensure = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  const row = (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { total, row, ensure, error, reload };
}
