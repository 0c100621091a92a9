/**
 * Match patterns (the manifest's `matches` syntax) for the CMS origins Precheck runs on and for the
 * pages a site adapter applies to. Only http(s) is allowed: a CMS is a web site, and `<all_urls>` or
 * a bare `*` host would make Precheck guard (and slow down) every page the editor visits.
 */
import type { Localized } from '../scan/types';

export interface MatchPattern {
  scheme: '*' | 'http' | 'https';
  /** Lower-cased; `*.example.gov.cn` for a subdomain wildcard. */
  host: string;
  /** Undefined: any port (Chrome matches every port when the pattern names none). */
  port?: number;
  path: string;
}

export type PatternResult = { ok: true; pattern: MatchPattern } | { ok: false; problem: Localized };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

function fail(zh: string, en: string): PatternResult {
  return { ok: false, problem: { zh, en } };
}

function hostProblem(host: string): Localized | null {
  if (host === '*') return { zh: '主机不能只写 *（那会覆盖所有网站）', en: 'the host must not be a bare * (that would cover every site)' };
  const name = host.startsWith('*.') ? host.slice(2) : host;
  if (IPV4.test(name) || IPV6.test(name)) return host === name ? null : { zh: 'IP 地址不能带通配符', en: 'an IP address cannot have a wildcard' };
  const labels = name.split('.');
  if (!labels.every((l) => LABEL.test(l))) {
    return { zh: '主机名只能包含字母、数字、连字符和点（中文域名请写成 xn-- 形式）', en: 'the host may contain only letters, digits, hyphens and dots (write internationalised names as xn--)' };
  }
  // `*.gov.cn` is a legitimate choice for a county intranet, `*.cn` is not.
  if (host.startsWith('*.') && labels.length < 2) return { zh: '通配符后至少要有两级域名', en: 'a wildcard needs at least two domain levels after it' };
  return null;
}

/**
 * Parses a match pattern. `originOnly` demands the path `/*`: an origin entry decides where the
 * content scripts are injected, and Precheck must see every page of the CMS, not one folder.
 */
export function parseMatchPattern(text: string, originOnly: boolean): PatternResult {
  if (text === '<all_urls>') return fail('不能使用 <all_urls>，请只列出本单位的 CMS 网址', 'must not be <all_urls>; list only the unit\'s CMS addresses');
  const m = /^([^:/]*):\/\/([^/]*)(\/.*)?$/.exec(text);
  if (!m) return fail('不是有效的匹配模式，应形如 https://cms.example.gov.cn/*', 'is not a match pattern; expected e.g. https://cms.example.gov.cn/*');
  const [, scheme = '', authority = '', path] = m;
  if (scheme !== 'http' && scheme !== 'https' && scheme !== '*') return fail('协议只能是 http、https 或 *', 'the scheme must be http, https or *');
  if (path === undefined) return fail('缺少路径，请在末尾加上 /*', 'the path is missing; end it with /*');
  if (originOnly && path !== '/*') return fail('路径必须是 /*（整个站点）', 'the path must be /* (the whole site)');
  if (/\s/.test(path)) return fail('路径不能包含空白字符', 'the path must not contain whitespace');
  const hp = /^([^:]+|\[[^\]]+\])(?::(\d{1,5}))?$/.exec(authority.toLowerCase());
  if (!hp) return fail('主机或端口格式不正确', 'the host or port is malformed');
  const [, host = '', portText] = hp;
  const hostIssue = hostProblem(host);
  if (hostIssue) return { ok: false, problem: hostIssue };
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) return fail('端口必须在 1–65535 之间', 'the port must be between 1 and 65535');
  return { ok: true, pattern: { scheme, host, port, path } };
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!outer.startsWith('*.')) return false;
  const base = outer.slice(2);
  const innerBase = inner.startsWith('*.') ? inner.slice(2) : inner;
  return innerBase === base || innerBase.endsWith(`.${base}`);
}

/** True when every URL `inner` matches is also matched by the origin pattern `outer` (path /*). */
export function covers(outer: MatchPattern, inner: MatchPattern): boolean {
  const schemeOk = outer.scheme === '*' || outer.scheme === inner.scheme;
  const portOk = outer.port === undefined || outer.port === inner.port;
  return schemeOk && portOk && hostCovers(outer.host, inner.host);
}
