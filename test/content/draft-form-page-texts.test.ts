// @vitest-environment happy-dom
/**
 * What the release lets a request carry beside the signed body (lib/gate/unsigned-words.ts) is read
 * from the page at the sign-off: every field's value, named or not, and the page's text.
 */
import { describe, expect, it } from 'vitest';
import { DraftForm } from '../../lib/content/signoff/draft-form';

function formOn(html: string): DraftForm {
  document.body.innerHTML = html;
  return new DraftForm(window, () => [document], () => '');
}

describe('DraftForm.pageTexts', () => {
  it('reads named and unnamed fields, a select’s chosen value and label, a button’s value, and the page’s text', () => {
    const form = formOn(`
      <form>
        <input name="author" value="张三">
        <input class="el-input__inner" value="城关镇民政办">
        <select name="catid"><option value="6">通知公告</option><option value="7" selected>政策解读</option></select>
        <input type="checkbox" name="tag" value="民生" checked><input type="checkbox" name="tag" value="未勾选">
        <button name="dosubmit" value="提交审核">提交</button>
        <span class="el-tag">低保</span>
      </form>`);
    const texts = form.pageTexts();
    for (const t of ['张三', '城关镇民政办', '7', '政策解读', '民生', '提交审核']) expect(texts).toContain(t);
    expect(texts).not.toContain('未勾选');
    expect(texts.some((t) => t.includes('低保'))).toBe(true);
  });

  it('leaves out a password and a field too long to be anything but the body', () => {
    const body = '正文'.repeat(40_000);
    const form = formOn(`<p>页面</p><input type="password" value="口令口令"><textarea>${body}</textarea>`);
    const texts = form.pageTexts();
    expect(texts).not.toContain('口令口令');
    expect(texts).not.toContain(body);
  });
});
