/**
 * Driving Precheck's pre-publish checklist (the in-page dialog) the way an editor and a reviewer
 * do: by its stable data- hooks inside the checklist's open shadow root. Each step takes a Playwright
 * page (Chromium) or any PageDriver (Firefox through puppeteer).
 */
import type { Locator, Page } from 'playwright-core';
import { DEEP_QUERY } from './page-driver.ts';
import { driverOf, type DriveTarget } from './playwright-driver.ts';

export type SectionId = 'findings' | 'fields' | 'confirm' | 'signoff';
export const CONFIRMATIONS = ['accuracy', 'completeness', 'timeliness', 'secrecy'] as const;

const DIALOG = '[role=dialog]:has([data-section])';
/** An element of the open checklist. */
export const inDialog = (selector: string) => `${DIALOG} ${selector}`;

/** The dialog as a Playwright locator, for Chromium tests that reach into it themselves. */
export const dialog = (page: Page): Locator => page.locator(DIALOG);

export async function waitForChecklist(target: DriveTarget, timeout = 5_000): Promise<void> {
  await driverOf(target).waitForSelector(DIALOG, 'visible', { timeout });
}

export async function checklistClosed(target: DriveTarget, timeout = 5_000): Promise<void> {
  await driverOf(target).waitForSelector(DIALOG, 'hidden', { timeout });
}

export interface ChecklistView {
  complete: Record<SectionId, boolean>;
  problems: string[];
  publishEnabled: boolean;
  voided: boolean;
  message: string;
  text: string;
}

const VIEW = `(() => {
  const d = ${DEEP_QUERY}(document, ${JSON.stringify(DIALOG)});
  if (!d) throw new Error('the checklist is not open');
  const complete = {};
  for (const id of ['findings', 'fields', 'confirm', 'signoff']) {
    complete[id] = d.querySelector('[data-section=' + id + ']')?.getAttribute('data-complete') === 'true';
  }
  const publish = d.querySelector('[data-action=publish]');
  const message = d.querySelector('[data-message]');
  return {
    complete,
    problems: [...d.querySelectorAll('[data-problem]')].map((e) => e.getAttribute('data-problem') ?? ''),
    publishEnabled: !!publish && !publish.matches(':disabled'),
    voided: !!d.querySelector('[data-voided]'),
    message: message ? message.innerText : '',
    text: d.innerText,
  };
})()`;

export function checklistView(target: DriveTarget): Promise<ChecklistView> {
  return driverOf(target).evaluate(VIEW);
}

/** Waits until the checklist shows what `ok` wants (it updates live as the draft and form change). */
export async function waitForView(target: DriveTarget, ok: (v: ChecklistView) => boolean, what: string, timeout = 8_000): Promise<ChecklistView> {
  const deadline = Date.now() + timeout;
  let view = await checklistView(target);
  while (!ok(view)) {
    if (Date.now() > deadline) throw new Error(`checklist: ${what} not reached; now ${JSON.stringify({ ...view, text: view.text.slice(0, 400) })}`);
    await new Promise((r) => setTimeout(r, 100));
    view = await checklistView(target);
  }
  return view;
}

export async function confirmAll(target: DriveTarget): Promise<void> {
  const driver = driverOf(target);
  for (const c of CONFIRMATIONS) await driver.check(inDialog(`[data-confirm=${c}]`));
}

export async function markImportant(target: DriveTarget): Promise<void> {
  await driverOf(target).check(inDialog('[data-confirm=important]'));
}

/** Picks the person and types the PIN into the reviewer's (or the principal's) row, then signs. */
export async function signAs(target: DriveTarget, role: 'reviewer' | 'principal', personId: string, pin: string): Promise<void> {
  const driver = driverOf(target);
  await driver.selectOption(inDialog(`[data-input=${role}-select]`), personId);
  await driver.fill(inDialog(`[data-input=pin-${role}]`), pin);
  await driver.click(inDialog(`[data-action=sign-${role}]`));
}

export async function pressChecklistPublish(target: DriveTarget): Promise<void> {
  await driverOf(target).click(inDialog('[data-action=publish]'));
}

/** Whether the checklist is open (shown) now. */
export function checklistOpen(target: DriveTarget): Promise<boolean> {
  return driverOf(target).evaluate<boolean>(`(() => { const d = ${DEEP_QUERY}(document, ${JSON.stringify(DIALOG)}); return !!d && d.checkVisibility(); })()`);
}

/** Waits for the checklist's message line (发布 says there that it left a publish to the page). */
export async function waitForChecklistMessage(target: DriveTarget, timeout = 10_000): Promise<void> {
  await driverOf(target).waitForSelector(inDialog('[data-message]'), 'visible', { timeout });
}

export async function closeChecklist(target: DriveTarget): Promise<void> {
  if (await checklistOpen(target)) await driverOf(target).click(inDialog('[data-action=close]'));
}

/** A reviewer's override of the first overridable warning: the reason, the reviewer, the PIN. */
async function overrideWarning(target: DriveTarget, reason: string, reviewer: { id: string; pin: string }): Promise<void> {
  const driver = driverOf(target);
  const row = (selector: string) => inDialog(`[data-problem=finding-needs-override] ${selector}`);
  await driver.fill(row('[data-input=reason]'), reason);
  await driver.selectOption(row('[data-input=override-reviewer]'), reviewer.id);
  await driver.fill(row('[data-input=pin-override]'), reviewer.pin);
  await driver.click(row('[data-action=override]'));
}

export interface WalkSteps {
  publish(): Promise<void>;
  fix(): Promise<void>;
  fill(): Promise<void>;
  reviewer: { id: string; pin: string };
  /** The unit head signs too; with `important`, the editor ticks 重要信息 so that they must. */
  principal?: { id: string; pin: string };
  important?: boolean;
  /** The fixed draft keeps overridable warnings: the reviewer overrides them with this reason. */
  override?: string;
  /**
   * Called after each step: blocked, fixed, overridden (with `override`), confirmed, wrong-pin,
   * reviewer-signed (with `principal`), signed.
   */
  after?(step: string): Promise<void>;
}

/**
 * The whole path of a draft through the checklist, as the demo shows it and the audit tests replay
 * it: the publish is stopped and the leak listed, the editor fixes it (a reviewer overrides what may
 * stay) and fills the form, the reviewer confirms, mistypes the PIN once, then signs (the unit head
 * after them when asked), and 发布 runs the page's own publish.
 */
export async function walkChecklist(target: DriveTarget, steps: WalkSteps): Promise<void> {
  const page = driverOf(target);
  const after = (step: string) => steps.after?.(step) ?? Promise.resolve();
  await steps.publish();
  await waitForChecklist(page);
  await waitForView(page, (v) => v.problems.includes('finding-block'), 'the leak listed');
  await after('blocked');
  await steps.fix();
  if (steps.override !== undefined) {
    await waitForView(page, (v) => !v.problems.includes('finding-block') && v.problems.includes('finding-needs-override'), 'only warnings left');
    await after('fixed');
    while ((await checklistView(page)).problems.includes('finding-needs-override')) {
      const left = (await checklistView(page)).problems.filter((p) => p === 'finding-needs-override').length;
      await overrideWarning(page, steps.override, steps.reviewer);
      await waitForView(page, (v) => v.problems.filter((p) => p === 'finding-needs-override').length < left, 'warning overridden');
    }
    await waitForView(page, (v) => v.complete.findings, 'findings done');
    await after('overridden');
  } else {
    await waitForView(page, (v) => v.complete.findings, 'findings fixed');
    await after('fixed');
  }
  await steps.fill();
  await waitForView(page, (v) => v.complete.fields, 'fields filled');
  await confirmAll(page);
  if (steps.important) await markImportant(page);
  await waitForView(page, (v) => v.complete.confirm, 'confirmed');
  await after('confirmed');
  await signAs(page, 'reviewer', steps.reviewer.id, '0000');
  await waitForView(page, (v) => v.message.includes('PIN'), 'wrong PIN refused');
  await after('wrong-pin');
  await signAs(page, 'reviewer', steps.reviewer.id, steps.reviewer.pin);
  if (steps.principal) {
    await waitForView(page, (v) => !v.problems.includes('needs-reviewer') && v.problems.includes('needs-principal'), 'reviewer signed, principal asked for');
    await after('reviewer-signed');
    await signAs(page, 'principal', steps.principal.id, steps.principal.pin);
  }
  await waitForView(page, (v) => v.publishEnabled, 'signed off');
  await after('signed');
  await pressChecklistPublish(page);
  await checklistClosed(page);
}
