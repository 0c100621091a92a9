import { useState } from 'react';
import { sameName } from '../../lib/signoff/checklist';
import type { RosterEntry } from '../../lib/signoff/types';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { button, input, row } from './styles';
import { PinMessage } from './PinMessage';
import type { PinError } from './types';
import { usePin } from './usePin';

interface Props {
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  onSubmit: (reason: string, reviewerId: string, pin: string) => void;
  /** A refused PIN from this form. */
  pinError: PinError | null;
}

/** A reviewer releases one warn finding: the reason, who, and that person's PIN. */
export function OverrideForm({ roster, editor, busy, onSubmit, pinError }: Props) {
  const [reason, setReason] = useState('');
  const [reviewerId, setReviewerId] = useState('');
  const pin = usePin();
  const [locked, setLocked] = useState(false);
  const ready = !busy && !(pinError && locked) && reason.trim() !== '' && reviewerId !== '' && pin.filled;
  const submit = () => {
    if (ready) onSubmit(reason.trim(), reviewerId, pin.take());
  };
  return (
    <div style={row} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && submit()}>
      <input
        style={{ ...input, flex: '1 1 180px' }}
        data-input="reason"
        placeholder={t('override_reason')}
        aria-label={t('override_reason_label')}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <select style={input} data-input="override-reviewer" aria-label={terms().role.reviewer} value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
        <option value="">{terms().role.reviewer}…</option>
        {roster.map((r) => (
          <RosterOption key={r.id} entry={r} editor={editor} />
        ))}
      </select>
      <input style={{ ...input, width: 90 }} data-input="pin-override" placeholder="PIN" aria-label={t('pin_label', terms().role.reviewer)} aria-invalid={pinError ? true : undefined} aria-describedby={pinError ? 'precheck-pin-override' : undefined} {...pin.props} />
      <button type="button" style={button} data-action="override" disabled={!ready} onClick={submit}>
        {terms().action.override}
      </button>
      {pinError && <PinMessage error={pinError} id="precheck-pin-override" onLocked={setLocked} />}
    </div>
  );
}

/** A roster entry; the editor cannot approve their own draft, so their own name is not selectable. */
export function RosterOption({ entry, editor }: { entry: RosterEntry; editor: string | null }) {
  const self = sameName(entry.name, editor);
  return (
    <option value={entry.id} disabled={self} title={self ? t('editor_cannot_review') : entry.unit}>
      {t('roster_entry', entry.name, entry.unit)}
      {self ? t('self_suffix') : ''}
    </option>
  );
}
