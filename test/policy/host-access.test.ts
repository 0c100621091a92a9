import { describe, expect, it } from 'vitest';
import { accessPattern, accessPatterns, browserKind, grantWidened, isCoveredUrl, urlMatches } from '../../lib/policy/host-access';

describe('urlMatches', () => {
  it.each([
    ['https://cms.example.gov.cn/*', 'https://cms.example.gov.cn/admin/edit?id=3', true],
    ['https://cms.example.gov.cn/*', 'http://cms.example.gov.cn/', false],
    ['*://cms.example.gov.cn/*', 'http://cms.example.gov.cn/', true],
    ['https://*.example.gov.cn/*', 'https://a.b.example.gov.cn/x', true],
    ['https://*.example.gov.cn/*', 'https://example.gov.cn/x', true],
    ['https://*.example.gov.cn/*', 'https://badexample.gov.cn/x', false],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3:8080/cms', true],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3/cms', false],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3:8081/cms', false],
    ['http://10.1.2.3:80/*', 'http://10.1.2.3/cms', true],
    ['https://cms.example.gov.cn:443/*', 'https://cms.example.gov.cn/x', true],
    ['https://cms.example.gov.cn:443/*', 'https://cms.example.gov.cn:8443/x', false],
    ['*://10.1.2.3:8080/*', 'https://10.1.2.3:8080/x', true],
    ['http://[::1]:8080/*', 'http://[::1]:8080/x', true],
    ['http://[::1]:8080/*', 'http://[::1]:8081/x', false],
    ['http://localhost/*', 'http://localhost:3000/cms', true],
    ['https://cms.example.gov.cn/admin/*', 'https://cms.example.gov.cn/admin/article.do', true],
    ['https://cms.example.gov.cn/admin/*', 'https://cms.example.gov.cn/public/x', false],
    ['https://cms.example.gov.cn/*', 'about:blank', false],
    ['https://cms.example.gov.cn/*', 'not a url', false],
    ['<all_urls>', 'https://cms.example.gov.cn/', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(urlMatches(pattern, url)).toBe(expected);
  });
});

describe('isCoveredUrl: exact ports, in every browser', () => {
  const origins = ['http://10.12.3.4:8080/*', 'https://zwgk.example.gov.cn/*'];
  it.each([
    ['http://10.12.3.4:8080/wcm/edit.do', true],
    ['http://10.12.3.4:9090/wcm/edit.do', false],
    ['http://10.12.3.4/wcm/edit.do', false],
    ['https://zwgk.example.gov.cn:8443/x', true],
    ['https://other.example.gov.cn/x', false],
    ['about:srcdoc', false],
  ])('%s → %s', (url, expected) => {
    expect(isCoveredUrl(url, origins)).toBe(expected);
  });

  it('covers nothing without origins', () => {
    expect(isCoveredUrl('http://10.12.3.4:8080/', [])).toBe(false);
  });
});

describe('accessPattern: what is requested and registered', () => {
  it.each([
    // Chromium matches ports: the pattern goes as written.
    ['chrome', 'http://10.12.3.4:8080/*', 'http://10.12.3.4:8080/*'],
    ['chrome', 'https://cms.example.gov.cn/*', 'https://cms.example.gov.cn/*'],
    // Firefox never matches a pattern with a port: the host's port-less pattern instead.
    ['firefox', 'http://10.12.3.4:8080/*', 'http://10.12.3.4/*'],
    ['firefox', '*://cms.example.gov.cn:8443/*', '*://cms.example.gov.cn/*'],
    ['firefox', 'http://[::1]:8080/*', 'http://[::1]/*'],
    ['firefox', 'https://*.example.gov.cn:8443/*', 'https://*.example.gov.cn/*'],
    ['firefox', 'https://cms.example.gov.cn/*', 'https://cms.example.gov.cn/*'],
    ['firefox', 'HTTPS://CMS.example.gov.cn/*', 'HTTPS://CMS.example.gov.cn/*'],
    // Not a pattern: left for the browser to refuse (registration then treats it as not granted).
    ['firefox', '<all_urls>', '<all_urls>'],
    ['firefox', 'http://h:99999/*', 'http://h:99999/*'],
  ] as const)('%s: %s → %s', (browser, origin, expected) => {
    expect(accessPattern(origin, browser)).toBe(expected);
    expect(grantWidened(origin, browser)).toBe(expected !== origin);
  });

  it('asks once for a host served on two ports (Firefox), twice on Chromium', () => {
    const origins = ['http://10.12.3.4:8080/*', 'http://10.12.3.4:8081/*', 'http://localhost/*'];
    expect(accessPatterns(origins, 'firefox')).toEqual(['http://10.12.3.4/*', 'http://localhost/*']);
    expect(accessPatterns(origins, 'chrome')).toEqual(origins);
  });

  it('every Firefox pattern still covers the origin it stands for, and no pattern carries a port', () => {
    const origins = ['http://10.12.3.4:8080/*', 'https://*.example.gov.cn:8443/*', 'http://localhost/*'];
    const urls = ['http://10.12.3.4:8080/a', 'https://a.example.gov.cn:8443/b', 'http://localhost:5173/c'];
    const patterns = accessPatterns(origins, 'firefox');
    for (const url of urls) expect(patterns.some((p) => urlMatches(p, url))).toBe(true);
    for (const p of patterns) expect(p).not.toMatch(/:\d+\//);
  });
});

describe('browserKind', () => {
  it.each([
    ['firefox', 'firefox'],
    ['chrome', 'chrome'],
    ['edge', 'chrome'],
    [undefined, 'chrome'],
  ])('%s → %s', (name, kind) => {
    expect(browserKind(name)).toBe(kind);
  });
});
