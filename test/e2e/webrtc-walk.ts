/**
 * The WebRTC walk, shared by the Chromium and Firefox suites: the route page connects two peers of
 * its own over the network (UDP on loopback) and keeps what the second one received, as a remote peer
 * would get it (lib/demo/pages/routes/routes.js, peerLoop).
 */
import { expect } from 'vitest';
import type { CmsServer } from '../../lib/demo/server.ts';
import { driverOf, type DriveTarget } from '../../lib/demo/playwright-driver.ts';
import { ID, openRoutes, ownDraft, refusalListed, writeDraft, type Outcome } from './gate-drive.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs one of the route page's WebRTC routes; returns its outcome and what the other peer received. */
async function viaPeer(target: DriveTarget, key: string): Promise<{ outcome: Outcome; received: string[] }> {
  const driver = driverOf(target);
  await driver.evaluate('window.__routes.peerReceived.length = 0');
  const outcome = await driver.evaluate<Outcome>(`window.__routes.run(${JSON.stringify(key)})`);
  // the peer's messages arrive over the network after the send returned
  await sleep(800);
  return { outcome, received: await driver.evaluate<string[]>('window.__routes.peerReceived.slice()') };
}

/** Without Precheck (`control`): a message and a channel label deliver the ID to the other peer. */
export async function expectPeerDelivers(target: DriveTarget, control: CmsServer): Promise<void> {
  const driver = driverOf(target);
  await driver.goto(`${control.url}/routes/index.html`);
  await driver.waitFor(`window.__routes && window.__routes.ready === true && document.readyState === 'complete'`, { timeout: 20_000 });
  await driver.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(70, true))})`);
  const sent = await viaPeer(target, 'webrtc-send');
  expect(sent.outcome).toMatchObject({ ok: true });
  expect(sent.received.some((m) => m.includes(ID))).toBe(true);
  const labelled = await viaPeer(target, 'webrtc-label');
  expect(labelled.received.some((m) => m.startsWith('label:') && m.includes(ID))).toBe(true);
  const fromWorker = await viaPeer(target, 'webrtc-worker-send');
  expect(fromWorker.received.some((m) => m.includes(ID))).toBe(true);
}

/**
 * With Precheck: a message or a label carrying the ID is refused (the page's own error path runs),
 * nothing of it reaches the peer, the panel lists it; the unsigned draft is refused; a message that is
 * not the draft still goes.
 */
export async function expectPeerGuarded(target: DriveTarget, server: CmsServer): Promise<void> {
  await openRoutes(target, server);
  await writeDraft(target, ownDraft(71, true));
  const message = await viaPeer(target, 'webrtc-send');
  expect(message.outcome).toMatchObject({ ok: false });
  expect(message.received.filter((m) => m.includes(ID))).toEqual([]);
  expect(await refusalListed(target, 'webrtc', 'data-channel')).toBe(true);

  // a channel handed to a worker sends from there: refused there (without a word to the page)
  const fromWorker = await viaPeer(target, 'webrtc-worker-send');
  expect(fromWorker.received.filter((m) => m.includes(ID))).toEqual([]);

  const label = await viaPeer(target, 'webrtc-label');
  expect(label.outcome).toMatchObject({ ok: false });
  expect(label.received.filter((m) => m.includes(ID))).toEqual([]);

  await writeDraft(target, ownDraft(72));
  const draft = await viaPeer(target, 'webrtc-send');
  expect(draft.outcome).toMatchObject({ ok: false });
  expect(draft.received.filter((m) => m.includes('72稿'))).toEqual([]);
  const ping = await viaPeer(target, 'webrtc-ping');
  expect(ping.outcome).toMatchObject({ ok: true });
  expect(ping.received).toContain('ping');
}
