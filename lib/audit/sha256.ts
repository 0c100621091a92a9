/**
 * SHA-256, synchronous, from @noble/hashes (audited, no dependencies). crypto.subtle is asynchronous,
 * and awaiting it inside an IndexedDB transaction lets the transaction commit underneath: the append
 * reads the chain's head, hashes the new record and writes it in one transaction, so the hash must
 * not wait for anything.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
