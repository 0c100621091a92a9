import { useState } from 'react';
import { sameName } from '../../lib/signoff/checklist';
import type { RosterEntry } from '../../lib/signoff/types';
import { button, input, row } from './styles';
import { usePin } from './usePin';

interface Props {
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  onSubmit: (reason: string, reviewerId: string, pin: string) => void;
}

/** A reviewer releases one warn finding: the reason, who, and that person's PIN. */
export function OverrideForm({ roster, editor, busy, onSubmit }: Props) {
  const [reason, setReason] = useState('');
  const [reviewerId, setReviewerId] = useState('');
  const pin = usePin();
  const ready = !busy && reason.trim() !== '' && reviewerId !== '' && pin.filled;
  const submit = () => {
    if (ready) onSubmit(reason.trim(), reviewerId, pin.take());
  };
  return (
    <div style={row} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && submit()}>
      <input
        style={{ ...input, flex: '1 1 180px' }}
        data-input="reason"
        placeholder="放行理由（如：本人同意公开的联系电话）"
        title="Reason for letting this through"
        aria-label="理由 / Reason"
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <select style={input} data-input="override-reviewer" aria-label="审核人 / Reviewer" value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
        <option value="">审核人…</option>
        {roster.map((r) => (
          <RosterOption key={r.id} entry={r} editor={editor} />
        ))}
      </select>
      <input style={{ ...input, width: 90 }} data-input="pin-override" placeholder="PIN" aria-label="审核人 PIN" {...pin.props} />
      <button type="button" style={button} data-action="override" disabled={!ready} onClick={submit} title="Let this through with the reviewer's approval">
        申请豁免
      </button>
    </div>
  );
}

/** A roster entry; the editor cannot approve their own draft, so their own name is not selectable. */
export function RosterOption({ entry, editor }: { entry: RosterEntry; editor: string | null }) {
  const self = sameName(entry.name, editor);
  return (
    <option value={entry.id} disabled={self} title={self ? '编辑本人不能审核 / the editor cannot review' : entry.unit}>
      {entry.name}（{entry.unit}）{self ? ' - 编辑本人' : ''}
    </option>
  );
}
