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
import { guardSend, refusal } from './sockets';

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

export function hookPeerConnections(win: PageWindow, channel: GuardChannel): void {
  const PC = win.RTCPeerConnection;
  const DC = win.RTCDataChannel;
  if (typeof PC !== 'function' || typeof DC !== 'function') return;
  const label = Object.getOwnPropertyDescriptor(DC.prototype, 'label')?.get;
  guardSend<RTCDataChannel>(win, channel, DC.prototype, (dc) => ({ route: 'webrtc', method: 'SEND', url: `${DATA_CHANNEL}:${encodeURIComponent(String(label?.call(dc) ?? ''))}` }));

  const create = PC.prototype.createDataChannel;
  PC.prototype.createDataChannel = function (this: RTCPeerConnection, name: string, init?: RTCDataChannelInit) {
    judgeText(win, channel, DATA_CHANNEL, `${String(name)}\n${init?.protocol ?? ''}`);
    return init === undefined ? create.call(this, name) : create.call(this, name, init);
  };
  const setConfiguration = PC.prototype.setConfiguration;
  PC.prototype.setConfiguration = function (this: RTCPeerConnection, config?: RTCConfiguration) {
    judgeText(win, channel, ICE_SERVERS, iceText(config));
    return setConfiguration.call(this, config);
  };
  const Guarded = function (this: unknown, config?: RTCConfiguration) {
    if (!new.target) throw new TypeError("Failed to construct 'RTCPeerConnection': Please use the 'new' operator");
    judgeText(win, channel, ICE_SERVERS, iceText(config));
    return config === undefined ? new PC() : new PC(config);
  } as unknown as typeof RTCPeerConnection;
  Guarded.prototype = PC.prototype;
  Object.setPrototypeOf(Guarded, PC);
  win.RTCPeerConnection = Guarded;
}
