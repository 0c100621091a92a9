import { PASS_TTL_MS, type AttemptVia } from './protocol';

/**
 * The one-shot permission to publish. One allowed publish is one gesture: a click, then the submit
 * it causes, then the request the page sends — each layer may let exactly one event through, within
 * a short time, after which everything is blocked again.
 */
export class OneShotPass {
  private until = 0;
  private readonly used = new Set<AttemptVia>();

  constructor(private readonly now: () => number = Date.now) {}

  arm(): void {
    this.until = this.now() + PASS_TTL_MS;
    this.used.clear();
  }

  disarm(): void {
    this.until = 0;
  }

  get armed(): boolean {
    return this.now() < this.until;
  }

  take(via: AttemptVia): boolean {
    if (!this.armed || this.used.has(via)) return false;
    this.used.add(via);
    return true;
  }
}
