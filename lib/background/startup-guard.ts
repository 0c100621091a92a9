/**
 * The service worker's first job at every start (browser start, install, update): get the content
 * scripts registered and into the tabs already open, then lift the lockdown the browser has been
 * enforcing meanwhile (lib/gate/startup-rules.ts). It works from the origins the last run registered,
 * kept in storage.local, without waiting for the policy store (a managed policy takes seconds to read).
 */
import { DATA_FRAME_RULE_IDS, dataFrameRules } from '../gate/data-frame-rules';
import { NAVIGATION_RULE_IDS, navigationUrlRules } from '../gate/navigation-url-rules';
import { SCRIPT_RULE_IDS, scriptUrlRules } from '../gate/script-url-rules';
import { LIFT_IDS, LOCKDOWN_IDS, liftRules, lockdownRules } from '../gate/startup-rules';
import type { DnrApi } from './backstop';

export const REGISTERED_ORIGINS_KEY = 'registration.origins';
/** In storage.session: this load of the extension has re-armed the lockdown once already. */
export const STARTED_KEY = 'startup.armed';

interface KeyValue {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StartupDeps {
  dnr: DnrApi | undefined;
  storage: KeyValue;
  /** storage.session: empty after every browser start and every load of the extension (install, update, reload). */
  session: KeyValue;
  /** Registers the content scripts for these granted origins; resolves to the origins they now run on. */
  register(origins: readonly string[]): Promise<string[]>;
  /** Runs the content scripts in the tabs already showing these origins (loaded before registration). */
  injectOpenTabs(origins: readonly string[]): Promise<void>;
}

export interface StartupGuard {
  /** Brings up the guard from the last known origins and lifts the lockdown. */
  start(): Promise<void>;
  /** The registrations now cover these origins: persist them and move the lockdown to them. */
  covered(origins: readonly string[]): Promise<void>;
}

export function createStartupGuard(deps: StartupDeps): StartupGuard {
  async function cached(): Promise<string[]> {
    const v = (await deps.storage.get(REGISTERED_ORIGINS_KEY))[REGISTERED_ORIGINS_KEY];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  async function setLockdown(origins: readonly string[]): Promise<void> {
    await deps.dnr?.updateDynamicRules({ removeRuleIds: [...LOCKDOWN_IDS], addRules: lockdownRules(origins) });
  }

  /**
   * The URL-shape rules — scripts (lib/gate/script-url-rules.ts) and frame or window navigations
   * (lib/gate/navigation-url-rules.ts) — follow the origins too, in an update of their own: a browser
   * that refused a pattern must not take the lockdown down with it.
   */
  async function setUrlShapeRules(origins: readonly string[]): Promise<void> {
    const update = { removeRuleIds: [...SCRIPT_RULE_IDS, ...NAVIGATION_RULE_IDS], addRules: [...scriptUrlRules(origins), ...navigationUrlRules(origins)] };
    await deps.dnr?.updateDynamicRules(update).catch((e: unknown) => {
      console.warn('[precheck] 地址形态规则（脚本、框架与窗口导航）未能启用，仅由页面内检查拦截', e);
    });
  }

  /**
   * The policy refusing data: frames on the CMS's pages (lib/gate/data-frame-rules.ts), in an update of
   * its own too: a browser that refused a header rule must keep the rest.
   */
  async function setDataFrameRule(origins: readonly string[]): Promise<void> {
    const update = { removeRuleIds: [...DATA_FRAME_RULE_IDS], addRules: dataFrameRules(origins) };
    await deps.dnr?.updateDynamicRules(update).catch((e: unknown) => {
      console.warn('[precheck] 禁止 data: 框架的页面策略未能启用', e);
    });
  }

  async function lift(origins: readonly string[]): Promise<void> {
    await deps.dnr?.updateSessionRules({ removeRuleIds: [...LIFT_IDS], addRules: liftRules(origins) });
  }

  // The registration sync reports the covered origins while start() is still registering; covered()
  // must not lift the lockdown before start() has injected the open tabs (CI: a tab open across an
  // update sent its ID between the lift and the MAIN-world injection).
  let starting: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    // Chromium keeps session rules across an extension reload or update (measured, Chromium 156): the
    // previous version's lift would leave tabs unguarded until this one has injected its scripts.
    const fresh = (await deps.session.get(STARTED_KEY))[STARTED_KEY] !== true;
    if (fresh) await deps.dnr?.updateSessionRules({ removeRuleIds: [...LIFT_IDS] });
    const origins = await cached();
    // Nothing stored (first install, or a last run that ended before it stored its origins): the
    // persisted registrations and lockdown stay as they are until the policy is read. Registering
    // "no origins" would tear both down and leave the first page of the day unguarded.
    if (origins.length > 0) {
      const registered = await deps.register(origins);
      await deps.injectOpenTabs(registered);
      await lift(registered);
    }
    await deps.session.set({ [STARTED_KEY]: true });
  }

  return {
    start() {
      starting = start();
      return starting;
    },
    async covered(origins) {
      await starting.catch(() => undefined);
      const before = await cached();
      // The lockdown follows the origins (a new CMS added, one removed); it stays lifted this session.
      await setLockdown(origins);
      await setUrlShapeRules(origins);
      await setDataFrameRule(origins);
      // Tabs already showing a newly covered origin (the first run after install) get the scripts now.
      await deps.injectOpenTabs(origins.filter((o) => !before.includes(o)));
      await lift(origins);
      // Stored last: a stored list means its lockdown is in place (a run cut short keeps the old list).
      await deps.storage.set({ [REGISTERED_ORIGINS_KEY]: [...origins] });
    },
  };
}
