/** Renders options/popup components with plain react-dom in happy-dom, over a real policy store. */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerPinChallenge, type PolicyClient } from '../../components/options/client';
import { createPolicyHandlers } from '../../lib/messaging/handlers';
import { createAdminService, type AdminService } from '../../lib/policy/admin-password';
import type { PolicyStore } from '../../lib/policy/store';
import { createSignoffService, type SignoffService } from '../../lib/signoff/service';

/** The browser's preferred language, as lib/i18n reads it (navigator.languages). */
export function useLocale(locale: 'zh_CN' | 'en'): void {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(locale === 'en' ? ['en-US', 'en'] : ['zh-CN', 'zh']);
}

export interface FakeClient extends PolicyClient {
  granted: Set<string>;
  requested: string[][];
  /** What the next permission prompt answers. */
  answer: boolean;
}

/**
 * The options page's client without the message transport: the background's handlers, admin password
 * and sign-off authority, called directly over fakeBrowser's storage (as the service worker wires them).
 */
export function storeClient(store: PolicyStore): FakeClient & { admin: AdminService; signoff: SignoffService } {
  const storage = fakeBrowser.storage.local;
  const admin = createAdminService(storage);
  const signoff = createSignoffService({ storage, policy: () => store.state().policy, audit: () => Promise.resolve({ ok: true, seq: 1, id: 'x' }) });
  const h = createPolicyHandlers(store, { admin, verifyReviewerPin: (req) => signoff.verifyReviewerPin(req) });
  const client: FakeClient & { admin: AdminService; signoff: SignoffService } = {
    admin,
    signoff,
    granted: new Set(),
    requested: [],
    answer: true,
    getState: () => h.getPolicyState(),
    save: (policy, auth) => h.savePolicy({ policy: JSON.parse(JSON.stringify(policy)) as unknown, ...(auth && { auth }) }),
    importJson: (text, auth) => h.importPolicyJson({ text, ...(auth && { auth }) }),
    browser: 'chrome',
    requestOrigins(origins) {
      client.requested.push(origins);
      if (client.answer) origins.forEach((o) => client.granted.add(o));
      return Promise.resolve(client.answer);
    },
    hasOrigin: (origin) => Promise.resolve(client.granted.has(origin)),
    onChanged: (listener) => store.subscribe(listener),
    adminStatus: () => admin.status(),
    setAdminPassword: (req) => admin.setPassword(req),
    checkAdminPassword: (password) => admin.check(password),
    provePin: (reviewerId, pin) => answerPinChallenge((id) => signoff.pinChallenge({ reviewerId: id }), reviewerId, pin),
  };
  return client;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

export async function render(element: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(element);
    await Promise.resolve();
  });
  return {
    container,
    root,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises (store, hashing) and the re-renders they cause finish. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Sets a controlled input's value the way a user's typing does. */
export async function type(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error('not an input');
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  // React tracks the value through the prototype's setter; assigning el.value would hide the change.
  await act(async () => {
    Reflect.set(proto, 'value', value, el);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
  });
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!(el instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => {
    el.click();
    await Promise.resolve();
  });
}

export async function select(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLSelectElement)) throw new Error('not a select');
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
}

export function byText(root: ParentNode, selector: string, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((e) => e.textContent?.includes(text));
}

/** Waits (inside act, so React sees every update) until `check` holds. */
export async function until(check: () => boolean | Promise<boolean>, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await settle(10);
  }
}
