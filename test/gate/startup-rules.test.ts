import { describe, expect, it, vi } from 'vitest';
import { LIFT_IDS, LOCKDOWN_IDS, liftRules, lockdownDomains, lockdownRules } from '../../lib/gate/startup-rules';
import { createStartupGuard, REGISTERED_ORIGINS_KEY } from '../../lib/background/startup-guard';
import { DATA_FRAME_RULE_IDS } from '../../lib/gate/data-frame-rules';
import { NAVIGATION_RULE_IDS } from '../../lib/gate/navigation-url-rules';
import { SCRIPT_RULE_IDS } from '../../lib/gate/script-url-rules';
import type { DnrRule } from '../../lib/gate/backstop-rules';

describe('startup lockdown rules', () => {
  it('names the CMS hosts without scheme or port', () => {
    expect(lockdownDomains(['http://10.12.3.4:8080/*', 'https://cms.county.gov.cn/*', 'http://*.zwgk.example/*', 'https://*/*'])).toEqual(['10.12.3.4', 'cms.county.gov.cn', 'zwgk.example']);
  });
  it('blocks writes of every kind and sub-requests with a query, from the CMS pages; page loads stay', () => {
    const [writes, queries] = lockdownRules(['https://cms.county.gov.cn/*']);
    expect(writes!.condition).toMatchObject({ requestMethods: ['post', 'put', 'patch', 'delete'], initiatorDomains: ['cms.county.gov.cn'] });
    expect(writes!.condition.resourceTypes).toContain('main_frame');
    expect(queries!.condition.regexFilter).toBe('\\?');
    expect(queries!.condition.resourceTypes).not.toContain('main_frame');
    expect(lockdownRules([])).toEqual([]);
  });
  it('lifts with the same conditions at a higher priority', () => {
    const lock = lockdownRules(['https://a.gov.cn/*']);
    const lift = liftRules(['https://a.gov.cn/*']);
    expect(lift.map((r) => r.condition)).toEqual(lock.map((r) => r.condition));
    expect(Math.min(...lift.map((r) => r.priority))).toBeGreaterThan(Math.max(...lock.map((r) => r.priority)));
  });
});

function fakeDnr() {
  const dynamic = new Map<number, DnrRule>();
  const session = new Map<number, DnrRule>();
  const update = (m: Map<number, DnrRule>) => (u: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
    u.removeRuleIds?.forEach((id) => m.delete(id));
    u.addRules?.forEach((r) => m.set(r.id, r));
    return Promise.resolve();
  };
  return {
    dynamic,
    session,
    getDynamicRules: () => Promise.resolve([...dynamic.values()]),
    getSessionRules: () => Promise.resolve([...session.values()]),
    updateDynamicRules: update(dynamic),
    updateSessionRules: update(session),
  };
}

const A = 'https://cms.a.gov.cn/*';
const B = 'https://cms.b.gov.cn/*';

/** A guard over fake browser state; `steps` lists what it did, in order. */
function setup(cachedOrigins: string[] | undefined, onRegistered?: (origins: string[]) => void) {
  const dnr = fakeDnr();
  const store: Record<string, unknown> = cachedOrigins ? { [REGISTERED_ORIGINS_KEY]: cachedOrigins } : {};
  const session: Record<string, unknown> = {};
  const steps: string[] = [];
  const kv = (m: Record<string, unknown>) => ({
    get: (k: string) => Promise.resolve({ [k]: m[k] }),
    set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(m, items)),
  });
  const lifted = () => (dnr.session.has(LIFT_IDS[0]) ? 'lifted' : 'locked');
  const guard = createStartupGuard({
    dnr,
    storage: kv(store),
    session: kv(session),
    register: (o) => (steps.push(`register ${o.join()} (${lifted()})`), onRegistered?.([...o]), Promise.resolve([...o])),
    // Injection takes a while (every frame of every open tab): anything that lifts meanwhile shows here.
    injectOpenTabs: async (o) => {
      if (o.length === 0) return;
      await new Promise((r) => setTimeout(r, 5));
      steps.push(`inject ${o.join()} (${lifted()})`);
    },
  });
  return { dnr, store, session, steps, guard };
}

describe('startup guard', () => {
  it('does not lift while the start is still injecting, when registering reports the policy covered (as the registration sync does)', async () => {
    let covered: Promise<void> | undefined;
    const { dnr, steps, guard } = setup([A], (o) => {
      covered = guardRef.covered(o);
    });
    const guardRef = guard;
    await dnr.updateDynamicRules({ addRules: lockdownRules([A]) });
    await guard.start();
    await covered;
    expect(steps).toEqual([`register ${A} (locked)`, `inject ${A} (locked)`]);
    expect(dnr.session.has(LIFT_IDS[0])).toBe(true);
  });

  it('registers from the last run’s origins, injects into open tabs, then lifts the lockdown — in that order', async () => {
    const { dnr, store, steps, guard } = setup([A]);
    // A previous run left the lockdown in the persisted rules; this session has no lift yet.
    await dnr.updateDynamicRules({ addRules: lockdownRules([A]) });
    await guard.start();
    expect(steps).toEqual([`register ${A} (locked)`, `inject ${A} (locked)`]);
    expect([...dnr.session.keys()]).toEqual([...LIFT_IDS]);
    // A new origin: locked down for the next start, its open tabs injected, lifted now, then persisted.
    await guard.covered([A, B]);
    expect(steps.at(-1)).toBe(`inject ${B} (lifted)`);
    expect(store[REGISTERED_ORIGINS_KEY]).toEqual([A, B]);
    expect(dnr.dynamic.get(LOCKDOWN_IDS[0])!.condition.initiatorDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
    expect(dnr.session.get(LIFT_IDS[0])!.condition.initiatorDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
  });

  it('re-arms the lockdown a previous load of the extension lifted (session rules outlive an update) before anything else', async () => {
    const { dnr, steps, guard } = setup([A]);
    await dnr.updateDynamicRules({ addRules: lockdownRules([A]) });
    await dnr.updateSessionRules({ addRules: liftRules([A]) });
    await guard.start();
    expect(steps).toEqual([`register ${A} (locked)`, `inject ${A} (locked)`]);
    expect(dnr.session.has(LIFT_IDS[0])).toBe(true);
    // The same load's worker woken again later: the lift stays while it re-checks.
    await guard.start();
    expect(steps.slice(2)).toEqual([`register ${A} (lifted)`, `inject ${A} (lifted)`]);
  });

  it('with no stored origins leaves the registrations and the lockdown alone until the policy is read', async () => {
    const { dnr, steps, guard } = setup(undefined);
    await dnr.updateDynamicRules({ addRules: lockdownRules([A]) });
    await guard.start();
    expect(steps).toEqual([]);
    expect([...dnr.dynamic.keys()]).toEqual([...LOCKDOWN_IDS]);
    expect(dnr.session.size).toBe(0);
  });

  it('stores the origins only once their lockdown is in place', async () => {
    const { dnr, store, guard } = setup(undefined);
    const writes: string[] = [];
    const update = dnr.updateDynamicRules;
    dnr.updateDynamicRules = (u) => (writes.push(store[REGISTERED_ORIGINS_KEY] ? 'stored first' : 'lockdown first'), update(u));
    await guard.covered([A]);
    expect(writes).toEqual(['lockdown first', 'lockdown first', 'lockdown first']);
    expect(store[REGISTERED_ORIGINS_KEY]).toEqual([A]);
  });

  it('keeps the script-URL and navigation-URL rules on the covered origins; a browser refusing them leaves the lockdown in place', async () => {
    const { dnr, guard } = setup(undefined);
    await guard.covered([A, B]);
    expect(dnr.dynamic.get(SCRIPT_RULE_IDS[0])!.condition.initiatorDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
    expect(dnr.dynamic.get(NAVIGATION_RULE_IDS[0])!.condition.initiatorDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
    await guard.covered([]);
    expect(dnr.dynamic.has(SCRIPT_RULE_IDS[0])).toBe(false);
    expect(dnr.dynamic.has(NAVIGATION_RULE_IDS[0])).toBe(false);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const update = dnr.updateDynamicRules;
    dnr.updateDynamicRules = (u) => (u.addRules?.some((r) => r.id === SCRIPT_RULE_IDS[0]) ? Promise.reject(new Error('regex not supported')) : update(u));
    await guard.covered([A]);
    expect([...dnr.dynamic.keys()]).toEqual([...LOCKDOWN_IDS, ...DATA_FRAME_RULE_IDS]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it("keeps the data: frame policy on the covered origins' pages; a browser refusing it keeps the rest", async () => {
    const { dnr, guard } = setup(undefined);
    await guard.covered([A, B]);
    expect(dnr.dynamic.get(DATA_FRAME_RULE_IDS[0])!.condition.requestDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
    await guard.covered([]);
    expect(dnr.dynamic.has(DATA_FRAME_RULE_IDS[0])).toBe(false);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const update = dnr.updateDynamicRules;
    dnr.updateDynamicRules = (u) => (u.addRules?.some((r) => r.id === DATA_FRAME_RULE_IDS[0]) ? Promise.reject(new Error('header rule refused')) : update(u));
    await guard.covered([A]);
    expect([...dnr.dynamic.keys()].sort((a, b) => a - b)).toEqual([...LOCKDOWN_IDS, ...SCRIPT_RULE_IDS, ...NAVIGATION_RULE_IDS]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
