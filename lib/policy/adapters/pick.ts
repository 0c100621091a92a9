/**
 * Options → 站点 → "use a shipped adapter": the administrator picks a CMS and one of the policy's
 * origins (and may change the page paths when the CMS is installed under another path); the result
 * is the policy's adapter list with that adapter added, replacing the one picked earlier for the same
 * CMS on the same origin. Pure: the options page saves what this returns.
 */
import type { SiteAdapter } from '../schema';
import { adapterFor, type ShippedAdapter } from './types';

/** `https://cms.example.gov.cn/*` (a policy origin) → `https://cms.example.gov.cn`; null when it is not one site. */
export function siteOfOrigin(pattern: string): string | null {
  const m = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern.trim());
  return m ? m[1]! : null;
}

/** One id per CMS and site: picking again for the same site replaces, another site adds. */
export function shippedIdFor(template: ShippedAdapter, site: string): string {
  const host = new URL(site).host.replace(/[^A-Za-z0-9]+/g, '-');
  return `shipped-${template.cms}-${host}`.slice(0, 64).replace(/-+$/, '');
}

/** Page paths typed one per line: each starts with `/`; blank lines are dropped. */
export function parsePaths(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith('/') ? p : `/${p}`));
}

export function withShippedAdapter(adapters: readonly SiteAdapter[], template: ShippedAdapter, site: string, paths: readonly string[] = template.matchPaths): SiteAdapter[] {
  const adapter = { ...adapterFor(template, site, paths.length > 0 ? paths : template.matchPaths), id: shippedIdFor(template, site) };
  // First: the page's adapter is the first that matches, so the one just picked wins.
  return [adapter, ...adapters.filter((a) => a.id !== adapter.id)];
}
