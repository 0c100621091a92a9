/**
 * The review-form page: reads record ?seq=N, shows its form with a 打印 button (hidden on paper), or
 * says in plain words why there is no form. `data-ready` tells screenshots and e2e tests it is done.
 * Chinese in every browser, like the form itself.
 */
import { useEffect, useState } from 'react';
import type { AuditReader, AuditRecord } from '../../lib/audit/types';
import type { AuditClient, ReaderSource } from './client';
import { AuditErrorBoundary } from './ErrorBoundary';
import { FORM } from './form-strings';
import { findPublishedCheck } from './published-check';
import { ReviewForm, type PublishedCheck } from './ReviewForm';
import { errorText, useReader } from './useReader';
import { whileLive } from '../while-live';

interface FormData {
  record: AuditRecord;
  unitName: string;
  check: PublishedCheck | null;
}

type Loaded = { status: 'loading' } | ({ status: 'found' } & FormData) | { status: 'problem'; message: string };

/** '12' → 12; anything else (missing, '0', '1e3', 'abc') is no record number. */
export function parseSeq(raw: string | null): number | null {
  return raw !== null && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

/** The record, or why there is no form for it. The unit name and the published address are extras: without them the form still prints. */
async function loadForm(reader: AuditReader, seq: number, unitName: () => Promise<string>): Promise<Loaded> {
  const record = await reader.get(seq);
  if (!record) return { status: 'problem', message: FORM.notFound(seq) };
  if (record.event !== 'publish-allowed') return { status: 'problem', message: FORM.notPublish(seq) };
  const [unit, check] = await Promise.all([unitName().catch(() => ''), findPublishedCheck(reader, seq).catch(() => null)]);
  return { status: 'found', record, unitName: unit, check };
}

function useForm(source: ReaderSource, seq: number | null, rawSeq: string | null, unitName: () => Promise<string>): Loaded {
  const reader = useReader(source);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    if (seq === null) return setLoaded({ status: 'problem', message: rawSeq ? FORM.badSeq(rawSeq) : FORM.noSeq });
    if (reader.status === 'failed') return setLoaded({ status: 'problem', message: FORM.openFailed(errorText(reader.error)) });
    if (reader.status !== 'open') return;
    return whileLive(loadForm(reader.reader, seq, unitName), setLoaded, (error) => setLoaded({ status: 'problem', message: FORM.readFailed(errorText(error)) }));
  }, [reader, seq, rawSeq, unitName]);
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

const noUnit = () => Promise.resolve('');

export function ReviewFormPage({
  reader,
  seq,
  client,
  unitName = noUnit,
}: {
  reader: ReaderSource;
  seq: string | null;
  client?: Pick<AuditClient, 'exported'>;
  /** The unit's name from the policy in force. */
  unitName?: () => Promise<string>;
}) {
  const loaded = useForm(reader, parseSeq(seq), seq, unitName);
  const record = loaded.status === 'found' ? loaded.record : null;
  useRecordPrint(record, client);
  useEffect(() => {
    // The title is the file name a "save as PDF" suggests.
    if (record) document.title = `${FORM.title}-${record.seq}`;
  }, [record]);

  return (
    <div className="review-form-page" data-ready={loaded.status !== 'loading'} data-found={loaded.status === 'found'}>
      {loaded.status === 'loading' && <p>{FORM.loading}</p>}
      {loaded.status === 'problem' && (
        <div className="form-problem" role="alert">
          <h1>{FORM.title}</h1>
          <p className="error" data-form-problem="">
            {loaded.message}
          </p>
        </div>
      )}
      {loaded.status === 'found' && (
        <>
          <div className="toolbar no-print">
            <button type="button" data-print="" onClick={() => window.print()}>
              {FORM.print}
            </button>
          </div>
          <AuditErrorBoundary message={FORM.viewFailed}>
            <ReviewForm record={loaded.record} unitName={loaded.unitName} check={loaded.check} />
          </AuditErrorBoundary>
        </>
      )}
    </div>
  );
}
