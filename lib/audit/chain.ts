/**
 * The hash chain: each record carries the hash of the one before it, so altering, removing or
 * reordering a record breaks the chain at that point, and verify names the first place it breaks.
 * Pure; the store feeds it records in append order.
 */
import { canonicalJson } from './canonical';
import { sha256Hex } from './sha256';
import type { AuditEntry, AuditRecord, VerifyResult } from './types';

/** A record's place in the chain: the head of the log, or the anchor left by pruning. */
export interface ChainLink {
  seq: number;
  hash: string;
}

/** What the store adds to an entry besides its place in the chain. */
export interface LinkMeta {
  id: string;
  time: string;
  policyVersion: string;
}

/** Versioned, so a future change of what is hashed can never validate an old record by accident. */
const HASH_DOMAIN = 'precheck-audit-v1\n';

/** SHA-256 over the record's canonical JSON without its own `hash`. */
export function hashRecord(record: Omit<AuditRecord, 'hash'> & { hash?: string }): string {
  const unhashed: Record<string, unknown> = { ...record };
  delete unhashed.hash;
  return sha256Hex(HASH_DOMAIN + canonicalJson(unhashed));
}

/** The next record after `prev` (undefined: the first record ever). The entry must be masked already. */
export function linkRecord(prev: ChainLink | undefined, entry: AuditEntry, meta: LinkMeta): AuditRecord {
  const unhashed = { ...entry, seq: (prev?.seq ?? 0) + 1, id: meta.id, time: meta.time, policyVersion: meta.policyVersion, prevHash: prev?.hash ?? '' };
  return { ...unhashed, hash: hashRecord(unhashed) };
}

type Problem = Extract<VerifyResult, { ok: false }>['problem'];

function broken(count: number, firstBadSeq: number, problem: Problem, zh: string, en: string): VerifyResult {
  return { ok: false, count, firstBadSeq, problem, message: { zh, en } };
}

/**
 * Walks `records` (append order) from `anchor` (the last pruned record, if any). `head`, the last
 * record the log says it appended, also catches records deleted from the end, which leave no gap.
 */
export async function verifyChain(
  records: Iterable<AuditRecord> | AsyncIterable<AuditRecord>,
  anchor?: ChainLink,
  head?: ChainLink,
): Promise<VerifyResult> {
  let prev: ChainLink = anchor ?? { seq: 0, hash: '' };
  let count = 0;
  for await (const r of records) {
    const expected = prev.seq + 1;
    if (r.seq > expected) {
      return broken(count, expected, 'missing', `缺少第 ${expected} 条记录：记录被删除。`, `Record ${expected} is missing: it was deleted.`);
    }
    if (r.seq < expected) {
      return broken(count, r.seq, 'prev-mismatch', `第 ${r.seq} 条记录出现在第 ${prev.seq} 条之后：记录顺序被调换。`, `Record ${r.seq} comes after record ${prev.seq}: records were reordered.`);
    }
    if (hashRecord(r) !== r.hash) {
      return broken(count, r.seq, 'hash-mismatch', `第 ${r.seq} 条记录的内容与其哈希不符：该记录被改动过。`, `Record ${r.seq} does not match its hash: it was altered.`);
    }
    if (r.prevHash !== prev.hash) {
      return broken(
        count,
        r.seq,
        'prev-mismatch',
        `第 ${r.seq} 条记录与前一条衔接不上：前一条记录被删除、替换或调换了顺序。`,
        `Record ${r.seq} does not link to the record before it: that record was removed, replaced or reordered.`,
      );
    }
    if (head && r.seq === head.seq && r.hash !== head.hash) {
      return broken(count, r.seq, 'hash-mismatch', `第 ${r.seq} 条记录与写入时不同：该记录被替换过。`, `Record ${r.seq} differs from the one written: it was replaced.`);
    }
    prev = { seq: r.seq, hash: r.hash };
    count++;
  }
  if (head && head.seq > prev.seq) {
    const seq = prev.seq + 1;
    return broken(count, seq, 'missing', `缺少第 ${seq} 条及以后的记录：最新的记录被删除。`, `Record ${seq} and later are missing: the newest records were deleted.`);
  }
  return { ok: true, count, lastSeq: prev.seq };
}
