/**
 * Window names carrying the draft, walked alike in Chromium (gate-routes.e2e.test.ts) and Firefox
 * (test/e2e-firefox/gate-routes.e2e.test.ts). A window's name is read by whatever document the window
 * shows next, another origin's too: a name carrying the draft is refused as it is written; an
 * ordinary name still works. Destination: the control host's name.html (Precheck does not run
 * there), which sends on the name it was given.
 */
import { expect } from 'vitest';
import { driverOf } from '../../lib/demo/playwright-driver.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { ID, openRoutes, ownDraft, refusalListed, writeDraft, type Outcome } from './gate-drive.ts';
import type { GateWalk } from './gate-walk.ts';

export interface NameCase {
  id: string;
  label: string;
  /** page code with the draft `D`, the other origin's page `O` and an attribute escaper `attr` */
  code: string;
}

export const NAME_CASES: readonly NameCase[] = [
  { id: 'window.name', label: '`window.name = draft`, then a navigation to another origin', code: `window.name = D; location.href = O;` },
  { id: 'window.open-name', label: "`window.open(otherOrigin, draft)` (the new window's name)", code: `if (!window.open(O, D)) throw new Error('window.open 返回 null');` },
  { id: 'iframe-name', label: '`iframe.name = draft` on a frame of another origin', code: `const f = document.createElement('iframe'); f.name = D; f.src = O; document.body.append(f);` },
  // found by the second probe: a name written inside markup
  { id: 'innerHTML-iframe-name', label: "`innerHTML = '<iframe name=draft src=otherOrigin>'`", code: `const N = D; const box = document.createElement('div'); box.innerHTML = '<iframe name="' + attr(N) + '" src="' + O + '"></iframe>'; document.body.append(box);` },
  { id: 'insertAdjacentHTML-a-target', label: "`insertAdjacentHTML('<a target=draft href=otherOrigin>')`, then a click", code: `const N = D; document.body.insertAdjacentHTML('beforeend', '<a id="named-link" href="' + O + '" target="' + attr(N) + '">预览</a>'); document.getElementById('named-link').click();` },
];

const SINK = '/sink/r/window-name';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const sendBy = (code: string, dest: string) =>
  `(async () => { const D = window.__routes.getContent(); const O = ${JSON.stringify(dest)}; const attr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;'); ${code} })().then(() => ({ ok: true }), (e) => ({ ok: false, error: String(e && e.message || e) }))`;

/** Without Precheck (from `control`) the name arrives; from the covered page it is refused; an ordinary name works. */
export async function walkWindowName(w: GateWalk, control: CmsServer, c: NameCase): Promise<void> {
  const driver = driverOf(w.tab);
  const dest = `${control.url}/routes/name.html`;
  const row = { id: c.id, label: c.label, route: 'window.name' };
  // control: from the uncovered host the name arrives
  await driver.goto(`${control.url}/routes/index.html`);
  await driver.waitFor('window.__routes && window.__routes.ready === true');
  await driver.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(0, true))})`);
  let since = control.mark();
  // a route that leaves the page may take the evaluation with it
  await driver.evaluate(sendBy(c.code, dest)).catch(() => undefined);
  await expect.poll(() => control.carrying(ID, { path: SINK, since }).length, { timeout: 8_000 }).toBeGreaterThan(0).catch(() => undefined);
  const delivered = control.carrying(ID, { path: SINK, since }).length;
  w.note(row, 'control', delivered > 0 ? 'arrives with the ID' : 'MISSING');
  await w.closeOthers();
  await driver.evaluate(`window.name = ''`).catch(() => undefined);
  expect(delivered, 'the route delivers the ID without Precheck').toBeGreaterThan(0);

  // a draft with an ID, from the covered page: refused where the name is written
  await openRoutes(w.tab, w.server);
  await writeDraft(w.tab, ownDraft(6, true));
  since = control.mark();
  const guardedSince = since;
  const outcome = await driver.evaluate<Outcome>(sendBy(c.code, dest)).catch(() => 'CLICKED' as const);
  await sleep(1_500);
  const leaked = control.carrying(ID, { since });
  await w.closeOthers();
  w.note(row, 'withId', leaked.length === 0 ? `refused (page: ${typeof outcome === 'string' ? outcome : (outcome.error ?? '').slice(0, 40)})` : `LEAK (${leaked.length})`);
  expect(leaked).toEqual([]);
  expect(outcome).toMatchObject({ ok: false });
  expect(await refusalListed(w.tab, 'window.name', '/')).toBe(true);

  // an ordinary name (no text in it) still goes
  since = control.mark();
  const plain = c.code.replace(/= D;|, D\)/, (m) => (m.startsWith('=') ? `= 'preview_main';` : `, 'preview_main')`));
  await driver.evaluate(sendBy(plain, dest));
  const arrived = await control.waitForRequests({ path: SINK, since }, { timeout: 8_000 }).catch(() => []);
  await w.closeOthers();
  w.note(row, 'signedOff', arrived.some((r) => r.text === 'preview_main') ? "an ordinary name ('preview_main'): arrives" : 'BROKEN');
  expect(arrived.map((r) => r.text)).toContain('preview_main');
  // a refused name must not leave later either (a navigation the page started that finishes late)
  expect(control.carrying(ID, { since: guardedSince })).toEqual([]);
}
