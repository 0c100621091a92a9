/**
 * FIREFOX suite, enterprise policy: IT's policies.json (policies-json.ts) reaches Precheck as
 * storage.managed, locks its keys in the options page, and applies on the CMS — including a managed
 * origin with a port, which the user still grants once (no Firefox policy grants an extension's
 * optional host access) and which Firefox grants port-less.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { publish, sleep, typeInto, type CmsServer } from '../../lib/demo/drive.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { startCmsServer } from '../../lib/demo/server.ts';
import { showOptionsTab, type OptionsTab } from '../../lib/demo/options-drive.ts';
import { HIGHLIGHT_TEXTS, waitForBlockShown, waitForCounts, type HighlightTexts } from '../e2e/extension-helpers.ts';
import { LOCKED_LABELS } from '../e2e/policy-helpers.ts';
import { grantInOptions, openCms, panelAttached, startFirefox } from './firefox-helpers.ts';
import { createFirefoxPolicy, probeFirefoxPolicy, type FirefoxPolicy } from './policies-json.ts';

const HOST = '127.0.0.2';
const OFFICE_MOBILE = '13912345678';
const OTHER_MOBILE = '13698765432';
/** A unit's project codename: nothing built in flags it, only the managed customWords entry. */
const CODENAME = '青松工程';
/** The tabs whose parts hold a LockableGroup (components/options/shared.tsx). */
const LOCKABLE_TABS: readonly OptionsTab[] = ['rules', 'required', 'reviewers', 'records', 'sites'];
const DRAFT = `会议联系人：王丽，手机：${OFFICE_MOBILE}；值班：${OTHER_MOBILE}。${CODENAME}进度另行通报。`;

const probe = probeFirefoxPolicy();
if (probe.skip) console.warn(`[firefox managed-policy] skipped: ${probe.skip}`);

describe.skipIf(probe.skip !== undefined)(`Firefox policies.json${probe.skip ? ` (skipped: ${probe.skip})` : ''}`, () => {
  let policy: FirefoxPolicy;
  let firefox: FirefoxSession;
  let server: CmsServer;
  let options: PageDriver;
  let cms: PageDriver;
  let managed: Record<string, unknown>;
  let portOrigin: string;

  beforeAll(async () => {
    server = await startCmsServer({ host: HOST, port: 0 });
    portOrigin = `http://${HOST}:${server.port}/*`;
    managed = {
      origins: [...DEFAULT_POLICY.origins, portOrigin],
      allowList: { phones: [OFFICE_MOBILE], emails: [] },
      customWords: [{ word: CODENAME, severity: 'block', note: '项目代号，不得公开' }],
    };
    policy = createFirefoxPolicy(probe.mode!);
    policy.write(managed);
    firefox = await startFirefox({ executablePath: policy.executablePath });
    options = (await firefox.openExtensionPage('options.html')).driver;
    cms = (await firefox.newTab()).driver;
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    policy?.dispose();
  });

  test('Firefox hands the policies.json entry to the extension as storage.managed', async () => {
    expect(await options.evaluate('browser.storage.managed.get()')).toEqual(managed);
  });

  test('the managed keys are locked in the options page (origins, allowList, customWords), and nothing was refused', async () => {
    // One tab at a time: a part mounts when first shown and stays, so each tab with lockable groups
    // once puts every one of them on the page (origins in 站点, allowList and customWords in 规则).
    // Each switch in this headless Firefox takes about twice as long as the one before: only these.
    for (const tab of LOCKABLE_TABS) await showOptionsTab(options, tab);
    await options.waitFor(`document.querySelectorAll('fieldset[data-key-locked="true"]').length === 3`, { timeout: 10_000 });
    const locked = await options.evaluate<{ section: string; label: string }[]>(
      `[...document.querySelectorAll('fieldset[data-key-locked="true"]')].map((f) => ({
        section: f.closest('section').id, label: ((f.querySelector('legend .locked') || {}).textContent || '').trim() }))`,
    );
    expect(locked.map((g) => g.section).sort()).toEqual(['rules', 'rules', 'sites']);
    for (const g of locked) expect(LOCKED_LABELS).toContain(g.label);
    expect(await options.evaluate('document.querySelectorAll(".banner").length')).toBe(0);
  });

  test('the managed origin with a port is granted from its row (host, port-less) and then guarded with the managed rules', async () => {
    await openCms(cms, server.url, 'contenteditable');
    expect(await panelAttached(cms, 1_500), 'no Precheck before the grant').toBe(false);

    const note = await grantInOptions(options, portOrigin);
    expect(note).toContain(`http://${HOST}/*`);
    await options.waitFor(
      `browser.scripting.getRegisteredContentScripts().then((s) => s.length === 2 && s.every((x) => x.matches.includes(${JSON.stringify(`http://${HOST}/*`)})))`,
      { timeout: 10_000 },
    );

    await openCms(cms, server.url, 'contenteditable');
    expect(await panelAttached(cms)).toBe(true);
    await typeInto(cms, 'contenteditable', DRAFT);
    // The codename is a block finding (customWords); the other mobile a warning; the office mobile on
    // the managed allow-list draws nothing.
    await waitForCounts(cms, 1, 1, 8_000);
    await sleep(600);
    const marked = await cms.evaluate<HighlightTexts>(HIGHLIGHT_TEXTS);
    expect({ block: marked['precheck-block'], warn: marked['precheck-warn'] }).toEqual({ block: [CODENAME], warn: [OTHER_MOBILE] });

    server.reset();
    await publish(cms, 'contenteditable', 'click');
    expect(await waitForBlockShown(cms, 3_000)).toBe(true);
    await sleep(300);
    expect(server.posts.filter((p) => p.path === '/api/publish')).toEqual([]);
    // Headless Firefox switches options tabs ever more slowly (README, Firefox): on a loaded machine
    // the grant alone has taken most of the suite's 90 s.
  }, 180_000);
});
