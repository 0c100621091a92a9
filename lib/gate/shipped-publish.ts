/**
 * Before a page's policy is read the gate does not know which CMS the site runs, and some CMSes
 * publish by a plain GET (PbootCMS's 点击开启 link, DedeCMS's 审核, 帝国CMS's 审核栏目全部信息): a read
 * that any shipped adapter names a publish is held until the policy says which adapter is the site's.
 */
import { SHIPPED_ADAPTERS } from '../policy/adapters';
import { gatePolicyOf } from './adapter-rules';
import type { Decoded } from './types';

type PublishTest = (method: string, url: string, decoded: Decoded) => boolean;

let tests: PublishTest[] | null = null;

/** Would any shipped adapter read this request as a publish (in any spelling its CMS reads alike)? */
export function anyShippedPublish(method: string, url: string, decoded: Decoded): boolean {
  tests ??= SHIPPED_ADAPTERS.map((a) => gatePolicyOf({ adapter: a.adapter }).declaredPublish);
  return tests.some((t) => t(method, url, decoded));
}
