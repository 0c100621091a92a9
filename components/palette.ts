/**
 * Colours of the extension's own pages (options, popup, try-it list), each at least 4.5:1 against
 * white and the light greys it sits on (WCAG AA for normal text). The orange of 警告 was 4.06:1 and
 * the grey labels 3.5:1 before; these are their darker replacements.
 */
import type { Severity } from '../lib/scan/types';

export const SEVERITY_COLOR: Record<Severity, string> = { block: '#b3261e', warn: '#8a5300', info: '#4f6470' };

export const COLOR = {
  text: '#1f1f1f',
  /** Hints, placeholders of state ("…"), secondary lines: 7.0:1. */
  muted: '#595959',
  ok: '#17693a',
  error: '#b3261e',
  /** Focus rings: 8.4:1 against white, visible on every control. */
  focus: '#1a4d8f',
} as const;
