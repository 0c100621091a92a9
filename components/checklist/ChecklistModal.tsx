import { ConfirmSection } from './ConfirmSection';
import { FieldsSection } from './FieldsSection';
import { FindingsSection } from './FindingsSection';
import { SignoffSection } from './SignoffSection';
import { COLOR, alert, button, dialog, overlay, primary, scroll, small } from './styles';
import type { ChecklistModalProps } from './types';
import { useFocusTrap } from './useFocusTrap';

export type { ChecklistActions, ChecklistFinding, ChecklistModalProps } from './types';

/**
 * The pre-publish checklist (发布前检查), shown when the editor presses the CMS's 发布: what the scan
 * found, the form's required fields, the reviewer's confirmations and the sign-off. 发布 stays
 * disabled until every section is complete. Pure: props in, callbacks out.
 */
export function ChecklistModal(props: ChecklistModalProps) {
  const { result, actions, busy, message, voided, editor } = props;
  const trap = useFocusTrap<HTMLDivElement>();
  const open = Object.values(result.sections).reduce((n, s) => n + s.problems.length, 0);
  return (
    <div style={overlay} lang="zh-CN">
      <div
        ref={trap.ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="precheck-checklist-title"
        aria-busy={busy}
        tabIndex={-1}
        style={dialog}
        onKeyDown={(e) => {
          if (e.key === 'Escape') actions.close();
          else trap.onKeyDown(e);
        }}
      >
        <header style={{ display: 'flex', alignItems: 'baseline', gap: 12, padding: '14px 20px 10px' }}>
          <h2 id="precheck-checklist-title" style={{ margin: 0, fontSize: 18, flex: 1 }}>
            发布前检查 <small style={small}>Pre-publish checklist</small>
          </h2>
          <span style={small} title="Editor">
            编辑：{editor ?? '未识别'}
          </span>
        </header>
        {voided && (
          <div role="alert" data-voided="" style={{ ...alert(COLOR.block, '#fdecea'), fontWeight: 'bold' }}>
            内容已修改，需重新签发 <small style={{ ...small, color: COLOR.block }}>The draft changed after sign-off: it must be signed again.</small>
          </div>
        )}
        {message && (
          <div
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-message={message.kind}
            style={message.kind === 'error' ? alert(COLOR.block, '#fdecea') : alert(COLOR.accent, '#e8f0fb')}
          >
            {message.text}
          </div>
        )}
        <div style={scroll}>
          <FindingsSection section={result.sections.findings} findings={props.findings} roster={props.roster} editor={editor} busy={busy} actions={actions} />
          <FieldsSection section={result.sections.fields} fields={props.fields} catalogue={props.catalogue} goToField={actions.goToField} setOwnField={actions.setOwnField} />
          <ConfirmSection
            section={result.sections.confirm}
            confirmations={props.confirmations}
            markedImportant={props.markedImportant}
            important={result.important}
            setConfirmations={actions.setConfirmations}
            setMarkedImportant={actions.setMarkedImportant}
            goToField={actions.goToField}
          />
          <SignoffSection
            result={result}
            roster={props.roster}
            signoffs={props.signoffs}
            reviewerField={props.fields.reviewer}
            editor={editor}
            busy={busy}
            signOff={actions.signOff}
            goToField={actions.goToField}
          />
        </div>
        <footer style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '12px 20px', borderTop: `1px solid ${COLOR.line}` }}>
          <span style={{ flex: 1, color: result.complete ? COLOR.ok : COLOR.block }}>
            {result.complete ? '全部完成，可以发布' : `尚有 ${open} 项未完成`}{' '}
            <small style={small}>{result.complete ? 'Ready to publish' : `${open} open`}</small>
          </span>
          <button type="button" style={button} data-action="close" onClick={actions.close} title="Close: nothing is published">
            关闭
          </button>
          <button
            type="button"
            style={{ ...primary, ...(!result.complete || busy ? { opacity: 0.5, cursor: 'not-allowed' } : {}) }}
            data-action="publish"
            disabled={!result.complete || busy}
            onClick={actions.publish}
            title="Publish"
          >
            {busy ? '处理中…' : '发布'}
          </button>
        </footer>
      </div>
    </div>
  );
}
