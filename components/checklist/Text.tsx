import type { Localized } from '../../lib/scan/types';
import { small } from './styles';

/** Chinese first, the English after it in smaller print. */
export function Text({ zh, en }: Localized) {
  return (
    <>
      {zh} <small style={small} lang="en">{en}</small>
    </>
  );
}

/** 2026-11-26 09:30, in the browser's time zone (sign-off and override times). */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
