/** Inline styles of the checklist dialog: it lives in a shadow root, where no page or extension stylesheet applies. */
import type { CSSProperties } from 'react';

export const COLOR = { block: '#c62828', warn: '#8a5300', ok: '#2e7d32', muted: '#595959', line: '#e0e0e0', accent: '#1f4e8c' };

/**
 * Docked beside the editor (not over it): the host takes a strip on the right and the page is narrowed
 * by as much (lib/content/checklist-host.tsx), so the draft stays visible and editable.
 */
export const DOCK_WIDTH = 420;
export const DOCK_COLLAPSED = 44;

export const dialog: CSSProperties = {
  height: '100%',
  boxSizing: 'border-box',
  display: 'flex',
  flexDirection: 'column',
  background: '#fff',
  color: '#222',
  borderLeft: '1px solid #bbb',
  boxShadow: '-4px 0 16px rgba(0,0,0,.12)',
  font: '14px/1.6 "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
  textAlign: 'left',
  outline: 'none',
};

export const scroll: CSSProperties = { overflow: 'auto', padding: '0 16px', flex: 1 };

export const sectionBox: CSSProperties = { borderTop: `1px solid ${COLOR.line}`, padding: '12px 0' };

export const small: CSSProperties = { color: COLOR.muted, fontSize: 12, fontWeight: 'normal' };

export const row: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '6px 0' };

export const list: CSSProperties = { listStyle: 'none', margin: '6px 0', padding: 0 };

export const alert = (color: string, background: string): CSSProperties => ({
  margin: '12px 20px 0',
  padding: '8px 12px',
  borderRadius: 4,
  background,
  color,
});

export const button: CSSProperties = { padding: '3px 10px', cursor: 'pointer', font: 'inherit' };

export const primary: CSSProperties = { ...button, padding: '6px 28px', background: COLOR.accent, color: '#fff', border: 0, borderRadius: 4 };

/** A focus ring that shows on any page (inline styles cannot say :focus-visible): put in the shadow root. */
export const FOCUS_CSS = ':focus-visible { outline: 3px solid #1f4e8c !important; outline-offset: 2px; }';

export const input: CSSProperties = { padding: '3px 6px', font: 'inherit' };
