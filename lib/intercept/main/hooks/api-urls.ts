/* eslint-disable @typescript-eslint/unbound-method -- the Request url getter is kept unbound and called on each value. */
/**
 * APIs whose options name a URL the browser then fetches by itself: FedCM's identity provider config,
 * a payment method's manifest and a Background Fetch's downloads (lib/gate/api-urls.ts). Judged as an
 * element's URL is; a refusal
 * rejects the call's promise or throws from the constructor, as the browser's own failures do.
 */
import { backgroundFetchArgs, identityConfigUrls, paymentMethodUrls, providerConfigUrls } from '../../../gate/api-urls';
import type { LoadJudge } from './load-judge';
import { beforeAsyncCall, protoOf } from './wrap';
import { apply } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

export function hookApiUrls(win: PageWindow, judge: LoadJudge): void {
  const judgeAll = (urls: string[]) => {
    for (const u of new Set(urls)) judge.url(u);
  };
  beforeAsyncCall(win, protoOf(win, 'CredentialsContainer'), 'get', (_, [options]) => judgeAll(identityConfigUrls(options)));
  const w = win as unknown as Record<string, object | undefined>;
  beforeAsyncCall(win, w.IdentityCredential, 'disconnect', (_, [options]) => judgeAll(providerConfigUrls(options)));
  beforeAsyncCall(win, w.IdentityProvider, 'getUserInfo', (_, [options]) => judgeAll(providerConfigUrls(options)));
  // the browser is handed the requests and icons as they were judged (each toString called once, here)
  const requestUrl = Object.getOwnPropertyDescriptor(protoOf(win, 'Request') ?? {}, 'url')?.get as ((this: unknown) => unknown) | undefined;
  const isRequest = (v: unknown): v is { url: string } => {
    try {
      return !!requestUrl && typeof v === 'object' && v !== null && typeof apply(requestUrl, v, []) === 'string';
    } catch {
      return false;
    }
  };
  beforeAsyncCall(win, protoOf(win, 'BackgroundFetchManager'), 'fetch', (_, args) => {
    const fixed = backgroundFetchArgs(args[1], args[2], isRequest);
    judgeAll(fixed.urls);
    args[1] = fixed.requests;
    if (args.length > 2) args[2] = fixed.options;
  });

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
