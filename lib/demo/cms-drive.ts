/**
 * Drives the real-CMS fixtures (cms-fixtures.ts) as a person would: open the page, wait for its
 * editor, fill title and 栏目, type the body through the editor's own editing surface, press the
 * CMS's own button. Shared by the control e2e and the gate's e2e tests; the page is a Playwright page
 * (Chromium) or any PageDriver (Firefox), except where a step needs Playwright's events (popups, errors).
 */
import type { Page } from 'playwright-core';
import { confirmAll, inDialog, signAs, waitForView } from './checklist-drive.ts';
import { EDITOR_DRIVERS, type CmsFixture, type CmsListFixture, type PublishPath, type Step } from './cms-fixtures.ts';
import { DEEP_QUERY } from './page-driver.ts';
import { driverOf, type DriveTarget } from './playwright-driver.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A valid resident ID number (checksum correct, region 110105, born 1949-12-31) for drafts under test. */
export const SAMPLE_ID = '11010519491231002X';

export interface OpenedFixture {
  page: DriveTarget;
  /** page errors and console errors seen so far (a Playwright page's only) */
  errors: string[];
}

function watchErrors(page: DriveTarget): string[] {
  const errors: string[] = [];
  if (!('on' in page)) return errors;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Open a fixture in `page` and wait until its editor is ready (list pages: until loaded). */
export async function openFixture(page: DriveTarget, baseUrl: string, fixture: CmsFixture | CmsListFixture, { timeout = 20_000 } = {}): Promise<OpenedFixture> {
  const errors = watchErrors(page);
  const driver = driverOf(page);
  await driver.goto(baseUrl + fixture.path);
  await driver.waitFor(`document.readyState === 'complete'`, { timeout });
  if ('editor' in fixture) {
    try {
      await driver.waitFor(EDITOR_DRIVERS[fixture.editor].ready, { timeout });
    } catch (err) {
      throw new Error(`${fixture.id}: editor not ready after ${timeout} ms; ${errors.join(' | ') || 'no page errors'}`, { cause: err });
    }
  }
  return { page, errors };
}

export async function runSteps(page: DriveTarget, steps: readonly Step[]): Promise<void> {
  const driver = driverOf(page);
  for (const step of steps) {
    if ('fill' in step) await driver.fill(step.fill, step.value);
    else if ('select' in step) await driver.selectOption(step.select, step.value);
    else if ('check' in step) await driver.check(step.check);
    else if ('uncheck' in step) await driver.uncheck(step.uncheck);
    else if ('press' in step) {
      await driver.focus(step.on);
      await driver.press(step.press);
    } else await driver.click(step.click, step.frame ? [step.frame] : []);
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
export function editorContent(page: DriveTarget, fixture: CmsFixture): Promise<string> {
  return driverOf(page).evaluate<string>(EDITOR_DRIVERS[fixture.editor].content);
}

/** Click into the editor's surface and type `text`; resolves once the editor's API holds it. */
export async function typeBody(page: DriveTarget, fixture: CmsFixture, text: string, { timeout = 5_000 } = {}): Promise<string> {
  const editor = EDITOR_DRIVERS[fixture.editor];
  const driver = driverOf(page);
  await driver.click(editor.surface, [editor.frame]);
  await driver.press('Control+End');
  await driver.type(text);
  const deadline = Date.now() + timeout;
  let content = await editorContent(page, fixture);
  while (!content.includes(text) && Date.now() < deadline) {
    await sleep(50);
    content = await editorContent(page, fixture);
  }
  return content;
}

/** Replace the body through the editor's own API (an editor fixing a draft); resolves once it reads back. */
export async function setBody(page: DriveTarget, fixture: CmsFixture, html: string, { timeout = 5_000 } = {}): Promise<void> {
  await driverOf(page).evaluate(EDITOR_DRIVERS[fixture.editor].set(html));
  const want = html.replace(/<[^>]+>/g, '');
  const deadline = Date.now() + timeout;
  while (!(await editorContent(page, fixture)).includes(want)) {
    if (Date.now() > deadline) throw new Error(`${fixture.id}: the editor did not take the new body`);
    await sleep(50);
  }
}

/** Fill title / 栏目 and type a body holding `text`: the draft, ready for one of its publish paths. */
export async function prepareDraft(page: DriveTarget, fixture: CmsFixture, text: string): Promise<void> {
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
export async function signChecklist(page: DriveTarget, o: { category: string; mode: string; reviewer: { id: string; pin: string } }): Promise<void> {
  const driver = driverOf(page);
  const own = (field: string, control: string) => inDialog(`[data-own-field=${field}] ${control}`);
  const channel = await driver.evaluate<string | null>(`(() => { const el = ${DEEP_QUERY}(document, ${JSON.stringify(own('channel', 'input'))}); return el ? el.value : null; })()`);
  if (channel === '') await driver.fill(own('channel', 'input'), OWN_CHANNEL);
  await driver.selectOption(own('category', 'select'), o.category);
  await driver.selectOption(own('disclosure', 'select'), o.mode);
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
