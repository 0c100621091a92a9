import { describe, expect, test } from 'vitest';
import { scanChunked } from '../../lib/scan/chunked';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules/index';
import { drafts } from '../bench/drafts';

const noPause = () => Promise.resolve();
const HEADER = '序号\t姓名\t身份证号\t银行账号\t联系电话';
/** A list whose header is far above most rows, with IDs wrapped onto the next line here and there. */
function longList(rows: number): string {
  const lines = ['城关镇2024年度临时救助对象名单公示', HEADER];
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
  ])('%s', async (_, text, chunk) => {
    const whole = scan(text, { rules });
    expect(whole.length).toBeGreaterThan(1500);
    expect(await scanChunked(text, { rules }, noPause, chunk)).toEqual(whole);
  });

  test('the bench drafts (tables, lists, prose, wraps), in 2K pieces', async () => {
    for (const doc of drafts(7, 400_000)) expect(await scanChunked(doc, { rules }, noPause, 2048)).toEqual(scan(doc, { rules }));
  });
});
