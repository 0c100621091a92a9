/**
 * Every way a mock CMS page can send a publish, as data: the Chromium suite (test/e2e/
 * extension.e2e.test.ts) and the Firefox suite (test/e2e-firefox/) both walk this table, so a route
 * added here (the gate's new ones: sendBeacon, a Worker, window.open …) is tried in both browsers.
 *
 * A route runs on a page whose draft carries an ID number, after `installPageHandlers`; the suites
 * (test/e2e/publish-walk.ts) check what must follow under gate v2 — the page's own handlers may run,
 * what leaves is judged: nothing carrying the ID arrives, no POST to /api/publish, no navigation, and
 * (where `reports`) the panel says the publish was stopped.
 */
import { editorPage, type EditorKind, type EditorPage, type PublishKind } from './drive.ts';
import type { PageDriver } from './page-driver.ts';

/** How long an async publish may take to come back through the page's own error path. */
export const ASYNC_LIMIT_MS = 3_000;
/** Pages where Enter in 标题 submits the form natively (a submit button publishes). */
export const ENTER_SUBMITS: ReadonlySet<EditorKind> = new Set(['ueditor', 'textarea']);

export interface PublishRoute {
  name: string;
  /** The route publishes on this page, so the panel must report it stopped (else it must do nothing). */
  reports(info: EditorPage): boolean;
  /** Runs it; returns what went wrong that only the run can see (an async publish's own result). */
  run(driver: PageDriver, info: EditorPage): Promise<string[]>;
}

/** The page's own native publish path (besides the click): what its keyboard shortcut would call. */
export const nativePath = (info: EditorPage): PublishKind => info.paths.find((p) => p !== 'click')!;

const STEP_NAMES: Record<Exclude<PublishKind, 'click'>, string> = {
  submit: 'form.submit()',
  requestSubmit: 'requestSubmit()',
  fetch: 'fetch',
  xhr: 'xhr',
  ajax: '$.ajax',
};

/** Runs `__cms.publishVia(kind)` and waits for the page's own result, at most ASYNC_LIMIT_MS. */
export function publishAsync(driver: PageDriver, via: PublishKind): Promise<{ ok: boolean; error?: string } | 'HUNG'> {
  return driver.evaluate(`Promise.race([
    window.__cms.publishVia(${JSON.stringify(via)}),
    new Promise((resolve) => setTimeout(() => resolve('HUNG'), ${ASYNC_LIMIT_MS})),
  ])`);
}

export function statusNow(driver: PageDriver, kind: EditorKind): Promise<string> {
  return driver.evaluate(`document.getElementById('status').textContent`, editorPage(kind).formFrames);
}

/** A CMS that publishes on Ctrl+S and Ctrl+Enter in its editing document (as many do). */
export async function installPageHandlers(driver: PageDriver, info: EditorPage): Promise<void> {
  const native = JSON.stringify(nativePath(info));
  await driver.evaluate(`(() => {
    document.addEventListener('keydown', (e) => {
      if (!e.ctrlKey) return;
      const key = e.key.toLowerCase();
      if (key !== 's' && key !== 'enter') return;
      e.preventDefault();
      top.__cms.publishVia(${native});
    });
  })()`, info.surfaceFrames);
}

/** Adds two publish controls long after load: a native submit button and a script-bound link. */
export async function addLateButtons(driver: PageDriver, info: EditorPage): Promise<void> {
  const native = JSON.stringify(nativePath(info));
  await driver.evaluate(`(() => {
    if (document.getElementById('late-submit')) return;
    const actions = document.querySelector('#cms-form .actions');
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.id = 'late-submit';
    submit.textContent = '发布';
    actions.append(submit);
    const link = document.createElement('a');
    link.href = 'javascript:;';
    link.id = 'late-script';
    link.className = 'btn';
    link.textContent = '立即发布';
    link.addEventListener('click', (e) => {
      e.preventDefault();
      top.__cms.publishVia(${native});
    });
    actions.append(link);
  })()`, info.formFrames);
}

/** A key chord typed at the end of the draft, in the editing surface. */
const inEditor = (keys: string): PublishRoute['run'] => async (driver, info) => {
  await driver.click(info.surface, info.surfaceFrames);
  await driver.press('Control+End');
  await driver.press(keys);
  return [];
};

const always = () => true;

/** A page's own native path (form.submit(), fetch, XHR, $.ajax …). */
function nativeRoute(via: Exclude<PublishKind, 'click'>): PublishRoute {
  return {
    name: STEP_NAMES[via],
    reports: always,
    async run(driver, info) {
      if (via === 'submit' || via === 'requestSubmit') {
        await driver.evaluate(`void setTimeout(() => window.__cms.publishVia(${JSON.stringify(via)}))`);
        return [];
      }
      const problems: string[] = [];
      const result = await publishAsync(driver, via);
      if (result === 'HUNG') problems.push(`request hung > ${ASYNC_LIMIT_MS} ms`);
      else if (result.ok !== false) problems.push(`page result ${JSON.stringify(result)}`);
      const status = await statusNow(driver, info.kind);
      if (!status.includes('发布失败')) problems.push(`status "${status}" (want 发布失败)`);
      return problems;
    },
  };
}

/** The routes that apply to a page, in the order the suites try them. */
export function publishRoutes(info: EditorPage): PublishRoute[] {
  return [
    {
      name: 'click 发布',
      reports: always,
      run: async (driver) => {
        await driver.click('#btn-publish', info.formFrames);
        return [];
      },
    },
    {
      name: 'Enter in 标题',
      reports: (i) => ENTER_SUBMITS.has(i.kind),
      run: async (driver) => {
        await driver.click('#title', info.formFrames);
        await driver.press('Enter');
        return [];
      },
    },
    { name: 'Ctrl+S in editor', reports: always, run: inEditor('Control+s') },
    { name: 'Ctrl+Enter in editor', reports: always, run: inEditor('Control+Enter') },
    ...info.paths.filter((p): p is Exclude<PublishKind, 'click'> => p !== 'click').map(nativeRoute),
    {
      name: 'late submit button',
      reports: always,
      run: async (driver) => {
        await addLateButtons(driver, info);
        await driver.click('#late-submit', info.formFrames);
        return [];
      },
    },
    {
      name: 'late script link',
      reports: always,
      run: async (driver) => {
        await addLateButtons(driver, info);
        await driver.click('#late-script', info.formFrames);
        return [];
      },
    },
  ];
}
