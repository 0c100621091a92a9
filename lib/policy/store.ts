/**
 * The policy in force (background only). Effective policy = the local policy (storage.local, written
 * by the options page) with every key the managed policy (storage.managed, set by IT) sets on top.
 * Bad input never wins: when the stored local policy or the managed payload fails validation, the
 * previous policy stays in force and the problems are kept for the options page to show. The last
 * managed payload that was accepted is kept in storage.local too, so a broken push from IT does not
 * unlock what IT had locked, even after the service worker or the browser restarts.
 */
import { DEFAULT_POLICY } from './defaults';
import { isRecord } from './fields';
import { mergeManaged } from './managed';
import { problemAt, type Problem } from './problems';
import type { Policy, PolicyKey } from './schema';
import { parsePolicy, parsePolicyJson } from './validate';

export const LOCAL_POLICY_KEY = 'policy';
export const LAST_GOOD_MANAGED_KEY = 'policy.managedLastGood';

export type PolicySource = 'default' | 'local' | 'managed';

export interface SourcedProblem extends Problem {
  /** Which input was rejected. */
  source: 'local' | 'managed';
}

export interface PolicyState {
  policy: Policy;
  /** Top-level keys set by the managed policy: read-only in the options page. */
  locked: PolicyKey[];
  /** Problems of the inputs that were rejected at the last recomputation; empty when all were accepted. */
  problems: SourcedProblem[];
  /** Where the policy in force comes from: built-in defaults, the local policy, or managed over local. */
  source: PolicySource;
}

export interface SaveResult {
  accepted: boolean;
  problems: Problem[];
  state: PolicyState;
  /** Import only: locked keys whose values in the file were ignored (the administrator's stay). */
  ignoredLocked?: PolicyKey[];
}

type Changes = Record<string, unknown>;

/** The part of browser.storage the store uses (browser.storage satisfies it; tests pass a fake). */
export interface StorageLike {
  local: {
    get(keys: string | string[]): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
  managed: { get(): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(callback: (changes: Changes, areaName: string) => void): void;
    removeListener(callback: (changes: Changes, areaName: string) => void): void;
  };
}

export interface PolicyStore {
  /** Resolves once the first recomputation has finished. */
  ready: Promise<void>;
  state(): PolicyState;
  /** Re-reads both inputs (done automatically on storage changes). */
  refresh(): Promise<PolicyState>;
  /** Validates the candidate as a whole and stores it as the local policy, or changes nothing. */
  save(candidate: unknown): Promise<SaveResult>;
  /** A policy file: locked keys keep the administrator's values, the rest is saved like save(). */
  importJson(text: string): Promise<SaveResult>;
  subscribe(listener: (state: PolicyState) => void): () => void;
  dispose(): void;
}

const LOCKED_PROBLEM = { zh: '由管理员设定，不能在本地修改', en: 'is set by your administrator and cannot be changed here' };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

async function readManaged(storage: StorageLike): Promise<Record<string, unknown> | undefined> {
  let payload: Record<string, unknown>;
  try {
    payload = await storage.managed.get();
  } catch {
    // Firefox throws when no policies.json entry exists for the extension; Chrome returns {}.
    return undefined;
  }
  return isRecord(payload) && Object.keys(payload).length > 0 ? payload : undefined;
}

class PolicyStoreImpl implements PolicyStore {
  private current: PolicyState = { policy: DEFAULT_POLICY, locked: [], problems: [], source: 'default' };
  /** The local policy last accepted, used while the stored one is broken. */
  private lastLocal: Policy = DEFAULT_POLICY;
  private readonly listeners = new Set<(state: PolicyState) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<void>;
  private readonly onChanged = (changes: Changes, area: string) => {
    if (area === 'managed' || (area === 'local' && LOCAL_POLICY_KEY in changes)) void this.serial(() => this.recompute()).catch(reportError);
  };

  constructor(private readonly storage: StorageLike) {
    storage.onChanged.addListener(this.onChanged);
    this.ready = this.serial(() => this.recompute()).then(
      () => undefined,
      (error: unknown) => reportError(error),
    );
  }

  /** One operation at a time: a save never interleaves with a recomputation. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private publish(next: PolicyState): void {
    const changed = !sameValue(next, this.current);
    this.current = next;
    if (changed) for (const l of this.listeners) l(next);
  }

  private async readLocal(problems: SourcedProblem[]): Promise<{ policy: Policy; stored: boolean }> {
    const raw = (await this.storage.local.get(LOCAL_POLICY_KEY))[LOCAL_POLICY_KEY];
    if (raw === undefined) return { policy: DEFAULT_POLICY, stored: false };
    const parsed = parsePolicy(raw);
    if (parsed.ok) return { policy: parsed.policy, stored: true };
    problems.push(...parsed.problems.map((p) => ({ ...p, source: 'local' as const })));
    return { policy: this.lastLocal, stored: this.lastLocal !== DEFAULT_POLICY };
  }

  private async recompute(): Promise<PolicyState> {
    const problems: SourcedProblem[] = [];
    const local = await this.readLocal(problems);
    this.lastLocal = local.policy;
    const localSource: PolicySource = local.stored ? 'local' : 'default';
    const managed = await readManaged(this.storage);
    const lastGood = (await this.storage.local.get(LAST_GOOD_MANAGED_KEY))[LAST_GOOD_MANAGED_KEY];
    let next: PolicyState;
    if (managed === undefined) {
      if (lastGood !== undefined) await this.storage.local.remove(LAST_GOOD_MANAGED_KEY);
      next = { policy: local.policy, locked: [], problems, source: localSource };
    } else {
      next = await this.withManaged(local.policy, localSource, managed, lastGood, problems);
    }
    this.publish(next);
    return next;
  }

  /** The local policy under the administrator's payload; a broken push keeps the last good one in force. */
  private async withManaged(local: Policy, localSource: PolicySource, managed: Record<string, unknown>, lastGood: unknown, problems: SourcedProblem[]): Promise<PolicyState> {
    const source = (locked: readonly unknown[]) => (locked.length > 0 ? 'managed' : localSource);
    const merged = mergeManaged(local, managed);
    if (merged.problems.length === 0) {
      if (!sameValue(lastGood, managed)) await this.storage.local.set({ [LAST_GOOD_MANAGED_KEY]: managed });
      return { policy: merged.policy, locked: merged.locked, problems, source: source(merged.locked) };
    }
    problems.push(...merged.problems.map((p) => ({ ...p, source: 'managed' as const })));
    const fallback = lastGood === undefined ? undefined : mergeManaged(local, lastGood);
    if (fallback && fallback.problems.length === 0) return { policy: fallback.policy, locked: fallback.locked, problems, source: source(fallback.locked) };
    // Nothing accepted from the administrator before: the local policy as it is now (including a
    // save made while the broken payload is there), unlocked.
    if (fallback === undefined) return { policy: local, locked: [], problems, source: localSource };
    // The last good payload no longer fits the local policy (changed outside the store): keep
    // what is in force rather than unlock it.
    return { ...this.current, problems };
  }

  private async saveNow(candidate: unknown): Promise<SaveResult> {
    const current = this.current;
    const parsed = parsePolicy(candidate);
    const problems: Problem[] = parsed.ok ? [] : [...parsed.problems];
    const candidateRecord = isRecord(candidate) ? candidate : {};
    for (const key of current.locked) {
      const value = parsed.ok ? parsed.policy[key] : candidateRecord[key];
      if (!sameValue(value, current.policy[key])) problems.push(problemAt([key], LOCKED_PROBLEM));
    }
    if (!parsed.ok || problems.length > 0) return { accepted: false, problems, state: current };
    // The candidate must also hold together with what the administrator sets (e.g. adapters inside
    // managed origins): the payload in force, which is the last good one while a broken push is
    // being refused (checking against the broken one would refuse every save).
    if (current.locked.length > 0) {
      const refused = current.problems.some((p) => p.source === 'managed');
      const managed = refused ? (await this.storage.local.get(LAST_GOOD_MANAGED_KEY))[LAST_GOOD_MANAGED_KEY] : await readManaged(this.storage);
      if (managed !== undefined) {
        const merged = mergeManaged(parsed.policy, managed);
        if (merged.problems.length > 0) return { accepted: false, problems: merged.problems, state: current };
      }
    }
    await this.storage.local.set({ [LOCAL_POLICY_KEY]: parsed.policy });
    const state = await this.recompute();
    return { accepted: true, problems: [], state };
  }

  private async importNow(text: string): ReturnType<PolicyStore['importJson']> {
    const current = this.current;
    const parsed = parsePolicyJson(text);
    if (!parsed.ok) return { accepted: false, problems: parsed.problems, state: current };
    const ignoredLocked = current.locked.filter((k) => !sameValue(parsed.policy[k], current.policy[k]));
    const candidate: Record<string, unknown> = { ...parsed.policy };
    for (const key of current.locked) candidate[key] = current.policy[key];
    const result = await this.saveNow(candidate);
    return result.accepted ? { ...result, ignoredLocked } : result;
  }

  state = () => this.current;
  refresh = () => this.serial(() => this.recompute());
  save = (candidate: unknown) => this.serial(() => this.saveNow(candidate));
  importJson = (text: string) => this.serial(() => this.importNow(text));

  subscribe(listener: (state: PolicyState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.storage.onChanged.removeListener(this.onChanged);
    this.listeners.clear();
  }
}

export function createPolicyStore(storage: StorageLike): PolicyStore {
  return new PolicyStoreImpl(storage);
}

function reportError(error: unknown): void {
  // Storage failures are rare (quota, shutdown); the policy in force stays as it was.
  console.error('[precheck] policy store:', error instanceof Error ? error.message : String(error));
}
