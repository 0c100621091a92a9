import { describe, expect, test } from 'vitest';
import { scanChunked } from '../../lib/scan/chunked';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules/index';
import { drafts } from '../bench/drafts';

const noPause = () => Promise.resolve();
const HEADER = '序号\t姓名\t身份证号\t银行账号\t联系电话';
/** A list whose header is far above most rows, with IDs wrapped onto the next line here and there. */
function longList(rows: number, header: readonly string[] = [HEADER]): string {
  const lines = ['城关镇2024年度临时救助对象名单公示', ...header];
  for (let i = 1; i <= rows; i++) {
    // A Luhn-failing account: only the 银行账号 header above makes it a card.
    const account = `62170000${String(10_000_000 + i * 7919).slice(0, 8)}123`;
    const id = '11010519491231002X';
    lines.push(i % 37 === 0 ? `${i}\t王${i}\t${id.slice(0, 12)}\n${id.slice(12)}\t${account}\t1380013${String(i % 10_000).padStart(4, '0')}` : `${i}\t王${i}\t${id}\t${account}\t1380013${String(i % 10_000).padStart(4, '0')}`);
  }
  return lines.join('\n');
}

describe('scanChunked finds what one scan of the whole text finds', () => {
  test.each([
    ['a long list: header rows far above, wrapped IDs', longList(1500), 4096],
    ['the same list in 16K pieces', longList(1500), 16 * 1024],
    // Only the upper row of a two-row header names the account column (一折通 over 账户).
    ['a two-row header far above', longList(1500, ['\t\t\t一折通\t', '序号\t姓名\t身份证号\t账户\t联系电话']), 4096],
    // Every row starts with its number and ends with a phone: no line break is safe to cut at, so
    // pieces end inside a line.
    ['a gap-separated list whose every line break has digits on both sides', `序号  姓名  身份证号  银行账号  联系电话\n${Array.from({ length: 900 }, (_, i) => `${i + 1}  王${i}  11010519491231002X  62170000100${String(i).padStart(6, '0')}  1380013${String(i).padStart(4, '0')}`).join('\n')}`, 2048],
    ['blank lines and data rows between pieces and their header', longList(700).replace(/\n(\d+\t)/g, '\n\n\n$1'), 2048],
  ])('%s', async (_, text, chunk) => {
    const whole = scan(text, { rules });
    expect(whole.length).toBeGreaterThan(1500);
    expect(await scanChunked(text, { rules }, noPause, chunk)).toEqual(whole);
  });

  test('a vertical list of the levels across a piece boundary is no marking, wherever the boundary falls', async () => {
    // 绝密 on a piece's last line is a marking unless the non-blank line after it (in the next piece) is a level too.
    for (let width = 110; width < 128; width++) {
      const text = `${'本'.repeat(width)}\n绝密\n\n机密\n秘密\n${'本单位按规定做好保密审查工作。\n'.repeat(20)}文件密级：机密★10年\n`;
      const whole = scan(text, { rules });
      expect(whole.map((f) => text.slice(f.start, f.end))).toEqual(['密级：机密★10年']);
      expect(await scanChunked(text, { rules }, noPause, 128)).toEqual(whole);
    }
  });

  test('a text without line breaks (cut inside its one line) and one of short lines', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `第${i}户身份证号11010519491231002X，电话1380013${String(i).padStart(4, '0')}；`);
    for (const text of [ids.join(''), ids.join('\n')]) expect(await scanChunked(text, { rules }, noPause, 1000)).toEqual(scan(text, { rules }));
  });

  test('the bench drafts (tables, lists, prose, wraps), in 2K pieces', async () => {
    for (const doc of drafts(7, 400_000)) expect(await scanChunked(doc, { rules }, noPause, 2048)).toEqual(scan(doc, { rules }));
  });
});
