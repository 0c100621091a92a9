import { terms } from '../../lib/i18n';
import { COLOR, alert } from './styles';
import type { ChecklistDockProps } from './types';

/**
 * Above the sections: that the sign-offs are void (the draft changed after signing), and the last
 * request's answer. An error is an alert, so a screen reader says it at once; news waits its turn.
 */
export function DockNotices({ voided, message }: Pick<ChecklistDockProps, 'voided' | 'message'>) {
  return (
    <>
      {voided && (
        <div role="alert" data-voided="" style={{ ...alert(COLOR.block, '#fdecea'), fontWeight: 'bold' }}>
          {terms().status.voided}
        </div>
      )}
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} data-message={message.kind} style={message.kind === 'error' ? alert(COLOR.block, '#fdecea') : alert(COLOR.accent, '#e8f0fb')}>
          {message.text}
        </div>
      )}
    </>
  );
}
