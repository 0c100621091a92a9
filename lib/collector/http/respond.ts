/** Writing answers: JSON with the headers every answer carries, refusals in the one shape. */
import type { ServerResponse } from 'node:http';
import { refusalBody, type Refusal, type RefusalBody } from '../messages';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function refuse(res: ServerResponse, refusal: Refusal, problems?: RefusalBody['problems'], headers: Record<string, string> = {}): void {
  sendJson(res, refusal.status, refusalBody(refusal, problems), headers);
}
