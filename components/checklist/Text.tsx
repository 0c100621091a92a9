import { pick } from '../../lib/i18n';
import type { Localized } from '../../lib/scan/types';

/** A problem in the browser's language only: one screen, one language. */
export function Text(text: Localized) {
  return <>{pick(text)}</>;
}

/** 2026-11-26 09:30, in the browser's time zone (sign-off and override times). */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
