/**
 * Teach mode's last step on an edit page: the administrator presses 保存草稿 once and then 发布 once
 * while the page gate holds every request (nothing is sent); the two held requests give the adapter's
 * draftRequests and publishRequests rules (lib/policy/draft-save-from-requests.ts).
 *
 * Only requests a click made count — a timer's heartbeat or autosave in between is no answer — and a
 * click may make several (a title check on blur, then the save): of one burst the save is the request
 * with a body, the most fields.
 */
import { bodyRecord } from '../../gate/adapter-rules';
import { decodeOutgoing } from '../../gate/decode';
import type { Outgoing } from '../../gate/types';
import { draftSaveFromRequests, type ShownRequest, type TaughtSaves } from '../../policy/draft-save-from-requests';

export type ShownSave = ShownRequest & {
  /** made by a click (the gate's gesture window), not a timer */
  byControl: boolean;
};

/** Holds every request of the page and shows each to `seen`, until the returned stop. */
export type HoldSaves = (seen: (req: ShownSave) => void) => () => void;

export interface SaveDemonstrationHooks {
  /** The draft save was seen: now the publish. */
  draftSeen(): void;
  /** Both seen: the rules, or null when nothing tells the two requests apart. */
  done(saves: TaughtSaves | null): void;
}

/** A held request as teach mode reads it: the fields as the adapter's rules will read them. */
export function shownSaveOf(o: Outgoing): ShownSave {
  let body: Record<string, unknown> = {};
  try {
    body = bodyRecord(decodeOutgoing(o));
  } catch {
    // A body that cannot be read names no field: the address may still tell the two apart.
  }
  return { method: o.method, url: o.url, body, byControl: o.control !== undefined };
}

/** How long after a click's first request its others may still come. */
const BURST_MS = 600;

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const weight = (r: ShownRequest) => (WRITES.has(r.method.toUpperCase()) ? 1_000 : 0) + Object.keys(r.body).length;

/** The request of a burst that is the save: a write over a read, then the one with the most fields. */
export function saveOfBurst(burst: readonly ShownRequest[]): ShownRequest | undefined {
  let best: ShownRequest | undefined;
  for (const r of burst) if (!best || weight(r) > weight(best)) best = r;
  return best;
}

/** Starts holding; returns the stop (called by itself once both requests were seen). */
export function demonstrateSaves(hold: HoldSaves, win: Pick<Window, 'setTimeout' | 'clearTimeout'>, hooks: SaveDemonstrationHooks): () => void {
  const seen: ShownRequest[] = [];
  let burst: ShownRequest[] = [];
  let timer: number | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (timer !== undefined) win.clearTimeout(timer);
    release();
  };
  const burstEnded = () => {
    timer = undefined;
    const save = saveOfBurst(burst);
    burst = [];
    if (!save || stopped) return;
    seen.push(save);
    if (seen.length === 1) return hooks.draftSeen();
    stop();
    hooks.done(draftSaveFromRequests(seen[0]!, seen[1]!));
  };
  const release = hold((req) => {
    if (stopped || !req.byControl) return;
    burst.push({ method: req.method, url: req.url, body: req.body });
    timer ??= win.setTimeout(burstEnded, BURST_MS);
  });
  return stop;
}
