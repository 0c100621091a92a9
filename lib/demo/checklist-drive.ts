/**
 * Driving Precheck's pre-publish checklist (the in-page dialog) the way an editor and a reviewer
 * do: by its stable data- hooks, which Playwright's locators reach through the open shadow root.
 */
import type { Locator, Page } from 'playwright-core';

export type SectionId = 'findings' | 'fields' | 'confirm' | 'signoff';
export const CONFIRMATIONS = ['accuracy', 'completeness', 'timeliness', 'secrecy'] as const;

export const dialog = (page: Page): Locator => page.locator('[role=dialog]:has([data-section])');

export async function waitForChecklist(page: Page, timeout = 5_000): Promise<void> {
  await dialog(page).waitFor({ state: 'visible', timeout });
}

export async function checklistClosed(page: Page, timeout = 5_000): Promise<void> {
  await dialog(page).waitFor({ state: 'hidden', timeout });
}

export interface ChecklistView {
  complete: Record<SectionId, boolean>;
  problems: string[];
  publishEnabled: boolean;
  voided: boolean;
  message: string;
  text: string;
}

export async function checklistView(page: Page): Promise<ChecklistView> {
  const d = dialog(page);
  const complete = {} as Record<SectionId, boolean>;
  for (const id of ['findings', 'fields', 'confirm', 'signoff'] as const) {
    complete[id] = (await d.locator(`[data-section=${id}]`).getAttribute('data-complete')) === 'true';
  }
  const problems = await d.locator('[data-problem]').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem') ?? ''));
  const message = d.locator('[data-message]');
  return {
    complete,
    problems,
    publishEnabled: await d.locator('[data-action=publish]').isEnabled(),
    voided: (await d.locator('[data-voided]').count()) > 0,
    message: (await message.count()) > 0 ? await message.innerText() : '',
    text: await d.innerText(),
  };
}

/** Waits until the checklist shows what `ok` wants (it updates live as the draft and form change). */
export async function waitForView(page: Page, ok: (v: ChecklistView) => boolean, what: string, timeout = 8_000): Promise<ChecklistView> {
  const deadline = Date.now() + timeout;
  let view = await checklistView(page);
  while (!ok(view)) {
    if (Date.now() > deadline) throw new Error(`checklist: ${what} not reached; now ${JSON.stringify({ ...view, text: view.text.slice(0, 400) })}`);
    await page.waitForTimeout(100);
    view = await checklistView(page);
  }
  return view;
}

export async function confirmAll(page: Page): Promise<void> {
  for (const c of CONFIRMATIONS) await dialog(page).locator(`[data-confirm=${c}]`).check();
}

export async function markImportant(page: Page): Promise<void> {
  await dialog(page).locator('[data-confirm=important]').check();
}

/** Picks the person and types the PIN into the reviewer's (or the principal's) row, then signs. */
export async function signAs(page: Page, role: 'reviewer' | 'principal', personId: string, pin: string): Promise<void> {
  const d = dialog(page);
  await d.locator(`[data-input=${role}-select]`).selectOption(personId);
  await d.locator(`[data-input=pin-${role}]`).fill(pin);
  await d.locator(`[data-action=sign-${role}]`).click();
}

export async function pressChecklistPublish(page: Page): Promise<void> {
  await dialog(page).locator('[data-action=publish]').click();
}

export async function closeChecklist(page: Page): Promise<void> {
  const d = dialog(page);
  if (await d.isVisible()) await d.locator('[data-action=close]').click();
}

export interface FlowStep {
  name: string;
  /** Screenshot taken after the step (the demo keeps them). */
  shot?: string;
}

/**
 * The whole path of a draft through the checklist, as the demo shows it and the audit tests replay
 * it: the publish is stopped and the leak listed, the editor fixes it and fills the form, the reviewer
 * confirms, mistypes the PIN once, then signs, and 发布 runs the page's own publish.
 */
export async function walkChecklist(
  page: Page,
  steps: {
    publish(): Promise<void>;
    fix(): Promise<void>;
    fill(): Promise<void>;
    reviewer: { id: string; pin: string };
    principal?: { id: string; pin: string };
    after?(step: string): Promise<void>;
  },
): Promise<void> {
  const after = (step: string) => steps.after?.(step) ?? Promise.resolve();
  await steps.publish();
  await waitForChecklist(page);
  await waitForView(page, (v) => v.problems.includes('finding-block'), 'the leak listed');
  await after('blocked');
  await steps.fix();
  await waitForView(page, (v) => v.complete.findings, 'findings fixed');
  await steps.fill();
  await waitForView(page, (v) => v.complete.fields, 'fields filled');
  await confirmAll(page);
  await waitForView(page, (v) => v.complete.confirm, 'confirmed');
  await after('confirmed');
  await signAs(page, 'reviewer', steps.reviewer.id, '0000');
  await waitForView(page, (v) => v.message.includes('PIN'), 'wrong PIN refused');
  await after('wrong-pin');
  await signAs(page, 'reviewer', steps.reviewer.id, steps.reviewer.pin);
  if (steps.principal) {
    await waitForView(page, (v) => v.problems.includes('needs-principal'), 'principal asked for');
    await signAs(page, 'principal', steps.principal.id, steps.principal.pin);
  }
  await waitForView(page, (v) => v.publishEnabled, 'signed off');
  await after('signed');
  await pressChecklistPublish(page);
  await checklistClosed(page);
}
