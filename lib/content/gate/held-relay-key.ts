/** How long a window's async request waits for the key before it is judged without it (fail closed). */
const WAIT_MS = 3_000;

/**
 * This load's relay key (lib/background/relay-key.ts) as a window's hub holds it: null until the
 * background has answered. A window's async request waits for it (`ready`) before its page is asked,
 * so a page that sends at once is not refused a release only because the answer was still on its way.
 */
export class HeldRelayKey {
  private value: string | null = null;
  private settle: () => void = () => {};
  private readonly known = new Promise<void>((resolve) => (this.settle = resolve));
  private waited: Promise<void> | null = null;

  /** The background's answer; null when it could not give one. */
  set(key: string | null): void {
    this.value = key;
    this.settle();
  }

  get(): string | null {
    return this.value;
  }

  /** Settles once the answer came, or WAIT_MS after the first request asked. */
  ready(): Promise<void> {
    return (this.waited ??= Promise.race([this.known, new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS))]));
  }
}
