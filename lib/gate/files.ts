/** Images, audio, video and fonts carry no text Precheck reads; documents and text files do. */
export function isMediaFile(type: string, name: string): boolean {
  return /^(image|audio|video|font)\//i.test(type) || /\.(jpe?g|png|gif|bmp|webp|svg|ico|mp[34]|avi|mov|wmv|flv|wav|woff2?|ttf)$/i.test(name);
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * Bytes of a document the attachment readers open (an Office zip or compound file, a PDF): sent as a
 * raw body (an ArrayBuffer, a typed array, a Request's body) they are judged as the file they are —
 * read as text, a workbook's zip shows none of its cells. Other bytes are read as text, as before.
 */
export function isDocumentBytes(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return true;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return true;
  // PDF readers take a %PDF- header anywhere in the first KB.
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0 && i + PDF.length <= head.length; i = head.indexOf(0x25, i + 1)) {
    if (startsWith(head.subarray(i), PDF)) return true;
  }
  return false;
}
