/**
 * Rows for the tenth probe's suite (../gate-built-ins.e2e.test.ts: `test.each(HOOKS_REPLACED)` with
 * expectDeliveredOnlyWithout(code, 84)), aimed at the hooks that still asked the page's built-ins at
 * call time: the WebSocket and WebSocketStream hooks, the <style> text hook and the WebRTC hook. Each
 * page script (names: ../probe-page.ts) replaces one built-in the hook used, sends the ID through that
 * hook and restores what it replaced. Without Precheck each delivers the ID; with the build of b177628
 * each got past the guard in Chromium too; now none does. (A blank frame's meta refresh with a
 * replaced `isConnected` was tried and did not leak with that build: left out.)
 */

/** A wait inside the page script (the harness settles after it anyway): for a batch of DOM changes to be seen, a message to leave. */
const PAUSE = 'await new Promise((r) => setTimeout(r, 500));';

export const HOOKS_REPLACED: [label: string, code: string][] = [
  [
    "Array.prototype.join replaced: a WebSocket's subprotocol judged as none (raw: Sec-WebSocket-Protocol)",
    `const j0 = Array.prototype.join; Array.prototype.join = function () { return ''; };
     try { new WebSocket(RAW.replace('http', 'ws') + '/ws', ['p-' + ID]); } finally { Array.prototype.join = j0; }`,
  ],
  [
    "WritableStreamDefaultWriter.prototype.write replaced: a WebSocketStream's own writer handed to the page",
    `const wss = new WebSocketStream(location.origin.replace('http', 'ws') + '/sink/ws'); const { writable } = await wss.opened;
     const W = WritableStreamDefaultWriter.prototype; const w0 = W.write; const w = writable.getWriter(); let raw;
     W.write = function (c) { if (this !== w) raw = this; return w0.call(this, c); };
     try { await w.write('hello'); } finally { W.write = w0; }
     await (raw || w).write(draft); ${PAUSE} wss.close();`,
  ],
  [
    "Array.prototype.map and join replaced: a <style>'s text judged as ''",
    `const s = document.createElement('style'); document.head.append(s); const t = document.createTextNode('@import url(' + sink('style-text') + '?c=' + ID + ');');
     const m0 = Array.prototype.map; const j0 = Array.prototype.join; Array.prototype.map = function () { return []; }; Array.prototype.join = function () { return ''; };
     try { s.appendChild(t); } finally { Array.prototype.map = m0; Array.prototype.join = j0; }`,
  ],
  [
    "String.prototype.matchAll replaced: a remote description's ICE ufrag not judged (raw: STUN checks)",
    `const pc = new RTCPeerConnection(); pc.createDataChannel('chat'); await pc.setLocalDescription(await pc.createOffer());
     const fp = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
     const sdp = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel', 'c=IN IP4 0.0.0.0',
       'a=ice-ufrag:' + ID, 'a=ice-pwd:abcdefghijklmnopqrstuvwx', 'a=fingerprint:sha-256 ' + fp, 'a=setup:active', 'a=mid:0', 'a=sctp-port:5000', ''].join('\\r\\n');
     const ma = String.prototype.matchAll; String.prototype.matchAll = function () { return [][Symbol.iterator](); };
     let p; try { p = pc.setRemoteDescription({ type: 'answer', sdp }); } finally { String.prototype.matchAll = ma; } await p;
     await pc.addIceCandidate({ candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 ' + UDP_PORT + ' typ host', sdpMid: '0', sdpMLineIndex: 0 });
     await new Promise((r) => setTimeout(r, 1500)); pc.close();`,
  ],
];
