/** Pieces every options section uses: the lock label, problem lists, the save button, drafts. */
import { useState, type ReactNode } from 'react';
import { pick, terms } from '../../lib/i18n';
import type { PolicyState, RosterAuth, SaveResult } from '../../lib/messaging/protocol';
import type { Problem } from '../../lib/policy/problems';
import type { Policy, PolicyKey } from '../../lib/policy/schema';
import type { AdminSession } from './admin-session';
import type { PolicyClient } from './client';
import { t } from './strings';

export interface SectionProps {
  state: PolicyState;
  client: PolicyClient;
  onState: (state: PolicyState) => void;
  admin: AdminSession;
}

export function isLocked(state: PolicyState, key: PolicyKey): boolean {
  return state.locked.includes(key);
}

/** 「由管理员设定」 next to anything the managed policy sets. */
export function LockedNote({ locked }: { locked: boolean }) {
  if (!locked) return null;
  return (
    <span className="locked" data-locked="true" title={t('locked_hint')}>
      {t('locked_label')}
    </span>
  );
}

/**
 * A part of a section, disabled as a whole when its top-level key is locked (unless `disableAll` is
 * false and the part disables its own fields).
 */
export function LockableGroup({ title, locked, disableAll = true, children }: { title: string; locked: boolean; disableAll?: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={locked && disableAll} className="group" data-key-locked={locked}>
      <legend>
        {title} <LockedNote locked={locked} />
      </legend>
      {children}
    </fieldset>
  );
}

/** The sentence without the path the English one starts with (it is shown beside it already). */
function problemText(p: Problem): string {
  const text = pick(p);
  return p.path && text.startsWith(`${p.path}: `) ? text.slice(p.path.length + 2) : text;
}

/**
 * Every problem as 「path — what is wrong」, in the page's language; the path is the policy file's,
 * for administrators who edit it. `paths={false}` where the problem is about what was just typed.
 */
export function ProblemList({ problems, paths = true }: { problems: readonly Problem[]; paths?: boolean }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" role="alert">
      {problems.map((p, i) => (
        <li key={`${p.path}-${i}`}>
          {paths && (
            <>
              {p.path ? <code translate="no">{p.path}</code> : t('problem_whole')}
              {' — '}
            </>
          )}
          {paths ? problemText(p) : pick(p)}
        </li>
      ))}
    </ul>
  );
}

/** Local problems before anything is sent (a PIN typed twice differently, a JSON typo). */
export function localProblem(path: string, text: { zh: string; en: string }): Problem {
  return { path, zh: text.zh, en: text.en };
}

/**
 * A draft of some policy part that follows the policy in force: when the source changes (a save, a
 * managed update), the draft starts over from it.
 */
export function useDraft<T>(source: T): [T, (next: T) => void] {
  const signature = JSON.stringify(source);
  const [draft, setDraft] = useState<T>(source);
  const [seen, setSeen] = useState(signature);
  if (signature !== seen) {
    setSeen(signature);
    setDraft(source);
  }
  return [draft, setDraft];
}

export interface Saver {
  busy: boolean;
  problems: Problem[];
  saved: boolean;
  /** Saves the policy in force with `patch` applied; the whole candidate is accepted or nothing is. */
  save(patch: Partial<Policy>, auth?: RosterAuth): Promise<SaveResult | undefined>;
  fail(problems: Problem[]): void;
}

export function useSaver({ state, client, onState }: Pick<SectionProps, 'state' | 'client' | 'onState'>): Saver {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  return {
    busy,
    problems,
    saved,
    fail(next) {
      setProblems(next);
      setSaved(false);
    },
    async save(patch, auth) {
      setBusy(true);
      setSaved(false);
      try {
        const result = await client.save({ ...state.policy, ...patch }, auth);
        setProblems(result.problems);
        setSaved(result.accepted);
        if (result.accepted) onState(result.state);
        return result;
      } catch (error) {
        setProblems([localProblem('', t.both('save_failed', String(error)))]);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The save button of a section, with its problems right under it. */
export function SaveBar({ saver, onSave, disabled }: { saver: Saver; onSave: () => void; disabled?: boolean }) {
  return (
    <div className="save-bar">
      <button type="button" onClick={onSave} disabled={disabled || saver.busy}>
        {terms().action.save}
      </button>
      {saver.saved && <span className="saved">{t('saved')}</span>}
      <ProblemList problems={saver.problems} />
    </div>
  );
}

export function SaveResultNote({ saver, paths }: { saver: Saver; paths?: boolean }) {
  return (
    <>
      {saver.saved && (
        <span className="saved" role="status">
          {t('saved')}
        </span>
      )}
      <ProblemList problems={saver.problems} paths={paths} />
    </>
  );
}

/** A list with item `i` changed by `patch` (the editable tables' rows). */
export function patchAt<T extends object>(list: readonly T[], i: number, patch: Partial<T>): T[] {
  return list.map((x, j) => (j === i ? { ...x, ...patch } : x));
}

/** A list without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}
