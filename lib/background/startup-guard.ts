/**
 * The service worker's first job at every start (browser start, install, update): get the content
 * scripts registered and into the tabs already open, then lift the lockdown the browser has been
 * enforcing meanwhile (lib/gate/startup-rules.ts). It works from the origins the last run registered,
 * kept in storage.local, without waiting for the policy store (a managed policy takes seconds to read).
 */
import { LIFT_IDS, LOCKDOWN_IDS, liftRules, lockdownRules } from '../gate/startup-rules';
import type { DnrApi } from './backstop';

export const REGISTERED_ORIGINS_KEY = 'registration.origins';

export interface StartupDeps {
  dnr: DnrApi | undefined;
  storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
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

  async function lift(origins: readonly string[]): Promise<void> {
    await deps.dnr?.updateSessionRules({ removeRuleIds: [...LIFT_IDS], addRules: liftRules(origins) });
  }

  return {
    async start() {
      const origins = await cached();
      const registered = await deps.register(origins);
      await deps.injectOpenTabs(registered);
      await lift(registered);
    },
    async covered(origins) {
      await deps.storage.set({ [REGISTERED_ORIGINS_KEY]: [...origins] });
      // The lockdown follows the origins (a new CMS added, one removed); it stays lifted this session.
      await setLockdown(origins);
      await lift(origins);
    },
  };
}
