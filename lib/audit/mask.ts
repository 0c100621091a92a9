/**
 * What goes into the log is masked first: an editor who titles a notice "关于张三 11010519491231002X
 * 的公示" must not put that ID into the archive, an export or the central collector. Every free-text
 * string is scanned with the personal rules and each finding replaced by its masked excerpt. The entry
 * is rebuilt from the known fields only, so nothing unexpected a caller adds is stored unmasked.
 */
import { scan } from '../scan/engine';
import type { Severity } from '../scan/types';
import { rules } from '../../rules/index';
import type { AuditEntry, AuditPerson, FindingsSummary } from './types';

/** Only rules whose values are personal change under masking; markings are kept as written. */
const PERSONAL = rules.filter((r) => r.personal);

/**
 * Every personal value the rules find has at least 7 digits or an @ (test/audit/mask.test.ts holds
 * each rule's examples to that); other strings, most titles and names among them, skip the scan.
 */
export const MIN_VALUE_DIGITS = 7;

function mayHoldValue(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40 || c === 0xff20) return true;
    if (((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) && ++digits >= MIN_VALUE_DIGITS) return true;
  }
  return false;
}

/** Long enough for any real title or URL; a page cannot fill the archive with one field. */
const MAX_TEXT = 2000;
const MAX_EXCERPTS = 20;
const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];

export function maskText(text: string): string {
  let out = text;
  if (mayHoldValue(text)) {
    // From the end, so earlier offsets stay valid as spans change length.
    const findings = scan(text, { rules: PERSONAL });
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i]!;
      out = out.slice(0, f.start) + f.excerpt + out.slice(f.end);
    }
  }
  // Cut after masking: cutting first could leave half an ID that no rule recognises.
  return out.length > MAX_TEXT ? out.slice(0, MAX_TEXT) + '…' : out;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? maskText(v) : undefined);

/** Digests are hex; anything else in their place is treated as text. */
const digest = (v: unknown): string | undefined => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? v : text(v));

/** Sign-off times are the background's own ISO strings; anything else in their place is treated as text. */
const isoTime = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) ? v : text(v);

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

function person(p: AuditPerson): AuditPerson | undefined {
  if (!p || (p.role !== 'reviewer' && p.role !== 'principal')) return undefined;
  return { id: text(p.id) ?? '', name: text(p.name) ?? '', role: p.role, at: isoTime(p.at) ?? '' };
}

function findings(f: FindingsSummary): FindingsSummary {
  const counts: FindingsSummary['counts'] = {};
  for (const [kind, bySeverity] of Object.entries(f.counts ?? {})) {
    const row: Partial<Record<Severity, number>> = {};
    for (const s of SEVERITIES) if (count(bySeverity?.[s]) > 0) row[s] = count(bySeverity?.[s]);
    counts[maskText(kind) as keyof FindingsSummary['counts']] = row;
  }
  const excerpts = Array.isArray(f.excerpts) ? f.excerpts.slice(0, MAX_EXCERPTS).map(text).filter((e): e is string => e !== undefined) : [];
  return { total: count(f.total), counts, excerpts };
}

function detailValue(v: unknown): string | number | boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    // A phone or card number can arrive as a number too; then it is stored as masked text.
    const masked = maskText(String(v));
    return masked === String(v) ? v : masked;
  }
  return text(v);
}

export function maskEntry(entry: AuditEntry): AuditEntry {
  const out: AuditEntry = { event: entry.event };
  for (const key of ['origin', 'url', 'title', 'channel', 'category', 'disclosure', 'editor'] as const) {
    const v = text(entry[key]);
    if (v !== undefined) out[key] = v;
  }
  for (const key of ['digest', 'bodyDigest'] as const) {
    const v = digest(entry[key]);
    if (v !== undefined) out[key] = v;
  }
  if (Array.isArray(entry.signers)) out.signers = entry.signers.map(person).filter((p): p is AuditPerson => p !== undefined);
  if (entry.findings && typeof entry.findings === 'object') out.findings = findings(entry.findings);
  const c = entry.confirmations;
  if (c && typeof c === 'object') {
    out.confirmations = { accuracy: c.accuracy === true, completeness: c.completeness === true, timeliness: c.timeliness === true, secrecy: c.secrecy === true };
    const otherUnit = text(c.otherUnit);
    if (otherUnit !== undefined) out.confirmations.otherUnit = otherUnit;
  }
  if (entry.detail && typeof entry.detail === 'object') {
    const detail: NonNullable<AuditEntry['detail']> = {};
    for (const [k, v] of Object.entries(entry.detail)) {
      const value = detailValue(v);
      if (value !== undefined) detail[maskText(k)] = value;
    }
    out.detail = detail;
  }
  return out;
}
