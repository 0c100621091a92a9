/* eslint-disable @typescript-eslint/unbound-method -- the Request url getter is kept unbound and called on each value. */
/**
 * APIs whose options name a URL the browser then fetches by itself: FedCM's identity provider config,
 * a payment method's manifest and a Background Fetch's downloads (lib/gate/api-urls.ts). Judged as an
 * element's URL is, on copies of the options the browser is handed in place of the page's; a refusal
 * rejects the call's promise or throws from the constructor, as the browser's own failures do.
 */
import { backgroundFetchArgs, identityConfigUrls, paymentMethodUrls, providerConfigUrls } from '../../../gate/api-urls';
import type { LoadJudge } from './load-judge';
import { once } from './once';
import { beforeAsyncCall, protoOf, standIn } from './wrap';
import { dictionaryOnce, isObject, listOnce } from './copies';
import { apply, bare, isArray, keptSet, toText, ownIterator } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

// Kept as this module loads (document_start): `new Original(...args)` would ask the page's array iterator for the arguments.
const construct = Reflect.construct;

// The members the browser reads of each options dictionary (./copies.ts: the copies hold each read
// once, and a URL the browser fetches as its string, so that what it fetches is what was judged).
const CREDENTIAL_REQUEST = ['mediation', 'signal', 'password', 'federated', 'identity', 'otp', 'publicKey', 'digital'];
const IDENTITY_REQUEST = ['providers', 'context', 'mode'];
const IDENTITY_PROVIDER = ['configURL', 'clientId', 'nonce', 'loginHint', 'domainHint', 'fields', 'params', 'format'];
const PROVIDER_CONFIG = ['configURL', 'clientId', 'accountHint'];
const PAYMENT_METHOD = ['supportedMethods', 'data'];

/** An identity provider's options read once, its config URL the string the browser fetches. */
function providerOnce(given: unknown, members: readonly string[]): unknown {
  if (!isObject(given)) return given;
  const copy = dictionaryOnce(given, members);
  if (copy.configURL !== undefined) copy.configURL = toText(once(copy.configURL));
  return copy;
}

/** credentials.get()'s options read once, FedCM's providers among them. */
function credentialRequestOnce(given: object): object {
  const copy = dictionaryOnce(given, CREDENTIAL_REQUEST);
  if (!isObject(copy.identity)) return copy;
  const identity = (copy.identity = dictionaryOnce(copy.identity, IDENTITY_REQUEST));
  const providers = listOnce(identity.providers);
  if (providers) {
    for (let i = 0; i < providers.length; i++) providers[i] = providerOnce(providers[i], IDENTITY_PROVIDER);
    identity.providers = ownIterator(providers);
  }
  return copy;
}

/** A PaymentRequest's methods read once, each identifier the string the browser reads (a URL's manifest is fetched). */
function methodsOnce(given: unknown): unknown {
  const methods = listOnce(given);
  if (!methods) return given;
  for (let i = 0; i < methods.length; i++) {
    if (!isObject(methods[i])) continue;
    const copy = dictionaryOnce(methods[i] as object, PAYMENT_METHOD);
    if (copy.supportedMethods !== undefined) copy.supportedMethods = toText(once(copy.supportedMethods));
    methods[i] = copy;
  }
  return ownIterator(methods);
}

/**
 * The Background Fetch options backgroundFetchArgs() made (its own objects), handed on so that the
 * browser finds nothing else in them: no prototype (an Object.prototype.icons, or an icon's src, would
 * be fetched) and the icons a sequence walked by its own iterator.
 */
function handedOptions(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return options;
  const icons = (bare(options) as { icons?: unknown }).icons;
  if (!isArray(icons)) return options;
  for (let i = 0; i < icons.length; i++) if (typeof icons[i] === 'object' && icons[i] !== null) bare(icons[i] as object);
  ownIterator(icons);
  return options;
}

export function hookApiUrls(win: PageWindow, judge: LoadJudge): void {
  // each URL once: a second question about the same one would find the release spent
  const judgeAll = (urls: readonly string[]) => {
    const asked = keptSet<string>();
    for (let i = 0; i < urls.length; i++) {
      if (asked.has(urls[i]!)) continue;
      asked.add(urls[i]!);
      judge.url(urls[i]!);
    }
  };
  // The judges read the arguments by index (destructuring asks the page's array iterator) and hand
  // the browser the copies they judged.
  beforeAsyncCall(win, protoOf(win, 'CredentialsContainer'), 'get', (_, args) => {
    if (isObject(args[0])) args[0] = credentialRequestOnce(args[0]);
    judgeAll(identityConfigUrls(args[0]));
  });
  const w = win as unknown as Record<string, object | undefined>;
  const provider = (_: unknown, args: unknown[]) => {
    if (isObject(args[0])) args[0] = providerOnce(args[0], PROVIDER_CONFIG);
    judgeAll(providerConfigUrls(args[0]));
  };
  beforeAsyncCall(win, w.IdentityCredential, 'disconnect', provider);
  beforeAsyncCall(win, w.IdentityProvider, 'getUserInfo', provider);
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
    args[1] = isArray(fixed.requests) ? ownIterator(fixed.requests) : fixed.requests;
    if (args.length > 2) args[2] = handedOptions(fixed.options);
  });

  const Original = win.PaymentRequest;
  if (typeof Original !== 'function') return;
  const Guarded = function (this: unknown, ...args: unknown[]): PaymentRequest {
    if (!new.target) throw new TypeError("Failed to construct 'PaymentRequest': Please use the 'new' operator");
    if (args.length > 0) args[0] = methodsOnce(args[0]);
    judgeAll(paymentMethodUrls(args[0]));
    return construct(Original, args, new.target === (Guarded as unknown) ? Original : new.target) as PaymentRequest;
  } as unknown as typeof PaymentRequest;
  standIn(win, 'PaymentRequest', Original, Guarded);
}
