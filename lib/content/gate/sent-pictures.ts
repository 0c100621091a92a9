/**
 * Files whose first bytes are a picture, a sound, a film or a font: they carry no text Precheck reads
 * and pass unread, whatever name and type the page gave them (an SVG is text and is not one of them).
 * A path that carries a file by key (a native form, form.submit()) gets a key for such a file that
 * only this world can have given: a random one, never listed among the page's attachments.
 */
import { isMediaBytes } from '../../gate/files';

/** Bytes looked at to tell a picture: the longest signature ends at byte 12. */
const MEDIA_HEAD = 16;

export class SentPictures {
  private readonly seen = new WeakMap<Blob, string | null>();
  private readonly keys = new Set<string>();

  /** Reads the Blob's first bytes once; a picture gets its key. */
  async isPicture(blob: Blob): Promise<boolean> {
    let key = this.seen.get(blob);
    if (key === undefined) {
      key = isMediaBytes(new Uint8Array(await blob.slice(0, MEDIA_HEAD).arrayBuffer())) ? `picture:${crypto.randomUUID()}` : null;
      this.seen.set(blob, key);
      if (key) this.keys.add(key);
    }
    return key !== null;
  }

  /** The key of a Blob found to be a picture (sync: for a verdict that cannot wait). */
  keyOf(blob: Blob): string | undefined {
    return this.seen.get(blob) ?? undefined;
  }

  /** A key this world gave a picture. */
  has(key: string | undefined): boolean {
    return key !== undefined && this.keys.has(key);
  }
}
