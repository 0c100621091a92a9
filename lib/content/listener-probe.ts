/**
 * Editors that rebuild their iframe with document.open (TinyMCE, UEditor) wipe the listeners of its
 * window while the Window object stays the same: a probe event tells whether ours are still there,
 * so ensure() may be called on every discovery tick or paint.
 */
const PROBE = 'precheck:probe';

export class ListenerProbe {
  private readonly probes = new WeakMap<EventTarget, { alive: boolean }>();

  /** Runs `install` (adding listeners to `target`) unless the ones it added before are still there; true when it ran. */
  ensure(target: EventTarget, install: () => void): boolean {
    const state = this.probes.get(target);
    if (state) {
      state.alive = false;
      target.dispatchEvent(new Event(PROBE));
      if (state.alive) return false;
    }
    const mark = { alive: true };
    this.probes.set(target, mark);
    target.addEventListener(PROBE, () => (mark.alive = true));
    install();
    return true;
  }
}
