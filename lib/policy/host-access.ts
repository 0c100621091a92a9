/**
 * From the policy's CMS origins to what the browser is asked for, and back from a page's URL to
 * "is this page inside the policy?".
 *
 * Firefox cannot put a port in a match pattern. Measured in Firefox ESR 153: `http://10.12.3.4:8080/*`
 * is accepted by permissions.request and scripting.registerContentScripts, yet it never matches a
 * page, and permissions.contains of it stays false even when the host is granted — a CMS served on a
 * port would go unguarded without a word. A port-less pattern matches every port of its host in both
 * browsers. So on Firefox the host is asked for and the scripts registered port-less, and the exact
 * origin (port included) is checked where the content scripts ask whether their page is covered
 * (`isCoveredUrl`, used by the background's getPolicyForPage): on another port of the same host they
 * stand down. Chromium takes the pattern as written.
 */
import { parseMatchPattern } from './match-pattern';

export type BrowserKind = 'chrome' | 'firefox';

/** WXT's `import.meta.env.BROWSER` ('chrome', 'firefox', 'edge' …) → how match patterns behave. */
export function browserKind(name: string | undefined): BrowserKind {
  return name === 'firefox' ? 'firefox' : 'chrome';
}

/** The pattern to request host access for and to register the content scripts on. */
export function accessPattern(origin: string, browser: BrowserKind): string {
  if (browser !== 'firefox') return origin;
  const parsed = parseMatchPattern(origin, false);
  if (!parsed.ok || parsed.pattern.port === undefined) return origin;
  const { scheme, host, path } = parsed.pattern;
  return `${scheme}://${host}${path}`;
}

/** accessPattern of each origin, without repeats (two ports of one host share one Firefox pattern). */
export function accessPatterns(origins: readonly string[], browser: BrowserKind): string[] {
  return [...new Set(origins.map((o) => accessPattern(o, browser)))];
}

/** True when this browser's grant reaches further than the origin (Firefox: every port of its host). */
export function grantWidened(origin: string, browser: BrowserKind): boolean {
  return accessPattern(origin, browser) !== origin;
}

function globToRegExp(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443 };

/**
 * Does the match pattern (the manifest's syntax, http(s) only) match this URL? A pattern with a port
 * matches that port only (the scheme's default port when the URL names none); one without matches
 * every port, as Chromium's and Firefox's own matching does.
 */
export function urlMatches(patternText: string, url: string): boolean {
  const parsed = parseMatchPattern(patternText, false);
  if (!parsed.ok) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const { scheme, host, port, path } = parsed.pattern;
  const urlScheme = u.protocol.slice(0, -1);
  if (urlScheme !== 'http' && urlScheme !== 'https') return false;
  if (scheme !== '*' && scheme !== urlScheme) return false;
  const urlHost = u.hostname.toLowerCase();
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (urlHost !== base && !urlHost.endsWith(`.${base}`)) return false;
  } else if (urlHost !== host) {
    return false;
  }
  if (port !== undefined && (u.port === '' ? DEFAULT_PORT[urlScheme] : Number(u.port)) !== port) return false;
  return globToRegExp(path).test(u.pathname + u.search);
}

/** Is the page inside one of the policy's origins (exact port semantics, in every browser)? */
export function isCoveredUrl(url: string, origins: readonly string[]): boolean {
  return origins.some((o) => urlMatches(o, url));
}
