/**
 * Picking a shipped adapter in Options → 站点: the adapter for the chosen site, valid in the policy,
 * replacing an earlier pick for the same CMS and site, beside picks for other sites.
 */
import { describe, expect, it } from 'vitest';
import { shippedAdapter } from '../../lib/policy/adapters';
import { parsePaths, shippedIdFor, siteOfOrigin, withShippedAdapter } from '../../lib/policy/adapters/pick';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { parsePolicy } from '../../lib/policy/validate';

const phpcms = shippedAdapter('phpcms')!;
const SITE = 'https://cms.example.gov.cn';

describe('siteOfOrigin', () => {
  it.each([
    ['https://cms.example.gov.cn/*', SITE],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8080'],
    ['http://localhost/*', 'http://localhost'],
    ['https://*.example.gov.cn/*', null],
    ['https://cms.example.gov.cn/admin/*', null],
    ['<all_urls>', null],
  ])('%s → %s', (pattern, want) => {
    expect(siteOfOrigin(pattern)).toBe(want);
  });
});

describe('parsePaths', () => {
  it('one per line, blank lines dropped, a leading / added', () => {
    expect(parsePaths(' /a/add.php*\n\nb/list.php*\n')).toEqual(['/a/add.php*', '/b/list.php*']);
  });
});

describe('withShippedAdapter', () => {
  it('adds the adapter for the site, valid in a policy covering it', () => {
    const adapters = withShippedAdapter([], phpcms, SITE);
    expect(adapters).toHaveLength(1);
    expect(adapters[0]!.id).toBe('shipped-phpcms-cms-example-gov-cn');
    expect(adapters[0]!.match.every((m) => m.startsWith(`${SITE}/`))).toBe(true);
    expect(adapters[0]!.listPublish).toEqual(phpcms.adapter.listPublish);
    const parsed = parsePolicy({ ...DEFAULT_POLICY, origins: [`${SITE}/*`], adapters });
    expect(parsed.ok).toBe(true);
  });

  it('picking again for the same site replaces; another site or CMS is kept; the newest comes first', () => {
    const first = withShippedAdapter([], phpcms, SITE);
    const other = withShippedAdapter(first, phpcms, 'http://10.0.0.5:8080');
    const again = withShippedAdapter(other, phpcms, SITE, ['/cms/index.php*']);
    expect(again.map((a) => a.id)).toEqual([shippedIdFor(phpcms, SITE), shippedIdFor(phpcms, 'http://10.0.0.5:8080')]);
    expect(again[0]!.match).toEqual([`${SITE}/cms/index.php*`]);
  });

  it('an empty path list keeps the template paths', () => {
    expect(withShippedAdapter([], phpcms, SITE, [])[0]!.match).toEqual(phpcms.matchPaths.map((p) => SITE + p));
  });
});
