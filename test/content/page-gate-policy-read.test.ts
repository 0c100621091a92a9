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
  // some CMSes publish by a GET: a script's image load at load time is judged at once (it cannot wait)
  it.each([
    ['PbootCMS 点击开启, percent-encoded (past the network backstop)', `${ORIGIN}/admin.php?p=%2FContent%2Fmod%2Fid%2F43%2Ffield%2Fstatus%2Fvalue%2F1`],
    ['PbootCMS 点击开启', `${ORIGIN}/admin.php?p=/Content/mod/id/43/field/status/value/1`],
    ['DedeCMS 审核, dopost percent-encoded', `${ORIGIN}/dede/archives_do.php?aid=43&dopost=checkArchive%73&qstr=43`],
  ])('holds a read some shipped adapter names a publish: %s', (_, url) => {
    const { gate } = gateBeforePolicy();
    expect(gate.judge({ route: 'element-url', method: 'GET', url, body: { kind: 'none' } }).pass).toBe(false);
  });
  it.each([
    ['a thumbnail', `${ORIGIN}/thumb.php?id=43`],
    ['PbootCMS 点击关闭 (value 0: not a publish)', `${ORIGIN}/admin.php?p=/Content/mod/id/43/field/status/value/0`],
    ['a list page', `${ORIGIN}/dede/content_list.php?channelid=1`],
  ])('lets a read no shipped adapter names a publish through: %s', (_, url) => {
    const { gate } = gateBeforePolicy();
    expect(gate.judge({ route: 'element-url', method: 'GET', url, body: { kind: 'none' } }).pass).toBe(true);
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
