/**
 * Which policy was in force when a record was written: the first 12 hex digits of the SHA-256 of its
 * canonical JSON, then the administrator's meta.updatedAt when set ('3f9a0c12be47@2025-03-01T09:00:00+08:00').
 * Any change, down to one reviewer's PIN, gives a new version; the same policy pushed to every
 * machine of a unit gives the same one.
 */
import type { Policy } from '../policy/schema';
import { canonicalJson } from './canonical';
import { sha256Hex } from './sha256';

// Every append stamps the version: hash each policy object once, not a whole catalogue per record.
const known = new WeakMap<Policy, string>();

export function policyVersion(policy: Policy): string {
  let version = known.get(policy);
  if (version === undefined) {
    const short = sha256Hex(canonicalJson(policy)).slice(0, 12);
    version = policy.meta.updatedAt ? `${short}@${policy.meta.updatedAt}` : short;
    known.set(policy, version);
  }
  return version;
}
