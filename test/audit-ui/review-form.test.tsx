// @vitest-environment happy-dom
/** The printable 政务公开信息网上发布审核登记表 of one publish-allowed record. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseSeq, ReviewFormPage } from '../../components/audit/ReviewFormPage';
import type { AuditRecord } from '../../lib/audit/types';
import { render, until, useLocale, type Rendered } from '../options/helpers';
import { fakeAuditClient, fakeReader, type FakeReader } from './fake-log';

let view: Rendered | undefined;
let reader: FakeReader;

const DIGEST = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

/** An important item signed by both, concerning another unit, with two masked findings overridden. */
const SAMPLE: AuditRecord = {
  seq: 321,
  id: '5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  time: '2025-04-08T16:42:05.120+08:00',
  event: 'publish-allowed',
  origin: 'https://cms.pingluo.gov.example',
  url: 'https://cms.pingluo.gov.example/admin/article/edit?id=88123&channel=tzgg',
  title: '关于2025年城乡居民医疗保险参保缴费的通知',
  channel: '通知公告',
  category: '05 社会保障',
  disclosure: '主动公开',
  editor: '马晓燕',
  signers: [
    { id: 'r-1', name: '杨建国', role: 'reviewer', at: '2025-04-08T16:30:11.000+08:00' },
    { id: 'r-2', name: '李淑芬', role: 'principal', at: '2025-04-08T16:40:59.000+08:00' },
  ],
  digest: DIGEST,
  findings: { total: 2, counts: { phone: { warn: 1 }, 'cn-id': { warn: 1 } }, excerpts: ['139****5678', '640221********123X'] },
  confirmations: { accuracy: true, completeness: true, timeliness: true, secrecy: true, otherUnit: '县医疗保障局' },
  detail: { important: true },
  policyVersion: 'pv-7c41e2',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

async function open(seq: string | null, client = fakeAuditClient()): Promise<HTMLElement> {
  view = await render(<ReviewFormPage reader={reader} seq={seq} client={client} unitName={() => Promise.resolve('平罗县人民政府办公室')} />);
  await until(() => view!.container.querySelector('[data-ready="true"]') !== null);
  return view.container.querySelector<HTMLElement>('.review-form-page')!;
}

const field = (root: ParentNode, name: string) => root.querySelector(`[data-field="${name}"]`)?.textContent;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('zh_CN');
  reader = fakeReader(1000);
  reader.extra.set(SAMPLE.seq, SAMPLE);
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
});

describe('review form', () => {
  it('shows every field of the record in a bordered form', async () => {
    const page = await open('321');
    expect(page.dataset.found).toBe('true');
    expect(page.querySelector('h1')?.textContent).toBe('政务公开信息网上发布审核登记表');
    expect(field(page, 'title')).toBe(SAMPLE.title);
    expect(field(page, 'channel')).toBe('通知公告');
    expect(field(page, 'category')).toBe('05 社会保障');
    expect(field(page, 'disclosure')).toBe('主动公开');
    expect(field(page, 'editor')).toBe('马晓燕');
    expect(field(page, 'time')).toBe('2025-04-08 16:42:05');
    expect(field(page, 'reviewer-name')).toBe('杨建国');
    expect(field(page, 'reviewer-time')).toBe('2025-04-08 16:30:11');
    expect(field(page, 'principal-name')).toBe('李淑芬');
    expect(field(page, 'principal-time')).toBe('2025-04-08 16:40:59');
    expect(field(page, 'seq')).toBe('321');
    expect(field(page, 'unit')).toBe('平罗县人民政府办公室');
    // Labels of a Chinese government form.
    const labels = [...page.querySelectorAll('th')].map((th) => th.textContent);
    for (const label of ['标题', '栏目', '信息类别', '公开方式', '发布网址', '拟稿人/编辑', '审核人', '主要负责人', '审核确认', '敏感信息检查', '审核意见'])
      expect(labels).toContain(label);
  });

  it('prints a short check code instead of the digest, and no record id or hash', async () => {
    const page = await open('321');
    expect(field(page, 'check-code')).toBe('9F86-D081');
    const text = page.textContent ?? '';
    expect(text).not.toContain(DIGEST);
    expect(text).not.toContain(SAMPLE.id);
    expect(text).not.toMatch(/[0-9a-f]{16}/i);
    // The CMS's edit address is not where the item was published.
    expect(text).not.toContain('admin/article/edit');
  });

  it('says 未核对 where no post-publication check found the page, and the address where one did', async () => {
    const unchecked = await open('321');
    expect(field(unchecked, 'url')).toBe('未核对');
    view?.unmount();
    const query = reader.query.bind(reader);
    reader.query = (filter, offset, limit) =>
      filter.event === 'post-publish-check'
        ? Promise.resolve({
            records: [{ ...SAMPLE, seq: 400, event: 'post-publish-check', url: 'https://www.pingluo.gov.example/zwgk/art/2025/4/8/art_88123.html', detail: { result: 'differs', publishedSeq: 321 } }],
            total: 1,
          })
        : query(filter, offset, limit);
    const checked = await open('321');
    expect(field(checked, 'url')).toBe('https://www.pingluo.gov.example/zwgk/art/2025/4/8/art_88123.html（发布后核对：与签发内容不一致）');
  });

  it('has an empty 审核意见 box to write in', async () => {
    const page = await open('321');
    const opinion = page.querySelector('[data-field="opinion"]');
    expect(opinion?.textContent).toBe('');
    expect(opinion?.closest('tr')?.querySelector('th')?.textContent).toBe('审核意见');
  });

  it('stays Chinese in an English browser: it is an official form', async () => {
    useLocale('en');
    const page = await open('321');
    expect(page.querySelector('h1')?.textContent).toBe('政务公开信息网上发布审核登记表');
    expect(page.querySelector('[data-print]')?.textContent).toBe('打印');
    expect(field(page, 'findings')).toContain('敏感信息 2 处');
    const words = (page.textContent ?? '').replace(/https?:\/\/\S+/g, '').match(/[A-Za-z]{2,}/g) ?? [];
    expect(words.filter((w) => w !== 'PIN')).toEqual([]);
  });

  it('ticks the confirmations and names the other unit', async () => {
    const page = await open('321');
    expect(page.querySelector('[data-field="confirmations"]')?.textContent).toBe('☑ 准确性☑ 完整性☑ 时效性☑ 保密审查');
    expect(page.querySelector('[data-field="other-unit"]')?.textContent).toBe('涉及其他单位：☐ 否☑ 是：县医疗保障局');
  });

  it('leaves a box empty that was not confirmed', async () => {
    reader.extra.set(5, { ...SAMPLE, seq: 5, confirmations: { accuracy: true, completeness: false, timeliness: true, secrecy: true } });
    const page = await open('5');
    expect(page.querySelector('[data-field="confirmations"]')?.textContent).toContain('☐ 完整性');
    expect(page.querySelector('[data-field="other-unit"]')?.textContent).toBe('涉及其他单位：☑ 否☐ 是');
  });

  it('summarises the findings with masked excerpts only', async () => {
    const page = await open('321');
    const findings = field(page, 'findings') ?? '';
    expect(findings).toContain('敏感信息 2 处');
    expect(findings).toContain('电话号码 1（警告 1）');
    expect(findings).toContain('身份证号 1（警告 1）');
    expect([...page.querySelectorAll('.excerpts li')].map((li) => li.textContent)).toEqual(['139****5678', '640221********123X']);
  });

  it('says a principal is not needed for an item that is not important', async () => {
    reader.extra.set(6, { ...SAMPLE, seq: 6, signers: SAMPLE.signers!.slice(0, 1), detail: {} });
    const page = await open('6');
    expect(field(page, 'principal-name')).toBe('非重要信息，无需');
    expect(field(page, 'reviewer-name')).toBe('杨建国');
  });

  it('has blank lines for the wet signatures and a print button that paper does not show', async () => {
    const page = await open('321');
    const signatures = page.querySelector('.signatures')?.textContent ?? '';
    expect(signatures).toContain('审核人签字：');
    expect(signatures).toContain('主要负责人签字：');
    expect(signatures.match(/日期：/g)).toHaveLength(2);
    expect(page.querySelectorAll('.signatures .blank')).toHaveLength(4);
    const print = page.querySelector<HTMLButtonElement>('[data-print]');
    expect(print?.textContent).toBe('打印');
    expect(print?.closest('.no-print')).not.toBeNull();
    expect(document.title).toBe('政务公开信息网上发布审核登记表-321');
  });

  it('records one form export when the form is printed', async () => {
    const client = fakeAuditClient();
    await open('321', client);
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('beforeprint'));
    expect(client.reports).toEqual([{ format: 'form', count: 1, throughSeq: 321 }]);
  });
});

describe('review form without a record', () => {
  it.each([
    [null, '未指定记录序号'],
    ['abc', '记录序号“abc”无效'],
    ['4000', '审计日志中没有第 4000 条记录'],
    // fakeRecord(1) is a finding-overridden record: no form for it.
    ['1', '第 1 条记录不是“准予发布”记录'],
  ])('?seq=%s says %s', async (seq, message) => {
    const page = await open(seq);
    expect(page.dataset.found).toBe('false');
    expect(page.querySelector('[data-form-problem]')?.textContent).toContain(message);
    expect(page.querySelector('[data-print]')).toBeNull();
  });

  it('says the log cannot be opened', async () => {
    view = await render(<ReviewFormPage reader={() => Promise.reject(new Error('IndexedDB is not available'))} seq="3" />);
    await until(() => view!.container.querySelector('[data-ready="true"]') !== null);
    expect(view.container.querySelector('[data-form-problem]')?.textContent).toContain('无法打开审计日志');
  });

  it('accepts only positive whole numbers as seq', () => {
    expect(parseSeq('12')).toBe(12);
    for (const bad of [null, '', '0', '-1', '1e3', '1.5', ' 12', '012']) expect(parseSeq(bad)).toBeNull();
  });
});
