import { sizeText } from '../../lib/attachments/too-large';
import { FILE_PASS_TTL_MS } from '../../lib/content/attachments/file-passes';
import type { HeldUpload } from '../../lib/content/attachments/held-uploads';
import { attachmentPlace } from '../../lib/content/attachments/place';
import { unchecked } from '../../lib/signoff/file-reasons';
import type { RosterEntry } from '../../lib/signoff/types';
import { useState } from 'react';
import { SignRow } from './SignRow';
import { t } from './strings';
import { COLOR, list, sectionBox, small } from './styles';
import { formatTime, Text } from './Text';
import type { ChecklistUploads, PinError } from './types';

/** A 名单 can hold thousands of IDs: the reviewer sees the first ones, the count covers all. */
const SHOWN_FINDINGS = 20;

interface Props {
  uploads: ChecklistUploads;
  roster: readonly RosterEntry[];
  editor: string | null;
  busy: boolean;
  pinError: PinError | null;
}

function FileFindings({ upload }: { upload: HeldUpload }) {
  const more = upload.findings.length - SHOWN_FINDINGS;
  return (
    <ul style={list}>
      {upload.findings.slice(0, SHOWN_FINDINGS).map((f, i) => (
        <li key={i} data-upload-finding="" style={{ borderLeft: `3px solid ${COLOR.block}`, padding: '2px 8px', margin: '4px 0', background: '#fafafa' }}>
          <small style={small}>{attachmentPlace(f) ?? upload.name}</small> <code data-excerpt="">{f.excerpt}</code>
        </li>
      ))}
      {more > 0 && <li style={small}>{t('upload_more', more)}</li>}
    </ul>
  );
}

/** A file not checked (too large, encrypted, corrupt): the reviewer confirms, by name and size, that it goes out unchecked. */
function ConfirmUnchecked({ upload, confirmed, set }: { upload: HeldUpload; confirmed: boolean; set: (v: boolean) => void }) {
  return (
    <>
      {upload.why && (
        <div style={{ color: COLOR.block }}>
          <Text {...upload.why} />
        </div>
      )}
      <label style={{ display: 'block', margin: '4px 0' }}>
        <input type="checkbox" data-upload-confirm="" checked={confirmed} onChange={(e) => set(e.currentTarget.checked)} /> {t('upload_confirm_unchecked', upload.name, sizeText(upload.size), upload.reason, !!upload.linked)}
      </label>
    </>
  );
}

function UploadRow({ upload, uploads, roster, editor, busy, pinError }: Props & { upload: HeldUpload }) {
  const action = `sign-file:${upload.key}`;
  const [confirmed, setConfirmed] = useState(false);
  const notChecked = unchecked(upload.reason);
  return (
    <li data-upload={upload.key} data-upload-name={upload.name} style={{ margin: '8px 0' }}>
      <div>
        <strong style={{ color: upload.signed ? COLOR.ok : COLOR.block }}>{upload.name}</strong>{' '}
        <small style={small}>
          {sizeText(upload.size)}
          {upload.sha256 && ` · SHA-256 ${upload.sha256.slice(0, 16)}…`}
        </small>
      </div>
      {upload.linked && !upload.signed && <p data-linked-note="" style={{ ...small, margin: '4px 0' }}>{t('linked_note')}</p>}
      {notChecked ? <ConfirmUnchecked upload={upload} confirmed={confirmed || !!upload.signed} set={setConfirmed} /> : <FileFindings upload={upload} />}
      {upload.signed ? (
        <div data-upload-signed="" style={{ color: COLOR.ok }}>
          ✓ {upload.linked ? t('linked_signed', upload.signed.reviewerName, formatTime(upload.signed.at)) : t('upload_signed', upload.signed.reviewerName, formatTime(upload.signed.at), FILE_PASS_TTL_MS / 60_000)}
        </div>
      ) : (
        <SignRow role="reviewer" action={action} blocked={notChecked && !confirmed} people={roster} initial="" editor={editor} busy={busy} pinError={pinError} onSign={(_role, reviewerId, pin) => uploads.signFile(upload.key, reviewerId, pin)} />
      )}
    </li>
  );
}

/**
 * Files waiting for a reviewer (issue 12 items 3–5): uploads the gate stopped and files the draft
 * links to with a block finding, each with its findings placed in it, and files not checked (too
 * large, encrypted, corrupt), each with a confirmation naming it, its size and why. A reviewer's
 * sign-off covers exactly that file (by content): a stopped upload may go once; a signed linked file
 * no longer holds back the draft's next publish.
 */
export function UploadsSection(props: Props) {
  const { items } = props.uploads;
  if (items.length === 0) return null;
  return (
    <section data-section="uploads" style={sectionBox} aria-labelledby="precheck-uploads">
      <h3 id="precheck-uploads" style={{ margin: '0 0 6px', fontSize: 16 }}>
        {t('uploads_title')}
      </h3>
      <p style={{ ...small, margin: '4px 0' }}>{t('uploads_note')}</p>
      <ul style={list}>
        {items.map((u) => (
          // A row starts over when its sign-off is spent: the confirmation must be ticked again.
          <UploadRow key={`${u.key}:${u.signed?.at ?? 0}`} upload={u} {...props} />
        ))}
      </ul>
    </section>
  );
}
