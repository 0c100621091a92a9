/**
 * Drives the real-CMS fixtures (cms-fixtures.ts) in Chromium as a person would: open the page, wait
 * for its editor, fill title and 栏目, type the body through the editor's own editing surface, press
 * the CMS's own button. Shared by the control e2e and the gate's e2e tests.
 */
import type { Page } from 'playwright-core';
import { confirmAll, dialog, signAs, waitForView } from './checklist-drive.ts';
import { EDITOR_DRIVERS, type CmsFixture, type CmsListFixture, type PublishPath, type Step } from './cms-fixtures.ts';

/** A valid resident ID number (checksum correct, region 110105, born 1949-12-31) for drafts under test. */
export const SAMPLE_ID = '11010519491231002X';

export interface OpenedFixture {
  page: Page;
  /** page errors and console errors seen so far */
  errors: string[];
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Open a fixture in `page` and wait until its editor is ready (list pages: until loaded). */
export async function openFixture(page: Page, baseUrl: string, fixture: CmsFixture | CmsListFixture, { timeout = 20_000 } = {}): Promise<OpenedFixture> {
  const errors = watchErrors(page);
  await page.goto(baseUrl + fixture.path, { waitUntil: 'load' });
  if ('editor' in fixture) {
    const ready = EDITOR_DRIVERS[fixture.editor].ready;
    try {
      await page.waitForFunction(ready, null, { timeout, polling: 50 });
    } catch (err) {
      throw new Error(`${fixture.id}: editor not ready after ${timeout} ms; ${errors.join(' | ') || 'no page errors'}`, { cause: err });
    }
  }
  return { page, errors };
}

export async function runSteps(page: Page, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    if ('fill' in step) await page.locator(step.fill).fill(step.value);
    else if ('select' in step) await page.locator(step.select).selectOption(step.value);
    else if ('check' in step) await page.locator(step.check).check();
    else if ('uncheck' in step) await page.locator(step.uncheck).uncheck();
    else if ('press' in step) await page.locator(step.on).press(step.press, { noWaitAfter: true });
    else await (step.frame ? page.frameLocator(step.frame) : page).locator(step.click).click({ noWaitAfter: true });
  }
}

/**
 * Where `path`'s success shows once it is pressed: the page, or the window the page opens (SiteServer's
 * 预 览). Call it before pressing; await what it returns afterwards.
 */
export function successWindow(page: Page, path: PublishPath): () => Promise<Page> {
  if (path.opens !== 'window') return () => Promise.resolve(page);
  const opened = page.waitForEvent('popup', { timeout: 20_000 });
  // a run that fails before looking leaves this unasked: not an unhandled rejection of its own
  opened.catch(() => undefined);
  return () => opened;
}

/** Waits until `path`'s success shows (in the window it opened, which is then closed). */
export async function expectSuccess(page: Page, path: PublishPath, where: () => Promise<Page>): Promise<void> {
  const shown = await where();
  await shown.waitForFunction((text) => document.body?.innerText.includes(text), path.success, { timeout: 10_000 });
  if (shown !== page) await shown.close();
}

/** The editor's content read through its own API. */
export function editorContent(page: Page, fixture: CmsFixture): Promise<string> {
  return page.evaluate<string>(EDITOR_DRIVERS[fixture.editor].content);
}

/** Click into the editor's surface and type `text`; resolves once the editor's API holds it. */
export async function typeBody(page: Page, fixture: CmsFixture, text: string, { timeout = 5_000 } = {}): Promise<string> {
  const driver = EDITOR_DRIVERS[fixture.editor];
  await page.frameLocator(driver.frame).first().locator(driver.surface).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  const deadline = Date.now() + timeout;
  let content = await editorContent(page, fixture);
  while (!content.includes(text) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    content = await editorContent(page, fixture);
  }
  return content;
}

/** Replace the body through the editor's own API (an editor fixing a draft); resolves once it reads back. */
export async function setBody(page: Page, fixture: CmsFixture, html: string, { timeout = 5_000 } = {}): Promise<void> {
  const driver = EDITOR_DRIVERS[fixture.editor];
  await page.evaluate(driver.set(html));
  const want = html.replace(/<[^>]+>/g, '');
  const deadline = Date.now() + timeout;
  while (!(await editorContent(page, fixture)).includes(want)) {
    if (Date.now() > deadline) throw new Error(`${fixture.id}: the editor did not take the new body`);
    await page.waitForTimeout(50);
  }
}

/** Fill title / 栏目 and type a body holding `text`: the draft, ready for one of its publish paths. */
export async function prepareDraft(page: Page, fixture: CmsFixture, text: string): Promise<void> {
  await runSteps(page, fixture.fill);
  const content = await typeBody(page, fixture, text);
  if (!content.includes(text)) throw new Error(`${fixture.id}: typed text did not reach the editor (content: ${content.slice(0, 200)})`);
}

/** What the editor types into Precheck's own 栏目 where the CMS form has none (SiteServer). */
export const OWN_CHANNEL = '通知公告';

/**
 * In the open checklist on a CMS form without those fields: Precheck's own 信息类别 and 公开方式 (and
 * 栏目, where the form has none), the four confirmations, the reviewer's PIN; resolves once 发布 is enabled.
 */
export async function signChecklist(page: Page, o: { category: string; mode: string; reviewer: { id: string; pin: string } }): Promise<void> {
  const d = dialog(page);
  const ownChannel = d.locator('[data-own-field=channel] input');
  if ((await ownChannel.count()) > 0 && (await ownChannel.inputValue()) === '') await ownChannel.fill(OWN_CHANNEL);
  await d.locator('[data-own-field=category] select').selectOption(o.category);
  await d.locator('[data-own-field=disclosure] select').selectOption(o.mode);
  await waitForView(page, (v) => v.complete.fields && v.complete.findings, 'fields complete');
  await confirmAll(page);
  await signAs(page, 'reviewer', o.reviewer.id, o.reviewer.pin);
  await waitForView(page, (v) => v.complete.signoff && v.publishEnabled, 'signed off');
}

/** The refusals Precheck's panel lists on the page (route, endpoint, reason, items), one per line. */
export function panelRefusals(page: Page): Promise<string> {
  return page.evaluate<string>(
    `[...(document.querySelector('precheck-panel')?.shadowRoot?.querySelectorAll('[data-testid="precheck-refusals"] li') ?? [])].map((li) => li.innerText).join('\\n')`,
  );
}
