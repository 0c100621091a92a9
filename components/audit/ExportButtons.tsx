/**
 * 导出 CSV / JSON Lines: exactly the records the filter shows (reader.all, in append order), saved as
 * a file, then reported to the background so the log records that it left the machine.
 */
import { useState } from 'react';
import { exportFileName, toCsv, toJsonl } from '../../lib/audit/export';
import type { AuditFilter, AuditReader } from '../../lib/audit/types';
import { pick, uiLang } from '../../lib/i18n';
import type { AuditClient } from './client';
import { downloadText } from './download';
import { t } from './strings';
import { errorText } from './useReader';

type Format = 'csv' | 'jsonl';
type Note = { ok: boolean; text: string } | null;

const TYPES: Record<Format, string> = { csv: 'text/csv;charset=utf-8', jsonl: 'application/x-ndjson;charset=utf-8' };

export function ExportButtons({ reader, client, filter }: { reader: AuditReader; client: AuditClient; filter: AuditFilter }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  async function run(format: Format) {
    setBusy(true);
    setNote(null);
    try {
      const records = await reader.all(filter);
      downloadText(exportFileName(format, new Date()), format === 'csv' ? toCsv(records, uiLang()) : toJsonl(records), TYPES[format]);
      const throughSeq = records.reduce((max, r) => Math.max(max, r.seq), 0);
      const count = records.length;
      try {
        const recorded = await client.exported({ format, count: records.length, throughSeq });
        setNote(recorded.ok ? { ok: true, text: t('audit_exported', count) } : { ok: false, text: t('audit_exported_unrecorded', count, pick(recorded.message)) });
      } catch (error) {
        setNote({ ok: false, text: t('audit_exported_unrecorded', count, errorText(error)) });
      }
    } catch (error) {
      setNote({ ok: false, text: t('audit_export_failed', errorText(error)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" data-export="csv" disabled={busy} onClick={() => void run('csv')}>
        {t('audit_export_csv')}
      </button>
      <button type="button" data-export="jsonl" disabled={busy} onClick={() => void run('jsonl')}>
        {t('audit_export_jsonl')}
      </button>
      {note && (
        <span className={note.ok ? 'ok audit-note' : 'error audit-note'} role="status" data-export-result={note.ok}>
          {note.text}
        </span>
      )}
    </>
  );
}
