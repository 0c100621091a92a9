/**
 * The site adapters that ship with Precheck, one per common open-source CMS (each tested against its
 * fixture in lib/demo/pages/cms/). Options → 站点 lists them; `adapterFor(SHIPPED_ADAPTERS[i], origin)`
 * gives the policy entry.
 */
import { dedecms } from './dedecms';
import { emlog } from './emlog';
import { empirecms } from './empirecms';
import { eyoucms } from './eyoucms';
import { jeecms } from './jeecms';
import { pbootcms } from './pbootcms';
import { phpcms } from './phpcms';
import { publiccms } from './publiccms';
import { siteserver } from './siteserver';
import { sscms } from './sscms';
import { thinkcmf } from './thinkcmf';
import type { ShippedAdapter } from './types';
import { wordpress } from './wordpress';
import { zblog } from './zblog';

export { adapterFor, type ShippedAdapter } from './types';

export const SHIPPED_ADAPTERS: readonly ShippedAdapter[] = [phpcms, dedecms, eyoucms, pbootcms, thinkcmf, zblog, emlog, wordpress, empirecms, jeecms, sscms, publiccms, siteserver];

export function shippedAdapter(cms: string): ShippedAdapter | undefined {
  return SHIPPED_ADAPTERS.find((a) => a.cms === cms);
}
