import { RichText } from './rich-text';
import { saxPart } from './sax';

/** The shared string table (sharedStrings.xml): the text of every si, in order, for cells of t="s". */
export function readSharedStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const rich = new RichText();
  let inSi = false;
  saxPart(bytes, {
    open(name) {
      if (name === 'si') inSi = true;
      else if (inSi) rich.open(name);
    },
    close(name) {
      if (name === 'si') {
        strings.push(rich.take());
        inSi = false;
      } else if (inSi) rich.close(name);
    },
    text(s) {
      if (inSi) rich.text(s);
    },
  });
  return strings;
}
