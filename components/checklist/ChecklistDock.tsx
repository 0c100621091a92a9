import { useEffect, useRef } from 'react';
import { htmlLang, terms, uiLang } from '../../lib/i18n';
import { ConfirmSection } from './ConfirmSection';
import { DockFooter } from './DockFooter';
import { DockHeader } from './DockHeader';
import { DockNotices } from './DockNotices';
import { FieldsSection } from './FieldsSection';
import { FindingsSection } from './FindingsSection';
import { SignoffSection } from './SignoffSection';
import { openCount } from './open-count';
import { UploadsSection } from './UploadsSection';
import { COLOR, button, dialog, scroll } from './styles';
import type { ChecklistDockProps, DockControls } from './types';

export type { ChecklistActions, ChecklistFinding, ChecklistDockProps, DockControls } from './types';

/** Dragging the left edge: the dock's width follows the pointer, within what leaves the editor room. */
function ResizeHandle({ dock }: { dock: DockControls }) {
  return (
    <div
      data-action="resize"
      aria-hidden="true"
      style={{ position: 'absolute', left: -4, top: 0, bottom: 0, width: 8, cursor: 'ew-resize' }}
      onPointerDown={(e) => {
        const el = e.currentTarget;
        el.setPointerCapture(e.pointerId);
        const move = (m: PointerEvent) => dock.resize(window.innerWidth - m.clientX);
        const up = () => {
          el.removeEventListener('pointermove', move);
          el.removeEventListener('pointerup', up);
        };
        el.addEventListener('pointermove', move);
        el.addEventListener('pointerup', up);
      }}
    />
  );
}

/** Collapsed: a narrow strip that still says how much is open, and opens again. */
function CollapsedStrip({ open, dock }: { open: number; dock: DockControls }) {
  const t = terms();
  return (
    <div role="dialog" aria-label={t.checklist} style={{ ...dialog, alignItems: 'center', paddingTop: 12 }} lang={htmlLang(uiLang())}>
      <button type="button" data-action="expand" style={{ ...button, writingMode: 'vertical-rl', padding: '10px 4px' }} onClick={dock.toggle}>
        {t.checklist}
        {open > 0 && <strong style={{ color: COLOR.block }}> {open}</strong>}
      </button>
    </div>
  );
}

/**
 * The pre-publish checklist (发布前检查), docked beside the editor when a publish is refused: what the
 * scan found, the form's required fields, the reviewer's confirmations and the sign-off. The draft
 * stays editable beside it and the list follows every change. 发布 stays disabled until every section
 * is complete. Pure: props in, callbacks out.
 */
export function ChecklistDock(props: ChecklistDockProps) {
  const { result, actions, busy, message, voided, editor, dock } = props;
  const box = useRef<HTMLDivElement>(null);
  // Focus lands here when it opens (keyboard users start in it); nothing traps it: the draft is beside.
  useEffect(() => box.current?.focus({ preventScroll: true }), []);
  const open = openCount(result);
  if (dock.collapsed) return <CollapsedStrip open={open} dock={dock} />;
  return (
    <div
      ref={box}
      role="dialog"
      aria-modal="false"
      aria-labelledby="precheck-checklist-title"
      aria-busy={busy}
      tabIndex={-1}
      style={dialog}
      lang={htmlLang(uiLang())}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.close();
      }}
    >
      <ResizeHandle dock={dock} />
      <DockHeader editor={editor} dock={dock} />
      <DockNotices voided={voided} message={message} />
      <div style={scroll}>
        {props.uploads && <UploadsSection uploads={props.uploads} roster={props.roster} editor={editor} busy={busy} pinError={props.pinError} />}
        <FindingsSection section={result.sections.findings} findings={props.findings} groups={props.groups} masked={props.masked} pinError={props.pinError} roster={props.roster} editor={editor} busy={busy} actions={actions} />
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
          pinError={props.pinError}
        />
      </div>
      <DockFooter result={result} open={open} busy={busy} actions={actions} />
    </div>
  );
}
