/**
 * The dashboard's API (/api/dashboard/…): JSON for the page, behind the admin session. Requests
 * that change something must be same-origin JSON (the cookie is SameSite=Strict as well).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptablePassword, adminExists, login, logout, SESSION_HOURS, sessionAdmin, setupAdmin, type Admin } from '../auth/admin';
import type { CollectorConfig } from '../config';
import type { Database } from '../db/database';
import { readBody } from '../http/body';
import { readCookie, SESSION_COOKIE, sessionCookie } from '../http/cookies';
import { hit } from '../http/rate-limit';
import { refuse, sendJson } from '../http/respond';
import { REFUSALS } from '../messages';
import { browserChains, flaggedRecords } from '../queries/chains';
import { parseFilter } from '../queries/filter';
import { facets, oneRecord, pageOfRecords } from '../queries/records';
import { unitStats } from '../queries/stats';
import { sendExport } from './export';

export interface DashboardContext {
  db: Database;
  config: CollectorConfig;
  /** The county's UTC offset for calendar days. */
  utcOffset: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, ctx: DashboardContext, admin: Admin) => Promise<void>;

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const body = await readBody(req, 16 * 1024);
  if (!body.ok) return undefined;
  try {
    const v: unknown = JSON.parse(body.text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** POSTs come from the dashboard itself: JSON, and no foreign Origin. */
function sameOrigin(req: IncomingMessage): boolean {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

async function session(req: IncomingMessage, res: ServerResponse, ctx: DashboardContext): Promise<void> {
  const admin = await sessionAdmin(ctx.db, readCookie(req, SESSION_COOKIE));
  sendJson(res, 200, { setUp: await adminExists(ctx.db), admin: admin?.username ?? null, utcOffset: ctx.utcOffset });
}

async function setup(req: IncomingMessage, res: ServerResponse, ctx: DashboardContext): Promise<void> {
  const rate = await hit(ctx.db, `setup:${clientAddress(req)}`, ctx.config.loginLimit);
  if (!rate.allowed) return refuse(res, REFUSALS.loginLimited, undefined, { 'retry-after': String(rate.retryAfter) });
  const body = await jsonBody(req);
  const [code, username, password] = [str(body?.code), str(body?.username), str(body?.password)];
  if (!acceptablePassword(username, password)) return refuse(res, REFUSALS.weakPassword);
  const result = await setupAdmin(ctx.db, code, username, password);
  if (result === 'done') return refuse(res, REFUSALS.setupDone);
  if (result === 'bad-code') return refuse(res, REFUSALS.badSetupCode);
  await startSession(res, ctx, username, password);
}

async function startSession(res: ServerResponse, ctx: DashboardContext, username: string, password: string): Promise<void> {
  const token = await login(ctx.db, username, password);
  if (!token) return refuse(res, REFUSALS.badLogin);
  sendJson(res, 200, { ok: true, admin: username.trim() }, { 'set-cookie': sessionCookie(token, ctx.config.secureCookies, SESSION_HOURS * 3600) });
}

async function signIn(req: IncomingMessage, res: ServerResponse, ctx: DashboardContext): Promise<void> {
  const body = await jsonBody(req);
  const username = str(body?.username);
  const rate = await hit(ctx.db, `login:${clientAddress(req)}:${username}`, ctx.config.loginLimit);
  if (!rate.allowed) return refuse(res, REFUSALS.loginLimited, undefined, { 'retry-after': String(rate.retryAfter) });
  await startSession(res, ctx, username, str(body?.password));
}

async function signOut(req: IncomingMessage, res: ServerResponse, ctx: DashboardContext): Promise<void> {
  await logout(ctx.db, readCookie(req, SESSION_COOKIE));
  sendJson(res, 200, { ok: true }, { 'set-cookie': sessionCookie('', ctx.config.secureCookies, 0) });
}

function pageNumber(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

const records: Handler = async (_req, res, url, ctx) => {
  const parsed = parseFilter(url.searchParams);
  if (!parsed.ok) return refuse(res, { ...REFUSALS.badQuery, zh: `查询条件 ${parsed.param} 无效。`, en: `Invalid query parameter ${parsed.param}.` });
  const skip = pageNumber(url.searchParams.get('offset'), 0, 10_000_000);
  const limit = pageNumber(url.searchParams.get('limit'), 50, 200);
  sendJson(res, 200, await pageOfRecords(ctx.db, parsed.filter, ctx.utcOffset, skip, limit));
};

const record: Handler = async (_req, res, url, ctx) => {
  const rid = Number(url.pathname.split('/').pop());
  const found = Number.isSafeInteger(rid) && rid > 0 ? await oneRecord(ctx.db, rid) : undefined;
  if (!found) return refuse(res, REFUSALS.notFound);
  sendJson(res, 200, found);
};

const stats: Handler = async (_req, res, url, ctx) => {
  const parsed = parseFilter(url.searchParams);
  if (!parsed.ok) return refuse(res, REFUSALS.badQuery);
  const { from, to, unit } = parsed.filter;
  sendJson(res, 200, { units: await unitStats(ctx.db, { from, to, unit }, ctx.utcOffset) });
};

const chains: Handler = async (_req, res, url, ctx) => {
  const installation = url.searchParams.get('installation');
  if (installation) return sendJson(res, 200, { records: await flaggedRecords(ctx.db, installation) });
  const unit = url.searchParams.get('unit');
  sendJson(res, 200, { browsers: await browserChains(ctx.db, unit && /^\d+$/.test(unit) ? Number(unit) : undefined) });
};

const facetList: Handler = async (_req, res, _url, ctx) => sendJson(res, 200, await facets(ctx.db));

const GETS: [RegExp, Handler][] = [
  [/^\/api\/dashboard\/records$/, records],
  [/^\/api\/dashboard\/records\/\d+$/, record],
  [/^\/api\/dashboard\/stats$/, stats],
  [/^\/api\/dashboard\/chains$/, chains],
  [/^\/api\/dashboard\/facets$/, facetList],
  [/^\/api\/dashboard\/export\.(csv|jsonl)$/, (req, res, url, ctx) => sendExport(res, url, ctx)],
];

export async function dashboardApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: DashboardContext): Promise<void> {
  const p = url.pathname;
  if (req.method === 'POST') {
    if (!sameOrigin(req)) return refuse(res, REFUSALS.crossSite);
    if (p === '/api/dashboard/setup') return setup(req, res, ctx);
    if (p === '/api/dashboard/login') return signIn(req, res, ctx);
    if (p === '/api/dashboard/logout') return signOut(req, res, ctx);
    return refuse(res, REFUSALS.notFound);
  }
  if (req.method !== 'GET') return refuse(res, REFUSALS.method);
  if (p === '/api/dashboard/session') return session(req, res, ctx);
  const route = GETS.find(([re]) => re.test(p));
  if (!route) return refuse(res, REFUSALS.notFound);
  const admin = await sessionAdmin(ctx.db, readCookie(req, SESSION_COOKIE));
  if (!admin) return refuse(res, REFUSALS.loginRequired);
  await route[1](req, res, url, ctx, admin);
}
