/** 审核人: the roster that may sign off (article 14(3)); PINs are stored only as PBKDF2 records. */
import { useState } from 'react';
import { hashPin, pinFormatProblem } from '../../lib/policy/pin';
import type { Reviewer } from '../../lib/policy/schema';
import type { Localized } from '../../lib/scan/types';
import { t } from './i18n';
import { isLocked, LockableGroup, localProblem, SaveResultNote, useSaver, type SectionProps, type Saver } from './shared';

type Role = Reviewer['role'];

function pinPairProblem(pin: string, again: string): Localized | null {
  return pinFormatProblem(pin) ?? (pin === again ? null : { zh: '两次输入的 PIN 不一致', en: 'the two PINs differ' });
}

function newId(): string {
  return `r-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

function PinInputs({ pin, again, onPin, onAgain }: { pin: string; again: string; onPin: (v: string) => void; onAgain: (v: string) => void }) {
  return (
    <>
      <label>
        {t('reviewers_pin')} <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => onPin(e.target.value)} size={8} />
      </label>{' '}
      <label>
        {t('reviewers_pin_again')}{' '}
        <input type="password" inputMode="numeric" autoComplete="new-password" value={again} onChange={(e) => onAgain(e.target.value)} size={8} />
      </label>
    </>
  );
}

function ResetPin({ reviewer, roster, saver, onDone }: { reviewer: Reviewer; roster: Reviewer[]; saver: Saver; onDone: () => void }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  async function submit() {
    const problem = pinPairProblem(pin, again);
    if (problem) return saver.fail([localProblem('PIN', problem)]);
    const record = await hashPin(pin);
    const result = await saver.save({ reviewers: roster.map((r) => (r.id === reviewer.id ? { ...r, pin: record } : r)) });
    if (result?.accepted) onDone();
  }
  return (
    <div className="inline-form">
      <PinInputs pin={pin} again={again} onPin={setPin} onAgain={setAgain} />{' '}
      <button type="button" onClick={() => void submit()} disabled={saver.busy}>
        {t('reviewers_set_pin')}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {t('cancel')}
      </button>
    </div>
  );
}

function AddReviewer({ roster, saver }: { roster: Reviewer[]; saver: Saver }) {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  async function submit() {
    const problem = pinPairProblem(pin, again);
    if (problem) return saver.fail([localProblem('PIN', problem)]);
    const reviewer: Reviewer = { id: newId(), name: name.trim(), unit: unit.trim(), role, pin: await hashPin(pin) };
    const result = await saver.save({ reviewers: [...roster, reviewer] });
    if (result?.accepted) {
      setName('');
      setPin('');
      setAgain('');
    }
  }
  return (
    <div className="add-form">
      <h3>{t('reviewers_add')}</h3>
      <label>
        {t('reviewers_name')} <input value={name} onChange={(e) => setName(e.target.value)} size={10} />
      </label>{' '}
      <label>
        {t('reviewers_unit')} <input value={unit} onChange={(e) => setUnit(e.target.value)} size={16} />
      </label>{' '}
      <label>
        {t('reviewers_role')}{' '}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="reviewer">{t('role_reviewer')}</option>
          <option value="principal">{t('role_principal')}</option>
        </select>
      </label>{' '}
      <PinInputs pin={pin} again={again} onPin={setPin} onAgain={setAgain} />{' '}
      <button type="button" onClick={() => void submit()} disabled={saver.busy}>
        {t('add')}
      </button>
    </div>
  );
}

export function ReviewersSection(props: SectionProps) {
  const { state } = props;
  const locked = isLocked(state, 'reviewers');
  const saver = useSaver(props);
  const [resetting, setResetting] = useState<string | null>(null);
  const roster = state.policy.reviewers;
  return (
    <section id="reviewers">
      <h2>{t('section_reviewers')}</h2>
      <LockableGroup title={t('reviewers_roster')} locked={locked}>
        {roster.length === 0 ? (
          <p className="hint">{t('reviewers_empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('reviewers_name')}</th>
                <th>{t('reviewers_unit')}</th>
                <th>{t('reviewers_role')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {roster.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{r.unit}</td>
                  <td>{t(`role_${r.role}`)}</td>
                  <td>
                    {resetting === r.id ? (
                      <ResetPin reviewer={r} roster={roster} saver={saver} onDone={() => setResetting(null)} />
                    ) : (
                      <>
                        <button type="button" onClick={() => setResetting(r.id)}>
                          {t('reviewers_reset_pin')}
                        </button>{' '}
                        <button type="button" onClick={() => void saver.save({ reviewers: roster.filter((x) => x.id !== r.id) })}>
                          {t('remove')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AddReviewer roster={roster} saver={saver} />
        <SaveResultNote saver={saver} />
      </LockableGroup>
    </section>
  );
}
