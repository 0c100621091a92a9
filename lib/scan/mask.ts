/** [0-9A-Za-z]: the characters of a value that carry information. */
function informative(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** Runs of stars by length, made once: a bare number's mask is its head, a run and its tail. */
const STARS: string[] = Array.from({ length: 33 }, (_, n) => '*'.repeat(n));
const stars = (n: number) => STARS[n] ?? '*'.repeat(n);

/**
 * Masks a personal value for display: keeps the first three and last two characters that carry
 * information, hides the rest. Enough to recognise which row is meant, never enough to recover it.
 * One pass over the UTF-16 units (informative characters are ASCII, everything else is copied as
 * it is), since every finding of a personal rule goes through here.
 */
export function maskValue(raw: string): string {
  let total = 0;
  for (let i = 0; i < raw.length; i++) if (informative(raw.charCodeAt(i))) total++;
  // The common case, a bare number: one string built, not one piece per hidden digit.
  if (total === raw.length && total > 4) return raw.slice(0, 3) + stars(total - 5) + raw.slice(total - 2);
  let out = '';
  let from = 0;
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (!informative(raw.charCodeAt(i))) continue;
    seen++;
    if (total > 4 && (seen <= 3 || seen > total - 2)) continue;
    out += raw.slice(from, i) + '*';
    from = i + 1;
  }
  return out + raw.slice(from);
}

/** Emails keep the first character of the mailbox and the domain. */
export function maskEmail(raw: string): string {
  const at = raw.indexOf('@');
  if (at <= 0) return maskValue(raw);
  return `${raw[0]}***${raw.slice(at)}`;
}
