/** A FormData's entries as the gate reads them (its navigate and formdata events hand it one). */
import type { Entry } from '../../gate/types';
import { pairsOf } from '../../gate/pairs';

/** A FormData's entries as the gate reads them: files by name, type, size and the key of their scan. */
export function entriesOf(fd: FormData, fileKey?: (file: File) => string | undefined): Entry[] {
  const out: Entry[] = [];
  for (const [name, value] of pairsOf(fd)) {
    if (typeof value === 'string') out.push([name, value]);
    else out.push([name, { name, filename: value.name, type: value.type, size: value.size, key: fileKey?.(value) }]);
  }
  return out;
}
