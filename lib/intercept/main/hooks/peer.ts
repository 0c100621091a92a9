/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * WebRTC: what a data channel sends goes from this page straight to the other peer, past every request
 * hook, and the channel's label and protocol reach that peer when the channel opens; a TURN server
 * gets the username and credential of the page's ICE servers. Each is judged as a WebSocket message
 * is, and refused with a SecurityError. The offer and answer go through the page's own requests,
 * which are judged already. Every dictionary the page hands in is read once into a copy the browser
 * gets instead (./copies.ts): what the TURN server and the other peer are told is what was judged.
 */
import type { Outgoing } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { once } from './once';
import { guardSend, refusal } from './sockets';
import { dictionaryOnce, isObject, listOnce } from './copies';
import { add, addAll, allMatches, apply, encodeUri, isArray, joinText, matches, own, toText, trim, ownIterator } from '../../../realm/intrinsics';
import { getter } from '../natives';
import { standIn } from './wrap';

type PageWindow = Window & typeof globalThis;
type Dictionary = Record<string, unknown>;

const DATA_CHANNEL = 'webrtc:data-channel';
const ICE_SERVERS = 'webrtc:ice-servers';
const NON_SPACE = /\S/;
const ICE_CREDENTIAL = /^a=ice-(?:ufrag|pwd):(.*)$/gim;

// The members the browser reads of each dictionary the page hands it, by name (Chromium's own too: an
// ICE server's deprecated `url`). The copies hold each one read once; the browser finds no other.
const CONFIGURATION = ['iceServers', 'iceTransportPolicy', 'bundlePolicy', 'rtcpMuxPolicy', 'certificates', 'iceCandidatePoolSize', 'peerIdentity', 'sdpSemantics', 'encodedInsertableStreams'];
const ICE_SERVER = ['urls', 'url', 'username', 'credential'];
const ICE_SERVER_STRINGS = ['url', 'username', 'credential'];
const DESCRIPTION = ['type', 'sdp'];
const CANDIDATE = ['candidate', 'sdpMid', 'sdpMLineIndex', 'usernameFragment'];
const CANDIDATE_STRINGS = ['candidate', 'sdpMid', 'usernameFragment'];
const DATA_CHANNEL_INIT = ['ordered', 'maxPacketLifeTime', 'maxRetransmits', 'protocol', 'negotiated', 'id', 'priority'];

function judgeText(win: PageWindow, channel: GuardChannel, url: string, text: string): void {
  if (!matches(NON_SPACE, text)) return;
  const a = channel.askSync({ route: 'webrtc', method: 'SEND', url, body: { kind: 'text', text } } satisfies Outgoing);
  if (!a.pass) throw refusal(win, a.message);
}

/** The members `keys` of a copy made strings, each read once (null stays: the browser's null). */
function stringsAt(copy: Dictionary, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) if (copy[keys[i]!] !== undefined && copy[keys[i]!] !== null) copy[keys[i]!] = toText(once(copy[keys[i]!]));
}

/** The ICE servers' text as the browser sends it on: each server's URLs, username and credential (read from configOnce()'s copy). */
export function iceText(config: unknown): string {
  const servers = own(config, 'iceServers');
  if (!isArray(servers)) return '';
  const out: unknown[] = [];
  for (let i = 0; i < servers.length; i++) {
    const s = servers[i];
    const urls = own(s, 'urls');
    if (isArray(urls)) addAll(out, urls);
    else if (urls !== undefined) add(out, urls);
    for (let k = 0; k < ICE_SERVER_STRINGS.length; k++) if (own(s, ICE_SERVER_STRINGS[k]!) !== undefined) add(out, own(s, ICE_SERVER_STRINGS[k]!));
  }
  return joinText(out, '\n');
}

/** An ICE server read once: its URLs (one or a list), username and credential as strings. */
function serverOnce(given: unknown): unknown {
  if (!isObject(given)) return given;
  const copy = dictionaryOnce(given, ICE_SERVER);
  const urls = listOnce(copy.urls);
  if (urls) {
    for (let i = 0; i < urls.length; i++) urls[i] = toText(once(urls[i]));
    copy.urls = ownIterator(urls);
  } else stringsAt(copy, ['urls']);
  stringsAt(copy, ICE_SERVER_STRINGS);
  return copy;
}

/** A configuration read once, its ICE servers in a sequence the browser walks itself (./copies.ts). */
function configOnce(config: unknown): unknown {
  if (!isObject(config)) return config;
  const copy = dictionaryOnce(config, CONFIGURATION);
  const servers = listOnce(copy.iceServers);
  if (servers) {
    for (let i = 0; i < servers.length; i++) servers[i] = serverOnce(servers[i]);
    copy.iceServers = ownIterator(servers);
  }
  return copy;
}

/**
 * The ICE credentials a session description gives (a=ice-ufrag, a=ice-pwd): they leave in every STUN
 * connectivity check, to any address the page names as the other peer's candidate — a probe's
 * remote answer whose ufrag was the ID sent it out over UDP, no server needed. The rest of the
 * description is not sent on.
 */
export function iceCredentials(sdp: string): string {
  const found = allMatches(ICE_CREDENTIAL, sdp);
  const out: string[] = [];
  for (let i = 0; i < found.length; i++) add(out, trim(found[i]![1]!));
  return joinText(out, '\n');
}

/** A description or candidate read once (type, sdp, candidate and ufrag as strings), and its ICE credentials judged. */
function hookDescriptions(win: PageWindow, channel: GuardChannel, proto: RTCPeerConnection): void {
  // kept now: a refusal is a rejected promise of the browser's, whatever the page made of Promise and Error since
  const NativePromise = win.Promise;
  const reject = NativePromise.reject;
  const NativeError = win.Error;
  // eslint-disable-next-line no-restricted-syntax -- the refusal's message, after the verdict (NativeError kept)
  const rejected = (e: unknown) => apply(reject, NativePromise, [e instanceof NativeError ? e : new NativeError(toText(e))]);
  const guard = (name: 'setLocalDescription' | 'setRemoteDescription' | 'addIceCandidate', read: (given: object) => { copy: Dictionary; text: string }) => {
    const original = proto[name] as (...args: unknown[]) => Promise<void>;
    (proto as unknown as Dictionary)[name] = function (this: RTCPeerConnection, ...args: unknown[]) {
      if (isObject(args[0])) {
        const r = read(args[0]);
        args[0] = r.copy;
        try {
          judgeText(win, channel, ICE_SERVERS, r.text);
        } catch (e) {
          return rejected(e);
        }
      }
      return apply(original, this, args);
    };
  };
  const description = (given: object) => {
    const copy = dictionaryOnce(given, DESCRIPTION);
    if (copy.type !== undefined) copy.type = once(copy.type);
    stringsAt(copy, ['sdp']);
    return { copy, text: typeof copy.sdp === 'string' ? iceCredentials(copy.sdp) : '' };
  };
  guard('setLocalDescription', description);
  guard('setRemoteDescription', description);
  guard('addIceCandidate', (given) => {
    const copy = dictionaryOnce(given, CANDIDATE);
    stringsAt(copy, CANDIDATE_STRINGS);
    return { copy, text: typeof copy.usernameFragment === 'string' ? copy.usernameFragment : '' };
  });
}

export function hookPeerConnections(win: PageWindow, channel: GuardChannel): void {
  const PC = win.RTCPeerConnection;
  const DC = win.RTCDataChannel;
  if (typeof PC !== 'function' || typeof DC !== 'function') return;
  const label = getter(DC.prototype, 'label');
  guardSend<RTCDataChannel>(win, channel, DC.prototype, (dc) => ({ route: 'webrtc', method: 'SEND', url: `${DATA_CHANNEL}:${encodeUri(toText(label(dc) ?? ''))}` }));

  const create = PC.prototype.createDataChannel;
  PC.prototype.createDataChannel = function (this: RTCPeerConnection, pageName: string, pageInit?: RTCDataChannelInit) {
    const name = toText(once(pageName));
    const copy = isObject(pageInit) ? dictionaryOnce(pageInit, DATA_CHANNEL_INIT) : undefined;
    if (copy) stringsAt(copy, ['protocol']);
    judgeText(win, channel, DATA_CHANNEL, `${name}\n${typeof copy?.protocol === 'string' ? copy.protocol : ''}`);
    const init = copy ?? pageInit;
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
    return config === undefined ? new PC() : new PC(config as RTCConfiguration);
  } as unknown as typeof RTCPeerConnection;
  standIn(win, 'RTCPeerConnection', PC, Guarded);
}
