/**
 * Every refusal the collector answers with: an HTTP status, a code for programs, and a sentence in
 * Chinese and English for the IT admin reading the extension's console or the collector's log.
 */
export interface Refusal {
  status: number;
  code: string;
  zh: string;
  en: string;
}

const refusal = (status: number, code: string, zh: string, en: string): Refusal => ({ status, code, zh, en });

export const REFUSALS = {
  noToken: refusal(401, 'no-token', '缺少单位令牌（Authorization: Bearer …）：请在策略 audit.collectorToken 中设置本单位的令牌。', 'No unit token (Authorization: Bearer …): set the unit’s token in policy audit.collectorToken.'),
  badToken: refusal(401, 'bad-token', '单位令牌无效、已吊销或已过期：请向信息中心索取新的令牌。', 'The unit token is unknown, revoked or expired: ask IT for a new one.'),
  rateLimited: refusal(429, 'rate-limited', '本单位令牌的请求过于频繁，请稍后再试（扩展会自动重试）。', 'Too many requests with this unit token; try again later (the extension retries by itself).'),
  origin: refusal(403, 'origin', '只接受预检扩展发来的记录（来源不被允许）。', 'Only the Precheck extension may send records (origin not allowed).'),
  contentType: refusal(415, 'content-type', '请求正文必须是 JSON（Content-Type: application/json）。', 'The request body must be JSON (Content-Type: application/json).'),
  noKey: refusal(400, 'no-idempotency-key', '缺少 Idempotency-Key 请求头。', 'The Idempotency-Key header is missing.'),
  badKey: refusal(400, 'bad-idempotency-key', 'Idempotency-Key 请求头应为 8 至 200 个可见字符。', 'The Idempotency-Key header must be 8 to 200 visible characters.'),
  tooLarge: refusal(413, 'too-large', '请求过大，整批未保存。', 'The request is too large; nothing in it was stored.'),
  tooMany: refusal(413, 'too-many-records', '一批记录过多，整批未保存。', 'Too many records in one batch; nothing in it was stored.'),
  recordTooLarge: refusal(413, 'record-too-large', '有记录过大，整批未保存。', 'A record is too large; nothing in the batch was stored.'),
  badJson: refusal(400, 'bad-json', '请求正文不是有效的 JSON，整批未保存。', 'The request body is not valid JSON; nothing was stored.'),
  badBatch: refusal(422, 'bad-batch', '这批记录的格式不对，整批未保存。', 'The batch is not in the expected form; nothing in it was stored.'),
  duplicateInBatch: refusal(422, 'duplicate-in-batch', '同一批中有重复的记录编号，整批未保存。', 'A record id appears twice in the batch; nothing in it was stored.'),
  keyReused: refusal(422, 'idempotency-key-reused', '此 Idempotency-Key 已用于另一批内容不同的记录，整批未保存。', 'This Idempotency-Key was used for a different batch; nothing was stored.'),
  otherUnitInstallation: refusal(403, 'installation-of-another-unit', '这台浏览器的记录属于另一个单位，不能用本单位的令牌写入，整批未保存。', 'This browser’s records belong to another unit and cannot be written with this unit’s token; nothing was stored.'),
  otherUnitRecord: refusal(403, 'record-of-another-unit', '批中有记录已属于另一个单位，不能用本单位的令牌写入，整批未保存。', 'A record in the batch already belongs to another unit; nothing was stored.'),
  otherBrowserRecord: refusal(409, 'record-of-another-browser', '批中有记录已由另一台浏览器送达，同一记录不能属于两台浏览器，整批未保存。', 'A record in the batch was already delivered by another browser; nothing was stored.'),
  notFound: refusal(404, 'not-found', '没有这个地址。', 'Not found.'),
  method: refusal(405, 'method', '不支持此请求方法。', 'Method not allowed.'),
  unavailable: refusal(503, 'unavailable', '采集服务暂时无法写入数据库，请稍后重试（扩展会自动重试）。', 'The collector cannot write to its database right now; try again later (the extension retries by itself).'),
  loginRequired: refusal(401, 'login-required', '请先登录。', 'Please sign in.'),
  badLogin: refusal(401, 'bad-login', '用户名或密码不正确。', 'Wrong user name or password.'),
  loginLimited: refusal(429, 'login-limited', '登录尝试过多，请 15 分钟后再试。', 'Too many sign-in attempts; try again in 15 minutes.'),
  setupDone: refusal(409, 'setup-done', '管理员已设置，请直接登录。', 'The administrator is already set up; sign in.'),
  badSetupCode: refusal(403, 'bad-setup-code', '设置码不正确：请使用采集服务启动时在控制台打印的设置码。', 'Wrong setup code: use the code the collector printed on its console at start.'),
  weakPassword: refusal(422, 'weak-password', '密码至少 10 个字符，用户名 1 至 50 个字符。', 'The password needs at least 10 characters, the user name 1 to 50.'),
  crossSite: refusal(403, 'cross-site', '拒绝跨站请求。', 'Cross-site request refused.'),
  badQuery: refusal(400, 'bad-query', '查询条件无效。', 'Invalid query.'),
} as const;

export interface RefusalBody {
  ok: false;
  error: { code: string; zh: string; en: string };
  /** Which records and fields were wrong, when the batch failed validation. */
  problems?: { path: string; zh: string; en: string }[];
}

export function refusalBody(r: Refusal, problems?: RefusalBody['problems']): RefusalBody {
  return { ok: false, error: { code: r.code, zh: r.zh, en: r.en }, ...(problems && { problems }) };
}
