/** Renders options/popup components with plain react-dom in happy-dom, over a real policy store. */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PolicyClient } from '../../components/options/client';
import { createPolicyHandlers } from '../../lib/messaging/handlers';
import type { PolicyStore } from '../../lib/policy/store';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export const LOCALES: Record<'zh_CN' | 'en', Messages> = { zh_CN: zh, en };

/** browser.i18n.getMessage as the browser does it: named placeholders filled from $1, $2 … */
export function useLocale(locale: 'zh_CN' | 'en'): void {
  const messages = LOCALES[locale];
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, d: string) => list[Number(d) - 1] ?? '');
    });
  }));
}

export interface FakeClient extends PolicyClient {
  granted: Set<string>;
  requested: string[][];
  /** What the next permission prompt answers. */
  answer: boolean;
}

/** The options page's client without the message transport: the background handlers, called directly. */
export function storeClient(store: PolicyStore): FakeClient {
  const h = createPolicyHandlers(store);
  const client: FakeClient = {
    granted: new Set(),
    requested: [],
    answer: true,
    getState: () => h.getPolicyState(),
    save: (candidate) => h.savePolicy(JSON.parse(JSON.stringify(candidate)) as unknown),
    importJson: (text) => h.importPolicyJson(text),
    browser: 'chrome',
    requestOrigins(origins) {
      client.requested.push(origins);
      if (client.answer) origins.forEach((o) => client.granted.add(o));
      return Promise.resolve(client.answer);
    },
    hasOrigin: (origin) => Promise.resolve(client.granted.has(origin)),
    onChanged: (listener) => store.subscribe(listener),
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
