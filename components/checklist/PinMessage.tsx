import { useEffect, useState } from 'react';
import { t } from './strings';
import { COLOR } from './styles';
import type { PinError } from './types';

/** Seconds until `until`, ticking once a second while there are any. */
function useSecondsLeft(until: number | null): number {
  const left = () => (until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (until === null) return;
    const timer = setInterval(() => {
      const s = left();
      setSeconds(s);
      if (s === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

/**
 * What the background said about this PIN, right beside the PIN box; while locked, a countdown that
 * moves (the background's message states the wait once, at the moment it was sent).
 */
export function PinMessage({ error, id, onLocked }: { error: PinError; id: string; onLocked?: (locked: boolean) => void }) {
  const seconds = useSecondsLeft(error.until);
  useEffect(() => onLocked?.(seconds > 0), [seconds, onLocked]);
  const text = error.until === null ? error.text : seconds > 0 ? t('pin_wait', seconds) : t('pin_try_again');
  return (
    <div id={id} role="alert" data-message="error" data-pin-error={error.at} data-seconds={seconds} style={{ color: COLOR.block, flexBasis: '100%', margin: '2px 0' }}>
      {text}
    </div>
  );
}
