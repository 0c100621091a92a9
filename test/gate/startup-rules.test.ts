import { describe, expect, it } from 'vitest';
import { LIFT_IDS, LOCKDOWN_IDS, liftRules, lockdownDomains, lockdownRules } from '../../lib/gate/startup-rules';
import { createStartupGuard, REGISTERED_ORIGINS_KEY } from '../../lib/background/startup-guard';
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

describe('startup guard', () => {
  it('registers from the last run’s origins, injects into open tabs, then lifts the lockdown — in that order', async () => {
    const dnr = fakeDnr();
    const store: Record<string, unknown> = { [REGISTERED_ORIGINS_KEY]: ['https://cms.a.gov.cn/*'] };
    const steps: string[] = [];
    const guard = createStartupGuard({
      dnr,
      storage: { get: (k) => Promise.resolve({ [k]: store[k] }), set: (items) => Promise.resolve(void Object.assign(store, items)) },
      register: (o) => (steps.push(`register ${o.join()}`), Promise.resolve([...o])),
      injectOpenTabs: (o) => (steps.push(`inject ${o.join()}`), Promise.resolve()),
    });
    // A previous run left the lockdown in the persisted rules; this session has no lift yet.
    await dnr.updateDynamicRules({ addRules: lockdownRules(['https://cms.a.gov.cn/*']) });
    await guard.start();
    expect(steps).toEqual(['register https://cms.a.gov.cn/*', 'inject https://cms.a.gov.cn/*']);
    expect([...dnr.session.keys()]).toEqual([...LIFT_IDS]);
    // A new origin: persisted for the next start, locked down there, lifted now.
    await guard.covered(['https://cms.a.gov.cn/*', 'https://cms.b.gov.cn/*']);
    expect(store[REGISTERED_ORIGINS_KEY]).toEqual(['https://cms.a.gov.cn/*', 'https://cms.b.gov.cn/*']);
    expect(dnr.dynamic.get(LOCKDOWN_IDS[0])!.condition.initiatorDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
    expect(dnr.session.get(LIFT_IDS[0])!.condition.initiatorDomains).toEqual(['cms.a.gov.cn', 'cms.b.gov.cn']);
  });
});
