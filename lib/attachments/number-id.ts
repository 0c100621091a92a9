import { isKnownRegion } from '../../rules/data/regions';
import { maskValue } from '../scan/mask';
import type { Finding, Kind } from '../scan/types';
import type { ExtractedSegment } from './types';

/** A number shown in scientific notation, as Excel shows (and exports to CSV) a long number: 1.10105E+17. */
const SCIENTIFIC = /^\s*([1-9])(?:\.(\d+))?E\+(\d\d)\s*$/i;

export const NUMBER_ID_RULE = 'attachment-number-cell';

const MESSAGES: Record<'cn-id' | 'bank-card', { zh: string; en: string }> = {
  'cn-id': {
    zh: '疑似身份证号以数值存储，末几位已丢失，无法核对；请将该列设为文本格式后重新录入',
    en: 'an ID-like number stored as a number has lost its last digits and cannot be checked; set the column to text and re-enter it',
  },
  'bank-card': {
    zh: '疑似银行卡号以数值存储，末几位已丢失，无法核对；请将该列设为文本格式后重新录入',
    en: 'a card-like number stored as a number has lost its last digits and cannot be checked; set the column to text and re-enter it',
  },
};

/** The digits a number still has before its lost tail, and how many digits it has in all. */
function leadingDigits(seg: ExtractedSegment): { lead: string; length: number } | null {
  if (seg.number !== undefined) {
    const v = Math.abs(seg.number);
    // Up to 2^53 every integer is exact, and its digits are in the text the rules scan.
    if (!Number.isFinite(v) || v <= Number.MAX_SAFE_INTEGER || v >= 1e20) return null;
    const all = BigInt(Math.round(v)).toString();
    // A double keeps about 15–16 significant digits; the rest are noise, not the person's digits.
    return { lead: all.slice(0, 15), length: all.length };
  }
  const m = SCIENTIFIC.exec(seg.text);
  if (!m) return null;
  return { lead: m[1]! + (m[2] ?? ''), length: Number(m[3]) + 1 };
}

function kindOf(lead: string, length: number): 'cn-id' | 'bank-card' | null {
  if (length === 18 && lead.length >= 6 && isKnownRegion(lead.slice(0, 6))) return 'cn-id';
  if (length >= 16 && length <= 19 && lead.startsWith('62')) return 'bank-card';
  return null;
}

/**
 * A cell that held an ID or a card number typed as a number: Excel keeps 15 significant digits, so
 * the number still shows who it was (region, birth year) but can no longer be checked against a
 * checksum. The published file still leaks most of it: warn, and say how to fix the column.
 */
export function lostDigitsFinding(seg: ExtractedSegment, locale: 'zh' | 'en'): Omit<Finding, 'start' | 'end'> | null {
  const digits = leadingDigits(seg);
  if (!digits) return null;
  const kind: Kind | null = kindOf(digits.lead, digits.length);
  if (!kind) return null;
  return {
    ruleId: NUMBER_ID_RULE,
    kind,
    severity: 'warn',
    excerpt: maskValue(seg.text.trim()),
    message: MESSAGES[kind][locale],
  };
}
