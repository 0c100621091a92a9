/** The form's rows about the item itself: what was published, where, when and by whom. */
import { wallTime } from '../../lib/audit/describe';
import type { AuditRecord } from '../../lib/audit/types';
import { FORM } from './form-strings';
import type { PublishedCheck } from './ReviewForm';

function PublishedUrl({ check }: { check: PublishedCheck | null }) {
  if (!check) return <>{FORM.unchecked}</>;
  return (
    <>
      {check.url}
      {check.result === 'differs' && <strong className="differs">{FORM.checkDiffers}</strong>}
    </>
  );
}

export function ItemRows({ record, check }: { record: AuditRecord; check: PublishedCheck | null }) {
  return (
    <>
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
    </>
  );
}
