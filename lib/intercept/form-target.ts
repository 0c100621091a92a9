/**
 * Where a form submission goes: into this window or a frame of this page (its navigation comes back
 * to the same gate), or into a new window (it does not). The page's guard asks it too: through the
 * built-ins kept when this module loaded.
 */
import { apply, matches, trim } from '../realm/intrinsics';

const THIS_WINDOW = /^_(self|parent|top)$/i;
const NEW_WINDOW = /^_blank$/i;
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to each document and frame
const select = Document.prototype.querySelectorAll;
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to each frame
const attribute = Element.prototype.getAttribute;

export function targetsThisPage(doc: Document, target: string | null | undefined): boolean {
  const t = trim(target ?? '');
  if (t === '' || matches(THIS_WINDOW, t)) return true;
  if (matches(NEW_WINDOW, t)) return false;
  const frames = apply(select, doc, ['iframe[name], frame[name]']);
  for (let i = 0; i < frames.length; i++) if (apply(attribute, frames[i], ['name']) === t) return true;
  return false;
}
