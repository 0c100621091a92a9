/**
 * Refused requests that are not publishes (a search carrying an ID, an autosave of a draft with an
 * ID) go into the audit log as publish-blocked with their route. A page that retries every few seconds
 * (autosave, polling) is logged once a minute per route, endpoint and reason, not once per try.
 */
import type { AuditEntry } from '../audit/types';
import { summarizeFindings } from '../signoff/summary';
import { shownEndpoint } from '../gate/shown-endpoint';
import type { Outgoing, Verdict } from '../gate/types';

const SAME_WITHIN_MS = 60_000;

export class RefusalLog {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly record: (entry: AuditEntry) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  refused(o: Outgoing, v: Extract<Verdict, { pass: false }>, context: AuditEntry): void {
    const endpoint = shownEndpoint(o.url);
    const key = `${o.route}|${endpoint}|${v.reason}`;
    const t = this.now();
    if (t - (this.last.get(key) ?? -Infinity) < SAME_WITHIN_MS) return;
    this.last.set(key, t);
    void this.record({
      ...context,
      event: 'publish-blocked',
      findings: summarizeFindings(v.findings),
      detail: { via: o.route, endpoint, reasons: v.reason, ...(v.items && { items: v.items.join(',') }) },
    }).catch(() => undefined);
  }
}
