/**
 * The administrator password of a local (unmanaged) policy: set once at first run, then needed to
 * change the reviewer roster or to reset a PIN the reviewer forgot. Stored like a PIN (a salted
 * PBKDF2 record, lib/policy/pin.ts) under its own storage key, outside the policy, so an imported
 * policy file cannot bring one. Guesses are slowed like wrong PINs (lib/signoff/rate-limit.ts), and
 * the count survives restarts of the service worker. Background only.
 */
import type { Localized } from '../scan/types';
import { attemptState, check, recordFailure, recordSuccess } from '../signoff/rate-limit';
import { pinRecord } from './fields';
import { hashSecret, verifySecret } from './pin';

export const ADMIN_KEYS = { password: 'admin.password', attempts: 'admin.passwordAttempts' } as const;

export const MIN_PASSWORD_CHARS = 8;
const MAX_PASSWORD_CHARS = 128;

export interface AdminStorage {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type AdminResult =
  | { ok: true }
  | { ok: false; code: 'not-set' | 'wrong' | 'locked' | 'too-short' | 'too-long'; message: Localized; waitMs?: number; remaining?: number };

export interface AdminStatus {
  passwordSet: boolean;
}

export interface AdminService {
  status(): Promise<AdminStatus>;
  /** The first password needs nothing; a new one needs the current one. */
  setPassword(req: { current?: string; next: string }): Promise<AdminResult>;
  check(password: unknown): Promise<AdminResult>;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

function failed(code: Exclude<AdminResult, { ok: true }>['code'], zh: string, en: string, extra: { waitMs?: number; remaining?: number } = {}): AdminResult {
  return { ok: false, code, message: { zh, en }, ...extra };
}

export function passwordProblem(next: string): AdminResult | null {
  if (next.length < MIN_PASSWORD_CHARS) {
    return failed('too-short', `管理员密码至少需要 ${MIN_PASSWORD_CHARS} 个字符`, `the administrator password needs at least ${MIN_PASSWORD_CHARS} characters`);
  }
  if (next.length > MAX_PASSWORD_CHARS) {
    return failed('too-long', `管理员密码最多 ${MAX_PASSWORD_CHARS} 个字符`, `the administrator password may have at most ${MAX_PASSWORD_CHARS} characters`);
  }
  return null;
}

export function createAdminService(storage: AdminStorage, now: () => number = Date.now): AdminService {
  let queue: Promise<unknown> = Promise.resolve();
  /** One check at a time: two guesses at once must both count. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function stored() {
    const value = (await storage.get(ADMIN_KEYS.password))[ADMIN_KEYS.password];
    const parsed = pinRecord.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  async function verify(password: unknown): Promise<AdminResult> {
    const record = await stored();
    if (!record) return failed('not-set', '尚未设置管理员密码', 'no administrator password is set yet');
    const before = attemptState((await storage.get(ADMIN_KEYS.attempts))[ADMIN_KEYS.attempts]);
    const gate = check(before, now());
    if (!gate.allowed) {
      const s = seconds(gate.waitMs);
      return failed('locked', `管理员密码错误次数过多，请 ${s} 秒后再试`, `too many wrong passwords; try again in ${s} s`, { waitMs: gate.waitMs, remaining: 0 });
    }
    if (typeof password === 'string' && (await verifySecret(password, record))) {
      if (before.failures > 0) await storage.set({ [ADMIN_KEYS.attempts]: recordSuccess() });
      return { ok: true };
    }
    const after = recordFailure(before, now());
    await storage.set({ [ADMIN_KEYS.attempts]: after });
    const { remaining, waitMs } = check(after, now());
    return waitMs > 0
      ? failed('wrong', `管理员密码不正确，请 ${seconds(waitMs)} 秒后再试`, `wrong administrator password; try again in ${seconds(waitMs)} s`, { waitMs, remaining })
      : failed('wrong', `管理员密码不正确，还可再试 ${remaining} 次`, `wrong administrator password; ${remaining} more tries before a wait`, { remaining });
  }

  return {
    async status() {
      return { passwordSet: (await stored()) !== undefined };
    },
    setPassword: (req) =>
      serial(async () => {
        const next = typeof req?.next === 'string' ? req.next : '';
        const problem = passwordProblem(next);
        if (problem) return problem;
        if (await stored()) {
          const checked = await verify(req.current);
          if (!checked.ok) return checked;
        }
        await storage.set({ [ADMIN_KEYS.password]: await hashSecret(next) });
        return { ok: true };
      }),
    check: (password) => serial(() => verify(password)),
  };
}
