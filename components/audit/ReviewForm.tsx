/**
 * 政务公开信息网上发布审核登记表: one 'publish-allowed' record as the paper form article 15 says is
 * archived with the reviewer's wet signature. Everything on it comes from the record (masked
 * already), the unit's name from the policy and the published address from the post-publication
 * check; the blank lines and the 审核意见 box are for what the county still writes by hand. Always
 * Chinese: it is an official form.
 */
import type { AuditRecord } from '../../lib/audit/types';
import { TERMS } from '../../lib/i18n';
import { ItemRows } from './FormItemRows';
import { ReviewRows } from './FormReviewRows';
import { checkCode, FORM } from './form-strings';

/** What the post-publication check found for this record, if anything. */
export interface PublishedCheck {
  url: string;
  result: 'matches' | 'differs';
}

const WORDS = TERMS.zh;

function Meta({ record, unitName }: { record: AuditRecord; unitName: string }) {
  return (
    <p className="form-meta">
      <span>
        {FORM.unit}{WORDS.colon}<span data-field="unit">{unitName || FORM.unitUnset}</span>
      </span>
      <span>
        {FORM.number}{WORDS.colon}<span data-field="seq">{record.seq}</span>
      </span>
      <span>
        {FORM.checkCode}{WORDS.colon}<span data-field="check-code">{checkCode(record.digest)}</span>
      </span>
    </p>
  );
}

export function ReviewForm({ record, unitName, check }: { record: AuditRecord; unitName: string; check: PublishedCheck | null }) {
  return (
    <article className="review-form" data-seq={record.seq} lang="zh-CN">
      <h1>{FORM.title}</h1>
      <Meta record={record} unitName={unitName} />
      <table className="form-table">
        <colgroup>
          <col className="label" />
          <col />
          <col className="label" />
          <col />
        </colgroup>
        <tbody>
          <ItemRows record={record} check={check} />
          <ReviewRows record={record} />
        </tbody>
      </table>
      <p className="form-foot">{FORM.foot(record.seq)}</p>
    </article>
  );
}
