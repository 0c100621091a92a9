// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import {
  adapterFromPicks,
  listAdapterFromPick,
  adapterIdFor,
  cssIdent,
  matchPatternFor,
  selectorFor,
  withAdapter,
} from '../../lib/policy/adapter-from-picks';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { parsePolicy } from '../../lib/policy/validate';

function el(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function roundTrips(target: Element): string {
  const sel = selectorFor(target);
  expect(sel).not.toBeNull();
  expect(document.querySelectorAll(sel!)).toHaveLength(1);
  expect(document.querySelector(sel!)).toBe(target);
  return sel!;
}

beforeEach(() => {
  document.body.innerHTML = `
    <div id="app">
      <table class="grid">
        <tr><td>题名</td><td><input type="text" name="f_0001"></td></tr>
        <tr><td>类别</td><td><select name="f_0002"></select></td></tr>
        <tr><td>审核人</td><td><input type="text" id="shr"></td></tr>
        <tr><td>重名</td><td><input type="text" name="dup"><input type="text" name="dup"></td></tr>
        <tr><td>生成</td><td><input type="text" id="ext-gen12345" class="x-form-text active"></td></tr>
      </table>
      <div class="actions">
        <div class="btn-x" data-act="p"><i class="ico"></i>确定</div>
        <div class="btn-x" data-act="s">暂存</div>
        <span class="plain">a</span><span class="plain">b</span>
      </div>
      <input type="button" value="提交审核">
      <div id="1st">digit id</div>
    </div>`;
});

describe('selectorFor', () => {
  test('a unique id wins', () => {
    expect(roundTrips(el('#shr'))).toBe('#shr');
  });

  test('else a unique name attribute', () => {
    expect(roundTrips(el('[name="f_0001"]'))).toBe('input[name="f_0001"]');
    expect(roundTrips(el('select'))).toBe('select[name="f_0002"]');
  });

  test('a data attribute describes a styled div control', () => {
    expect(roundTrips(el('[data-act="p"]'))).toBe('div[data-act="p"]');
  });

  test('a button input by its label value', () => {
    expect(roundTrips(el('input[type="button"]'))).toBe('input[value="提交审核"]');
  });

  test('duplicate names fall back to a path with :nth-of-type', () => {
    const second = document.querySelectorAll('[name="dup"]')[1]!;
    const sel = roundTrips(second);
    expect(sel).toContain(':nth-of-type(2)');
  });

  test('generated ids and state classes are not used', () => {
    const sel = roundTrips(el('.x-form-text'));
    expect(sel).not.toContain('ext-gen');
    expect(sel).not.toContain('active');
  });

  test('elements without attributes get a short unique path', () => {
    const sel = roundTrips(document.querySelectorAll('.plain')[1]!);
    expect(sel).toMatch(/span\.plain:nth-of-type\(2\)$/);
    expect(sel.split('>').length).toBeLessThanOrEqual(3);
  });

  test('ids starting with a digit are escaped', () => {
    expect(cssIdent('1st')).toBe('\\31 st');
    // happy-dom's selector engine may not read the escape; the element is still found uniquely.
    roundTrips(el('[id="1st"]'));
  });

  test('a detached element has none', () => {
    expect(selectorFor(document.createElement('div'))).toBeNull();
  });
});

describe('adapterFromPicks', () => {
  const url = 'http://127.0.0.1:8123/nonstandard.html?id=3';

  test('builds a valid adapter that the policy accepts', () => {
    const adapter = adapterFromPicks(
      url,
      {
        title: { selector: 'input[name="f_0001"]', framePath: [] },
        category: { selector: 'select[name="f_0002"]', framePath: [] },
        reviewer: { selector: '#shr', framePath: [] },
        publish: { selector: 'div[data-act="p"]', framePath: [] },
      },
      { kind: 'textarea' },
      '信息报送',
    );
    expect(matchPatternFor(url)).toBe('http://127.0.0.1:8123/nonstandard.html*');
    expect(adapter).toMatchObject({
      id: adapterIdFor(url),
      match: ['http://127.0.0.1:8123/nonstandard.html*'],
      editor: { kind: 'textarea' },
      fields: { title: 'input[name="f_0001"]', category: 'select[name="f_0002"]', reviewer: '#shr' },
      publishButtons: ['div[data-act="p"]'],
      publishRequests: [],
    });
    expect(adapter.fields.framePath).toBeUndefined();
    const parsed = parsePolicy(withAdapter(DEFAULT_POLICY, adapter));
    expect(parsed.ok).toBe(true);
  });

  test('the 保存草稿 and 发布 shown to teach mode become the draft-save and publish rules, and the policy takes them', () => {
    const saves = {
      draft: { method: 'POST' as const, urlPattern: 'wp-admin\\/post\\.php', field: { name: 'save', pattern: '^保存草稿$' } },
      publish: { method: 'POST' as const, urlPattern: 'wp-admin\\/post\\.php', field: { name: 'publish', pattern: '^发布$' } },
      otherStates: [{ method: 'POST' as const, urlPattern: 'wp-admin\\/post\\.php', field: { name: 'post_status', pattern: '^(?!draft$)' } }],
    };
    const adapter = adapterFromPicks(url, { title: { selector: '#title', framePath: [] }, publish: { selector: '#publish', framePath: [] } }, undefined, '', saves);
    expect(adapter.draftRequests).toEqual([saves.draft]);
    expect(adapter.publishRequests).toEqual([saves.publish, ...saves.otherStates]);
    expect(parsePolicy(withAdapter(DEFAULT_POLICY, adapter)).ok).toBe(true);
    // the draft saved by the publish control itself: its click is not stopped, its requests are judged
    expect(adapterFromPicks(url, { publish: { selector: '#save', framePath: [] } }, undefined, '', { ...saves, sharesControl: true }).publishButtons).toEqual([]);
    // not shown (跳过): no draft save is declared
    expect(adapterFromPicks(url, { publish: { selector: '#publish', framePath: [] } }).draftRequests).toBeUndefined();
  });

  test('栏目 and 公开方式 picks become the adapter\'s channel and disclosure fields', () => {
    const adapter = adapterFromPicks(url, {
      title: { selector: '#title', framePath: [] },
      channel: { selector: 'select[name="scode"]', framePath: [] },
      disclosure: { selector: '#gkfs', framePath: [] },
      publish: { selector: '#ok', framePath: [] },
    });
    expect(adapter.fields).toEqual({ title: '#title', channel: 'select[name="scode"]', disclosure: '#gkfs' });
    expect(parsePolicy(withAdapter(DEFAULT_POLICY, adapter)).ok).toBe(true);
  });

  test('a list page taught its publish control: the listPublish rule, no fields, no publish buttons', () => {
    const rule = { method: 'POST' as const, urlPattern: 'index\\.php\\?(?=.*\\ba=pass\\b)', ids: { from: 'body' as const, name: 'ids[]' } };
    const adapter = listAdapterFromPick('http://127.0.0.1:8123/cms/phpcms/content_list.html', rule, '内容管理');
    expect(adapter).toMatchObject({ match: ['http://127.0.0.1:8123/cms/phpcms/content_list.html*'], fields: {}, publishButtons: [], listPublish: [rule] });
    expect(parsePolicy(withAdapter(DEFAULT_POLICY, adapter)).ok).toBe(true);
  });

  test('fields in a frame carry the framePath; a field in another frame is left out', () => {
    const adapter = adapterFromPicks(url, {
      title: { selector: '#title', framePath: ['iframe#main'] },
      reviewer: { selector: '#reviewer', framePath: [] },
      publish: { selector: '#ok', framePath: ['iframe#main'] },
    });
    expect(adapter.fields).toEqual({ framePath: ['iframe#main'], title: '#title' });
  });

  test('teaching the same page again replaces its adapter, first in the list', () => {
    const publish = { selector: '#a', framePath: [] };
    const first = adapterFromPicks(url, { publish });
    const other = { ...first, id: 'other', match: ['http://127.0.0.1/*'] };
    const again = adapterFromPicks(url, { publish: { selector: '#b', framePath: [] } });
    const policy = withAdapter(withAdapter({ ...DEFAULT_POLICY, adapters: [other] }, first), again);
    expect(policy.adapters.map((a) => a.id)).toEqual([again.id, 'other']);
    expect(policy.adapters[0]!.publishButtons).toEqual(['#b']);
  });
});
