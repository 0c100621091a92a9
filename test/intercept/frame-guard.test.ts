// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { acceptGuardChannel } from '../../lib/intercept/isolated/channel';
import { installPageGuard } from '../../lib/intercept/main/install';
import type { Outgoing } from '../../lib/gate/types';

type PageWindow = Window & typeof globalThis;

/** A happy-dom window with Node's MessageChannel (happy-dom's own windows lack one). */
const withChannel = (w: Window): PageWindow => Object.assign(w, { MessageChannel: globalThis.MessageChannel }) as PageWindow;

describe('a frame the page reaches before its own scripts ran', () => {
  it("asks the page's isolated world over the private channel, not the relay, so a signed publish from it can be released", async () => {
    const page = withChannel(new HappyWindow() as unknown as Window);
    const asked: Outgoing[] = [];
    const refuse = { pass: false, message: 'no' };
    acceptGuardChannel(page.document, {
      judgeSync: (o) => (asked.push(o), refuse),
      judge: (o) => (asked.push(o), Promise.resolve(refuse)),
      learn: (blobs) => Promise.resolve(blobs.map(() => null)),
      outcome: () => undefined,
    });
    installPageGuard(page);
    const frame = page.document.createElement('iframe');
    frame.setAttribute('srcdoc', '<form></form>');
    page.document.body.appendChild(frame);
    // the page's script takes the frame's window first (TRS WCM's frame page, while the frame loads) …
    const child = withChannel(frame.contentWindow!);
    // … and the frame's own document_start guard comes to a window already guarded
    installPageGuard(child);
    await child.fetch('http://cms.test/api/publish', { method: 'POST', body: 'content=x' }).catch(() => undefined);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.relayed).toBeUndefined();
  });
});
