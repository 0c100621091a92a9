import 'fake-indexeddb/auto';
import { openAuditDb, type AuditDb } from '../../lib/audit/db';
import { createAuditLog, type AuditLog } from '../../lib/audit/store';
import type { AuditEntry } from '../../lib/audit/types';

let dbs = 0;

/** A database of its own per test (fake-indexeddb keeps every name for the whole run). */
export function freshDb(): Promise<AuditDb> {
  return openAuditDb(`audit-test-${++dbs}-${Math.random().toString(36).slice(2)}`);
}

/** A clock the test moves: starts at 2025-03-01 09:00 local, one minute per call unless set. */
export function testClock(start = new Date(2025, 2, 1, 9, 0, 0)) {
  let t = start.getTime();
  return {
    now: () => new Date((t += 60_000)),
    set: (d: Date) => {
      t = d.getTime() - 60_000;
    },
  };
}

export function testLog(db: AuditDb, clock = testClock(), collect = false): AuditLog {
  return createAuditLog(db, { now: clock.now, policyVersion: () => 'v-test', collect: () => collect });
}

export function entry(i: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    event: i % 3 === 0 ? 'publish-allowed' : 'publish-blocked',
    origin: i % 2 ? 'https://a.gov.example' : 'https://b.gov.example',
    url: `https://a.gov.example/edit?id=${i}`,
    title: `通知 ${i}`,
    category: i % 4 ? '01' : '02',
    disclosure: '主动公开',
    editor: i % 5 ? '王编辑' : '李编辑',
    signers: i % 3 === 0 ? [{ id: 'r1', name: '张审核', role: 'reviewer', at: '2025-03-01T09:00:00.000+08:00' }] : [],
    findings: { total: 1, counts: { 'cn-id': { block: 1 } }, excerpts: ['110*************2X'] },
    detail: { reason: `原因 ${i}` },
    ...over,
  };
}

export async function appendMany(log: AuditLog, n: number, make: (i: number) => AuditEntry = entry): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const r = await log.append(make(i));
    if (!r.ok) throw new Error(r.message.en);
  }
}
