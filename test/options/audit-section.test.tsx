// @vitest-environment happy-dom
/** 审计日志 on the options page, over a fake log of 100,000 records. */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AuditSection } from '../../components/options/AuditSection';
import { PAGE_SIZE } from '../../components/audit/usePagedQuery';
import { ROW_HEIGHT } from '../../components/audit/AuditTable';
import { AUDIT_EVENTS } from '../../lib/audit/types';
import { fakeAuditClient, fakeReader, fakeRecord as fakeRecordWith, layoutScrollBox, type FakeAuditClient, type FakeReader } from '../audit-ui/fake-log';
import { click, render, select, settle, type, until, useLocale, type Rendered } from './helpers';

let view: Rendered | undefined;
let reader: FakeReader;
let client: FakeAuditClient;

async function open(props: Partial<Parameters<typeof AuditSection>[0]> = {}): Promise<HTMLElement> {
  view = await render(<AuditSection reader={reader} client={client} {...props} />);
  await until(() => view!.container.querySelector('[data-audit-total]')?.getAttribute('data-audit-total') !== '' || !!view!.container.querySelector('[data-audit-error]'));
  return view.container.querySelector<HTMLElement>('section#audit')!;
}

const rows = (root: ParentNode) => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr[data-seq]')];
const seqs = (root: ParentNode) => rows(root).map((r) => Number(r.dataset.seq));
const lastQuery = () => reader.queries[reader.queries.length - 1]!;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('zh_CN');
  reader = fakeReader();
  client = fakeAuditClient();
  layoutScrollBox();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
});

describe('audit log table', () => {
  it('shows the total and only the rows in view of 100,000 records, newest first', async () => {
    const section = await open();
    expect(section.querySelector('h2')?.textContent).toBe('审计日志');
    expect(section.querySelector('[data-audit-total]')?.getAttribute('data-audit-total')).toBe('100000');
    expect(section.textContent).toContain('共 100,000 条记录');
    const shown = seqs(section);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    expect(shown.slice(0, 3)).toEqual([100_000, 99_999, 99_998]);
    // One page read, not the log.
    expect(reader.queries).toEqual([{ filter: {}, offset: 0, limit: PAGE_SIZE }]);
    // The spacer below stands for the rest, so the scrollbar is the whole log's.
    const spacer = section.querySelector<HTMLElement>('tbody tr.spacer:last-child');
    expect(parseFloat(spacer!.style.height)).toBeGreaterThan((100_000 - 100) * ROW_HEIGHT);
  });

  it('reads the page under the scroll position as the user scrolls', async () => {
    const section = await open();
    const box = section.querySelector<HTMLElement>('[data-audit-scroll]')!;
    await act(async () => {
      box.scrollTop = 50_000 * ROW_HEIGHT;
      box.dispatchEvent(new Event('scroll'));
      await Promise.resolve();
    });
    await until(() => seqs(section).includes(50_000));
    expect(reader.queries.some((q) => q.offset === 50_000 - (50_000 % PAGE_SIZE))).toBe(true);
    expect(rows(section).length).toBeLessThan(60);
    // Pages far from the view were never read.
    expect(reader.queries.length).toBeLessThanOrEqual(4);
  });

  it('names every event in Chinese, and shows site, people and summary', async () => {
    reader = fakeReader(AUDIT_EVENTS.length * 2);
    const section = await open();
    const events = Object.fromEntries(rows(section).map((r) => [r.dataset.event ?? '', r.cells[1]?.textContent ?? ''] as const));
    expect(Object.keys(events).sort()).toEqual([...AUDIT_EVENTS].sort());
    for (const label of Object.values(events)) expect(label).toMatch(/[\u4e00-\u9fff]|PIN/);
    expect(events['publish-allowed']).toBe('准予发布');
    const overridden = rows(section).find((r) => r.dataset.event === 'finding-overridden')!;
    const cells = [...overridden.cells].map((c) => c.textContent);
    expect(cells[0]).toMatch(/^2025-03-\d\d 09:\d\d:00$/);
    expect(cells[2]).toBe('cms.example.gov.cn');
    expect(cells[8]).toContain('敏感信息 2 处');
    expect(cells[8]).toContain('身份证号 1（阻止 1）');
    expect(cells[8]).toContain('理由：单位办公电话');
  });

  it('links a publish-allowed record to its printable review form, and no other record', async () => {
    const section = await open();
    const allowed = rows(section).filter((r) => r.dataset.event === 'publish-allowed');
    expect(allowed.length).toBeGreaterThan(0);
    for (const row of allowed) {
      const link = row.querySelector('a');
      expect(link?.getAttribute('href')).toBe(`review-form.html?seq=${row.dataset.seq}`);
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.textContent).toBe('打印审核登记表');
      expect(row.cells[7]?.textContent).toBe('张审核');
    }
    for (const row of rows(section).filter((r) => r.dataset.event !== 'publish-allowed')) expect(row.querySelector('a')).toBeNull();
  });
});

describe('audit log filters', () => {
  it('passes each filter to the reader and shows the filtered total', async () => {
    const section = await open();
    await type(section.querySelector('input[name=from]'), '2025-03-01');
    await type(section.querySelector('input[name=to]'), '2025-03-31');
    await select(section.querySelector('select[name=event]'), 'publish-allowed');
    await select(section.querySelector('select[name=editor]'), '王编辑');
    await select(section.querySelector('select[name=reviewer]'), '张审核');
    await select(section.querySelector('select[name=category]'), '02 政策文件');
    await select(section.querySelector('select[name=site]'), 'https://cms.example.gov.cn');
    await type(section.querySelector('input[name=text]'), ' 公示 ');
    await settle(350);
    const { filter, offset } = lastQuery();
    expect(offset).toBe(0);
    expect(filter).toMatchObject({
      event: 'publish-allowed',
      editor: '王编辑',
      reviewer: '张审核',
      category: '02 政策文件',
      site: 'https://cms.example.gov.cn',
      text: '公示',
    });
    // A calendar day from its first to its last millisecond, in the machine's time zone.
    expect(Date.parse(filter.from!)).toBe(new Date(2025, 2, 1).getTime());
    expect(Date.parse(filter.to!)).toBe(new Date(2025, 2, 31, 23, 59, 59, 999).getTime());
    await until(() => section.querySelector('[data-audit-total]')?.getAttribute('data-audit-total') === '42');
    expect(seqs(section)[0]).toBe(42);
  });

  it('lists the facets in the menus and clears every filter at once', async () => {
    const section = await open();
    const editors = [...section.querySelectorAll('select[name=editor] option')].map((o) => o.textContent);
    expect(editors).toEqual(['全部', '李编辑', '王编辑']);
    const events = [...section.querySelectorAll('select[name=event] option')].map((o) => o.textContent);
    expect(events).toHaveLength(AUDIT_EVENTS.length + 1);
    await select(section.querySelector('select[name=editor]'), '李编辑');
    await settle();
    expect(lastQuery().filter).toEqual({ editor: '李编辑' });
    await click([...section.querySelectorAll('button')].find((b) => b.textContent === '清除筛选'));
    await settle();
    expect(lastQuery().filter).toEqual({});
  });

  it('waits for typing to pause before searching', async () => {
    const section = await open();
    const before = reader.queries.length;
    await type(section.querySelector('input[name=text]'), '张');
    await type(section.querySelector('input[name=text]'), '张审');
    expect(reader.queries.length).toBe(before);
    await settle(350);
    expect(reader.queries.slice(before).map((q) => q.filter)).toEqual([{ text: '张审' }]);
  });
});

describe('audit log export', () => {
  async function exportAs(format: 'csv' | 'jsonl') {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:fake';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const section = await open();
    await select(section.querySelector('select[name=event]'), 'publish-allowed');
    await settle();
    await click(section.querySelector(`[data-export="${format}"]`));
    await until(() => client.reports.length > 0);
    return { section, blobs, names };
  }

  it('exports what the filter shows as CSV and tells the background', async () => {
    const { section, blobs, names } = await exportAs('csv');
    expect(reader.alls).toEqual([{ event: 'publish-allowed' }]);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^precheck-audit-\d{8}-\d{4}\.csv$/);
    const text = await blobs[0]!.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('关于第9号事项的公示');
    expect(client.reports).toEqual([{ format: 'csv', count: 3, throughSeq: 9 }]);
    await until(() => section.querySelector('[data-export-result]') !== null);
    expect(section.querySelector('[data-export-result]')?.textContent).toBe('已导出 3 条记录');
  });

  it('exports JSON Lines, one record per line', async () => {
    const { blobs, names } = await exportAs('jsonl');
    expect(names[0]).toMatch(/\.jsonl$/);
    const lines = (await blobs[0]!.text()).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([7, 8, 9]);
    expect(client.reports).toEqual([{ format: 'jsonl', count: 3, throughSeq: 9 }]);
  });

  it('says so in Chinese when reading the export fails', async () => {
    reader.all = () => Promise.reject(new Error('QuotaExceededError'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const section = await open();
    await click(section.querySelector('[data-export="csv"]'));
    await until(() => section.querySelector('[data-export-result]') !== null);
    expect(section.querySelector('[data-export-result]')?.textContent).toBe('导出失败：QuotaExceededError');
    expect(client.reports).toEqual([]);
  });
});

describe('audit log integrity check', () => {
  it('shows ✓ and the count when the chain is whole', async () => {
    const section = await open();
    await click(section.querySelector('[data-verify]'));
    await until(() => section.querySelector('[data-verify-result]') !== null);
    const result = section.querySelector<HTMLElement>('[data-verify-result]')!;
    expect(client.verifies).toBe(1);
    expect(result.dataset.ok).toBe('true');
    expect(result.textContent).toBe('✓ 完整性校验通过：共 100000 条记录，前后链接完整');
    expect(result.hasAttribute('data-first-bad')).toBe(false);
  });

  it('shows the first broken record and the message in red', async () => {
    client = fakeAuditClient({ ok: false, count: 100_000, firstBadSeq: 4711, problem: 'hash-mismatch', message: { zh: '记录内容与哈希不符', en: 'record does not match its hash' } });
    const section = await open();
    await click(section.querySelector('[data-verify]'));
    await until(() => section.querySelector('[data-verify-result]') !== null);
    const result = section.querySelector<HTMLElement>('[data-verify-result]')!;
    expect(result.dataset.ok).toBe('false');
    expect(result.dataset.firstBad).toBe('4711');
    expect(result.classList.contains('error')).toBe(true);
    expect(result.textContent).toContain('第 4711 条记录');
    expect(result.textContent).toContain('记录内容与哈希不符');
  });
});

describe('audit log failures', () => {
  it('says in Chinese that the log cannot be opened, and the section stays', async () => {
    const section = await open({ reader: () => Promise.reject(new Error('IndexedDB is not available')) });
    expect(section.querySelector('h2')?.textContent).toBe('审计日志');
    expect(section.querySelector('[data-audit-error]')?.textContent).toBe('无法打开审计日志：IndexedDB is not available（本浏览器可能禁用了 IndexedDB 存储，例如处于隐私浏览模式）');
  });

  it('says in Chinese that reading failed', async () => {
    reader.fail = new Error('UnknownError');
    const section = await open();
    expect(section.querySelector('[data-audit-error]')?.textContent).toBe('读取审计日志失败：UnknownError');
  });

  it('reads in English with the browser language', async () => {
    useLocale('en');
    const section = await open();
    expect(section.querySelector('h2')?.textContent).toBe('Audit log');
    expect(section.textContent).toContain('100,000 records');
    expect([...section.querySelectorAll('th')].map((th) => th.textContent)).toContain('Reviewer / unit head');
  });
});

it('keeps a record it cannot show from blanking the options page', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const broken = fakeReader(3);
  broken.query = () => Promise.resolve({ records: [{ ...fakeRecordWith(3), signers: 'not a list' as never }], total: 1 });
  reader = broken;
  view = await render(<AuditSection reader={reader} client={client} />);
  await until(() => !!view!.container.querySelector('[data-audit-error]'));
  const section = view.container.querySelector('section#audit')!;
  expect(section.querySelector('h2')?.textContent).toBe('审计日志');
  expect(section.querySelector('[data-audit-error]')?.textContent).toMatch(/^审计日志显示出错：/);
});
