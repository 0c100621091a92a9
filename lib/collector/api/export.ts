/**
 * GET /api/dashboard/export.csv|jsonl: the filtered records as a file, written in parts as they are
 * read so a year of a province's records never sits in memory. CSV is the extension's own layout
 * (lib/audit/export.ts: UTF-8 with BOM for Excel/WPS) with the unit, browser and chain status first;
 * JSON Lines wraps each record untouched, so its hash can be checked again.
 */
import type { ServerResponse } from 'node:http';
import { toCsv, toJsonl, type ExtraColumns } from '../../audit/export';
import type { AuditRecord } from '../../audit/types';
import type { Lang } from '../../i18n';
import { refuse } from '../http/respond';
import { REFUSALS } from '../messages';
import { parseFilter } from '../queries/filter';
import { allRecords, type StoredRecord } from '../queries/records';
import type { DashboardContext } from './dashboard';

type Row = AuditRecord & { $stored: StoredRecord };

const EXTRA: Record<Lang, ExtraColumns<Row>> = {
  zh: { columns: ['单位', '浏览器', '链状态', '收到时已遮蔽'], cells: (r) => [r.$stored.unit, r.$stored.installation, r.$stored.chain, r.$stored.masked ? '是' : ''] },
  en: { columns: ['Unit', 'Browser', 'Chain', 'Masked on receipt'], cells: (r) => [r.$stored.unit, r.$stored.installation, r.$stored.chain, r.$stored.masked ? 'yes' : ''] },
};

const two = (n: number) => String(n).padStart(2, '0');

function fileName(format: string, now: Date): string {
  return `precheck-collector-${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}.${format}`;
}

/** One JSON Lines entry: the record untouched, with where it was kept (read back by `collector import`). */
export const exportEntry = (s: StoredRecord) => ({ unit: s.unit, installation: s.installation, chain: s.chain, masked: s.masked, record: s.record });

export async function sendExport(res: ServerResponse, url: URL, ctx: DashboardContext): Promise<void> {
  const format = url.pathname.endsWith('.csv') ? 'csv' : 'jsonl';
  const parsed = parseFilter(url.searchParams);
  // The sheet speaks the dashboard's language (?lang=en from an English browser); Chinese otherwise.
  const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
  if (!parsed.ok) return refuse(res, REFUSALS.badQuery);
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName(format, new Date())}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  let first = true;
  for await (const chunk of allRecords(ctx.db, parsed.filter, ctx.utcOffset)) {
    const text =
      format === 'csv'
        ? toCsv(
            chunk.map((s) => ({ ...s.record, $stored: s })),
            lang,
            { extra: EXTRA[lang], continuation: !first },
          )
        : toJsonl(chunk.map(exportEntry));
    first = false;
    if (!res.write(text)) await new Promise((r) => res.once('drain', r));
  }
  // No record at all: the CSV still gets its BOM and header.
  if (first && format === 'csv') res.write(toCsv<Row>([], lang, { extra: EXTRA[lang] }));
  res.end();
}
