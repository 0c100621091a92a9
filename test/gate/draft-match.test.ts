import { describe, expect, it } from 'vitest';
import { carriesDraft, containment, fingerprintDraft, hasDraftLetters, letters } from '../../lib/gate/draft-match';

const paragraph = (i: number) =>
  `第${i}条\u3000为进一步做好城乡居民最低生活保障工作，根据有关规定，结合本县实际，现将第${i}季度低保资金发放情况公示如下，请广大群众监督。`;
const draftText = Array.from({ length: 20 }, (_, i) => paragraph(i + 1)).join('\n');
const draft = fingerprintDraft(draftText)!;

describe('carriesDraft', () => {
  it.each([
    ['the draft as HTML', draftText.split('\n').map((p) => `<p style="text-indent:2em">${p}</p>`).join('')],
    ['the draft URL-decoded with other fields', `title=公示&catid=6&content=${draftText}`],
    ['full-width and spaced', draftText.replace(/，/g, ', ').replace(/1/g, '１')],
    ['a third of the draft', draftText.split('\n').slice(0, 7).join('\n')],
  ])('%s → yes', (_name, text) => {
    expect(carriesDraft(draft, text)).toBe(true);
  });

  it.each([
    ['a list load', 'page=2&size=20&catid=6&order=desc'],
    ['a search for a few words of it', 'keyword=低保资金发放'],
    ['another notice', '关于召开全县安全生产工作会议的通知：定于下周一上午九时在县政府三楼会议室召开，请各单位主要负责同志准时参加。'.repeat(5)],
    ['one paragraph of twenty', paragraph(3)],
  ])('%s → no', (_name, text) => {
    expect(carriesDraft(draft, text)).toBe(false);
  });

  it('a short draft must appear whole', () => {
    const short = fingerprintDraft('关于调整低保标准的通知')!;
    expect(carriesDraft(short, 'x=1&content=<p>关于调整低保标准的通知</p>')).toBe(true);
    expect(carriesDraft(short, 'x=1&content=关于调整')).toBe(false);
  });

  // the page's copy a keystroke or two behind the editor (a CI run's emlog autosave): still the draft
  it.each([
    ['its last letter not yet synced', 'content=乡镇民政办已按时发放本季度低保资', true],
    ['its first letters not yet synced (typed at the start)', 'content=政办已按时发放本季度低保资金。', true],
    ['half of it', 'content=乡镇民政办已按时发', false],
    ['its middle only', 'content=民政办已按时发放本季度低', false],
  ])('a short draft: %s', (_name, text, carried) => {
    const typed = fingerprintDraft('乡镇民政办已按时发放本季度低保资金。')!;
    expect(carriesDraft(typed, text)).toBe(carried);
  });

  it('no draft (empty editor) carries nothing', () => {
    expect(fingerprintDraft('  <p></p> ')).toBeNull();
    expect(carriesDraft(null, draftText)).toBe(false);
  });

  it('containment grows with the share sent', () => {
    const half = containment(draft, draftText.slice(0, draftText.length / 2)).share;
    expect(half).toBeGreaterThan(0.35);
    expect(half).toBeLessThan(0.65);
    expect(containment(draft, draftText).share).toBe(1);
  });

  it('letters keeps letters and digits only, folded', () => {
    expect(letters('Ａb-1２ ，。<p>')).toBe('ab12p');
  });
});

describe('hasDraftLetters', () => {
  it('says what fingerprintDraft says about being a draft, from a prefix when the text is long', () => {
    const texts = ['', '   \n\t', '１２３４５６７８９', '１２３４５６７８９０', 'a b c d e f g h i', 'a b c d e f g h i j', `${' '.repeat(5000)}短`, `${'，'.repeat(3000)}关于公示的通知如下所示`, '关于城乡低保对象的公示'.repeat(50_000)];
    for (const text of texts) expect(hasDraftLetters(text), JSON.stringify(text.slice(0, 20))).toBe(fingerprintDraft(text) !== null);
  });
});
