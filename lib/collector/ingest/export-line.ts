/**
 * One line of the dashboard's JSON Lines export (lib/collector/api/export.ts), read back by
 * `npm run collector -- import`: a county moving from the embedded database to PostgreSQL, or
 * merging another collector's records, keeps its history. Each line is checked as a batch's record
 * is (lib/collector/ingest/batch.ts); a bad line is named by its number and nothing is imported.
 */
import { z } from 'zod';
import { validUnitName } from '../auth/units';
import type { Problem } from '../../policy/problems';
import { toProblems } from '../../policy/problems';
import { incoming, MAX_RECORD_BYTES, type IncomingRecord } from './batch';
import { installationSchema, recordSchema } from './record-schema';

export interface ExportedRecord {
  unit: string;
  installation: string;
  incoming: IncomingRecord;
}

const line = z.object({
  unit: z.string().refine(validUnitName, { params: { zh: '单位名称应为 1 至 100 个字符', en: 'a unit name is 1 to 100 characters' } }),
  installation: installationSchema,
  chain: z.string().optional(),
  masked: z.boolean(),
  record: z.unknown(),
});

const problem = (n: number, zh: string, en: string): Problem => ({ path: `line ${n}`, zh: `第 ${n} 行：${zh}`, en: `line ${n}: ${en}` });

/**
 * The record of line `n` (1-based) as it will be stored, or what is wrong with it. A record the
 * collector masked on receipt no longer matches its hash — the raw value it was hashed with is gone —
 * so the export's chain status stands for the check made then (not `altered`: it matched); it must
 * still fit its chain, which is recomputed as it is stored.
 */
export function parseExportLine(text: string, n: number): { ok: true; value: ExportedRecord } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_RECORD_BYTES * 2) return { ok: false, problems: [problem(n, `超过 ${MAX_RECORD_BYTES / 1024} KB`, `longer than ${MAX_RECORD_BYTES / 1024} KB`)] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [problem(n, '不是有效的 JSON（应为汇总服务导出的 JSON Lines）', 'not valid JSON (expected the collector’s JSON Lines export)')] };
  }
  const outer = line.safeParse(json);
  if (!outer.success) return { ok: false, problems: toProblems(outer.error.issues, json).map((p) => problem(n, p.zh, p.en)) };
  const record = recordSchema.safeParse(outer.data.record);
  if (!record.success) return { ok: false, problems: toProblems(record.error.issues, outer.data.record).map((p) => problem(n, `record ${p.zh}`, `record: ${p.en}`)) };
  const kept = incoming(record.data);
  // Masked again here (a raw value in the file): checked as sent. Masked then: as the export says it was.
  const checked = outer.data.masked && !kept.masked ? { ...kept, masked: true, hashOk: outer.data.chain !== 'altered' } : kept;
  return { ok: true, value: { unit: outer.data.unit, installation: outer.data.installation, incoming: checked } };
}
