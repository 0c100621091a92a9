import { describe, expect, it } from 'vitest';
import { backgroundFetchUrls, identityConfigUrls, paymentMethodUrls, providerConfigUrls } from '../../lib/gate/api-urls';

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

describe('backgroundFetchUrls: what backgroundFetch.fetch downloads (the browser, past the page hooks)', () => {
  it.each([
    ['one URL', U, undefined, [U]],
    ['a relative URL (resolved by the judge)', '/sink?content=1', undefined, ['/sink?content=1']],
    ['a list of URLs and a URL object', [U, new URL('https://b.example/x')], undefined, [U, 'https://b.example/x']],
    ['a Request', { url: U, method: 'GET' }, undefined, [U]],
    ['an icon', '/a.bin', { icons: [{ src: U, sizes: '96x96' }], title: 't' }, ['/a.bin', U]],
    ['an object whose toString gives the URL (the browser calls it too)', { toString: () => U }, undefined, [U]],
    ['nothing', undefined, undefined, []],
    ['an empty list', [], undefined, []],
  ])('%s', (_name, requests, options, urls) => {
    expect(backgroundFetchUrls(requests, options)).toEqual(urls);
  });
});

