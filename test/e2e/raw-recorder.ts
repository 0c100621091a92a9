/**
 * What arrives, byte for byte, where the recording server looks no further: request lines, every
 * header (the handshake's Sec-WebSocket-Protocol, Sec-Required-CSP, Content-Type), bodies as sent
 * (multipart filenames), WebSocket upgrades and UDP datagrams (a STUN check's username).
 */
import dgram from 'node:dgram';
import http from 'node:http';

export interface RawRecorder {
  /** http://127.0.0.1:PORT */
  url: string;
  udpPort: number;
  /** Everything received since `since` (Date.now()) that holds `needle`, case-insensitively. */
  carrying(needle: string, since: number): string[];
  /** How many arrivals since `since`. */
  count(since: number): number;
  close(): Promise<void>;
}

export async function startRawRecorder(): Promise<RawRecorder> {
  const hits: { at: number; text: string }[] = [];
  const record = (text: string) => hits.push({ at: Date.now(), text });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      record(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('latin1')}`);
      // any page may send anything here: a preflight is answered yes, so the request itself follows
      res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' });
      res.end('ok');
    });
  });
  server.on('upgrade', (req, socket) => {
    record(`UPGRADE ${req.url}\n${JSON.stringify(req.headers)}`);
    socket.destroy();
  });
  const udp = dgram.createSocket('udp4');
  udp.on('message', (m) => record(`UDP ${m.toString('latin1')}`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
  const since = (t: number) => hits.filter((h) => h.at >= t);
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    udpPort: udp.address().port,
    carrying: (needle, t) => since(t).filter((h) => h.text.toUpperCase().includes(needle.toUpperCase())).map((h) => h.text.split('\n')[0]!),
    count: (t) => since(t).length,
    close: async () => {
      udp.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
