import { describe, expect, it } from 'vitest';
import { DATA_FRAME_POLICY, DATA_FRAME_PRIORITY, dataFrameRules } from '../../lib/gate/data-frame-rules';
import { ALLOW_PRIORITY } from '../../lib/gate/backstop-rules';
import { LIFT_PRIORITY } from '../../lib/gate/startup-rules';

describe('dataFrameRules: no data: frame on the CMS pages', () => {
  const [rule] = dataFrameRules(['http://cms.a.gov.cn:8080/*', 'https://*.b.gov.cn/*']);

  it("appends a policy to the CMS hosts' own pages and frames, never sets one (the CMS's own is kept)", () => {
    expect(rule!.action).toEqual({ type: 'modifyHeaders', responseHeaders: [{ header: 'Content-Security-Policy', operation: 'append', value: DATA_FRAME_POLICY }] });
    expect(rule!.condition.requestDomains).toEqual(['b.gov.cn', 'cms.a.gov.cn']);
    expect(rule!.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(rule!.condition.initiatorDomains).toBeUndefined();
  });

  it('lists frame-src alone, with every scheme a CMS frame loads but data:', () => {
    const directives = DATA_FRAME_POLICY.split(';').map((d) => d.trim().split(/\s+/));
    expect(directives.map((d) => d[0])).toEqual(['frame-src']);
    const sources = directives[0]!.slice(1);
    expect(sources).toEqual(expect.arrayContaining(['http:', 'https:', 'blob:', 'about:']));
    expect(sources.some((s) => /^(data:|\*)$/i.test(s))).toBe(false);
  });

  it("outranks every allow of Precheck's, which would switch a header rule off", () => {
    expect(DATA_FRAME_PRIORITY).toBeGreaterThan(ALLOW_PRIORITY);
    expect(DATA_FRAME_PRIORITY).toBeGreaterThan(LIFT_PRIORITY);
  });

  it('no rule without a covered host', () => {
    expect(dataFrameRules([])).toEqual([]);
  });
});
