import { describe, expect, test } from 'vitest';
import { hookPeerConnections, iceCredentials, iceText } from '../../lib/intercept/main/hooks/peer';
import { ID, judgingChannel, walked } from './page-fakes';
import { ARRAY_ITERATOR, inheritedFlip, outcomeOf, poison, whilePoisoned } from '../realm/poison';

// What a TURN server is told (its URLs, the username, the credential) is what the gate reads.
describe('iceText', () => {
  test.each([
    ['no configuration', undefined, ''],
    ['no servers', {}, ''],
    ['a STUN URL', { iceServers: [{ urls: 'stun:stun.example.org' }] }, 'stun:stun.example.org'],
    [
      'TURN with a username and credential',
      { iceServers: [{ urls: ['turn:t.example.org'], username: '11010519491231002X', credential: 'pw' }] },
      'turn:t.example.org\n11010519491231002X\npw',
    ],
    ['two servers', { iceServers: [{ urls: 'stun:a' }, { urls: 'turn:b', username: 'u' }] }, 'stun:a\nturn:b\nu'],
    ['iceServers that is not a list', { iceServers: 5 }, ''],
  ])('%s', (_name, config, text) => {
    expect(iceText(config)).toBe(text);
  });

  test('the text and the ICE credentials are read when the page replaced map, join, flat, filter, Array.from, matchAll and trim', () => {
    const got = whilePoisoned(
      () => {
        for (const name of ['map', 'join', 'flat', 'filter']) poison(Array.prototype, name, () => []);
        poison(Array, 'from', () => []);
        poison(String.prototype, 'matchAll', () => [][Symbol.iterator]());
        poison(String.prototype, 'trim', () => '');
      },
      () => [iceText({ iceServers: [{ urls: ['turn:t'], username: ID }] }), iceCredentials(`v=0\r\na=ice-ufrag:${ID}\r\na=ice-pwd:pw\r\n`)],
    );
    expect(got).toEqual([`turn:t\n${ID}`, `${ID}\npw`]);
  });
});

type PageWindow = Window & typeof globalThis;

/** A window whose RTCPeerConnection keeps what a browser would read of each dictionary it is handed. */
function peerWindow() {
  // without a prototype: a setter the case put on Object.prototype must not swallow what is recorded
  const browser: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  /** RTCConfiguration as WebIDL reads it: the servers and their URLs walked, each member read by name. */
  const servers = (config: RTCConfiguration | undefined) => {
    const list = walked(config?.iceServers ?? []) as RTCIceServer[];
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) out[i] = { urls: typeof list[i]!.urls === 'string' ? list[i]!.urls : walked(list[i]!.urls), username: list[i]!.username, credential: list[i]!.credential };
    return out;
  };
  class DataChannel {
    get label() {
      return 'chat';
    }
    send() {}
  }
  class PeerConnection {
    constructor(config?: RTCConfiguration) {
      browser.servers = servers(config);
    }
    createDataChannel(name: string, init?: RTCDataChannelInit) {
      browser.channel = [name, init?.protocol];
    }
    setRemoteDescription(d: RTCSessionDescriptionInit) {
      browser.sdp = d.sdp;
      return Promise.resolve();
    }
    setLocalDescription() {
      return Promise.resolve();
    }
    addIceCandidate(c: RTCIceCandidateInit) {
      browser.ufrag = c.usernameFragment;
      return Promise.resolve();
    }
    setConfiguration(config: RTCConfiguration) {
      browser.servers = servers(config);
    }
  }
  const win = { RTCPeerConnection: PeerConnection, RTCDataChannel: DataChannel, DOMException, Promise, Error } as unknown as PageWindow;
  hookPeerConnections(win, judgingChannel());
  return { win, browser };
}

const SERVER = { urls: ['turn:t.example'], username: 'u', credential: 'pw' };

const CASES: [label: string, poisoned: () => void, call: (win: PageWindow) => unknown, saw: Record<string, unknown>, result: string][] = [
  [
    "Object.prototype.username answers undefined to the judge and the ID to the browser",
    () => inheritedFlip('username', undefined, ID),
    (win) => new win.RTCPeerConnection({ iceServers: [{ urls: 'turn:t.example', credential: 'pw' }] }),
    { servers: [{ urls: 'turn:t.example', username: undefined, credential: 'pw' }] },
    'ok',
  ],
  [
    "the array iterator hands the browser a server of the page's",
    () => {
      let n = 0;
      poison(ARRAY_ITERATOR, 'next', () => (n++ % 2 === 0 ? { done: false, value: { urls: 'turn:t.example', username: ID } } : { done: true, value: undefined }));
    },
    (win) => new win.RTCPeerConnection({ iceServers: [SERVER] }),
    { servers: [SERVER] },
    'ok',
  ],
  [
    'setConfiguration with map, join, flat and filter replaced: the TURN username is judged',
    () => {
      for (const name of ['map', 'join', 'flat', 'filter']) poison(Array.prototype, name, () => []);
    },
    (win) => new win.RTCPeerConnection().setConfiguration({ iceServers: [{ ...SERVER, username: ID }] }),
    { servers: [] },
    'refused: SecurityError',
  ],
  [
    "matchAll replaced: a remote description's ufrag is judged",
    () => poison(String.prototype, 'matchAll', () => [][Symbol.iterator]()),
    (win) => new win.RTCPeerConnection().setRemoteDescription({ type: 'answer', sdp: `v=0\r\na=ice-ufrag:${ID}\r\n` }),
    { servers: [] },
    'refused: SecurityError',
  ],
  [
    'Object.prototype.sdp answers undefined to the judge',
    () => inheritedFlip('sdp', undefined, `v=0\r\na=ice-ufrag:${ID}\r\n`),
    (win) => new win.RTCPeerConnection().setRemoteDescription({ type: 'answer' }),
    { servers: [], sdp: undefined },
    'ok',
  ],
  [
    "Object.prototype.protocol answers undefined to the judge (a data channel's options)",
    () => inheritedFlip('protocol', undefined, ID),
    (win) => new win.RTCPeerConnection().createDataChannel('chat', {}),
    { servers: [], channel: ['chat', undefined] },
    'ok',
  ],
  [
    "Object.prototype.usernameFragment answers undefined to the judge (a candidate)",
    () => inheritedFlip('usernameFragment', undefined, ID),
    (win) => new win.RTCPeerConnection().addIceCandidate({ candidate: '' }),
    { servers: [], ufrag: undefined },
    'ok',
  ],
];

describe('hookPeerConnections with the page’s built-ins replaced: the browser reads what was judged', () => {
  test.each(CASES)('%s', async (_label, poisoned, call, saw, result) => {
    const { win, browser } = peerWindow();
    expect(await outcomeOf(poisoned, () => call(win))).toBe(result);
    expect(browser).toEqual(saw);
  });
});
