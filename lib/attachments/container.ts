import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { ATTACHMENT_EXTENSIONS } from './extensions';
import { AttachmentError, type AttachmentFormat } from './types';

/** SheetJS's compound-file (OLE2) reader, the container of .xls, .doc, .et, .wps and encrypted OOXML. */
interface CfbEntry {
  name: string;
  content: Uint8Array | number[];
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}
const CFB = XLSX.CFB as { read(data: Uint8Array, opts: { type: 'array' }): CfbContainer; find(c: CfbContainer, path: string): CfbEntry | null };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENCRYPTED = { zh: '文件设有打开密码（已加密），无法检查内容', en: 'the file is password-protected (encrypted) and cannot be checked' };
const CORRUPT = { zh: '文件已损坏或不是它的扩展名所说的格式，无法读取', en: 'the file is corrupt or not in the format its extension says, and cannot be read' };

/** A file with an open password (Office 用密码进行加密, a PDF user password): its content is unknown. */
export const encryptedError = () => new AttachmentError('unreadable', ENCRYPTED, 'encrypted');
/** Bytes that are not what the extension says, or that the format's reader cannot parse. */
export const corruptError = () => new AttachmentError('unreadable', CORRUPT, 'corrupt');

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

function isPdf(bytes: Uint8Array): boolean {
  // Readers accept a %PDF- header anywhere in the first KB (some generators write junk before it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Entry names of a zip, without inflating anything. */
function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    throw corruptError();
  }
  return names;
}

function cfbEntries(bytes: Uint8Array): CfbContainer {
  try {
    return CFB.read(bytes, { type: 'array' });
  } catch {
    throw corruptError();
  }
}

/** Word's FIB says the document is encrypted or obfuscated (fEncrypted, bit 8 of the flags at 0x0A). */
function wordEncrypted(container: CfbContainer): boolean {
  const stream = CFB.find(container, 'WordDocument');
  const c = stream?.content;
  if (!c || c.length < 12) return false;
  return ((c[0x0a]! | (c[0x0b]! << 8)) & 0x0100) !== 0;
}

const TEXT_EXTENSIONS: Record<string, AttachmentFormat> = { csv: 'csv', txt: 'txt' };

/**
 * What the bytes are, whatever the name says: a WPS .et saved as BIFF8 is read as .xls, a .doc that
 * is really a .docx as .docx. Only plain text is told by its extension, since it has no signature.
 * Throws AttachmentError for encrypted, corrupt and unsupported files.
 */
export function detectFormat(bytes: Uint8Array, extension: string): AttachmentFormat {
  const ext = extension.toLowerCase().replace(/^\./, '');
  if (startsWith(bytes, OLE_MAGIC)) {
    const container = cfbEntries(bytes);
    const names = new Set(container.FileIndex.map((e) => e.name));
    if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) throw encryptedError();
    if (names.has('Workbook') || names.has('Book')) return 'xls';
    if (names.has('WordDocument')) {
      if (wordEncrypted(container)) throw encryptedError();
      return 'doc';
    }
    throw unsupported(ext);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = new Set(zipNames(bytes));
    if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
    if (names.has('word/document.xml')) return 'docx';
    // An .xlsx or .docx whose package lacks its main part is a broken file, not an unknown format.
    if (OOXML_EXTENSIONS.has(ext)) throw corruptError();
    throw unsupported(ext);
  }
  if (isPdf(bytes)) return 'pdf';
  const text = TEXT_EXTENSIONS[ext];
  if (text) return text;
  // A known binary extension whose bytes are none of the above is a broken file, not an unknown one;
  // but WPS also has formats of its own behind .et and .wps, which no library here reads.
  if (BINARY_EXTENSIONS.has(ext) && ext !== 'et' && ext !== 'wps') throw corruptError();
  throw unsupported(ext);
}

const OOXML_EXTENSIONS = new Set(['xlsx', 'xlsm', 'docx', 'docm']);
const BINARY_EXTENSIONS = new Set(ATTACHMENT_EXTENSIONS.filter((e) => !(e in TEXT_EXTENSIONS)));

function unsupported(ext: string): AttachmentError {
  const wps = ext === 'et' || ext === 'wps';
  return new AttachmentError('unsupported', {
    zh: wps ? `此 .${ext} 文件是 WPS 专有格式，无法检查；请在 WPS 中另存为 .xlsx / .docx 后再上传` : `不支持的文件格式（.${ext || '无扩展名'}），无法检查`,
    en: wps ? `this .${ext} file is in WPS's own format and cannot be checked; save it as .xlsx / .docx in WPS and upload that` : `unsupported file format (.${ext || 'no extension'}), not checked`,
  });
}
