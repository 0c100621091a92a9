// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText, rangeFor } from '../../lib/editors/text-map';

function body(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

describe('extractText', () => {
  it('puts blocks on their own lines and table cells in columns', () => {
    const map = extractText(body('<p>公示</p><table><tr><td>姓名</td><td>身份证号</td></tr><tr><td>张三</td><td>1101</td></tr></table><p>a<br>b</p>'));
    expect(map.text).toBe('公示\n姓名\t身份证号\t\n张三\t1101\t\na\nb\n');
  });

  it('skips scripts and styles', () => {
    expect(extractText(body('<style>p{}</style><p>正文</p><script>x</script>')).text).toBe('正文\n');
  });

  it('maps offsets back to ranges across text nodes', () => {
    const root = body('<p>号码<b>1391234</b>5678。</p>');
    const map = extractText(root);
    const start = map.text.indexOf('139');
    const range = rangeFor(map, start, start + 11)!;
    expect(range.toString()).toBe('13912345678');
    expect(range.startContainer.textContent).toBe('1391234');
    expect(range.endContainer.textContent).toBe('5678。');
  });

  it('does not change the DOM it reads', () => {
    const root = body('<p>甲<span>乙</span></p><div>丙</div>');
    const before = root.innerHTML;
    extractText(root);
    expect(root.innerHTML).toBe(before);
  });
});

describe('extractTextInSlices', () => {
  it('builds the same map as the one-go walk, pausing between slices', async () => {
    const { extractTextInSlices } = await import('../../lib/editors/text-map');
    const root = body('<p>公示</p><table><tr><td>姓名</td><td>1101</td></tr></table>'.repeat(50) + '<p>a<br>b<i></i></p><div><span>甲</span></div>');
    let pauses = 0;
    const sliced = await extractTextInSlices(root, () => {
      pauses++;
      return Promise.resolve();
    }, 7);
    const whole = extractText(root);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.starts).toEqual(whole.starts);
    expect(sliced.nodes).toEqual(whole.nodes);
    expect(pauses).toBeGreaterThan(10);
  });
});
