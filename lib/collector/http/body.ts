/**
 * Reads a request body up to a limit. Past the limit the rest is read and dropped (so the client
 * gets the 413 answer rather than a reset connection), up to a hard cap where the socket is cut.
 */
import type { IncomingMessage } from 'node:http';

export type Body = { ok: true; text: string } | { ok: false; tooLarge: true };

const HARD_CAP_FACTOR = 8;

export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (size > limit * HARD_CAP_FACTOR) req.destroy();
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) resolve({ ok: false, tooLarge: true });
    });
  });
}
