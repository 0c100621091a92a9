import { describe, expect, it } from 'vitest';
import { backgroundFetchArgs, identityConfigUrls, paymentMethodUrls, providerConfigUrls } from '../../lib/gate/api-urls';

const U = 'https://idp.example/config.json?content=11010519491231002X';

describe('identityConfigUrls: what credentials.get({ identity }) makes the browser fetch', () => {
  it.each([
    ['one provider', { identity: { providers: [{ configURL: U, clientId: '1' }] } }, [U]],
    ['two providers', { identity: { providers: [{ configURL: U }, { configURL: 'https://b.example/c' }] } }, [U, 'https://b.example/c']],
    ['a password or OTP request (no identity)', { password: true, otp: { transport: ['sms'] } }, []],
    ['no options', undefined, []],
    ['providers that are not a list', { identity: { providers: 'x' } }, []],
    ['a config URL that is not http(s)', { identity: { providers: [{ configURL: 'javascript:1' }] } }, []],
  ])('%s', (_name, options, urls) => {
    expect(identityConfigUrls(options)).toEqual(urls);
  });
});

describe('providerConfigUrls: IdentityCredential.disconnect / IdentityProvider.getUserInfo', () => {
  it.each([
    ['a config URL', { configURL: U, clientId: '1', accountHint: 'a' }, [U]],
    ['none', { clientId: '1' }, []],
    ['null', null, []],
  ])('%s', (_name, options, urls) => {
    expect(providerConfigUrls(options)).toEqual(urls);
  });
});

describe('paymentMethodUrls: a PaymentRequest whose method is a URL fetches its manifest', () => {
  it.each([
    ['a URL method', [{ supportedMethods: U }], [U]],
    ['a standard method name', [{ supportedMethods: 'basic-card' }], []],
    ['a list of methods (old form)', [{ supportedMethods: ['basic-card', U] }], [U]],
    ['several entries', [{ supportedMethods: 'https://a.example/pay' }, { supportedMethods: 'secure-payment-confirmation' }], ['https://a.example/pay']],
    ['no list', 'x', []],
  ])('%s', (_name, methods, urls) => {
    expect(paymentMethodUrls(methods)).toEqual(urls);
  });
});

describe('backgroundFetchArgs: what backgroundFetch.fetch downloads (the browser, past the page hooks)', () => {
  /** a Request as the hook's brand check sees one */
  class Req {
    constructor(readonly url: string) {}
  }
  const isRequest = (v: unknown): v is Req => v instanceof Req;
  it.each([
    ['one URL', U, undefined, [U]],
    ['a relative URL (resolved by the judge)', '/sink?content=1', undefined, ['/sink?content=1']],
    ['a list of URLs and a URL object', [U, new URL('https://b.example/x')], undefined, [U, 'https://b.example/x']],
    ['a Request', new Req(U), undefined, [U]],
    ['an icon', '/a.bin', { icons: [{ src: U, sizes: '96x96' }], title: 't' }, ['/a.bin', U]],
    ['an object whose toString gives the URL (the browser calls it too)', { toString: (): string => U }, undefined, [U]],
    ["a look-alike with a url: no Request, the browser reads its toString", { url: '/clean', toString: (): string => U }, undefined, [U]],
    ['an icon whose src is an object', '/a.bin', { icons: [{ src: { toString: (): string => U } }] }, ['/a.bin', U]],
    ['an empty list', [], undefined, []],
  ])('%s', (_name, requests, options, urls) => {
    expect(backgroundFetchArgs(requests, options, isRequest).urls).toEqual(urls);
  });

  it("each toString is called once, and the browser is handed that string (a second call could give another URL)", () => {
    let calls = 0;
    const sly = { toString: () => (calls++ === 0 ? '/clean' : U) };
    const args = backgroundFetchArgs([sly], { title: 't', icons: [{ src: sly }] }, isRequest);
    expect(args.requests).toEqual(['/clean']);
    expect(args.options).toEqual({ title: 't', icons: [{ src: U }] });
    expect(args.urls).toEqual(['/clean', U]);
    expect(calls).toBe(2);
  });

  it('a list is iterated once: the browser gets the copy', () => {
    let rounds = 0;
    const shifty = { *[Symbol.iterator]() { yield rounds++ === 0 ? '/clean' : U; } };
    const args = backgroundFetchArgs(shifty, undefined, isRequest);
    expect(args.requests).toEqual(['/clean']);
    expect(rounds).toBe(1);
  });
});
