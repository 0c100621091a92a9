/**
 * Stands in for Node's `stream` in the extension build (wxt.config.ts aliases it): word-extractor's
 * OLE storage stream extends Readable at import time, but the .doc reader never uses it — it hands
 * word-extractor the streams SheetJS's CFB reader already has (readers/doc.ts).
 */
export class Readable {}
export default { Readable };
