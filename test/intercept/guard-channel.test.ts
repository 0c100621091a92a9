// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { openGuardChannel } from '../../lib/intercept/main/channel';
import { acceptGuardChannel } from '../../lib/intercept/isolated/channel';
import { CHANNEL_TAG, READY } from '../../lib/intercept/channel-protocol';
import type { Outgoing } from '../../lib/gate/types';

type PageWindow = Window & typeof globalThis;

const refuseAll = {
  judgeSync: () => ({ pass: false, message: 'no' }),
  judge: () => Promise.resolve({ pass: false, message: 'no' }),
  learn: (blobs: Blob[]) => Promise.resolve(blobs.map(() => null)),
  outcome: () => undefined,
};
const ask: Outgoing = { route: 'fetch', method: 'POST', url: 'http://cms.test/save', body: { kind: 'text', text: 'x' } };

describe('the guard channel handshake', () => {
  it('in a document with its root: the isolated world takes the element and answers synchronously', () => {
    acceptGuardChannel(document, refuseAll);
    const channel = openGuardChannel(window);
    expect(channel.askSync(ask)).toEqual({ pass: false, message: 'no' });
    // taken: it is no longer in the document
    expect(document.querySelector(CHANNEL_TAG)).toBeNull();
  });

  it('in a frame document reached before its parser made <html>: nothing becomes the root; announced once <html> exists', async () => {
    const frame = new HappyWindow() as unknown as PageWindow;
    // happy-dom's extra windows lack MessageChannel; Node's serves
    Object.assign(frame, { MessageChannel: globalThis.MessageChannel });
    const doc = frame.document;
    const root = doc.documentElement;
    root.remove();
    const announced: string[] = [];
    doc.addEventListener(READY, (e) => announced.push((e.target as Element).localName), true);
    openGuardChannel(frame);
    // the parser must still be able to make its own root: the guard put nothing into the document
    expect(doc.childNodes).toHaveLength(0);
    expect(announced).toEqual([]);
    doc.appendChild(root);
    await new Promise((r) => setTimeout(r, 0));
    expect(announced).toEqual([CHANNEL_TAG]);
    expect(doc.documentElement).toBe(root);
  });
});
