/**
 * No unguarded moment. Precheck's content scripts are registered by its service worker, which the
 * browser starts only after the first pages may already be loading (and an update clears the
 * registrations). So a lockdown rule lives among the persisted (dynamic) declarativeNetRequest rules:
 * at browser start, before any Precheck code runs, the browser itself refuses every request from a
 * covered CMS page that could carry a draft — any POST/PUT/PATCH/DELETE, and a script request, beacon
 * or socket whose URL has a query. Once the worker has registered the scripts and injected them into
 * the tabs already open, it lifts the lockdown for the session with a higher-priority allow rule
 * (session rules die with the session, so the lockdown is back at the next start or update).
 */
import { RESOURCE_TYPES, type DnrRule } from './backstop-rules';

/** Dynamic (persisted) rule ids 10–19, session lift ids 20–29: apart from the backstop's ranges. */
export const LOCKDOWN_IDS = [10, 11] as const;
export const LIFT_IDS = [20, 21] as const;
/**
 * The lift outranks the lockdown and nothing else: the network backstop's blocks of adapter-named
 * publish endpoints (lib/gate/backstop-rules.ts) rank above both, or the lift's allow-everything would
 * switch them off for every CMS page.
 */
export const LOCKDOWN_PRIORITY = 5;
export const LIFT_PRIORITY = 6;

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
/** Everything but a page load (a restored tab or the CMS's start page must still open). */
const SUBRESOURCES = RESOURCE_TYPES.filter((t) => t !== 'main_frame');

/** The CMS hosts (no scheme, no port: DNR matches domains) of the granted origin patterns. */
export function lockdownDomains(origins: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const o of origins) {
    const m = /^[a-z*]+:\/\/(\*\.)?([^/:]+)/i.exec(o);
    if (m && m[2] !== '*') hosts.add(m[2]!.toLowerCase());
  }
  return [...hosts].sort();
}

type Condition = DnrRule['condition'] & { initiatorDomains: string[] };

function conditions(domains: string[]): Condition[] {
  return [
    { regexFilter: '.*', requestMethods: WRITE_METHODS, resourceTypes: RESOURCE_TYPES, initiatorDomains: domains },
    { regexFilter: '\\?', resourceTypes: SUBRESOURCES, initiatorDomains: domains },
  ];
}

export function lockdownRules(origins: readonly string[]): DnrRule[] {
  const domains = lockdownDomains(origins);
  if (domains.length === 0) return [];
  return conditions(domains).map((condition, i) => ({ id: LOCKDOWN_IDS[i]!, priority: LOCKDOWN_PRIORITY, action: { type: 'block' }, condition }));
}

export function liftRules(origins: readonly string[]): DnrRule[] {
  const domains = lockdownDomains(origins);
  if (domains.length === 0) return [];
  return conditions(domains).map((condition, i) => ({ id: LIFT_IDS[i]!, priority: LIFT_PRIORITY, action: { type: 'allow' }, condition }));
}
