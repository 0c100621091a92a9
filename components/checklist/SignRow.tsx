import { useState } from 'react';
import type { RosterEntry, SignoffRole } from '../../lib/signoff/types';
import { RosterOption } from './OverrideForm';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { button, input, row } from './styles';
import { PinMessage } from './PinMessage';
import type { PinError } from './types';
import { usePin } from './usePin';

interface Props {
  role: SignoffRole;
  people: readonly RosterEntry[];
  /** Preselected: the person the form's 审核人 field names, when on the roster. */
  initial: string;
  editor: string | null;
  busy: boolean;
  onSign: (role: SignoffRole, reviewerId: string, pin: string) => void;
  /** A refused PIN from this row. */
  pinError: PinError | null;
  /** What this row signs, when not the draft: its data-action and the PIN error it answers to (sign-file:<key>). */
  action?: string;
  /** Something must be confirmed first (a file too large to check). */
  blocked?: boolean;
}

/** One signature: who signs, their PIN, 签发. The PIN is gone from the input as soon as it is sent. */
export function SignRow({ role, people, initial, editor, busy, onSign, pinError, action = `sign-${role}`, blocked = false }: Props) {
  const label = terms().role[role];
  const [reviewerId, setReviewerId] = useState(people.some((p) => p.id === initial) ? initial : '');
  const pin = usePin();
  const [locked, setLocked] = useState(false);
  const mine = pinError?.at === action ? pinError : null;
  const ready = !busy && !blocked && !(mine && locked) && reviewerId !== '' && pin.filled;
  const sign = () => {
    if (ready) onSign(role, reviewerId, pin.take());
  };
  return (
    <div style={row} data-sign-row={role}>
      <span style={{ minWidth: 84 }}>{label}</span>
      <select style={input} data-input={`${role}-select`} aria-label={label} value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
        <option value="">{t('choose')}</option>
        {people.map((p) => (
          <RosterOption key={p.id} entry={p} editor={editor} />
        ))}
      </select>
      <input
        style={{ ...input, width: 100 }}
        data-input={`pin-${role}`}
        placeholder="PIN"
        aria-label={t('pin_label', label)}
        aria-invalid={mine ? true : undefined}
        aria-describedby={mine ? `precheck-pin-${action}` : undefined}
        onKeyDown={(e) => e.key === 'Enter' && sign()}
        {...pin.props}
      />
      <button type="button" style={button} data-action={action} disabled={!ready} onClick={sign}>
        {terms().action.signOff}
      </button>
      {mine && <PinMessage error={mine} id={`precheck-pin-${action}`} onLocked={setLocked} />}
    </div>
  );
}
