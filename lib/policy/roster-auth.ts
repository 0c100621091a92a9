/**
 * The background's check of a roster change before a save or an import (lib/policy/roster-guard.ts
 * says what it takes). The administrator password is checked by the admin service; a reviewer's
 * current PIN arrives as a proof to a challenge, checked by the sign-off authority, so wrong PINs
 * count against the same tries as at sign-off and are logged the same way.
 */
import type { Localized } from '../scan/types';
import type { AdminService } from './admin-password';
import { isRecord } from './fields';
import type { Problem } from './problems';
import { rosterVerdict } from './roster-guard';
import type { Reviewer } from './schema';

/** What the options page sends along with a save or an import that changes the roster. */
export interface RosterAuth {
  adminPassword?: string;
  /** A proof of the reviewer's current PIN (lib/signoff/pin-proof.ts) to the background's challenge. */
  reviewerPin?: { reviewerId: string; challengeId: string; proof: string };
}

export interface RosterAuthDeps {
  admin: Pick<AdminService, 'status' | 'check'>;
  verifyReviewerPin(req: { reviewerId: string; challengeId: string; proof: string }): Promise<{ ok: true } | { ok: false; message: Localized }>;
}

const problem = (message: Localized): Problem => ({ path: 'reviewers', zh: message.zh, en: message.en });

const NEEDS_ADMIN: Localized = {
  zh: '修改审核人名单需要管理员密码：请先在「审核人」中输入管理员密码解锁',
  en: 'changing the reviewer roster needs the administrator password: unlock under "Reviewers" first',
};
const NOT_SET: Localized = {
  zh: '修改审核人名单前须先设置管理员密码（「审核人」一节）',
  en: 'set an administrator password (under "Reviewers") before changing the roster',
};
const NEEDS_PIN: Localized = {
  zh: '重设 PIN 需要该审核人当前的 PIN，或管理员密码',
  en: "resetting a PIN needs the reviewer's current PIN or the administrator password",
};

function parseAuth(auth: unknown): RosterAuth {
  if (!isRecord(auth)) return {};
  const pin = isRecord(auth.reviewerPin) ? auth.reviewerPin : undefined;
  return {
    ...(typeof auth.adminPassword === 'string' && auth.adminPassword !== '' ? { adminPassword: auth.adminPassword } : {}),
    ...(pin && typeof pin.reviewerId === 'string' && typeof pin.challengeId === 'string' && typeof pin.proof === 'string'
      ? { reviewerPin: { reviewerId: pin.reviewerId, challengeId: pin.challengeId, proof: pin.proof } }
      : {}),
  };
}

async function adminAllows(deps: RosterAuthDeps, password: string | undefined): Promise<Problem | null> {
  if (!(await deps.admin.status()).passwordSet) return problem(NOT_SET);
  if (password === undefined) return problem(NEEDS_ADMIN);
  const checked = await deps.admin.check(password);
  return checked.ok ? null : problem(checked.message);
}

/** null when the change may go ahead; otherwise the problem to show next to the roster. */
export async function authorizeRoster(current: readonly Reviewer[], candidate: unknown, rawAuth: unknown, deps: RosterAuthDeps): Promise<Problem | null> {
  const verdict = rosterVerdict(current, candidate);
  if (verdict.needs === 'nothing') return null;
  const auth = parseAuth(rawAuth);
  if (verdict.needs === 'admin' || auth.adminPassword !== undefined) return adminAllows(deps, auth.adminPassword);
  if (auth.reviewerPin?.reviewerId !== verdict.reviewerId) return problem(NEEDS_PIN);
  const proven = await deps.verifyReviewerPin(auth.reviewerPin);
  return proven.ok ? null : problem(proven.message);
}
