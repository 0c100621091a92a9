/**
 * Where a form submission goes: into this window or a frame of this page (its navigation comes back
 * to the same gate), or into a new window (it does not).
 */
export function targetsThisPage(doc: Document, target: string | null | undefined): boolean {
  const t = (target ?? '').trim();
  if (t === '' || /^_(self|parent|top)$/i.test(t)) return true;
  if (/^_blank$/i.test(t)) return false;
  return [...doc.querySelectorAll('iframe[name], frame[name]')].some((f) => f.getAttribute('name') === t);
}
