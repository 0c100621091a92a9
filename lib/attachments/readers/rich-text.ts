/**
 * The text of a spreadsheet string (a shared string's si, an inline string's is, a comment's text):
 * its t runs, plain or rich, without the phonetic guide (rPh) that Excel keeps for East Asian text
 * but does not show — as SheetJS reads it.
 */
export class RichText {
  private phonetic = 0;
  private inT = false;
  private buffer = '';

  /** Each element opened inside the string; every open is followed by its close, as saxes reports them. */
  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inT = false;
  }

  text(s: string): void {
    if (this.inT) this.buffer += s;
  }

  /** The text read since the last take, and a fresh start. */
  take(): string {
    const text = this.buffer;
    this.buffer = '';
    this.phonetic = 0;
    this.inT = false;
    return ooxmlText(text);
  }
}

const ESCAPED_CHAR = /_x([\da-f]{4})_/gi;

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return as _x000D_), and Excel keeps
 * Windows line ends in cells: a reader sees one line break.
 */
export function ooxmlText(s: string): string {
  const decoded = s.includes('_') ? s.replace(ESCAPED_CHAR, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
  return decoded.includes('\r\n') ? decoded.replace(/\r\n/g, '\n') : decoded;
}
