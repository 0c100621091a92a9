import { describe, expect, test } from 'vitest';
import { formatText } from '../../lib/cli/format-text';
import type { Finding } from '../../lib/scan/types';

const finding = (excerpt: string, message = '身份证号码', place?: string): Finding => ({
  ruleId: 'cn-id',
  kind: 'cn-id',
  severity: 'block',
  start: 4,
  end: 22,
  excerpt,
  message,
  ...(place ? { location: { text: place } } : {}),
});

/** [what, the finding, the line the report gives for it] — a file of two lines starting at 0 and 3. */
const CASES: [string, Finding, string][] = [
  ['a plain excerpt is left as it is', finding('1101**********002X'), 'a.txt:2:2  阻止(block)  cn-id  1101**********002X  身份证号码'],
  ['an excerpt holding a line break (a wrapped value) stays on the line', finding('110105\n19491231002X'), 'a.txt:2:2  阻止(block)  cn-id  110105 19491231002X  身份证号码'],
  ['tabs, CRLF and runs of spaces fold to one space', finding('张三\t\t1101**\r\n002X'), 'a.txt:2:2  阻止(block)  cn-id  张三 1101** 002X  身份证号码'],
  ['a message with a break stays on the line too', finding('1101**', '身份证号码\n（已签发）'), 'a.txt:2:2  阻止(block)  cn-id  1101**  身份证号码 （已签发）'],
  ['leading and trailing blanks are dropped', finding(' 1101** '), 'a.txt:2:2  阻止(block)  cn-id  1101**  身份证号码'],
  ['an HTML table place after the kind, on one line', finding('1101**', '身份证号码', '表格第 3 行\n「身份证号」'), 'a.txt:2:2  阻止(block)  cn-id  表格第 3 行 「身份证号」  1101**  身份证号码'],
];

describe('formatText: one line per finding, whatever the excerpt holds', () => {
  test.each(CASES)('%s', (_what, f, line) => {
    const out = formatText([{ path: 'a.txt', findings: [f], lineStarts: [0, 3] }]).trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(line);
    expect(out[1]).toMatch(/^共 1 个文件：阻止 1，警告 0，提示 0/);
  });
});
