/**
 * Before the page's policy is read the gate does not know the site adapter's list publishes: a request
 * that changes something is held where the guard cannot wait, and waited with where it can (the
 * seventeenth probe's PublicCMS row published unsigned 43 by a multipart fetch right after load).
 */
import { describe, expect, it } from 'vitest';
import { PageFiles } from '../../lib/content/attachments/page-files';
import { FileVerdicts } from '../../lib/content/gate/files';
import { GestureTracker } from '../../lib/content/gate/gestures';
import { PageGate, type GatePolicy } from '../../lib/content/gate/page-gate';
import { gatePolicyOf } from '../../lib/gate/adapter-rules';
import type { Outgoing } from '../../lib/gate/types';
import { adapterFor, shippedAdapter } from '../../lib/policy/adapters';
import { rules } from '../../rules';

const ORIGIN = 'http://cms.test';
const NO_ADAPTER: GatePolicy = { draftSaves: 'scan', declaredDraftSave: () => false, declaredPublish: () => false, declaredWithdraw: () => false, networkBlocked: () => false, listIds: () => null };

function gateBeforePolicy() {
  let policy = NO_ADAPTER;
  let read = false;
  let settle: () => void = () => undefined;
  const ready = new Promise<void>((r) => (settle = r));
  const gate = new PageGate({
    scanOptions: () => ({ rules }),
    draft: () => null,
    policy: () => policy,
    policyRead: () => read,
    policyReady: () => ready,
    signedItems: () => new Set(['42']),
    ticked: () => [],
    gestures: new GestureTracker(() => 1000),
    files: new FileVerdicts(new PageFiles(() => Promise.reject(new Error('no files')))),
    covered: () => true,
  });
  const arrive = () => {
    policy = gatePolicyOf({ adapter: adapterFor(shippedAdapter('publiccms')!, ORIGIN) });
    read = true;
    settle();
  };
  return { gate, arrive };
}

const check = (method: string, body: string): Outgoing => ({
  route: 'fetch',
  method,
  url: `${ORIGIN}/admin/cmsContent/check?_csrf=x`,
  body: { kind: 'text', text: body, contentType: 'application/x-www-form-urlencoded' },
});

describe('PageGate before the page policy is read', () => {
  it('holds a request that changes something where the guard cannot wait', () => {
    const { gate } = gateBeforePolicy();
    expect(gate.judge(check('POST', 'ids=42&ids=43'))).toMatchObject({ pass: false, reason: 'error' });
  });
  it('lets a read through', () => {
    const { gate } = gateBeforePolicy();
    expect(gate.judge({ route: 'fetch', method: 'GET', url: `${ORIGIN}/admin/cmsContent/list?page=2`, body: { kind: 'none' } }).pass).toBe(true);
  });
  it('waits with an asked request until the policy is read, then judges it with the adapter', async () => {
    const { gate, arrive } = gateBeforePolicy();
    const answer = gate.answerAsync(check('POST', 'ids=42&ids=43'), []);
    setTimeout(arrive, 20);
    expect(await answer).toMatchObject({ pass: false });
    expect(await gate.answerAsync(check('POST', 'ids=42'), [])).toMatchObject({ pass: true });
  });
  it('judges with the adapter once it is read', () => {
    const { gate, arrive } = gateBeforePolicy();
    arrive();
    expect(gate.judge(check('POST', 'ids=43'))).toMatchObject({ pass: false, reason: 'unsigned-items' });
    expect(gate.judge(check('POST', 'ids=42')).pass).toBe(true);
  });
});
