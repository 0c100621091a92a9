/**
 * Masks a personal value for display: keeps the first three and last two characters that carry
 * information, hides the rest. Enough to recognise which row is meant, never enough to recover it.
 */
export function maskValue(raw: string): string {
  const chars = [...raw];
  const informative = chars.filter((c) => /[0-9A-Za-z]/.test(c)).length;
  if (informative <= 4) return chars.map((c) => (/[0-9A-Za-z]/.test(c) ? '*' : c)).join('');
  let seen = 0;
  return chars
    .map((c) => {
      if (!/[0-9A-Za-z]/.test(c)) return c;
      seen++;
      return seen <= 3 || seen > informative - 2 ? c : '*';
    })
    .join('');
}

/** Emails keep the first character of the mailbox and the domain. */
export function maskEmail(raw: string): string {
  const at = raw.indexOf('@');
  if (at <= 0) return maskValue(raw);
  return `${raw[0]}***${raw.slice(at)}`;
}
