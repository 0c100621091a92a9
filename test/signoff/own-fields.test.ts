import { describe, expect, it } from 'vitest';
import { requiredOnPage, withOwnFields } from '../../lib/signoff/own-fields';

const catalogue = [{ id: '03', name: '人事管理' }];

describe("Precheck's own fields", () => {
  it('stand in for category and disclosure when the page has none, with the catalogue name as text', () => {
    const f = withOwnFields({ title: { present: true, value: 't', text: 't' } }, { category: '03', disclosure: '主动公开' }, catalogue);
    expect(f.category).toEqual({ present: true, value: '03', text: '人事管理', own: true });
    expect(f.disclosure).toEqual({ present: true, value: '主动公开', text: '主动公开', own: true });
  });
  it('never replace a field the CMS has, even an empty one', () => {
    const page = { category: { present: true, value: '', text: '' } };
    expect(withOwnFields(page, { category: '03' }, catalogue).category).toEqual(page.category);
  });
  it('stand in for the 栏目 when the page has none, as typed (blanks around it dropped)', () => {
    expect(withOwnFields({}, { channel: ' 通知公告 ' }, catalogue).channel).toEqual({ present: true, value: '通知公告', text: '通知公告', own: true });
    const page = { channel: { present: true, value: '5', text: '通知公告' } };
    expect(withOwnFields(page, { channel: '工作动态' }, catalogue).channel).toEqual(page.channel);
  });
  it('start empty (the checklist then asks for them)', () => {
    expect(withOwnFields({}, {}, catalogue).channel).toEqual({ present: true, value: '', text: '', own: true });
    expect(withOwnFields({}, {}, catalogue).category).toEqual({ present: true, value: '', text: '', own: true });
  });
  it('a page without a 审核人 field needs none: the signer is the reviewer', () => {
    expect(requiredOnPage(['title', 'category', 'reviewer'], {})).toEqual(['title', 'category']);
    expect(requiredOnPage(['reviewer'], { reviewer: { present: true, value: '', text: '' } })).toEqual(['reviewer']);
  });
});
