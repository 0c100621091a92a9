/**
 * The review-form page: reads record ?seq=N, shows its form with a 打印 button (hidden on paper), or
 * says in plain words why there is no form. `data-ready` tells screenshots and e2e tests it is done.
 */
import { useEffect, useState } from 'react';
import type { AuditRecord } from '../../lib/audit/types';
import { t } from '../options/i18n';
import type { AuditClient, ReaderSource } from './client';
import { AuditErrorBoundary } from './ErrorBoundary';
import { ReviewForm } from './ReviewForm';
import { errorText, useReader } from './useReader';

type Loaded = { status: 'loading' } | { status: 'found'; record: AuditRecord } | { status: 'problem'; message: string };

/** '12' → 12; anything else (missing, '0', '1e3', 'abc') is no record number. */
export function parseSeq(raw: string | null): number | null {
  return raw !== null && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

function useRecord(source: ReaderSource, seq: number | null, rawSeq: string | null): Loaded {
  const reader = useReader(source);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    if (seq === null) return setLoaded({ status: 'problem', message: rawSeq ? t('form_bad_seq', rawSeq) : t('form_no_seq') });
    if (reader.status === 'failed') return setLoaded({ status: 'problem', message: t('audit_open_failed', errorText(reader.error)) });
    if (reader.status !== 'open') return;
    let live = true;
    reader.reader.get(seq).then(
      (record) => {
        if (!live) return;
        if (!record) setLoaded({ status: 'problem', message: t('form_not_found', String(seq)) });
        else if (record.event !== 'publish-allowed') setLoaded({ status: 'problem', message: t('form_not_publish', String(seq)) });
        else setLoaded({ status: 'found', record });
      },
      (error: unknown) => live && setLoaded({ status: 'problem', message: t('audit_read_failed', errorText(error)) }),
    );
    return () => {
      live = false;
    };
  }, [reader, seq, rawSeq]);
  return loaded;
}

/**
 * A printed form is a copy of the log leaving the machine: the background records it once per page
 * (a cancelled print preview tried again is not a second copy). `beforeprint` also catches Ctrl+P.
 */
function useRecordPrint(record: AuditRecord | null, client: Pick<AuditClient, 'exported'> | undefined): void {
  useEffect(() => {
    if (!record || !client) return;
    let sent = false;
    const onPrint = () => {
      if (sent) return;
      sent = true;
      client.exported({ format: 'form', count: 1, throughSeq: record.seq }).catch((e: unknown) => console.warn('review form print not recorded', e));
    };
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, [record, client]);
}

export function ReviewFormPage({ reader, seq, client }: { reader: ReaderSource; seq: string | null; client?: Pick<AuditClient, 'exported'> }) {
  const number = parseSeq(seq);
  const loaded = useRecord(reader, number, seq);
  const record = loaded.status === 'found' ? loaded.record : null;
  useRecordPrint(record, client);
  useEffect(() => {
    // The title is the file name a "save as PDF" suggests.
    if (record) document.title = `${t('form_title')}-${record.seq}`;
  }, [record]);

  return (
    <div className="review-form-page" data-ready={loaded.status !== 'loading'} data-found={loaded.status === 'found'}>
      {loaded.status === 'loading' && <p>{t('form_loading')}</p>}
      {loaded.status === 'problem' && (
        <div className="form-problem" role="alert">
          <h1>{t('form_title')}</h1>
          <p className="error" data-form-problem="">
            {loaded.message}
          </p>
        </div>
      )}
      {record && (
        <>
          <div className="toolbar no-print">
            <button type="button" data-print="" onClick={() => window.print()}>
              {t('form_print')}
            </button>
          </div>
          <AuditErrorBoundary>
            <ReviewForm record={record} />
          </AuditErrorBoundary>
        </>
      )}
    </div>
  );
}
