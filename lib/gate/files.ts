/**
 * What a file is, by its type, name or first bytes. The page's guard asks these (lib/intercept/main/serialize.ts):
 * kept built-ins and index loops only (lib/realm/intrinsics.ts), and bytes read by index alone — a
 * typed array's index past its end is undefined, while its `length`, `indexOf` and `subarray` are
 * the page's to replace.
 */
import { matches } from '../realm/intrinsics';

/** Images, audio, video and fonts carry no text Precheck reads; documents and text files do. */
export function isMediaFile(type: string, name: string): boolean {
  return matches(/^(image|audio|video|font)\//i, type) || matches(/\.(jpe?g|png|gif|bmp|webp|svg|ico|mp[34]|avi|mov|wmv|flv|wav|woff2?|ttf)$/i, name);
}

/** Do `bytes` hold `magic` at `at`? (Past their end a byte is undefined: no match.) */
function opensWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** PDF readers take a %PDF- header anywhere in the first KB. */
const PDF_HEAD = 1024;

/**
 * Bytes of a document the attachment readers open (an Office zip or compound file, a PDF): sent as a
 * raw body (an ArrayBuffer, a typed array, a Request's body) they are judged as the file they are —
 * read as text, a workbook's zip shows none of its cells. Other bytes are read as text, as before.
 */
export function isDocumentBytes(bytes: Uint8Array): boolean {
  if (opensWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || opensWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return true;
  if (opensWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return true;
  for (let i = 0; i + PDF.length <= PDF_HEAD; i++) if (bytes[i] === 0x25 && opensWith(bytes, PDF, i)) return true;
  return false;
}

/** [offset, bytes] signatures of the picture, sound, film and font formats a CMS uploads. */
const MEDIA_MAGIC: readonly (readonly [number, readonly number[]])[] = [
  [0, [0x89, 0x50, 0x4e, 0x47]], // PNG
  [0, [0xff, 0xd8, 0xff]], // JPEG
  [0, [0x47, 0x49, 0x46, 0x38]], // GIF8
  [0, [0x42, 0x4d]], // BMP
  [0, [0x00, 0x00, 0x01, 0x00]], // ICO
  [0, [0x49, 0x49, 0x2a, 0x00]], // TIFF, little-endian
  [0, [0x4d, 0x4d, 0x00, 0x2a]], // TIFF, big-endian
  [8, [0x57, 0x45, 0x42, 0x50]], // RIFF….WEBP
  [8, [0x57, 0x41, 0x56, 0x45]], // RIFF….WAVE
  [8, [0x41, 0x56, 0x49, 0x20]], // RIFF….AVI
  [4, [0x66, 0x74, 0x79, 0x70]], // ….ftyp: MP4, MOV, M4A, AVIF, HEIC
  [0, [0x1a, 0x45, 0xdf, 0xa3]], // Matroska, WebM
  [0, [0x49, 0x44, 0x33]], // MP3 with ID3
  [0, [0xff, 0xfb]], // MP3 frame
  [0, [0xff, 0xf3]],
  [0, [0xff, 0xf2]],
  [0, [0x4f, 0x67, 0x67, 0x53]], // Ogg
  [0, [0x66, 0x4c, 0x61, 0x43]], // FLAC
  [0, [0x46, 0x4c, 0x56]], // FLV
  [0, [0x30, 0x26, 0xb2, 0x75]], // ASF: WMV, WMA
  [0, [0x77, 0x4f, 0x46, 0x46]], // WOFF
  [0, [0x77, 0x4f, 0x46, 0x32]], // WOFF2
  [0, [0x00, 0x01, 0x00, 0x00]], // TrueType
  [0, [0x4f, 0x54, 0x54, 0x4f]], // OpenType (CFF)
];

/**
 * Do these first bytes open a picture, sound, film or font — what passes unread? A file's declared type
 * or name says nothing (text sent as `a.png` is text), and an SVG is XML text, read as such.
 */
export function isMediaBytes(head: Uint8Array): boolean {
  for (let i = 0; i < MEDIA_MAGIC.length; i++) if (opensWith(head, MEDIA_MAGIC[i]![1], MEDIA_MAGIC[i]![0])) return true;
  return false;
}

/** A picture, sound, film, font or document by its first bytes (a KB for a PDF's header): read as a file, never as text or ciphertext. */
export function isFileBytes(head: Uint8Array): boolean {
  return isMediaBytes(head) || isDocumentBytes(head);
}
