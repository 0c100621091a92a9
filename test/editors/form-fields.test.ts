// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFormFields, focusField, readCurrentUser, readField, readFields, resolveFramePath } from '../../lib/editors/form-fields';
import { userNameFrom } from '../../lib/editors/current-user';

const PARTIALS = join(import.meta.dirname, '../../lib/demo/pages/_partials');
const partial = (name: string) => readFileSync(join(PARTIALS, name), 'utf8');

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('cms');
  doc.body.innerHTML = html;
  return doc;
}

/** A same-origin frame: happy-dom builds srcdoc frames (it does not load others). */
function withFrame(top: Document, id: string, html: string): Document {
  const frame = top.createElement('iframe');
  frame.id = id;
  frame.setAttribute('srcdoc', html);
  top.body.append(frame);
  return frame.contentDocument!;
}

function select(el: HTMLElement | undefined, value: string): void {
  (el as HTMLSelectElement).value = value;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('findFormFields', () => {
  it('finds every field of the demo CMS form by name/id and reads them', () => {
    const doc = page(`<form>${partial('_fields.html')}</form>`);
    const found = findFormFields([doc]);
    expect(Object.keys(found).sort()).toEqual(['category', 'channel', 'disclosure', 'reviewer', 'title']);
    (found.title as HTMLInputElement).value = '  关于春耕的通知 ';
    select(found.category, '03');
    select(found.disclosure, '主动公开');
    const readings = readFields(found);
    expect(readings.title).toEqual({ present: true, value: '关于春耕的通知', text: '关于春耕的通知' });
    expect(readings.category).toEqual({ present: true, value: '03', text: '（三）干部任免、公务员招录等人事管理情况' });
    expect(readings.disclosure).toEqual({ present: true, value: '主动公开', text: '主动公开' });
    // Nothing chosen: the placeholder option's empty value, so the checklist sees it as missing.
    expect(readings.channel).toMatchObject({ present: true, value: '' });
    expect(readings.reviewer).toEqual({ present: true, value: '', text: '' });
  });

  it('finds fields by the label cell of a table layout, with radio buttons for 公开方式', () => {
    const doc = page(`
      <table>
        <tr><td>* 文章标题：</td><td><input type="text" name="f1"></td></tr>
        <tr><td>所属栏目</td><td><select name="f2"><option value="7">通知公告</option></select></td></tr>
        <tr><td>主题分类</td><td><select name="f3"><option value="">请选择</option><option value="x9">其他</option></select></td></tr>
        <tr><td>公开属性：</td><td>
          <label><input type="radio" name="f4" value="1">主动公开</label>
          <label><input type="radio" name="f4" value="2">依申请公开</label>
          <input type="radio" name="f4" value="3" id="r3"><label for="r3">不予公开</label>
        </td></tr>
        <tr><td>审核负责人</td><td><input name="f5" value=" 李四 "></td></tr>
      </table>`);
    const found = findFormFields([doc]);
    expect(found.title?.getAttribute('name')).toBe('f1');
    expect(found.channel?.getAttribute('name')).toBe('f2');
    expect(found.category?.getAttribute('name')).toBe('f3');
    expect(found.disclosure?.getAttribute('name')).toBe('f4');
    expect(found.reviewer?.getAttribute('name')).toBe('f5');
    expect(readField(found.disclosure!)).toEqual({ present: true, value: '', text: '' });
    doc.querySelector<HTMLInputElement>('input[value="2"]')!.checked = true;
    expect(readField(found.disclosure!)).toEqual({ present: true, value: '2', text: '依申请公开' });
    doc.querySelector<HTMLInputElement>('#r3')!.checked = true;
    expect(readField(found.disclosure!)).toEqual({ present: true, value: '3', text: '不予公开' });
    expect(readField(found.reviewer!).value).toBe('李四');
    expect(readField(found.channel!)).toEqual({ present: true, value: '7', text: '通知公告' });
  });

  it('knows common CMS names and labels next to the control', () => {
    const doc = page(`
      <div>标题：<input name="InfoVO.docTitle"></div>
      <div><span>栏目</span> <select name="ChannelId"><option value="1">a</option></select></div>
      <div><select name="categoryId"><option value="5">b</option></select></div>
      <div><select name="gkfs"><option value="zd">主动公开</option></select></div>
      <div><input name="shenheren" value="王五"></div>`);
    const found = findFormFields([doc]);
    expect(found.title?.getAttribute('name')).toBe('InfoVO.docTitle');
    expect(found.channel?.getAttribute('name')).toBe('ChannelId');
    expect(found.category?.getAttribute('name')).toBe('categoryId');
    expect(found.disclosure?.getAttribute('name')).toBe('gkfs');
    expect(found.reviewer?.getAttribute('name')).toBe('shenheren');

    const labelled = page(`<p>信息类别：<select id="a"><option value="1">x</option></select> 审稿人 <input id="b"></p>`);
    const byLabel = findFormFields([labelled]);
    expect(byLabel.category?.id).toBe('a');
    expect(byLabel.reviewer?.id).toBe('b');
  });

  it('reads the label of a form-item block (Element UI, layui): one control per block, a label pointing elsewhere is not its', () => {
    const item = (label: string, content: string) => `<div class="el-form-item"><label for="x" class="el-form-item__label">${label}</label><div class="el-form-item__content"><div class="el-input">${content}</div></div></div>`;
    const doc = page(`<form>${item('标题', '<input type="text" class="el-input__inner" id="a">')}<div class="layui-form-item"><label class="layui-form-label">栏目</label><div class="layui-input-block"><select id="b"><option>工作动态</option></select></div></div></form>`);
    const found = findFormFields([doc]);
    expect(found.title?.id).toBe('a');
    expect(found.channel?.id).toBe('b');
    // two inputs in the block: the label names neither
    expect(findFormFields([page(`<form>${item('标题', '<input type="text"><input type="text">')}</form>`)]).title).toBeUndefined();
    // <label for> naming another element is that element's label
    expect(findFormFields([page(`<form><input id="x" type="checkbox">${item('标题', '<input type="text" id="block">')}</form>`)]).title?.id).toBe('x');
  });

  it('takes the 栏目 from the breadcrumb’s current item only when the page has no 栏目 control and the item is no action or section', () => {
    const crumbs = (last: string) => `<div class="el-breadcrumb"><span class="el-breadcrumb__item"><span class="el-breadcrumb__inner">首页</span><i class="el-breadcrumb__separator">/</i></span><span class="el-breadcrumb__item" aria-current="page"><span class="el-breadcrumb__inner">${last}</span><i class="el-breadcrumb__separator">/</i></span></div>`;
    const found = findFormFields([page(`${crumbs('通知公告')}<form><input name="title"></form>`)]);
    expect(readField(found.channel!)).toEqual({ present: true, value: '通知公告', text: '通知公告' });
    for (const last of ['添加内容', '内容管理', '编辑']) expect(findFormFields([page(`${crumbs(last)}<form><input name="title"></form>`)]).channel, last).toBeUndefined();
    // a 栏目 control wins over the breadcrumb
    expect(findFormFields([page(`${crumbs('通知公告')}<form><select name="catid"><option>工作动态</option></select></form>`)]).channel?.tagName).toBe('SELECT');
    // aria-current outside a breadcrumb (a menu's current page) is no 栏目
    expect(findFormFields([page(`<ul class="menu"><li aria-current="page"><a>通知公告</a></li></ul>`)]).channel).toBeUndefined();
  });

  it('reports missing fields as present:false', () => {
    const found = findFormFields([page('<label for="t">标题</label><input id="t">')]);
    expect(Object.keys(found)).toEqual(['title']);
    const readings = readFields(found);
    expect(readings.category).toEqual({ present: false, value: '', text: '' });
    expect(Object.keys(readings).sort()).toEqual(['category', 'channel', 'disclosure', 'reviewer', 'title']);
  });

  it("uses the adapter's selectors first, resolving fields.framePath from the top document", () => {
    const top = document;
    top.body.innerHTML = '<input name="title" id="search-title">';
    const form = withFrame(
      top,
      'main',
      `<input id="DocTitle"><select name="InfoCategory"><option value="04">规划</option></select>
      <select name="OpenType"><option value="1">主动公开</option></select><input name="Auditor" value="钱七">`,
    );
    const adapter = {
      framePath: ['iframe#main'],
      title: '#DocTitle',
      category: 'select[name="InfoCategory"]',
      disclosure: 'select[name="OpenType"]',
      reviewer: 'input[name="Auditor"]',
    };
    expect(resolveFramePath(top, adapter.framePath)).toBe(form);
    // The documents as sameOriginWindows(top) lists them: the top one first.
    const found = findFormFields([top, form], adapter);
    // The top document's "title" input would win by name: the adapter's frame is searched instead.
    expect(found.title?.id).toBe('DocTitle');
    expect(readFields(found).category?.text).toBe('规划');
    expect(readFields(found).reviewer?.value).toBe('钱七');
    // Missing frame: the adapter's selectors find nothing and the heuristics take over.
    const frameless = page('<input name="title" id="search-title">');
    expect(resolveFramePath(frameless, adapter.framePath)).toBeNull();
    expect(findFormFields([frameless], adapter).title?.id).toBe('search-title');
    // A selector this engine rejects is not an exception: the heuristics find the field (by its id).
    expect(findFormFields([form], { title: 'input[[bad' }).title?.id).toBe('DocTitle');
  });

  it("never picks Precheck's own UI", () => {
    const doc = page(`
      <div data-precheck><label for="pt">标题</label><input id="pt" name="title"><select name="reviewer"></select></div>
      <precheck-checklist data-precheck></precheck-checklist>
      <p>审核人 <input id="real"></p>`);
    const host = doc.querySelector('precheck-checklist')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div><input name="category"></div>';
    const found = findFormFields([doc], { title: '#pt' });
    expect(found.title).toBeUndefined();
    expect(found.category).toBeUndefined();
    expect(found.reviewer?.id).toBe('real');
  });

  it('does not give one control to two fields', () => {
    const doc = page('<table><tr><td>类别</td><td><select name="title"><option>x</option></select></td></tr></table>');
    const found = findFormFields([doc]);
    expect(found.title).toBeDefined();
    expect(found.category).toBeUndefined();
  });
});

describe('focusField', () => {
  it("focuses, outlines briefly and restores the page's own inline style, never the value", () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<input id="t" value="原值" style="outline: 1px dotted blue; color: red">';
    const input = document.querySelector<HTMLInputElement>('#t')!;
    const own = input.style.getPropertyValue('outline');
    focusField(input, 1000);
    expect(document.activeElement).toBe(input);
    expect(input.style.getPropertyValue('outline')).toContain('solid');
    // A second flash while the first runs must still restore the original, not the flash.
    focusField(input, 1000);
    vi.advanceTimersByTime(1000);
    expect(input.style.getPropertyValue('outline')).toBe(own);
    expect(input.style.getPropertyValue('color')).toBe('red');
    expect(input.value).toBe('原值');
  });

  it('leaves no style attribute behind on an element that had none', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<select id="s"><option>a</option></select>';
    const sel = document.querySelector<HTMLSelectElement>('#s')!;
    focusField(sel, 10);
    expect(sel.hasAttribute('style')).toBe(true);
    vi.advanceTimersByTime(10);
    expect(sel.hasAttribute('style')).toBe(false);
  });
});

describe('readCurrentUser', () => {
  it('reads the demo header: 当前用户：信息员 张三', () => {
    const doc = page(partial('_header.html'));
    expect(readCurrentUser(doc)).toBe('张三');
    expect(readCurrentUser(doc, '.cms-user-name')).toBe('张三');
  });

  it.each([
    ['当前用户：信息员 张三 ｜ 稿件列表 ｜ 退出', '张三'],
    ['站点：示例县人民政府门户网站 ｜ 当前用户：张三', '张三'],
    ['登录用户: 系统管理员 admin [退出]', 'admin'],
    ['用户：李四（编辑）', '李四'],
    ['欢迎您，阿依古丽·买买提 退出', '阿依古丽·买买提'],
    ['当前用户：编辑：王五', '王五'],
    ['管理员', '管理员'],
    ['超级管理员：林十八', '林十八'],
    ['管理员：admin 退出', 'admin'],
  ])('%s → %s', (text, name) => {
    expect(userNameFrom(text)).toBe(name);
  });

  it('finds a name in its own element after the label, in any given document', () => {
    const top = page('<div class="top"><span>当前登录用户：</span><b>孙八</b></div>');
    expect(readCurrentUser([page('<p>没有用户信息</p>'), top])).toBe('孙八');
  });

  it('ignores drafts, form values and Precheck UI; a missing selector falls back to the patterns', () => {
    const doc = page(`
      <div contenteditable>当前用户：稿件里的人</div>
      <textarea>用户：另一个人</textarea>
      <div data-precheck>当前用户：预检界面</div>`);
    expect(readCurrentUser(doc)).toBeNull();
    // a role inside a word is no label: 「请联系管理员：0551-…」 names no user
    doc.body.insertAdjacentHTML('beforeend', '<p>如有问题请联系管理员：0551-12345678</p>');
    expect(readCurrentUser(doc)).toBeNull();
    doc.body.insertAdjacentHTML('beforeend', '<div class="user">当前用户：周九</div>');
    expect(readCurrentUser(doc, '#nope')).toBe('周九');
    expect(readCurrentUser(doc, 'input[[bad')).toBe('周九');
  });
});
