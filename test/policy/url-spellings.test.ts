import { describe, expect, it } from 'vitest';
import { urlSpellings } from '../../lib/policy/url-spellings';

const O = 'https://cms.example.gov.cn';

describe('urlSpellings', () => {
  const cases: [label: string, url: string, body: Record<string, unknown> | undefined, spellings: string[]][] = [
    ['an address as the CMS spells it has that spelling only', `${O}/admin/list.php?id=42`, undefined, [`${O}/admin/list.php?id=42`]],
    ['percent-encoding decoded', `${O}/admin.php?p=%2FContent%2Fm%6Fd`, undefined, [`${O}/admin.php?p=%2FContent%2Fm%6Fd`, `${O}/admin.php?p=/Content/mod`]],
    ['a path parameter dropped', `${O}/cmsContent/check;jsessionid=ab?ids=43`, undefined, [`${O}/cmsContent/check;jsessionid=ab?ids=43`, `${O}/cmsContent/check?ids=43`]],
    ['the body after the query', `${O}/index.php?m=content`, { a: 'pass', 'ids[]': ['42', '43'] }, [`${O}/index.php?m=content`, `${O}/index.php?m=content&a=pass&ids[]=42&ids[]=43`]],
    ['a long body value is content, not a parameter', `${O}/save.php`, { content: 'x'.repeat(300), a: 'add' }, [`${O}/save.php`, `${O}/save.php?a=add`]],
    [
      'route pairs folded in with the query, sorted',
      `${O}/admin.php?p=/Content/mod/id/43/value/1&field=status`,
      undefined,
      [`${O}/admin.php?p=/Content/mod/id/43/value/1&field=status`, `${O}/admin.php?p=/Content/mod&field=status&id=43&value=1`],
    ],
    ['a route after the script', `${O}/admin.php/Content/mod/value/1/id/43`, undefined, [`${O}/admin.php/Content/mod/value/1/id/43`, `${O}/admin.php/Content/mod?id=43&value=1`]],
    ['not http(s): itself', 'blob:https://cms.example.gov.cn/0b1c', undefined, ['blob:https://cms.example.gov.cn/0b1c']],
    ['not an address: itself', 'not a url', undefined, ['not a url']],
  ];
  it.each(cases)('%s', (_label, url, body, spellings) => {
    expect(urlSpellings(url, body)).toEqual(spellings);
  });
});
