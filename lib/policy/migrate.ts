/**
 * Brings any stored or imported policy to the current version before validation. Each older version
 * has one step to the next; a version newer than this build is refused rather than guessed at.
 */
import { isRecord } from './fields';
import { migrateV1, policyV1Schema } from './legacy';
import { problemAt, toProblems, type Problem } from './problems';
import { POLICY_VERSION } from './schema';

export type MigrationResult = { ok: true; value: unknown; from: number } | { ok: false; problems: Problem[] };

export function migrateToCurrent(input: unknown): MigrationResult {
  if (!isRecord(input)) {
    return { ok: false, problems: [problemAt([], { zh: '应为对象（{…}）', en: 'must be an object ({…})' })] };
  }
  const version = input.version;
  if (version === POLICY_VERSION) return { ok: true, value: input, from: POLICY_VERSION };
  if (version === 1) {
    const v1 = policyV1Schema.safeParse(input);
    if (!v1.success) return { ok: false, problems: toProblems(v1.error.issues, input) };
    return { ok: true, value: migrateV1(v1.data), from: 1 };
  }
  if (version === undefined) {
    return {
      ok: false,
      problems: [problemAt(['version'], { zh: `缺失，无法判断策略格式（当前版本为 ${POLICY_VERSION}）`, en: `is missing, so the policy format is unknown (current version is ${POLICY_VERSION})` })],
    };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > POLICY_VERSION) {
    return {
      ok: false,
      problems: [problemAt(['version'], { zh: `比本扩展支持的版本 ${POLICY_VERSION} 更新，请先升级 Precheck`, en: `is newer than version ${POLICY_VERSION}, the newest this Precheck understands; upgrade Precheck first` })],
    };
  }
  return {
    ok: false,
    problems: [problemAt(['version'], { zh: `不是支持的版本（支持 1 和 ${POLICY_VERSION}）`, en: `is not a supported version (1 and ${POLICY_VERSION} are)` })],
  };
}
