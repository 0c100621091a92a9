import { describe, expect, it } from 'vitest';
import { policyUrl } from '../../lib/content/gate/policy-url';

describe('policyUrl: the address a frame asks its policy for', () => {
  it('a frame with an origin asks for its own address', () => {
    expect(policyUrl({ origin: 'http://127.0.0.1:8080', href: 'http://127.0.0.1:8080/edit.html' })).toBe('http://127.0.0.1:8080/edit.html');
  });

  it('an opaque-origin frame (sandboxed srcdoc) asks for the page that made it', () => {
    expect(policyUrl({ origin: 'null', href: 'about:srcdoc', ancestorOrigins: ['http://127.0.0.1:8080'] })).toBe('http://127.0.0.1:8080/');
  });

  it('without ancestor origins it asks for its own address (and is not covered)', () => {
    expect(policyUrl({ origin: 'null', href: 'about:srcdoc' })).toBe('about:srcdoc');
  });
});
