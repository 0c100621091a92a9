/**
 * Normal forms of allow-listed contact details. The scanner compares what it finds against these
 * strings, so the policy stores one spelling only; the options page normalises before saving.
 */
import type { Localized } from '../scan/types';

/** Landline with its area code (0 + 10–11 digits) or a mobile number, digits only. */
const PHONE = /^(?:0\d{10,11}|1[3-9]\d{9})$/;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** '0952-601 2345', '(0952)6012345', '+86 139 0000 0000' → digits only, without the country code. */
export function normalizePhone(text: string): string {
  const digits = text.replace(/[\s\-()（）]/g, '');
  return digits.replace(/^(?:\+86|0086)/, '');
}

export function normalizeEmail(text: string): string {
  return text.trim().toLowerCase();
}

export function phoneProblem(phone: string): Localized | null {
  if (PHONE.test(phone)) return null;
  if (PHONE.test(normalizePhone(phone))) {
    return { zh: '请只写数字，不带空格、连字符、括号或 +86', en: 'write digits only, without spaces, hyphens, brackets or +86' };
  }
  return { zh: '应为带区号的固定电话（如 09526012345）或 11 位手机号', en: 'must be a landline with its area code (e.g. 09526012345) or an 11-digit mobile number' };
}

export function emailProblem(email: string): Localized | null {
  if (EMAIL.test(email)) return null;
  if (EMAIL.test(normalizeEmail(email))) return { zh: '请使用小写且不带首尾空格', en: 'use lower case without surrounding spaces' };
  return { zh: '不是有效的电子邮箱地址', en: 'is not a valid email address' };
}
