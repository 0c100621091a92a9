/**
 * `npm run collector -- import FILE`: the records of a JSON Lines export (the dashboard's 导出 JSON
 * Lines) stored here as if their browsers had sent them — checked, masked, numbered into their
 * chains and kept once. A county moving from the embedded database to PostgreSQL keeps its history.
 * Every line is checked before anything is stored; a file run twice stores nothing the second time.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Problem } from '../policy/problems';
import { ensureUnit } from './auth/units';
import type { Database } from './db/database';
import { MAX_RECORDS } from './ingest/batch';
import { parseExportLine, type ExportedRecord } from './ingest/export-line';
import { storeBatch, type Unit } from './ingest/store-batch';

export interface ImportSummary {
  lines: number;
  stored: number;
  duplicates: number;
  /** Records of the imported browsers whose chain is not in order (gap, link, fork, altered), as on the dashboard. */
  flagged: number;
  unitsCreated: string[];
}

/** What stopped an import: the bad lines (nothing stored), or a refusal after `stored` records. */
export class ImportError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly stored: number,
  ) {
    super(problems.map((p) => `${p.zh} / ${p.en}`).join('\n'));
  }
}

const MAX_PROBLEMS = 20;

async function* linesOf(path: string): AsyncGenerator<[string, number]> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    if (text.trim() !== '') yield [text, n];
  }
}

async function checkFile(path: string): Promise<{ lines: number; problems: Problem[] }> {
  const problems: Problem[] = [];
  let lines = 0;
  for await (const [text, n] of linesOf(path)) {
    lines++;
    const parsed = parseExportLine(text, n);
    if (!parsed.ok) problems.push(...parsed.problems);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (lines === 0 && problems.length === 0) problems.push({ path: '', zh: '文件中没有记录', en: 'the file holds no records' });
  return { lines, problems };
}

/** Records waiting to be stored, by unit and browser, each list at most a batch. */
class Pending {
  private readonly lists = new Map<string, ExportedRecord[]>();

  add(r: ExportedRecord): ExportedRecord[] | undefined {
    const key = `${r.unit}\u0000${r.installation}`;
    const list = this.lists.get(key) ?? [];
    list.push(r);
    if (list.length < MAX_RECORDS) {
      this.lists.set(key, list);
      return undefined;
    }
    this.lists.delete(key);
    return list;
  }

  *rest(): Generator<ExportedRecord[]> {
    yield* this.lists.values();
    this.lists.clear();
  }
}

async function readable(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new ImportError([{ path, zh: `无法读取文件 ${path}（${code === 'ENOENT' ? '不存在' : code}）`, en: `cannot read ${path} (${code})` }], 0);
  }
}

export async function importRecords(db: Database, path: string): Promise<ImportSummary> {
  await readable(path);
  const checked = await checkFile(path);
  if (checked.problems.length > 0) throw new ImportError(checked.problems, 0);
  const summary: ImportSummary = { lines: checked.lines, stored: 0, duplicates: 0, flagged: 0, unitsCreated: [] };
  const units = new Map<string, Unit>();
  const unitOf = async (name: string) => {
    let unit = units.get(name);
    if (!unit) {
      const found = await ensureUnit(db, name);
      if (found.created) summary.unitsCreated.push(name);
      units.set(name, (unit = found.unit));
    }
    return unit;
  };
  const installations = new Set<string>();
  const store = async (list: ExportedRecord[]) => {
    const { unit: name, installation } = list[0]!;
    const records = list.map((r) => r.incoming);
    // The same lines imported again make the same key: the earlier answer, nothing stored twice.
    const hash = createHash('sha256').update(JSON.stringify([name, installation, records.map((r) => r.contentHash)])).digest('hex');
    const outcome = await storeBatch(db, await unitOf(name), `import-${hash}`, hash, { installation, records });
    if (!outcome.ok) {
      const where = { zh: `单位「${name}」浏览器 ${installation}`, en: `unit "${name}", browser ${installation}` };
      throw new ImportError([{ path: '', zh: `${where.zh}：${outcome.refusal.zh}`, en: `${where.en}: ${outcome.refusal.en}` }], summary.stored);
    }
    const fresh = outcome.replayed ? 0 : outcome.body.stored;
    summary.stored += fresh;
    summary.duplicates += records.length - fresh;
    installations.add(installation);
  };
  const pending = new Pending();
  for await (const [text, n] of linesOf(path)) {
    const parsed = parseExportLine(text, n);
    if (!parsed.ok) throw new ImportError(parsed.problems, summary.stored); // changed since it was checked
    const full = pending.add(parsed.value);
    if (full) await store(full);
  }
  for (const list of pending.rest()) await store(list);
  // Counted at the end: a later batch closes the gap an earlier one left.
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM records WHERE chain <> 'ok' AND installation_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify([...installations])],
  );
  summary.flagged = rows[0]?.n ?? 0;
  return summary;
}
