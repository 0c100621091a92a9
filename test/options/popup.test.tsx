// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupHeader, type PopupApi } from '../../components/popup/PopupHeader';
import { click, render, settle, useLocale, type Rendered } from './helpers';

let view: Rendered | undefined;

function api(url: string | undefined, covered: boolean): PopupApi & { opened: number; audits: number } {
  const a = {
    opened: 0,
    audits: 0,
    activeTabUrl: () => Promise.resolve(url),
    isCovered: () => Promise.resolve(covered),
    openOptions: () => {
      a.opened++;
      return Promise.resolve();
    },
    openAudit: () => {
      a.audits++;
      return Promise.resolve();
    },
  };
  return a;
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('zh_CN');
});

afterEach(() => {
  view?.unmount();
  vi.restoreAllMocks();
});

it('says 未在此网站启用 when the browser does not tell the tab URL (no host access)', async () => {
  view = await render(<PopupHeader api={api(undefined, true)} />);
  await settle();
  expect(view.container.querySelector('[data-coverage]')?.textContent).toBe('未在此网站启用');
});

it('says it is on for a covered tab, and opens the options page', async () => {
  const a = api('https://cms.example.gov.cn/admin', true);
  view = await render(<PopupHeader api={a} />);
  await settle();
  expect(view.container.querySelector('[data-coverage]')?.getAttribute('data-coverage')).toBe('on');
  await click(view.container.querySelector('a'));
  expect(a.opened).toBe(1);
  await click(view.container.querySelector('[data-open-audit]'));
  expect(view.container.querySelector('[data-open-audit]')?.textContent).toBe('审计日志');
  expect(a.audits).toBe(1);
});

it('says 未在此网站启用 for a tab outside the policy', async () => {
  view = await render(<PopupHeader api={api('https://news.example.com/', false)} />);
  await settle();
  expect(view.container.querySelector('[data-coverage]')?.textContent).toBe('未在此网站启用');
});
