/**
 * 政务公开信息网上发布审核登记表: one 'publish-allowed' record as the paper form article 15 says is
 * archived with the reviewer's wet signature. Everything on it comes from the record (masked
 * already), the unit's name from the policy and the published address from the post-publication
 * check; the blank lines and the 审核意见 box are for what the county still writes by hand. Always
 * Chinese: it is an official form.
 */
import { findingsSummary, wallTime } from '../../lib/audit/describe';
import type { AuditRecord } from '../../lib/audit/types';
import { TERMS } from '../../lib/i18n';
import { checkCode, FORM } from './form-strings';
import { signer } from './format';

/** What the post-publication check found for this record, if anything. */
export interface PublishedCheck {
  url: string;
  result: 'matches' | 'differs';
}

const WORDS = TERMS.zh;

function Box({ checked, label }: { checked: boolean; label: string }) {
  return (
    <span className="check" data-checked={checked}>
      {checked ? '☑' : '☐'} {label}
    </span>
  );
}

/** A blank to sign or date by hand. */
function Blank({ wide }: { wide?: boolean }) {
  return <span className={wide ? 'blank wide' : 'blank'} />;
}

function Confirmations({ record }: { record: AuditRecord }) {
  const c = record.confirmations;
  const other = c?.otherUnit?.trim() ?? '';
  return (
    <>
      <div className="checks" data-field="confirmations">
        {(['accuracy', 'completeness', 'timeliness', 'secrecy'] as const).map((k) => (
          <Box key={k} checked={c?.[k] === true} label={WORDS.confirm[k]} />
        ))}
      </div>
      <div className="checks" data-field="other-unit">
        {FORM.otherUnit}{WORDS.colon}<Box checked={!other} label={FORM.otherUnitNo} />
        <Box checked={Boolean(other)} label={FORM.otherUnitYes(other)} />
      </div>
    </>
  );
}

function Findings({ record }: { record: AuditRecord }) {
  const f = record.findings;
  if (!f) return <>{FORM.noFindingsRecord}</>;
  return (
    <>
      <div>{findingsSummary(f, 'zh')}</div>
      {(f.excerpts ?? []).length > 0 && (
        <ul className="excerpts">
          {(f.excerpts ?? []).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Signer({ record, role }: { record: AuditRecord; role: 'reviewer' | 'principal' }) {
  const person = signer(record, role);
  if (person)
    return (
      <>
        <td data-field={`${role}-name`}>{person.name}</td>
        <th>{FORM.signedAt}</th>
        <td data-field={`${role}-time`}>{wallTime(person.at)}</td>
      </>
    );
  // Article 14(3): only important items need the unit head, so an empty line here is normal.
  const text = role === 'principal' && record.detail?.important !== true ? FORM.principalNotNeeded : FORM.notSigned;
  return (
    <td colSpan={3} data-field={`${role}-name`}>
      {text}
    </td>
  );
}

function PublishedUrl({ check }: { check: PublishedCheck | null }) {
  if (!check) return <>{FORM.unchecked}</>;
  return (
    <>
      {check.url}
      {check.result === 'differs' && <strong className="differs">{FORM.checkDiffers}</strong>}
    </>
  );
}

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

function Signatures() {
  return (
    <tr className="signatures">
      <th>{FORM.signatures}</th>
      <td colSpan={3}>
        <p>
          {FORM.reviewerSign}{WORDS.colon}<Blank wide /> {FORM.date}{WORDS.colon}<Blank />
        </p>
        <p>
          {FORM.principalSign}{WORDS.colon}<Blank wide /> {FORM.date}{WORDS.colon}<Blank />
        </p>
      </td>
    </tr>
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
          <tr>
            <th>{FORM.itemTitle}</th>
            <td colSpan={3} data-field="title">
              {record.title}
            </td>
          </tr>
          <tr>
            <th>{FORM.channel}</th>
            <td data-field="channel">{record.channel}</td>
            <th>{FORM.category}</th>
            <td data-field="category">{record.category}</td>
          </tr>
          <tr>
            <th>{FORM.disclosure}</th>
            <td data-field="disclosure">{record.disclosure}</td>
            <th>{FORM.allowedAt}</th>
            <td data-field="time">{wallTime(record.time)}</td>
          </tr>
          <tr>
            <th>{FORM.publishedUrl}</th>
            <td colSpan={3} className="wrap" data-field="url" data-checked={check ? check.result : 'unchecked'}>
              <PublishedUrl check={check} />
            </td>
          </tr>
          <tr>
            <th>{FORM.editor}</th>
            <td colSpan={3} data-field="editor">
              {record.editor}
            </td>
          </tr>
          <tr>
            <th>{FORM.reviewer}</th>
            <Signer record={record} role="reviewer" />
          </tr>
          <tr>
            <th>{FORM.principal}</th>
            <Signer record={record} role="principal" />
          </tr>
          <tr>
            <th>{FORM.confirmations}</th>
            <td colSpan={3}>
              <Confirmations record={record} />
            </td>
          </tr>
          <tr>
            <th>{FORM.findings}</th>
            <td colSpan={3} data-field="findings">
              <Findings record={record} />
            </td>
          </tr>
          <tr className="opinion">
            <th>{FORM.opinion}</th>
            <td colSpan={3} data-field="opinion" />
          </tr>
          <Signatures />
        </tbody>
      </table>
      <p className="form-foot">{FORM.foot(record.seq)}</p>
    </article>
  );
}
