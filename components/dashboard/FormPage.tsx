/**
 * The printable 审核登记表 of one stored 'publish-allowed' record: the extension's own ReviewForm,
 * with the unit above it. `data-ready` tells screenshots and tests it is done.
 */
import { useEffect, useState } from 'react';
import { ReviewForm } from '../audit/ReviewForm';
import { api, type StoredRecord } from './api';
import { d } from './terms';

type Loaded = { status: 'loading' } | { status: 'found'; stored: StoredRecord } | { status: 'problem'; message: string };

export function FormPage({ rid }: { rid: number }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    if (!Number.isSafeInteger(rid) || rid <= 0) return setLoaded({ status: 'problem', message: d('form_no_seq') });
    api.record(rid).then(
      (stored) =>
        setLoaded(stored.record.event === 'publish-allowed' ? { status: 'found', stored } : { status: 'problem', message: d('form_not_publish', String(stored.record.seq)) }),
      (e: unknown) => setLoaded({ status: 'problem', message: d('error', e instanceof Error ? e.message : String(e)) }),
    );
  }, [rid]);
  useEffect(() => {
    document.title = loaded.status === 'found' ? `${d('form_title')}-${loaded.stored.unit}-${loaded.stored.record.seq}` : d('form_title');
  }, [loaded]);
  return (
    <div className="review-form-page" data-ready={loaded.status !== 'loading'} data-found={loaded.status === 'found'}>
      {loaded.status === 'loading' && <p>{d('form_loading')}</p>}
      {loaded.status === 'problem' && (
        <div className="form-problem" role="alert">
          <h1>{d('form_title')}</h1>
          <p className="error">{loaded.message}</p>
        </div>
      )}
      {loaded.status === 'found' && (
        <>
          <div className="toolbar no-print">
            <span data-unit="">
              {d('unit')}：{loaded.stored.unit}
            </span>{' '}
            <button type="button" data-print="" onClick={() => window.print()}>
              {d('form_print')}
            </button>
          </div>
          <ReviewForm record={loaded.stored.record} unitName={loaded.stored.unit} check={null} />
        </>
      )}
    </div>
  );
}
