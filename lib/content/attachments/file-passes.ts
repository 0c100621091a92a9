/**
 * One-time passes for files a reviewer signed off (issue 12 item 3): a file with a block finding, or
 * one too large to check, is refused until a reviewer signs off on exactly its content key; then the
 * first request that carries it and passes the gate spends the pass. A second upload of it, or any
 * other file, is refused again. No DOM here.
 */

/** How long a signed file waits for the editor to upload it again. */
export const FILE_PASS_TTL_MS = 2 * 60_000;

export class FilePasses {
  private readonly passes = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  grant(key: string, ttlMs = FILE_PASS_TTL_MS): void {
    this.passes.set(key, this.now() + ttlMs);
  }

  /** An unspent, unexpired pass for this content key. */
  has(key: string | undefined): boolean {
    if (key === undefined) return false;
    const until = this.passes.get(key);
    if (until === undefined) return false;
    if (this.now() <= until) return true;
    this.passes.delete(key);
    return false;
  }

  /** Spends the passes of these keys (a request that carried them passed); the keys spent. */
  spend(keys: readonly string[]): string[] {
    return keys.filter((k) => this.has(k) && this.passes.delete(k));
  }
}
