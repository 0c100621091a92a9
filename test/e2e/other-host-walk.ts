/**
 * `import()` from the CMS page to a host Precheck was never granted, walked alike in Chromium
 * (gate-routes.e2e.test.ts) and Firefox (test/e2e-firefox/gate-routes.e2e.test.ts). `import()` is
 * syntax no page hook can hold: only the browser's script-URL rule (lib/gate/script-url-rules.ts)
 * refuses it, and a declarativeNetRequest rule acts on a host the extension has no access to only
 * under the plain `declarativeNetRequest` permission (with `declarativeNetRequestWithHostAccess` the
 * request arrived). The other host is the control server (Precheck does not run there).
 */
import { expect } from 'vitest';
import { driverOf } from '../../lib/demo/playwright-driver.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { ID, openRoutes, ownDraft, writeDraft, type Outcome } from './gate-drive.ts';
import type { GateWalk } from './gate-walk.ts';

export const OTHER_HOST_IMPORT = {
  id: 'import()-other-host',
  label: "`import('http://<a host Precheck was not granted>/x.js?content=…')` in the page",
  route: 'element-url',
  path: '/sink/js/import-other',
} as const;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const run = (other: string) => `(window.__routes.other = ${JSON.stringify(other)}, window.__routes.run('import-other-host'))`;

/** Without Precheck (from `control` to the CMS server) the ID arrives; from the CMS page to `control`, nothing carrying it does. */
export async function walkOtherHostImport(w: GateWalk, control: CmsServer): Promise<void> {
  const driver = driverOf(w.tab);
  const c = OTHER_HOST_IMPORT;
  // control: the page on the uncovered host imports from the CMS server's host
  await driver.goto(`${control.url}/routes/index.html`);
  await driver.waitFor('window.__routes && window.__routes.ready === true');
  await driver.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(0, true))})`);
  let since = w.server.mark();
  await driver.evaluate(run(w.server.url)).catch(() => undefined);
  await expect.poll(() => w.server.carrying(ID, { path: c.path, since }).length, { timeout: 8_000 }).toBeGreaterThan(0).catch(() => undefined);
  const delivered = w.server.carrying(ID, { path: c.path, since }).length;
  w.note(c, 'control', delivered > 0 ? 'arrives with the ID' : 'MISSING');
  expect(delivered, 'the route delivers the ID without Precheck').toBeGreaterThan(0);

  // a draft with an ID, from the CMS page to the host Precheck has no access to
  await openRoutes(w.tab, w.server);
  await writeDraft(w.tab, ownDraft(7, true));
  since = control.mark();
  const outcome = await driver.evaluate<Outcome>(run(control.url)).catch(() => 'CLICKED' as const);
  await sleep(1_000);
  const leaked = control.carrying(ID, { since });
  const page = typeof outcome === 'string' ? outcome : (outcome.error ?? 'ok').slice(0, 40);
  w.note(c, 'withId', leaked.length === 0 ? `refused (page: ${page}); refused outright (any text, signed or not), not listed in the panel` : `LEAK (${leaked.length})`);
  expect(leaked).toEqual([]);
  expect(outcome).toMatchObject({ ok: false });
}
