/**
 * A generic sink for the gate's route tests: whatever a page sends to /sink/** is recorded (by the
 * server, before it gets here) and answered in the form the route expects:
 *   /sink/pixel.gif   a 1×1 GIF (image beacons, <img src>)
 *   /sink/events      text/event-stream with one `message` event (EventSource); kept open
 *   /sink/ws          WebSocket: every message is recorded as method 'WS'; each gets `{"ok":true}` back;
 *                     a close frame's reason as method 'WS-CLOSE' (it leaves with the page's text)
 *   /sink/js/**       JavaScript, classic and module alike; with `callback=` a JSONP call of it
 *   /sink/auth/**     401 with a Basic challenge until the request brings an Authorization header
 *   /sink/**          JSON `{ ok: true }` for any method
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import { decodeRequest, type RequestLog } from './recorder.ts';

// GIF89a, 1×1, transparent
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function isSinkPath(pathname: string): boolean {
  return pathname === '/sink' || pathname.startsWith('/sink/');
}

export function answerSink(url: URL, res: ServerResponse, authorized = false): void {
  const pathname = url.pathname;
  if (pathname.startsWith('/sink/auth/') && !authorized) {
    // A page that gave XHR a user name and password sends them in its answer to this challenge.
    res.writeHead(401, { 'www-authenticate': 'Basic realm="sink"', 'content-length': 0, 'cache-control': 'no-store' });
    res.end();
    return;
  }
  if (pathname.startsWith('/sink/js/')) {
    const callback = url.searchParams.get('callback');
    const script = callback && /^[\w$.]+$/.test(callback) ? `${callback}({"ok":true});` : '/* ok */';
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': Buffer.byteLength(script), 'cache-control': 'no-store' });
    res.end(script);
    return;
  }
  if (pathname === '/sink/pixel.gif') {
    res.writeHead(200, { 'content-type': 'image/gif', 'content-length': PIXEL.length, 'cache-control': 'no-store' });
    res.end(PIXEL);
    return;
  }
  if (pathname === '/sink/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // a long retry so that a closed stream is not re-requested (and re-recorded) every 3 s
    res.write('retry: 600000\ndata: {"ok":true}\n\n');
    return; // left open until the client goes or the server closes
  }
  const body = JSON.stringify({ ok: true });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

function text(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** Handles the upgrade for /sink/ws; returns false for any other path (the caller then drops the socket). */
export function wsSink(log: RequestLog): { upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean; close(): void } {
  const wss = new WebSocketServer({ noServer: true });
  return {
    upgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/sink/ws') return false;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const base = { path: url.pathname, url: req.url ?? '/', query: url.searchParams, headers: req.headers };
        log.add(decodeRequest({ ...base, method: 'GET', body: Buffer.alloc(0) }));
        ws.on('message', (data, isBinary) => {
          const headers = { ...req.headers, 'content-type': isBinary ? 'application/octet-stream' : 'text/plain; charset=utf-8' };
          log.add(decodeRequest({ ...base, headers, method: 'WS', body: text(data) }));
          ws.send(JSON.stringify({ ok: true }));
        });
        ws.on('close', (_code, reason) => {
          if (reason.length === 0) return;
          const headers = { ...req.headers, 'content-type': 'text/plain; charset=utf-8' };
          log.add(decodeRequest({ ...base, headers, method: 'WS-CLOSE', body: reason }));
        });
      });
      return true;
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
