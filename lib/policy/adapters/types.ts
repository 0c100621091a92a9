/**
 * A site adapter that ships with Precheck for a common open-source CMS: everything but the unit's
 * own address. `adapterFor(template, origin)` turns it into the policy's SiteAdapter for one CMS
 * origin (Options → 站点 picks it; IT can push the result in the policy).
 */
import type { SiteAdapter } from '../schema';

export interface ShippedAdapter {
  /** the CMS, e.g. 'phpcms' (also the adapter id's stem) */
  cms: string;
  name: string;
  /** where the template was read (shown in Options and the README) */
  source: string;
  /** paths of the article edit page (and list page) on the CMS, with `*` wildcards; the origin is added */
  matchPaths: string[];
  adapter: Omit<SiteAdapter, 'id' | 'name' | 'match'>;
}

/** The SiteAdapter for `template` on the CMS at `origin` (e.g. `https://cms.example.gov.cn`). */
export function adapterFor(template: ShippedAdapter, origin: string, paths: readonly string[] = template.matchPaths): SiteAdapter {
  const base = origin.replace(/\/+$/, '');
  return {
    id: `shipped-${template.cms}`,
    name: template.name,
    match: paths.map((p) => base + p),
    ...structuredClone(template.adapter),
  };
}
