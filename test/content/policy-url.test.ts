import { describe, expect, it } from 'vitest';
import { gateOnly, policyUrl } from '../../lib/content/gate/policy-url';
import { OPAQUE_UNNAMED } from '../../lib/messaging/page-policy';

describe('policyUrl: the address a frame asks its policy for', () => {
  it('a frame with an origin asks for its own address', () => {
    expect(policyUrl({ origin: 'http://127.0.0.1:8080', href: 'http://127.0.0.1:8080/edit.html' })).toBe('http://127.0.0.1:8080/edit.html');
  });

  it('an opaque-origin frame (sandboxed srcdoc) asks for the page that made it', () => {
    expect(policyUrl({ origin: 'null', href: 'about:srcdoc', ancestorOrigins: ['http://127.0.0.1:8080'] })).toBe('http://127.0.0.1:8080/');
  });

  it('an opaque frame whose maker is hidden asks as one that cannot name its page (answered for its tab, never uncovered)', () => {
    // an <embed>'s or <object>'s document has no ancestor origins (Firefox)
    expect(policyUrl({ origin: 'null', href: 'data:text/html,x' })).toBe(OPAQUE_UNNAMED);
    expect(policyUrl({ origin: 'null', href: 'about:srcdoc', ancestorOrigins: [] })).toBe(OPAQUE_UNNAMED);
    // a frame in a sandboxed frame, or behind <iframe referrerpolicy=no-referrer>: its parent's origin reads "null"
    expect(policyUrl({ origin: 'null', href: 'about:srcdoc', ancestorOrigins: ['null', 'http://127.0.0.1:8080'] })).toBe(OPAQUE_UNNAMED);
    expect(policyUrl({ origin: 'null', href: 'data:text/html,x', ancestorOrigins: ['null'] })).toBe(OPAQUE_UNNAMED);
  });

  it('a sandboxed page with an address of its own asks for that address', () => {
    expect(policyUrl({ origin: 'null', href: 'http://127.0.0.1:9090/app.html', ancestorOrigins: ['null'] })).toBe('http://127.0.0.1:9090/app.html');
    expect(policyUrl({ origin: 'null', href: 'https://cms.example.gov.cn/preview.do' })).toBe('https://cms.example.gov.cn/preview.do');
  });

  it("a document of the page's origin without an address of its own asks for its origin, for its gate only", () => {
    // Firefox: each frame's scripts live apart, and "about:blank" or "blob:http://…" was not covered
    for (const href of ['about:blank', 'about:srcdoc', 'blob:http://127.0.0.1:8080/0b7c']) {
      expect(policyUrl({ origin: 'http://127.0.0.1:8080', href })).toBe('http://127.0.0.1:8080/');
      expect(gateOnly({ origin: 'http://127.0.0.1:8080', href })).toBe(true);
    }
    expect(gateOnly({ origin: 'http://127.0.0.1:8080', href: 'http://127.0.0.1:8080/edit.html' })).toBe(false);
    expect(gateOnly({ origin: 'null', href: 'about:srcdoc', ancestorOrigins: ['http://127.0.0.1:8080'] })).toBe(false);
  });
});
