/**
 * What a record must look like to be stored: the extension's AuditRecord (lib/audit/types.ts), every
 * field bounded. Strict: a field the collector does not know is refused by name rather than stored
 * unchecked and unmasked (update the collector before the extensions when the record format grows).
 */
import { z } from 'zod';
import { AUDIT_EVENTS, type AuditRecord } from '../../audit/types';

/** Long enough for the extension's masked fields (2,000 characters and an ellipsis). */
const MAX_TEXT = 4_000;

// PostgreSQL's text and jsonb cannot hold U+0000; no real title or URL contains one.
const text = z
  .string()
  .max(MAX_TEXT)
  .refine((s) => !s.includes('\u0000'), { params: { zh: '含有不允许的空字符（U+0000）', en: 'contains a NUL character (U+0000)' } });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const severityCounts = z.partialRecord(z.enum(['block', 'warn', 'info']), z.int().min(0).max(1_000_000));

const person = z.strictObject({ id: text, name: text, role: z.enum(['reviewer', 'principal']), at: text });

const findings = z.strictObject({
  total: z.int().min(0).max(10_000_000),
  counts: z.record(z.string().max(100), severityCounts),
  excerpts: z.array(text).max(20),
});

const confirmations = z.strictObject({
  accuracy: z.boolean(),
  completeness: z.boolean(),
  timeliness: z.boolean(),
  secrecy: z.boolean(),
  otherUnit: text.optional(),
});

export const recordSchema = z.strictObject({
  event: z.enum(AUDIT_EVENTS),
  origin: text.optional(),
  url: text.optional(),
  title: text.optional(),
  channel: text.optional(),
  category: text.optional(),
  disclosure: text.optional(),
  editor: text.optional(),
  signers: z.array(person).max(10).optional(),
  digest: text.optional(),
  bodyDigest: text.optional(),
  findings: findings.optional(),
  confirmations: confirmations.optional(),
  detail: z
    .record(z.string().max(200), z.union([text, z.number(), z.boolean()]))
    .refine((d) => Object.keys(d).length <= 50, { params: { zh: '最多 50 项', en: 'at most 50 entries' } })
    .optional(),
  seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  id: z.string().regex(/^[0-9A-Za-z-]{8,64}$/),
  time: z.iso.datetime({ offset: true }),
  policyVersion: z.string().max(100),
  prevHash: z.union([z.literal(''), hex64]),
  hash: hex64,
});

// The collector stores what the extension writes: this stops compiling if the two drift apart.
export type ValidRecord = z.output<typeof recordSchema>;
export const asAuditRecord = (r: ValidRecord): AuditRecord => r;

export const installationSchema = z.string().regex(/^[0-9A-Za-z-]{8,64}$/);
