/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * WebRTC: what a data channel sends goes from this page straight to the other peer, past every request
 * hook, and the channel's label and protocol reach that peer when the channel opens; a TURN server
 * gets the username and credential of the page's ICE servers. Each is judged as a WebSocket message
 * is, and refused with a SecurityError. The offer and answer go through the page's own requests,
 * which are judged already.
 */
import type { Outgoing } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { once } from './once';
import { guardSend, refusal } from './sockets';
import { apply } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

const DATA_CHANNEL = 'webrtc:data-channel';
const ICE_SERVERS = 'webrtc:ice-servers';

function judgeText(win: PageWindow, channel: GuardChannel, url: string, text: string): void {
  if (!/\S/.test(text)) return;
  const a = channel.askSync({ route: 'webrtc', method: 'SEND', url, body: { kind: 'text', text } } satisfies Outgoing);
  if (!a.pass) throw refusal(win, a.message);
}

/** The ICE servers' text as the browser sends it on: each server's URLs, username and credential. */
export function iceText(config: unknown): string {
  const servers = (config as RTCConfiguration | null | undefined)?.iceServers;
  if (!servers || typeof servers !== 'object') return '';
  return Array.from(servers as Iterable<RTCIceServer>, (s) => [s?.urls, s?.username, s?.credential].flat().filter((x) => x !== undefined).map(String).join('\n')).join('\n');
}

/** The ICE servers read once: every string a copy of what the page gave (a getter answers once). */
function configOnce(config: RTCConfiguration | undefined): RTCConfiguration | undefined {
  if (config === null || typeof config !== 'object' || !config.iceServers || typeof config.iceServers !== 'object') return config;
  const iceServers = Array.from(config.iceServers as Iterable<RTCIceServer>, (s) => {
    const urls = Array.isArray(s?.urls) ? s.urls.map((u) => String(once(u))) : s?.urls === undefined ? undefined : String(once(s.urls));
    return { ...s, ...(urls !== undefined && { urls }), ...(s?.username !== undefined && { username: String(once(s.username)) }), ...(s?.credential !== undefined && { credential: String(once(s.credential)) }) };
  });
  return { ...config, iceServers };
}

/**
 * The ICE credentials a session description gives (a=ice-ufrag, a=ice-pwd): they leave in every STUN
 * connectivity check, to any address the page names as the other peer's candidate — a probe's
 * remote answer whose ufrag was the ID sent it out over UDP, no server needed. The rest of the
 * description is not sent on.
 */
export function iceCredentials(sdp: string): string {
  return Array.from(sdp.matchAll(/^a=ice-(?:ufrag|pwd):(.*)$/gim), (m) => m[1]!.trim()).join('\n');
}

/** A description or candidate read once (type, sdp, candidate and ufrag as strings), and its ICE credentials judged. */
function hookDescriptions(win: PageWindow, channel: GuardChannel, proto: RTCPeerConnection): void {
  const guard = (name: 'setLocalDescription' | 'setRemoteDescription' | 'addIceCandidate', read: (given: Record<string, unknown>) => { copy: object; text: string }) => {
    const original = proto[name] as (...args: unknown[]) => Promise<void>;
    (proto as unknown as Record<string, unknown>)[name] = function (this: RTCPeerConnection, ...args: unknown[]) {
      if (args[0] !== null && typeof args[0] === 'object') {
        const { copy, text } = read(args[0] as Record<string, unknown>);
        args[0] = copy;
        try {
          judgeText(win, channel, ICE_SERVERS, text);
        } catch (e) {
          return win.Promise.reject(e instanceof win.Error ? e : new win.Error(String(e)));
        }
      }
      return apply(original, this, args);
    };
  };
  const description = (given: Record<string, unknown>) => {
    const copy = { type: once(given.type), sdp: given.sdp === undefined ? undefined : String(once(given.sdp)) };
    return { copy, text: copy.sdp === undefined ? '' : iceCredentials(copy.sdp) };
  };
  guard('setLocalDescription', description);
  guard('setRemoteDescription', description);
  guard('addIceCandidate', (given) => {
    const copy: Record<string, unknown> = { ...given };
    for (const key of ['candidate', 'sdpMid', 'usernameFragment']) if (given[key] !== undefined && given[key] !== null) copy[key] = String(once(given[key]));
    return { copy, text: typeof copy.usernameFragment === 'string' ? copy.usernameFragment : '' };
  });
}

export function hookPeerConnections(win: PageWindow, channel: GuardChannel): void {
  const PC = win.RTCPeerConnection;
  const DC = win.RTCDataChannel;
  if (typeof PC !== 'function' || typeof DC !== 'function') return;
  const label = Object.getOwnPropertyDescriptor(DC.prototype, 'label')?.get;
  guardSend<RTCDataChannel>(win, channel, DC.prototype, (dc) => ({ route: 'webrtc', method: 'SEND', url: `${DATA_CHANNEL}:${encodeURIComponent(String(label?.call(dc) ?? ''))}` }));

  const create = PC.prototype.createDataChannel;
  PC.prototype.createDataChannel = function (this: RTCPeerConnection, pageName: string, pageInit?: RTCDataChannelInit) {
    const name = String(once(pageName));
    const init = pageInit !== null && typeof pageInit === 'object' ? { ...pageInit, ...(pageInit.protocol !== undefined && { protocol: String(once(pageInit.protocol)) }) } : pageInit;
    judgeText(win, channel, DATA_CHANNEL, `${name}\n${init?.protocol ?? ''}`);
    return init === undefined ? apply(create, this, [name]) : apply(create, this, [name, init]);
  };
  hookDescriptions(win, channel, PC.prototype);
  const setConfiguration = PC.prototype.setConfiguration;
  PC.prototype.setConfiguration = function (this: RTCPeerConnection, pageConfig?: RTCConfiguration) {
    const config = configOnce(pageConfig);
    judgeText(win, channel, ICE_SERVERS, iceText(config));
    return apply(setConfiguration, this, [config]);
  };
  const Guarded = function (this: unknown, pageConfig?: RTCConfiguration) {
    if (!new.target) throw new TypeError("Failed to construct 'RTCPeerConnection': Please use the 'new' operator");
    const config = configOnce(pageConfig);
    judgeText(win, channel, ICE_SERVERS, iceText(config));
    return config === undefined ? new PC() : new PC(config);
  } as unknown as typeof RTCPeerConnection;
  Guarded.prototype = PC.prototype;
  Object.setPrototypeOf(Guarded, PC);
  win.RTCPeerConnection = Guarded;
}
