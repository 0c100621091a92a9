import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, FIRST_RETRY_MS, MAX_RETRY_MS, type Outbox } from '../../lib/audit/collector';
import { createAuditService } from '../../lib/audit/service';
import type { AuditRecord } from '../../lib/audit/types';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { freshDb } from './helpers';

/**
 * A collector as a county would run one: it keeps each record once by id. `failFirst` requests get
 * a 503; request number `dropAfterStoring` is stored and then its connection cut before the answer
 * (the sender must send it again and the receiver must not keep it twice).
 */
async function receiver(failFirst: number, dropAfterStoring?: number) {
  const kept = new Map<string, AuditRecord>();
  const keys: string[] = [];
  const installations: string[] = [];
  const auths: (string | undefined)[] = [];
  let requests = 0;
  let duplicates = 0;
  const server: Server = createServer((req, res) => {
    const n = ++requests;
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      if (n <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      keys.push(String(req.headers['idempotency-key']));
      auths.push(req.headers.authorization);
      const batch = JSON.parse(body) as { installation: string; records: AuditRecord[] };
      installations.push(batch.installation);
      for (const r of batch.records) {
        if (kept.has(r.id)) duplicates++;
        else kept.set(r.id, r);
      }
      if (n === dropAfterStoring) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit`;
  return { url, kept, keys, installations, auths, server, duplicates: () => duplicates };
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const TOKEN = 'pcu_test-token-of-the-unit-0001';
const withCollector = (url: string, collectorToken?: string) => () => ({ ...DEFAULT_POLICY, audit: { retentionDays: 365, collectorUrl: url, ...(collectorToken && { collectorToken }) } });

describe('collector', () => {
  it('delivers every record exactly once while appends go on, through failures', async () => {
    const rx = await receiver(3, 5);
    servers.push(rx.server);
    const db = await freshDb();
    const delays: number[] = [];
    const s = createAuditService({
      db,
      policy: withCollector(rx.url),
      fetch: (...args) => fetch(...args),
      now: () => new Date(),
      // Backoff as asked, but run at once: the test checks the delays, not the clock.
      setTimer: (run, ms) => {
        delays.push(ms);
        setTimeout(run, 1);
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await s.append({ event: 'publish-blocked', title: `稿 ${i}` });
      if (r.ok) ids.push(r.id);
    }
    await until(async () => rx.kept.size === 300 && (await db.count('outbox')) === 0);
    expect([...rx.kept.keys()].sort()).toEqual([...ids].sort());
    expect(rx.duplicates()).toBeGreaterThan(0);
    expect(delays.slice(0, 3)).toEqual([FIRST_RETRY_MS, FIRST_RETRY_MS * 2, FIRST_RETRY_MS * 4]);
    // Nothing but audit records went out.
    for (const r of rx.kept.values()) expect(Object.keys(r).sort()).toEqual(['event', 'hash', 'id', 'policyVersion', 'prevHash', 'seq', 'time', 'title']);
  }, 20_000);

  it('sends what waited offline once the service starts again, a lost answer resent under the same key', async () => {
    const rx = await receiver(2, 4);
    servers.push(rx.server);
    const db = await freshDb();
    const offline = createAuditService({
      db,
      policy: withCollector(rx.url, TOKEN),
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))),
      now: () => new Date(),
      // The worker stops before its retry comes.
      setTimer: () => undefined,
    });
    const ids: string[] = [];
    for (let i = 0; i < 450; i++) {
      const r = await offline.append({ event: 'publish-blocked' });
      if (r.ok) ids.push(r.id);
    }
    expect(await db.count('outbox')).toBe(450);
    const delays: number[] = [];
    const restarted = createAuditService({
      db,
      policy: withCollector(rx.url, TOKEN),
      fetch: (...args) => fetch(...args),
      now: () => new Date(),
      setTimer: (run, ms) => {
        delays.push(ms);
        setTimeout(run, 1);
      },
    });
    await restarted.start();
    await until(async () => rx.kept.size === 450 && (await db.count('outbox')) === 0);
    expect([...rx.kept.keys()].sort()).toEqual([...ids].sort());
    expect(delays).toEqual([FIRST_RETRY_MS, FIRST_RETRY_MS * 2, FIRST_RETRY_MS]);
    // Batches of 200, 200, 50; the second one's answer was lost, so it came twice under one key.
    expect(rx.keys).toHaveLength(4);
    expect(rx.keys[1]).toBe(rx.keys[2]);
    expect(new Set(rx.keys).size).toBe(3);
    expect(rx.duplicates()).toBe(200);
    // The unit's token on every request; one installation id for this browser's log, across restarts.
    expect(new Set(rx.auths)).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(new Set(rx.installations).size).toBe(1);
    expect(rx.installations[0]).toMatch(/^[0-9a-f-]{36}$/);
    const other = await receiver(0);
    servers.push(other.server);
    const elsewhere = createAuditService({ db: await freshDb(), policy: withCollector(other.url), fetch: (...args) => fetch(...args), now: () => new Date() });
    await elsewhere.append({ event: 'publish-blocked' });
    await until(() => other.kept.size === 1);
    // Another browser's log is another installation; without a token no Authorization is sent.
    expect(other.installations[0]).not.toBe(rx.installations[0]);
    expect(other.auths).toEqual([undefined]);
  }, 20_000);

  it('doubles the wait up to ten minutes', async () => {
    const pending: (() => void)[] = [];
    const delays: number[] = [];
    const outbox: Outbox = { take: () => Promise.resolve([{ id: 'a' } as AuditRecord]), remove: () => Promise.resolve() };
    const c = createCollector({
      url: () => 'https://collector.example',
      token: () => undefined,
      installation: () => Promise.resolve('test-installation'),
      fetch: (() => Promise.resolve(new Response(null, { status: 500 }))),
      outbox,
      setTimer: (run, ms) => {
        delays.push(ms);
        pending.push(run);
      },
    });
    expect(await c.flush()).toBe(false);
    for (let i = 0; i < 12; i++) {
      c.wake(); // a retry is waiting: new records do not jump it
      pending.shift()!();
      await until(() => pending.length > 0);
    }
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, MAX_RETRY_MS, MAX_RETRY_MS, MAX_RETRY_MS, MAX_RETRY_MS]);
  });

  it('does nothing without a collector', async () => {
    let calls = 0;
    const c = createCollector({
      url: () => undefined,
      token: () => undefined,
      installation: () => Promise.resolve('test-installation'),
      fetch: (() => {
        calls++;
        return Promise.resolve(new Response());
      }),
      outbox: { take: () => Promise.resolve([{ id: 'a' } as AuditRecord]), remove: () => Promise.resolve() },
      setTimer: () => undefined,
    });
    expect(await c.flush()).toBe(true);
    expect(calls).toBe(0);
  });
});
