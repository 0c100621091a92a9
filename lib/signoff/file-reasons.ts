/**
 * Why a file waits for a reviewer (issue 12): it has a block finding, or it could not be checked at
 * all — too large to open, encrypted, or corrupt — and the reviewer confirms it by name, unchecked.
 * The page offers only these; the background accepts only these.
 */
export const SIGNED_FILE_REASONS = ['block', 'too-large', 'encrypted', 'corrupt'] as const;
export type SignedFileReason = (typeof SIGNED_FILE_REASONS)[number];

/** Not checked at all: the reviewer must tick a confirmation naming the file before signing. */
export function unchecked(reason: SignedFileReason): boolean {
  return reason !== 'block';
}
