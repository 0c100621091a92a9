import { beforeAll, describe, expect, it } from 'vitest';
import { linkRecord } from '../../lib/audit/chain';
import type { AuditDb } from '../../lib/audit/db';
import { createAuditReader } from '../../lib/audit/store';
import type { AuditEvent, AuditFilter, AuditReader, AuditRecord } from '../../lib/audit/types';
import { createAuditLog } from '../../lib/audit/store';
import { entry, freshDb } from './helpers';

const EVENTS: AuditEvent[] = ['publish-blocked', 'publish-allowed', 'signoff-given', 'finding-overridden'];
const OFFSETS = ['+08:00', '+00:00', '-05:00', '+14:00'];
const pad = (n: number) => String(n).padStart(2, '0');

/** 240 records written straight into the store, an hour apart, in a mix of zones. */
function records(): AuditRecord[] {
  const out: AuditRecord[] = [];
  const start = Date.UTC(2025, 0, 1, 0, 0, 0);
  for (let i = 0; i < 240; i++) {
    const offset = OFFSETS[i % OFFSETS.length]!;
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
    const wall = new Date(start + i * 3600_000 + minutes * 60_000);
    const time = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00.000${offset}`;
    const e = entry(i, {
      event: EVENTS[i % EVENTS.length]!,
      origin: `https://site${i % 3}.gov.example`,
      editor: ['王编辑', '李编辑', 'Zhao'][i % 3],
      category: String(i % 5).padStart(2, '0'),
      signers: i % 2 ? [{ id: `r${i % 4}`, name: `审核${i % 4}`, role: 'reviewer', at: time }] : [],
      title: i % 10 === 0 ? `特别通知 ${i}` : `通知 ${i}`,
    });
    out.push(linkRecord(out[i - 1], e, { id: `id-${i}`, time, policyVersion: 'v' }));
  }
  return out;
}

function naive(all: AuditRecord[], f: AuditFilter): AuditRecord[] {
  return all.filter((r) => {
    const t = Date.parse(r.time);
    if (f.from && t < Date.parse(f.from)) return false;
    if (f.to && t > Date.parse(f.to)) return false;
    if (f.event && r.event !== f.event) return false;
    if (f.site && r.origin !== f.site) return false;
    if (f.editor && r.editor !== f.editor) return false;
    if (f.category && r.category !== f.category) return false;
    if (f.reviewer && !r.signers?.some((s) => s.name === f.reviewer || s.id === f.reviewer)) return false;
    if (f.text) {
      const hay = [r.title, r.url, r.editor, ...(r.signers ?? []).map((s) => s.name), ...Object.values(r.detail ?? {}).map(String)];
      if (!hay.some((h) => h?.toLowerCase().includes(f.text!.toLowerCase()))) return false;
    }
    return true;
  });
}

describe('createAuditReader', () => {
  let db: AuditDb;
  let reader: AuditReader;
  const all = records();

  beforeAll(async () => {
    db = await freshDb();
    const tx = db.transaction('records', 'readwrite');
    await Promise.all([...all.map((r) => tx.store.put(r)), tx.done]);
    reader = createAuditReader(db);
  });

  const filters: [string, AuditFilter][] = [
    ['nothing', {}],
    ['event', { event: 'publish-allowed' }],
    ['site', { site: 'https://site1.gov.example' }],
    ['event and site', { event: 'signoff-given', site: 'https://site2.gov.example' }],
    ['editor', { editor: '李编辑' }],
    ['reviewer by name', { reviewer: '审核1' }],
    ['reviewer by id', { reviewer: 'r3' }],
    ['category', { category: '03' }],
    ['free text, any case', { text: 'zHaO' }],
    ['free text in the title', { text: '特别' }],
    ['from (+08:00 bound)', { from: '2025-01-05T08:00:00.000+08:00' }],
    ['to (Z bound)', { to: '2025-01-03T12:30:00.000Z' }],
    ['a day in another zone', { from: '2025-01-04T00:00:00.000-05:00', to: '2025-01-04T23:59:59.999-05:00' }],
    ['everything at once', { from: '2025-01-02T00:00:00Z', to: '2025-01-09T00:00:00Z', event: 'publish-blocked', editor: '王编辑', text: '通知' }],
    ['nothing matches', { editor: '没有这个人' }],
    ['empty strings are no filter', { editor: '', text: '' }],
  ];

  it.each(filters)('query by %s: newest first, paged, with the total', async (_name, filter) => {
    const expected = naive(all, filter).reverse();
    for (const [offset, limit] of [
      [0, 10],
      [7, 25],
      [expected.length - 3, 10],
      [expected.length + 5, 10],
      [0, 1000],
    ] as const) {
      const page = await reader.query(filter, Math.max(0, offset), limit);
      expect(page.total).toBe(expected.length);
      expect(page.records.map((r) => r.seq)).toEqual(expected.slice(Math.max(0, offset), Math.max(0, offset) + limit).map((r) => r.seq));
    }
  });

  it.each(filters)('all() by %s: append order', async (_name, filter) => {
    expect((await reader.all(filter)).map((r) => r.seq)).toEqual(naive(all, filter).map((r) => r.seq));
  });

  it('gets one record by seq', async () => {
    expect(await reader.get(17)).toEqual(all[16]);
    expect(await reader.get(9999)).toBeUndefined();
  });

  it('reads an empty log', async () => {
    const empty = createAuditReader(await freshDb());
    expect(await empty.query({}, 0, 10)).toEqual({ records: [], total: 0 });
    expect(await empty.query({ event: 'publish-allowed' }, 0, 10)).toEqual({ records: [], total: 0 });
    expect(await empty.all()).toEqual([]);
    expect(await empty.facets()).toEqual({ editors: [], reviewers: [], categories: [], sites: [] });
  });
});

describe('facets', () => {
  it('lists the distinct editors, reviewers, categories and sites appended', async () => {
    const db = await freshDb();
    const log = createAuditLog(db, { now: () => new Date(), policyVersion: () => 'v' });
    for (let i = 0; i < 12; i++) await log.append(entry(i));
    expect(await createAuditReader(db).facets()).toEqual({
      editors: ['李编辑', '王编辑'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      reviewers: ['张审核'],
      categories: ['01', '02'],
      sites: ['https://a.gov.example', 'https://b.gov.example'],
    });
  });
});
