/**
 * The form's rows about the review: who signed it off and when, what they confirmed, what the scan
 * found, then the 审核意见 box and the signature lines the county still fills in by hand.
 */
import { findingsSummary, wallTime } from '../../lib/audit/describe';
import type { AuditRecord } from '../../lib/audit/types';
import { TERMS } from '../../lib/i18n';
import { FORM } from './form-strings';
import { signer } from './format';

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

export function ReviewRows({ record }: { record: AuditRecord }) {
  return (
    <>
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
    </>
  );
}
