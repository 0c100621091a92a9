/** Check-character algorithms from the national standards; pure functions over ASCII strings. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: the 18th character of a resident ID from the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** ID_CHECK's characters as values (10 for the X), by their place in it. */
const CHECK_VALUE = Array.from(ID_CHECK, (c) => (c === 'X' ? 10 : c.charCodeAt(0) - 48));

/**
 * /^\d{17}[\dX]$/i and the check character, read from the character codes: every 18-digit number
 * of a draft is asked this (as an ID, and as a card that might be one), and a regular expression,
 * a slice and a case change per number were most of what the question cost.
 */
export function isValidIdChecksum(id18: string): boolean {
  if (id18.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = id18.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * ID_WEIGHTS[i]!;
  }
  const last = id18.charCodeAt(17);
  const value = last >= 48 && last <= 57 ? last - 48 : (last | 32) === 120 ? 10 : -1;
  return value === CHECK_VALUE[sum % 11];
}

/** ISO/IEC 7812 (Luhn), used by bank cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: the unified social credit code's 18th character. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  const upper = code.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(upper[i]!);
    if (v < 0) return false;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === upper[17];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Does day `d` exist in month `m` of year `y` (proleptic Gregorian, as Date counts)? */
function dayExists(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** A real calendar date, not in the future (`today` is injectable for tests). */
export function isPlausibleBirthDate(y: number, m: number, d: number, today?: Date): boolean {
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  // Arithmetic rather than a Date per candidate: every ID-shaped number asks this.
  if (!dayExists(y, m, d)) return false;
  return y * 10000 + m * 100 + d <= (today ? dayNumber(today) : todayNumber());
}

const dayNumber = (date: Date) => date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();

/** Today as YYYYMMDD, read from the clock at most once a minute (a scan asks for every ID). */
let today = { number: 0, until: 0 };
function todayNumber(): number {
  const now = Date.now();
  if (now >= today.until) today = { number: dayNumber(new Date(now)), until: now + 60_000 };
  return today.number;
}
