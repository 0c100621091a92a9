/**
 * 审核人: the roster that may sign off (article 14(3)); PINs are stored only as PBKDF2 records. In a
 * local policy, changing the roster needs the administrator password, and a PIN reset needs the
 * reviewer's current PIN or that password (the background checks both: lib/policy/roster-auth.ts).
 */
import { useState } from 'react';
import { terms } from '../../lib/i18n';
import type { RosterAuth } from '../../lib/messaging/protocol';
import { hashPin, pinFormatProblem } from '../../lib/policy/pin';
import type { Reviewer } from '../../lib/policy/schema';
import type { Localized } from '../../lib/scan/types';
import { AdminPanel } from './AdminPanel';
import type { AdminSession } from './admin-session';
import type { PolicyClient } from './client';
import { isLocked, LockableGroup, localProblem, SaveResultNote, useSaver, type Saver, type SectionProps } from './shared';
import { t } from './strings';

type Role = Reviewer['role'];

function pinPairProblem(pin: string, again: string): Localized | null {
  return pinFormatProblem(pin) ?? (pin === again ? null : t.both('pin_mismatch'));
}

function newId(): string {
  return `r-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

const adminAuth = (admin: AdminSession): RosterAuth | undefined => (admin.password ? { adminPassword: admin.password } : undefined);

function PinBox({ label, value, onChange, autoComplete = 'new-password' }: { label: string; value: string; onChange: (v: string) => void; autoComplete?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="password" inputMode="numeric" autoComplete={autoComplete} value={value} onChange={(e) => onChange(e.target.value)} size={8} />
    </label>
  );
}

/** The reviewer's current PIN as a proof, or the administrator's unlock: what the background wants for a reset. */
async function resetAuth(client: PolicyClient, admin: AdminSession, reviewer: Reviewer, current: string): Promise<{ auth: RosterAuth } | { problem: Localized }> {
  const asAdmin = adminAuth(admin);
  if (asAdmin) return { auth: asAdmin };
  const proven = await client.provePin(reviewer.id, current);
  return proven.ok ? { auth: { reviewerPin: proven.proof } } : { problem: proven.message };
}

/** The reset form, with its own outcome: a wrong PIN is said right under the PIN boxes. */
function ResetPin({ reviewer, props, onDone }: { reviewer: Reviewer; props: SectionProps; onDone: () => void }) {
  const { client, admin } = props;
  const roster = props.state.policy.reviewers;
  const saver = useSaver(props);
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  async function submit() {
    const problem = pinPairProblem(pin, again);
    if (problem) return saver.fail([localProblem('PIN', problem)]);
    const allowed = await resetAuth(client, admin, reviewer, current);
    if ('problem' in allowed) return saver.fail([localProblem('PIN', allowed.problem)]);
    const record = await hashPin(pin);
    const result = await saver.save({ reviewers: roster.map((r) => (r.id === reviewer.id ? { ...r, pin: record } : r)) }, allowed.auth);
    if (result?.accepted) onDone();
  }
  return (
    <form
      className="inline-form"
      data-reset-pin={reviewer.id}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="hint">{admin.password ? t('reviewers_reset_as_admin') : t('reviewers_reset_hint')}</p>
      {!admin.password && <PinBox label={t('reviewers_current_pin')} value={current} onChange={setCurrent} autoComplete="off" />}
      <PinBox label={t('reviewers_new_pin')} value={pin} onChange={setPin} />
      <PinBox label={t('reviewers_pin_again')} value={again} onChange={setAgain} />
      <button type="submit" disabled={saver.busy}>
        {terms().action.setPin}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {terms().action.cancel}
      </button>
      <SaveResultNote saver={saver} paths={false} />
    </form>
  );
}

function AddReviewer({ roster, saver, admin }: { roster: Reviewer[]; saver: Saver; admin: AdminSession }) {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const words = terms();
  async function submit() {
    const problem = pinPairProblem(pin, again);
    if (problem) return saver.fail([localProblem('PIN', problem)]);
    const reviewer: Reviewer = { id: newId(), name: name.trim(), unit: unit.trim(), role, pin: await hashPin(pin) };
    const result = await saver.save({ reviewers: [...roster, reviewer] }, adminAuth(admin));
    if (result?.accepted) {
      setName('');
      setPin('');
      setAgain('');
    }
  }
  return (
    <fieldset className="add-form" disabled={!admin.password}>
      <legend>{t('reviewers_add')}</legend>
      <label className="field">
        <span>{t('reviewers_name')}</span> <input value={name} onChange={(e) => setName(e.target.value)} size={10} />
      </label>
      <label className="field">
        <span>{t('reviewers_unit')}</span> <input value={unit} onChange={(e) => setUnit(e.target.value)} size={16} />
      </label>
      <label className="field">
        <span>{t('reviewers_role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="reviewer">{words.role.reviewer}</option>
          <option value="principal">{words.role.principal}</option>
        </select>
      </label>
      <PinBox label={t('reviewers_pin')} value={pin} onChange={setPin} />
      <PinBox label={t('reviewers_pin_again')} value={again} onChange={setAgain} />
      <button type="button" onClick={() => void submit()} disabled={saver.busy}>
        {words.action.add}
      </button>
    </fieldset>
  );
}

function RosterTable({ props, saver }: { props: SectionProps; saver: Saver }) {
  const { admin } = props;
  const roster = props.state.policy.reviewers;
  const [resetting, setResetting] = useState<string | null>(null);
  const words = terms();
  if (roster.length === 0) return <p className="hint">{t('reviewers_empty')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('reviewers_name')}</th>
          <th scope="col">{t('reviewers_unit')}</th>
          <th scope="col">{t('reviewers_role')}</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {roster.map((r) => (
          <tr key={r.id} data-reviewer={r.id}>
            <td translate="no">{r.name}</td>
            <td translate="no">{r.unit}</td>
            <td>{words.role[r.role]}</td>
            <td>
              {resetting === r.id ? (
                <ResetPin reviewer={r} props={props} onDone={() => setResetting(null)} />
              ) : (
                <>
                  <button type="button" onClick={() => setResetting(r.id)}>
                    {words.action.resetPin}
                  </button>{' '}
                  <button type="button" disabled={!admin.password} onClick={() => void saver.save({ reviewers: roster.filter((x) => x.id !== r.id) }, adminAuth(admin))}>
                    {words.action.remove}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReviewersSection(props: SectionProps) {
  const { state, admin } = props;
  const locked = isLocked(state, 'reviewers');
  const saver = useSaver(props);
  const roster = state.policy.reviewers;
  return (
    <section id="reviewers" aria-labelledby="reviewers-title">
      <h2 id="reviewers-title">{t('section_reviewers')}</h2>
      {locked ? <p className="hint">{t('admin_managed')}</p> : <AdminPanel admin={admin} />}
      <LockableGroup title={t('reviewers_roster')} locked={locked}>
        <RosterTable props={props} saver={saver} />
        {!locked && !admin.password && admin.passwordSet && <p className="hint">{t('reviewers_needs_unlock')}</p>}
        <AddReviewer roster={roster} saver={saver} admin={admin} />
        <SaveResultNote saver={saver} paths={false} />
      </LockableGroup>
    </section>
  );
}
