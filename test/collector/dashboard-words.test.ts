/**
 * The dashboard's words: its own terms table has both languages for every term, and the stand-in for
 * browser.i18n fills the extension's message placeholders as chrome.i18n does.
 */
import { describe, expect, it } from 'vitest';
import { getMessage } from '../../components/dashboard/locale-browser';
import { TERM_TABLE } from '../../components/dashboard/terms';

describe('dashboard words', () => {
  it('has Chinese and English for every term', () => {
    for (const [key, [zh, en]] of Object.entries(TERM_TABLE)) {
      expect(zh, key).toMatch(/[\u4e00-\u9fff]|^\$1|OK/);
      expect(en.trim(), key).not.toBe('');
      expect(en, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads the extension’s messages (Chinese in a Chinese or unknown browser)', () => {
    expect(getMessage('extName')).toBe('发布前预检 Precheck');
    expect(getMessage('no_such_message')).toBe('');
  });
});
