/**
 * A file's identity for the gate: the SHA-256 and size of its bytes. Everything Precheck knows about a
 * file — its scan — is kept under this key, so a name or a size alone never
 * stands for content: a different file with the same name and size is a different key.
 */

/**
 * Files larger than this are not hashed (the whole file would sit in the tab's memory at once): they
 * are over any scan limit anyway and reported as not scanned.
 */
export const HASH_LIMIT_BYTES = 256 * 1024 * 1024;

export interface ContentKey {
  key: string;
  /** Hex SHA-256 of the bytes; '' for a file too large to hash. */
  sha256: string;
}

const known = new WeakMap<Blob, ContentKey>();

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key a Blob was given earlier in this world, if any (sync: for a verdict that cannot wait). */
export function knownKey(blob: Blob): ContentKey | undefined {
  return known.get(blob);
}

/** Reads and hashes the bytes once per Blob object. */
export async function contentKey(blob: Blob): Promise<ContentKey> {
  const seen = known.get(blob);
  if (seen) return seen;
  const key: ContentKey =
    blob.size > HASH_LIMIT_BYTES
      ? { key: `unhashed:${blob.size}:${(blob as File).name ?? ''}:${(blob as File).lastModified ?? 0}`, sha256: '' }
      : await hashed(blob);
  known.set(blob, key);
  return key;
}

async function hashed(blob: Blob): Promise<ContentKey> {
  const sha256 = hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return { key: `sha256:${sha256}:${blob.size}`, sha256 };
}
