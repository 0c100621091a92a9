/**
 * Policy pushed by IT through storage.managed (Chrome/Edge group policy or a JSON file, Firefox
 * policies.json). The payload holds top-level policy keys; each key present replaces the local value
 * and is locked, so the options page shows it read-only. A payload that does not validate changes
 * nothing: the local policy stays in force, nothing is locked, and the problems are reported.
 */
import { isRecord } from './fields';
import { problemAt, type Problem } from './problems';
import { POLICY_KEYS, POLICY_VERSION, type Policy, type PolicyKey } from './schema';
import { parsePolicy } from './validate';

export interface Merged {
  policy: Policy;
  locked: PolicyKey[];
  problems: Problem[];
}

const KNOWN = new Set<string>(POLICY_KEYS);

/** The policy keys the payload sets, in policy order (`version` is a format marker, not a setting). */
export function lockedKeys(managed: unknown): PolicyKey[] {
  if (!isRecord(managed)) return [];
  return POLICY_KEYS.filter((k) => managed[k] !== undefined);
}

export function mergeManaged(local: Policy, managed: unknown): Merged {
  if (managed === undefined || managed === null) return { policy: local, locked: [], problems: [] };
  if (!isRecord(managed)) {
    return { policy: local, locked: [], problems: [problemAt([], { zh: '托管策略应为对象（{…}）', en: 'the managed policy must be an object ({…})' })] };
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(managed)) {
    if (key !== 'version' && !KNOWN.has(key)) {
      problems.push(problemAt([key], { zh: '不是可识别的策略项（拼写错误？）', en: 'is not a known policy key (misspelt?)' }));
    }
  }
  if (managed.version !== undefined && managed.version !== POLICY_VERSION) {
    // No migration here: IT writes the current format, and a guess would be worse than a clear refusal.
    problems.push(problemAt(['version'], { zh: `托管策略必须使用版本 ${POLICY_VERSION}`, en: `the managed policy must use version ${POLICY_VERSION}` }));
  }
  const locked = lockedKeys(managed);
  const candidate: Record<string, unknown> = { ...local, version: POLICY_VERSION };
  for (const key of locked) candidate[key] = managed[key];
  const result = parsePolicy(candidate);
  if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !result.ok) return { policy: local, locked: [], problems };
  return { policy: result.policy, locked, problems: [] };
}
