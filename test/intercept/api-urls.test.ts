// @vitest-environment node
/**
 * The URLs an API's options name (a payment method's manifest, FedCM's config, Background Fetch's
 * icons), with the page's built-ins replaced: the browser is handed the options that were judged.
 */
import { describe, expect, test } from 'vitest';
import { hookApiUrls } from '../../lib/intercept/main/hooks/api-urls';
import type { LoadJudge } from '../../lib/intercept/main/hooks/load-judge';
import { includes } from '../../lib/realm/intrinsics';
import { ID, walked } from './page-fakes';
import { ARRAY_ITERATOR, inheritedFlip, outcomeOf, poison } from '../realm/poison';

type PageWindow = Window & typeof globalThis;

const PAY = 'https://pay.example/method';

/** A window whose APIs keep what a browser would read of their options; its judge refuses a URL carrying the ID. */
function apiWindow() {
  // without a prototype: a setter the case put on Object.prototype must not swallow what is recorded
  const browser: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  class Payment {
    constructor(methods: unknown) {
      const list = walked(methods) as PaymentMethodData[];
      const ids: unknown[] = [];
      for (let i = 0; i < list.length; i++) ids[i] = list[i]!.supportedMethods;
      browser.methods = ids;
    }
  }
  class Credentials {
    get(options: CredentialRequestOptions & { identity?: { providers: unknown } }) {
      const providers = walked(options.identity?.providers ?? []) as { configURL?: unknown }[];
      const urls: unknown[] = [];
      for (let i = 0; i < providers.length; i++) urls[i] = providers[i]!.configURL;
      browser.configs = urls;
      return Promise.resolve(null);
    }
  }
  class BackgroundFetches {
    fetch(_id: string, requests: unknown, options: { title?: string; icons?: unknown }) {
      browser.requests = typeof requests === 'string' ? requests : walked(requests);
      browser.icons = options.icons;
      return Promise.resolve();
    }
  }
  const win = { PaymentRequest: Payment, CredentialsContainer: Credentials, BackgroundFetchManager: BackgroundFetches, DOMException, Promise, Error } as unknown as PageWindow;
  const judge = {
    url: (u: string) => {
      if (includes(u, ID)) throw new DOMException('refused', 'SecurityError');
    },
  } as unknown as LoadJudge;
  hookApiUrls(win, judge);
  return { win, browser, credentials: new Credentials(), fetches: new BackgroundFetches() };
}

type Api = ReturnType<typeof apiWindow>;

const CASES: [label: string, poisoned: () => void, call: (api: Api) => unknown, saw: Record<string, unknown>, result: string][] = [
  [
    "the array iterator hands the browser a payment method of the page's (new PaymentRequest(...args) spread them)",
    () => {
      let n = 0;
      poison(ARRAY_ITERATOR, 'next', () => (n++ % 2 === 0 ? { done: false, value: { supportedMethods: `${PAY}?c=${ID}` } } : { done: true, value: undefined }));
    },
    (api) => new api.win.PaymentRequest([{ supportedMethods: PAY }], { total: { label: 't', amount: { currency: 'CNY', value: '1' } } }),
    { methods: [PAY] },
    'ok',
  ],
  [
    'Object.prototype.supportedMethods answers a clean method to the judge, the ID to the browser',
    () => inheritedFlip('supportedMethods', 'basic-card', `${PAY}?c=${ID}`),
    (api) => new api.win.PaymentRequest([{}] as PaymentMethodData[], { total: { label: 't', amount: { currency: 'CNY', value: '1' } } }),
    { methods: ['basic-card'] },
    'ok',
  ],
  [
    "a FedCM provider's configURL getter answers once",
    () => undefined,
    (api) => {
      let n = 0;
      return api.credentials.get({ identity: { providers: [{ get configURL() { return n++ ? `https://idp.example/config?c=${ID}` : 'https://idp.example/config'; } }] } });
    },
    { configs: ['https://idp.example/config'] },
    'ok',
  ],
  [
    'Object.prototype.icons answers the browser when the options have none',
    () => inheritedFlip('icons', undefined, [{ src: `https://cms.example/i.png?c=${ID}` }]),
    (api) => api.fetches.fetch('id', 'https://cms.example/a.zip', { title: 't' }),
    { requests: 'https://cms.example/a.zip', icons: undefined },
    'ok',
  ],
];

describe('API options with the page’s built-ins replaced: the browser reads what was judged', () => {
  test.each(CASES)('%s', async (_label, poisoned, call, saw, result) => {
    const api = apiWindow();
    expect(await outcomeOf(poisoned, () => call(api))).toBe(result);
    expect(api.browser).toEqual(saw);
  });
});
