import type { Fn, Kit } from './kit';

/**
 * Nested workers would start without the prelude: refused rather than unguarded. importScripts
 * loads at once and cannot wait for an answer: a URL that could carry text is refused by its shape
 * (./url-shapes.ts). Then the worker's real script is loaded.
 */
export function hookScriptsAndLoad(k: Kit): void {
  const { g, refused, abs, add, carries, apply, scriptUrl } = k;
  g.Worker = function () {
    throw refused('发布前预检：工作线程中不能再启动工作线程');
  } as unknown as typeof Worker;
  const importScripts0 = k.lookup(g, 'importScripts')?.value as Fn | undefined;
  if (importScripts0) {
    k.replaceGlobal('importScripts', (...urls: unknown[]) => {
      const absolute: string[] = [];
      for (let i = 0; i < urls.length; i++) add(absolute, abs(urls[i]));
      for (let i = 0; i < absolute.length; i++) if (carries(absolute[i]!)) throw refused('发布前预检：工作线程中带文字的脚本地址无法检查，已阻止');
      apply(importScripts0, g, absolute);
    });
  }
  if (k.isModule) loadModule();
  else if (importScripts0) apply(importScripts0, g, [scriptUrl]);

  /**
   * A module loads asynchronously: messages the page posts meanwhile would reach no handler (the
   * browser holds them only until the prelude has run). They are held and handed on once it loaded.
   */
  function loadModule(): void {
    const early: MessageEvent[] = [];
    const hold = (e: MessageEvent) => {
      e.stopImmediatePropagation();
      // eslint-disable-next-line no-restricted-syntax -- re-delivers the page's early messages to a module worker; decides nothing
      early.push(e);
    };
    g.addEventListener('message', hold);
    const handOn = () => {
      g.removeEventListener('message', hold);
      // eslint-disable-next-line no-restricted-syntax -- re-delivers the page's early messages to a module worker; decides nothing
      for (const e of early.splice(0)) g.dispatchEvent(new MessageEvent('message', { data: e.data as unknown, ports: [...e.ports], origin: e.origin, lastEventId: e.lastEventId }));
    };
    // A module that fails to load (its static import refused by the network) is reported to the page
    // as the worker's error event, as it is without the prelude: a rejection here would reach nobody.
    // eslint-disable-next-line no-restricted-syntax -- loads the module worker's script; decides nothing
    import(scriptUrl).then(handOn, (err: unknown) => {
      handOn();
      setTimeout(() => {
        throw err;
      });
    });
  }
}
