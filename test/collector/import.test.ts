/**
 * `collector import`: a JSON Lines export read back into an empty collector (the move from the
 * embedded database to PostgreSQL) gives the same records, units, masks and chain flags; run again it
 * stores nothing; a bad line imports nothing and is named; a browser another unit owns here is
 * refused. Both databases; the command line on PGlite.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashRecord } from '../../lib/audit/chain';
import { toJsonl } from '../../lib/audit/export';
import { exportEntry } from '../../lib/collector/api/export';
import { addUnit } from '../../lib/collector/auth/units';
import type { Database } from '../../lib/collector/db/database';
import { ImportError, importRecords } from '../../lib/collector/import-records';
import { allRecords } from '../../lib/collector/queries/records';
import type { RunningServer } from '../../lib/collector/server';
import { blocked, chainOf, count, DATABASE_KINDS, openTestDb, post, resetDb, startTestServer, type TestDb } from './fixtures';

vi.setConfig({ testTimeout: 60_000 });

const RAW_ID = '11010519491231002X';
const dir = mkdtempSync(join(tmpdir(), 'precheck-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The dashboard's JSON Lines export of every record, as lines. */
async function exported(db: Database): Promise<string[]> {
  const lines: string[] = [];
  for await (const chunk of allRecords(db, {}, '+08:00')) lines.push(...toJsonl(chunk.map(exportEntry)).trim().split('\n'));
  return lines;
}

/** What the dashboard shows of each record, in a stable order. */
const shown = async (db: Database) =>
  (await exported(db))
    .map((l) => JSON.parse(l) as { record: { id: string } })
    .sort((a, b) => (a.record.id < b.record.id ? -1 : 1));

const fileOf = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
};

describe.each(DATABASE_KINDS)('import on $kind', ({ kind, skip }) => {
  let t: TestDb;
  let server: RunningServer;

  // One server for the suite: a test empties the database, and the server keeps nothing of its own.
  beforeAll(async () => {
    if (skip) return;
    t = await openTestDb(kind);
    server = await startTestServer(t.db);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });
  beforeEach((ctx) => (skip ? ctx.skip(skip) : resetDb(t.db)));

  /** Two units' browsers as they sent: a gap (record 3 never came), and a record with a raw ID the collector masked. */
  async function sendSome(): Promise<void> {
    const a = await addUnit(t.db, '县民政局');
    const b = await addUnit(t.db, '县财政局');
    const x = chainOf(blocked(5, '低保'));
    await post(server, a, { installation: 'browser-x-0001', records: [x[0], x[1], x[3], x[4]] });
    const [masked] = chainOf([{ event: 'publish-blocked', title: `低保公示 ${RAW_ID}` }]);
    const raw = { ...masked!, title: `低保公示 ${RAW_ID}` };
    await post(server, a, { installation: 'browser-y-0002', records: [{ ...raw, hash: hashRecord(raw) }] });
    await post(server, b, { installation: 'browser-z-0003', records: chainOf(blocked(3, '预算')) });
  }

  it('an export read back into an empty collector shows the same records, units, masks and chain flags; a second run stores nothing', async () => {
    await sendSome();
    const before = await shown(t.db);
    expect(before.map((r) => (r as unknown as { chain: string }).chain).sort()).toEqual(['gap', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(before.filter((r) => (r as unknown as { masked: boolean }).masked)).toHaveLength(1);
    const file = fileOf(`export-${kind}.jsonl`, await exported(t.db));

    await resetDb(t.db);
    const first = await importRecords(t.db, file);
    expect({ ...first, unitsCreated: [...first.unitsCreated].sort() }).toEqual({ lines: 8, stored: 8, duplicates: 0, flagged: 1, unitsCreated: ['县民政局', '县财政局'].sort() });
    expect(await shown(t.db)).toEqual(before);
    expect(JSON.stringify(before)).not.toContain(RAW_ID);

    const again = await importRecords(t.db, file);
    expect(again).toMatchObject({ stored: 0, duplicates: 8, unitsCreated: [] });
    expect(await count(t.db)).toBe(8);
  });

  it('a file with a bad line imports nothing and names the line', async () => {
    await sendSome();
    const lines = await exported(t.db);
    await resetDb(t.db);
    const broken = [lines[0]!, '{"unit":"县民政局","installation":"x","masked":false,"record":{}}', 'not json', ...lines.slice(1)];
    const err = await importRecords(t.db, fileOf(`broken-${kind}.jsonl`, broken)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const problems = (err as ImportError).problems.map((p) => p.zh).join('\n');
    expect(problems).toContain('第 2 行');
    expect(problems).toContain('第 3 行：不是有效的 JSON');
    expect((err as ImportError).stored).toBe(0);
    expect(await count(t.db)).toBe(0);
    await expect(importRecords(t.db, join(dir, 'missing.jsonl'))).rejects.toThrow(/不存在/);
  });

  it("a browser another unit owns here is refused, with the unit and browser named", async () => {
    await sendSome();
    const file = fileOf(`owned-${kind}.jsonl`, await exported(t.db));
    await resetDb(t.db);
    // here browser-z-0003 already writes for 县民政局, where the file says 县财政局
    await post(server, await addUnit(t.db, '县民政局'), { installation: 'browser-z-0003', records: chainOf(blocked(1)) });
    const err = await importRecords(t.db, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).problems[0]!.zh).toMatch(/单位「县财政局」浏览器 browser-z-0003：这台浏览器的记录属于另一个单位/);
  });

  it.runIf(kind === 'pglite')('the command line: npm run collector -- import FILE', async () => {
    await sendSome();
    const file = fileOf('cli.jsonl', await exported(t.db));
    const dataDir = join(dir, `data-${randomUUID()}`);
    const run = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'lib/collector/main.ts', ...args], { env: { ...process.env, DATABASE_URL: '', COLLECTOR_DATA_DIR: dataDir } });
    const { stdout } = await run(['import', file]);
    expect(stdout).toContain('新存 8 条，已有 0 条；链状态异常 1 条');
    expect(stdout).toMatch(/新建单位.*县民政局/);
    expect((await run(['list-units'])).stdout).toMatch(/县民政局\t\t0\t2\t5/);
    const bad = await run(['import', join(dir, 'missing.jsonl')]).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toContain('未导入任何记录');
  });
});
