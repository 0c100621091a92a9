import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackstop, type DnrApi } from '../../lib/background/backstop';
import { ALLOW_ID_BASE, BLOCK_ID_BASE, allowRules, blockRules, type DnrRule } from '../../lib/gate/backstop-rules';
import { liftRules } from '../../lib/gate/startup-rules';

function fakeDnr(unsupported: string[] = []): DnrApi & { session: Map<number, DnrRule> } {
  const session = new Map<number, DnrRule>();
  const update = (u: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
    u.removeRuleIds?.forEach((id) => session.delete(id));
    u.addRules?.forEach((r) => session.set(r.id, r));
    return Promise.resolve();
  };
  return {
    session,
    getSessionRules: () => Promise.resolve([...session.values()]),
    updateSessionRules: update,
    getDynamicRules: () => Promise.resolve([]),
    updateDynamicRules: () => Promise.resolve(),
    isRegexSupported: ({ regex }) => Promise.resolve(unsupported.includes(regex) ? { isSupported: false, reason: 'syntaxError' } : { isSupported: true }),
  };
}

/** The CMS origins Precheck covers (registered, granted). */
const COVERED = ['http://cms.test/*', 'https://cms.test:8443/*'];
const HOSTS = ['cms.test'];

const policy = {
  adapters: [
    { publishRequests: [{ method: 'POST', urlPattern: '/admin/publish\\.do' }], listPublish: [{ urlPattern: '/admin/list\\.do\\?.*status=1' }] },
    { publishRequests: [{ method: 'POST', urlPattern: '/admin/publish\\.do' }] },
  ],
};

describe('network backstop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('blocks each adapter publish endpoint once, for every tab', async () => {
    const dnr = fakeDnr();
    await createBackstop(dnr, () => undefined).sync(policy, COVERED);
    const rules = [...dnr.session.values()];
    expect(rules.map((r) => r.action.type)).toEqual(['block', 'block']);
    expect(rules.map((r) => r.condition.regexFilter)).toEqual(['/admin/publish\\.do', '/admin/list\\.do\\?.*status=1']);
    expect(rules.every((r) => r.condition.tabIds === undefined)).toBe(true);
  });

  it('makes no network rule of a rule with a body field condition: the browser sees no body, and the address is shared by the CMS’s other actions', () => {
    const empire = '/e/admin/ecmsinfo\\.php(?:$|\\?)';
    const rules = blockRules({
      adapters: [
        {
          publishRequests: [{ method: 'POST', urlPattern: empire, field: { name: 'enews', pattern: '^(?:AddNews|EditNews)$' } }],
          listPublish: [{ method: 'POST', urlPattern: empire, field: { name: 'enews', pattern: '^CheckNews_all$' } }, { urlPattern: '/admin/list\\.do' }],
        },
      ],
    }, HOSTS);
    expect(rules.map((r) => r.condition.regexFilter)).toEqual(['/admin/list\\.do']);
  });

  it('blocks from and to the covered CMS hosts only, and nothing while none is covered', async () => {
    // the plain declarativeNetRequest permission lets a block act on any site: a path pattern
    // (/admin/publish\.do) must not stop another site's requests, or a CMS Precheck does not run on
    const dnr = fakeDnr();
    const backstop = createBackstop(dnr, () => undefined);
    await backstop.sync(policy, COVERED);
    for (const r of dnr.session.values()) expect(r.condition).toMatchObject({ initiatorDomains: HOSTS, requestDomains: HOSTS });
    await backstop.sync(policy, []);
    expect([...dnr.session.values()]).toEqual([]);
  });

  it('after a release opens the endpoints for that one tab only, and closes them again', async () => {
    const dnr = fakeDnr();
    const backstop = createBackstop(dnr, () => undefined);
    await backstop.sync(policy, COVERED);
    await backstop.allowTab(7);
    const allows = [...dnr.session.values()].filter((r) => r.action.type === 'allow');
    expect(allows).toHaveLength(2);
    expect(allows.every((r) => r.condition.tabIds?.join() === '7' && r.priority > 1)).toBe(true);
    // still open while the release ticket lives (the editor presses the CMS's button again)
    await vi.advanceTimersByTimeAsync(120_000);
    expect([...dnr.session.values()].filter((r) => r.action.type === 'allow')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect([...dnr.session.values()].filter((r) => r.action.type === 'allow')).toEqual([]);
    expect([...dnr.session.keys()].filter((id) => id >= BLOCK_ID_BASE && id < ALLOW_ID_BASE)).toHaveLength(2);
  });

  it('keeps rule ids 32-bit for any tab id, and two released tabs apart', async () => {
    const dnr = fakeDnr();
    const backstop = createBackstop(dnr, () => undefined);
    await backstop.sync(policy, COVERED);
    const bigTab = 1_900_000_000;
    await backstop.allowTab(bigTab);
    await vi.advanceTimersByTimeAsync(40_000);
    await backstop.allowTab(8);
    const allows = () => [...dnr.session.values()].filter((r) => r.action.type === 'allow');
    expect(allows()).toHaveLength(4);
    expect(allows().every((r) => Number.isInteger(r.id) && r.id >= ALLOW_ID_BASE && r.id < 2 ** 31)).toBe(true);
    // the first tab's allows close on its own timer; the second tab keeps its own
    await vi.advanceTimersByTimeAsync(90_000);
    expect(allows().map((r) => r.condition.tabIds?.join())).toEqual(['8', '8']);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(allows()).toEqual([]);
  });

  it('outranks the startup lift (whose allow covers every CMS request), and a released tab outranks the block', () => {
    const [block] = blockRules(policy, HOSTS);
    const [lift] = liftRules(['http://cms.test/*']);
    expect(block!.priority).toBeGreaterThan(lift!.priority);
    expect(allowRules([block!], 7, [ALLOW_ID_BASE])[0]!.priority).toBeGreaterThan(block!.priority);
  });

  it('leaves navigations to the page gate (a form post or link is judged, cancelably, by the navigate event)', () => {
    for (const r of blockRules(policy, HOSTS)) {
      expect(r.condition.resourceTypes).not.toContain('main_frame');
      expect(r.condition.resourceTypes).toEqual(expect.arrayContaining(['xmlhttprequest', 'ping', 'websocket', 'other']));
    }
  });

  it('skips and reports a pattern the browser cannot match (the page gate still holds it); a new policy drops stale allows', async () => {
    const dnr = fakeDnr(['/admin/list\\.do\\?.*status=1']);
    const problems: string[] = [];
    const backstop = createBackstop(dnr, (m) => problems.push(m));
    await backstop.sync(policy, COVERED);
    expect([...dnr.session.values()].map((r) => r.condition.regexFilter)).toEqual(['/admin/publish\\.do']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('/admin/list');
    await backstop.allowTab(3);
    await backstop.sync({ adapters: [] }, COVERED);
    expect(dnr.session.size).toBe(0);
  });
});
