/**
 * APIs whose options name a URL the browser then fetches by itself: FedCM's identity provider config,
 * a payment method's manifest and a Background Fetch's downloads (lib/gate/api-urls.ts). Judged as an
 * element's URL is; a refusal
 * rejects the call's promise or throws from the constructor, as the browser's own failures do.
 */
import { backgroundFetchUrls, identityConfigUrls, paymentMethodUrls, providerConfigUrls } from '../../../gate/api-urls';
import type { LoadJudge } from './load-judge';
import { beforeAsyncCall, protoOf } from './wrap';

type PageWindow = Window & typeof globalThis;

export function hookApiUrls(win: PageWindow, judge: LoadJudge): void {
  const judgeAll = (urls: string[]) => {
    for (const u of new Set(urls)) judge.url(u);
  };
  beforeAsyncCall(win, protoOf(win, 'CredentialsContainer'), 'get', (_, [options]) => judgeAll(identityConfigUrls(options)));
  const w = win as unknown as Record<string, object | undefined>;
  beforeAsyncCall(win, w.IdentityCredential, 'disconnect', (_, [options]) => judgeAll(providerConfigUrls(options)));
  beforeAsyncCall(win, w.IdentityProvider, 'getUserInfo', (_, [options]) => judgeAll(providerConfigUrls(options)));
  beforeAsyncCall(win, protoOf(win, 'BackgroundFetchManager'), 'fetch', (_, [, requests, options]) => judgeAll(backgroundFetchUrls(requests, options)));

  const Original = win.PaymentRequest;
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, ...args: ConstructorParameters<typeof PaymentRequest>) {
    if (!new.target) throw new TypeError("Failed to construct 'PaymentRequest': Please use the 'new' operator");
    judgeAll(paymentMethodUrls(args[0]));
    return new Original(...args);
  } as unknown as typeof PaymentRequest;
  Guarded.prototype = Original.prototype;
  Object.setPrototypeOf(Guarded, Original);
  win.PaymentRequest = Guarded;
}
