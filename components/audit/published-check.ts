/**
 * Where a published item went online, as the post-publication check recorded it: the newest
 * post-publish-check record that names this publish-allowed record (detail.publishedSeq). The event
 * index narrows the search, the seq as text narrows it further; the exact match is tested here.
 */
import type { AuditReader } from '../../lib/audit/types';
import type { PublishedCheck } from './ReviewForm';

const PAGE = 50;

export async function findPublishedCheck(reader: AuditReader, seq: number): Promise<PublishedCheck | null> {
  const filter = { event: 'post-publish-check' as const, text: String(seq) };
  for (let offset = 0; ; offset += PAGE) {
    const { records, total } = await reader.query(filter, offset, PAGE);
    const hit = records.find((r) => r.detail?.publishedSeq === seq && typeof r.url === 'string' && r.url !== '');
    if (hit) return { url: hit.url!, result: hit.detail?.result === 'matches' ? 'matches' : 'differs' };
    if (records.length === 0 || offset + PAGE >= total) return null;
  }
}
