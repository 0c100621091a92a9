/**
 * 政务公开信息网上发布审核登记表: one 'publish-allowed' record as the paper form article 15 says is
 * archived with the reviewer's wet signature. Everything on it comes from the record (masked
 * already); the blank lines are for the signatures the county still files on paper.
 */
import type { AuditRecord } from '../../lib/audit/types';
import { t } from '../options/i18n';
import { detailSummary, findingsSummary, signer, wallTime } from './format';

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
  const other = c?.otherUnit?.trim();
  return (
    <>
      <div className="checks" data-field="confirmations">
        <Box checked={c?.accuracy === true} label={t('form_accuracy')} />
        <Box checked={c?.completeness === true} label={t('form_completeness')} />
        <Box checked={c?.timeliness === true} label={t('form_timeliness')} />
        <Box checked={c?.secrecy === true} label={t('form_secrecy')} />
      </div>
      <div className="checks" data-field="other-unit">
        {t('form_other_unit')}：<Box checked={!other} label={t('form_other_unit_no')} />
        <Box checked={Boolean(other)} label={other ? t('form_other_unit_yes', other) : t('form_other_unit_yes_blank')} />
      </div>
    </>
  );
}

function Findings({ record }: { record: AuditRecord }) {
  const f = record.findings;
  // 'important' is what the 主要负责人 row already says.
  const detail = detailSummary(record, ['important']);
  if (!f) return <>{t('form_no_findings_record')}</>;
  return (
    <>
      <div>{findingsSummary(f)}</div>
      {(f.excerpts ?? []).length > 0 && (
        <ul className="excerpts">
          {(f.excerpts ?? []).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {detail && <div className="detail">{detail}</div>}
    </>
  );
}

function Signer({ record, role }: { record: AuditRecord; role: 'reviewer' | 'principal' }) {
  const person = signer(record, role);
  if (person)
    return (
      <>
        <td data-field={`${role}-name`}>{person.name}</td>
        <th>{t('form_signed_at')}</th>
        <td data-field={`${role}-time`}>{wallTime(person.at)}</td>
      </>
    );
  // Article 14(3): only important items need the unit head, so an empty line here is normal.
  const text = role === 'principal' && record.detail?.important !== true ? t('form_principal_not_needed') : t('form_not_signed');
  return (
    <td colSpan={3} data-field={`${role}-name`}>
      {text}
    </td>
  );
}

export function ReviewForm({ record }: { record: AuditRecord }) {
  return (
    <article className="review-form" data-seq={record.seq}>
      <h1>{t('form_title')}</h1>
      <p className="form-meta">
        <span>
          {t('form_number')}：<span data-field="id">{record.id}</span>
        </span>
        <span>
          {t('form_seq')}：<span data-field="seq">{record.seq}</span>
        </span>
      </p>
      <table className="form-table">
        <colgroup>
          <col className="label" />
          <col />
          <col className="label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>{t('form_item_title')}</th>
            <td colSpan={3} data-field="title">
              {record.title}
            </td>
          </tr>
          <tr>
            <th>{t('form_channel')}</th>
            <td data-field="channel">{record.channel}</td>
            <th>{t('form_category')}</th>
            <td data-field="category">{record.category}</td>
          </tr>
          <tr>
            <th>{t('form_disclosure')}</th>
            <td data-field="disclosure">{record.disclosure}</td>
            <th>{t('form_published_at')}</th>
            <td data-field="time">{wallTime(record.time)}</td>
          </tr>
          <tr>
            <th>{t('form_url')}</th>
            <td colSpan={3} className="wrap" data-field="url">
              {record.url ?? record.origin}
            </td>
          </tr>
          <tr>
            <th>{t('form_editor')}</th>
            <td colSpan={3} data-field="editor">
              {record.editor}
            </td>
          </tr>
          <tr>
            <th>{t('form_reviewer')}</th>
            <Signer record={record} role="reviewer" />
          </tr>
          <tr>
            <th>{t('form_principal')}</th>
            <Signer record={record} role="principal" />
          </tr>
          <tr>
            <th>{t('form_confirmations')}</th>
            <td colSpan={3}>
              <Confirmations record={record} />
            </td>
          </tr>
          <tr>
            <th>{t('form_findings')}</th>
            <td colSpan={3} data-field="findings">
              <Findings record={record} />
            </td>
          </tr>
          <tr>
            <th>{t('form_digest')}</th>
            <td colSpan={3} className="digest" data-field="digest">
              {record.digest}
            </td>
          </tr>
          <tr>
            <th>{t('form_policy_version')}</th>
            <td data-field="policy-version">{record.policyVersion}</td>
            <th>{t('form_seq')}</th>
            <td>{record.seq}</td>
          </tr>
          <tr className="signatures">
            <th>{t('form_signatures')}</th>
            <td colSpan={3}>
              <p>
                {t('form_reviewer_sign')}：<Blank wide /> {t('form_date')}：<Blank />
              </p>
              <p>
                {t('form_principal_sign')}：<Blank wide /> {t('form_date')}：<Blank />
              </p>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="form-foot">{t('form_foot')}</p>
    </article>
  );
}
