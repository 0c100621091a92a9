/**
 * The relay between a window's guard and its child frames' (RELAY_KEY): a guard whose own isolated
 * script has not answered yet asks through its parent's. The relay is a window property, so page code
 * can call it too: every question through it is marked relayed and never spends a release
 * (lib/content/gate/page-gate.ts). The property also marks the window as guarded.
 */
import { RELAY_KEY, type GuardAnswer } from '../channel-protocol';
import type { Outgoing } from '../../gate/types';
import { apply, fromJson, hasOwn, toJson } from '../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

const parentOf = (Reflect.getOwnPropertyDescriptor(globalThis, 'parent') ?? Reflect.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis) as object, 'parent'))?.get ?? (() => undefined);
type Relay = (json: string) => string;

export function isGuarded(win: Window): boolean {
  return hasOwn(win, RELAY_KEY);
}

/** Marks `win` guarded and lets its child frames ask through `askSync` (fixed before page scripts can touch it). */
export function offerRelay(win: PageWindow, askSync: (o: Outgoing) => GuardAnswer): void {
  const relay: Relay = (json) => toJson(askSync({ ...(fromJson(json) as Outgoing), relayed: true }));
  Object.defineProperty(win, RELAY_KEY, { value: relay, enumerable: false, writable: false, configurable: false });
}

/** The relay of `win`'s parent window, when it has one this realm may call. */
export function parentRelay(win: Window): Relay | null {
  try {
    // through the getter as it was: `parent` is replaceable, and a page's own object could answer as a relay
    const parent = apply(parentOf, win, []) as Window;
    const relay = (parent !== win ? (parent as unknown as Record<string, unknown>)[RELAY_KEY] : undefined) as Relay | undefined;
    return typeof relay === 'function' ? relay : null;
  } catch {
    return null;
  }
}
