/** The dashboard's calls to the collector (same origin, session cookie). */
import type { StoredRecord } from '../../lib/collector/queries/records';
import type { UnitStats } from '../../lib/collector/queries/stats';
import type { BrowserChain, FlaggedRecord } from '../../lib/collector/queries/chains';
import { pageLang } from './locale-browser';

export type { StoredRecord, UnitStats, BrowserChain, FlaggedRecord };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  const body = (await res.json().catch(() => ({}))) as { error?: { zh: string; en: string } };
  if (!res.ok) throw new ApiError(res.status, body.error ? body.error[pageLang] : `HTTP ${res.status}`);
  return body as T;
}

const post = <T>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  session: () => call<{ setUp: boolean; admin: string | null }>('/api/dashboard/session'),
  setup: (code: string, username: string, password: string) => post('/api/dashboard/setup', { code, username, password }),
  login: (username: string, password: string) => post('/api/dashboard/login', { username, password }),
  logout: () => post('/api/dashboard/logout', {}),
  facets: () => call<{ units: { id: number; name: string }[]; categories: string[] }>('/api/dashboard/facets'),
  records: (query: string) => call<{ records: StoredRecord[]; total: number }>(`/api/dashboard/records?${query}`),
  record: (rid: number) => call<StoredRecord>(`/api/dashboard/records/${rid}`),
  stats: (query: string) => call<{ units: UnitStats[] }>(`/api/dashboard/stats?${query}`),
  chains: () => call<{ browsers: BrowserChain[] }>('/api/dashboard/chains'),
  flagged: (installation: string) => call<{ records: FlaggedRecord[] }>(`/api/dashboard/chains?installation=${encodeURIComponent(installation)}`),
};
