// @vitest-environment happy-dom
/**
 * The audit section and the review form over the real log (lib/audit/store) in fake-indexeddb: the
 * filters the page builds (local calendar days, menus) select what the reader stores.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewFormPage } from '../../components/audit/ReviewFormPage';
import { AuditSection } from '../../components/options/AuditSection';
import { createAuditLog, createAuditReader, openAuditDb, type AuditDb } from '../../lib/audit/store';
import type { AuditEntry, AuditReader } from '../../lib/audit/types';
import { click, render, select, type, until, useLocale, type Rendered } from '../options/helpers';
import { fakeAuditClient, layoutScrollBox } from './fake-log';

let view: Rendered | undefined;
let db: AuditDb;
let reader: AuditReader;

function entry(day: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    event: 'publish-blocked',
    origin: 'https://cms.example.gov.cn',
    title: `三月${day}日公示`,
    category: '05 社会保障',
    disclosure: '主动公开',
    editor: day % 2 ? '王编辑' : '李编辑',
    findings: { total: 1, counts: { 'cn-id': { block: 1 } }, excerpts: ['640221********123X'] },
    ...over,
  };
}

/** One record a day, 1–10 March 2025 at 09:30 local time; every third day's is a publish. */
async function seed(): Promise<void> {
  let day = 0;
  const log = createAuditLog(db, { now: () => new Date(2025, 2, day, 9, 30), policyVersion: () => 'pv-test' });
  for (day = 1; day <= 10; day++) {
    const publish = day % 3 === 0;
    const result = await log.append(
      entry(day, publish ? { event: 'publish-allowed', digest: 'ab'.repeat(32), signers: [{ id: 'r1', name: '张审核', role: 'reviewer', at: '2025-03-01T09:00:00.000+08:00' }], confirmations: { accuracy: true, completeness: true, timeliness: true, secrecy: true } } : {}),
    );
    if (!result.ok) throw new Error(result.message.en);
  }
}

const seqs = () => [...(view?.container.querySelectorAll<HTMLElement>('tbody tr[data-seq]') ?? [])].map((r) => Number(r.dataset.seq));
const total = () => view?.container.querySelector('[data-audit-total]')?.getAttribute('data-audit-total');

beforeEach(async () => {
  fakeBrowser.reset();
  useLocale('zh_CN');
  layoutScrollBox();
  db = await openAuditDb(`audit-ui-${Math.random().toString(36).slice(2)}`);
  reader = createAuditReader(db);
  await seed();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  db?.close();
  vi.restoreAllMocks();
});

it('lists the stored records newest first and narrows them by local calendar day', async () => {
  view = await render(<AuditSection reader={reader} client={fakeAuditClient()} />);
  await until(() => total() === '10');
  expect(seqs()).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  await type(view.container.querySelector('input[name=from]'), '2025-03-03');
  await type(view.container.querySelector('input[name=to]'), '2025-03-05');
  await until(() => total() === '3');
  expect(seqs()).toEqual([5, 4, 3]);
});

it('fills the menus from the stored facets and filters by them', async () => {
  view = await render(<AuditSection reader={reader} client={fakeAuditClient()} />);
  await until(() => total() === '10');
  await until(() => view!.container.querySelectorAll('select[name=editor] option').length === 3);
  await select(view.container.querySelector('select[name=editor]'), '李编辑');
  await select(view.container.querySelector('select[name=event]'), 'publish-allowed');
  await until(() => total() === '1');
  expect(seqs()).toEqual([6]);
});

it('exports what the filter shows and reports the count', async () => {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const client = fakeAuditClient();
  view = await render(<AuditSection reader={reader} client={client} />);
  await until(() => total() === '10');
  await select(view.container.querySelector('select[name=event]'), 'publish-allowed');
  await until(() => total() === '3');
  await click(view.container.querySelector('[data-export="jsonl"]'));
  await until(() => client.reports.length === 1);
  expect(client.reports).toEqual([{ format: 'jsonl', count: 3, throughSeq: 9 }]);
});

it('prints the review form of a stored publish, with the address the post-publication check found', async () => {
  const log = createAuditLog(db, { now: () => new Date(2025, 2, 11, 10, 0), policyVersion: () => 'pv-test' });
  const check = (publishedSeq: number, url: string, result: string) =>
    log.append({ event: 'post-publish-check', origin: 'https://www.example.gov.cn', url, title: '三月6日公示', detail: { result, publishedSeq } });
  // Another item's check, one naming seq 60 (contains "6"), then two checks of seq 6: the newest counts.
  await check(9, 'https://www.example.gov.cn/art/9.html', 'matches');
  await check(60, 'https://www.example.gov.cn/art/60.html', 'matches');
  await check(6, 'https://www.example.gov.cn/art/6-old.html', 'differs');
  await check(6, 'https://www.example.gov.cn/art/6.html', 'matches');
  view = await render(<ReviewFormPage reader={reader} seq="6" unitName={() => Promise.resolve('示例县人民政府办公室')} />);
  await until(() => view!.container.querySelector('[data-ready="true"]') !== null);
  const field = (name: string) => view!.container.querySelector(`[data-field="${name}"]`)?.textContent;
  expect(field('title')).toBe('三月6日公示');
  expect(field('time')).toBe('2025-03-06 09:30:00');
  expect(field('reviewer-name')).toBe('张审核');
  expect(field('unit')).toBe('示例县人民政府办公室');
  expect(field('url')).toBe('https://www.example.gov.cn/art/6.html');
  expect(field('check-code')).toBe('ABAB-ABAB');
});

it('prints 未核对 for a publish no post-publication check has seen', async () => {
  view = await render(<ReviewFormPage reader={reader} seq="3" />);
  await until(() => view!.container.querySelector('[data-ready="true"]') !== null);
  expect(view.container.querySelector('[data-field="url"]')?.textContent).toBe('未核对');
  expect(view.container.querySelector('[data-field="unit"]')?.textContent).toBe('（未设置单位名称）');
});
