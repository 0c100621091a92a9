/**
 * The ingest endpoint answers browsers only from the extension's own origins (the extension's
 * background fetches with its chrome-extension:// or moz-extension:// origin when it has no host
 * permission for the collector). A request without Origin is not from a web page (the extension with
 * host permission, a script, the bench) and needs no CORS; a web page's origin is refused.
 */
import type { IncomingMessage } from 'node:http';

export type OriginCheck = { allowed: true; headers: Record<string, string> } | { allowed: false };

export function checkOrigin(req: IncomingMessage, allowed: readonly string[]): OriginCheck {
  const origin = req.headers.origin;
  if (origin === undefined) return { allowed: true, headers: {} };
  if (!allowed.includes(origin)) return { allowed: false };
  return { allowed: true, headers: { 'access-control-allow-origin': origin, vary: 'Origin' } };
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'authorization, content-type, idempotency-key',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
