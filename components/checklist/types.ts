/** The checklist dialog's contract: everything it shows comes in as props, everything it does goes out as a callback. */
import type { HeldUpload } from '../../lib/content/attachments/held-uploads';
import type { TableColumn } from '../../lib/fix/groups';
import type { Finding, Kind } from '../../lib/scan/types';
import type { OwnFieldName } from '../../lib/signoff/own-fields';
import type { ChecklistResult, Confirmations, FieldName, FieldReadings, Override, RosterEntry, Signoff, SignoffRole } from '../../lib/signoff/types';

export interface ChecklistFinding {
  /** The override key (lib/signoff/checklist.ts findingKeys). */
  key: string;
  /** Masked excerpt only, as every finding carries. */
  finding: Finding;
  /** Where it is: 正文, 标题 … */
  where: string;
  /** A warn finding the policy lets a reviewer release with a reason. */
  overridable: boolean;
  override?: Override;
}

/** A PIN refused: shown beside the PIN box it came from, with a live countdown while locked. */
export interface PinError {
  /** sign-reviewer, sign-principal, override:<finding key> */
  at: string;
  code: string;
  text: string;
  /** When a new try is allowed (ms since the epoch); null when one may try again at once. */
  until: number | null;
}

/** Findings of one kind in one place (a table column, an editor, the title): fixed together. */
export interface ChecklistGroup {
  id: string;
  kind: Kind;
  /** The table column it stands in (身份证号码 列：25 项). */
  column?: TableColumn;
  count: number;
  /** The override keys of its findings, in order. */
  keys: string[];
  maskable: boolean;
  /** What 全部打码 writes for the first one. */
  preview: string | null;
}

export interface ChecklistActions {
  goToField: (name: FieldName) => void;
  /** Precheck's own field, for a CMS form without one (栏目, category, disclosure mode). */
  setOwnField: (name: OwnFieldName, value: string) => void;
  goToFinding: (key: string) => void;
  /** 全部打码: masks the group's findings in their editor, one undoable step. */
  maskGroup: (groupId: string) => void;
  /** Undoes the last 全部打码 through the editor's own undo. */
  undoMask: () => void;
  setConfirmations: (c: Confirmations) => void;
  setMarkedImportant: (v: boolean) => void;
  override: (key: string, reason: string, reviewerId: string, pin: string) => void;
  signOff: (role: SignoffRole, reviewerId: string, pin: string) => void;
  publish: () => void;
  close: () => void;
}

/** Uploads the gate stopped, each waiting for a reviewer's sign-off of that one file. */
export interface ChecklistUploads {
  items: HeldUpload[];
  signFile: (key: string, reviewerId: string, pin: string) => void;
}

/** The dock's own state, kept by its host: collapsed to a strip, or open at a width. */
export interface DockControls {
  collapsed: boolean;
  toggle: () => void;
  resize: (width: number) => void;
}

export interface ChecklistDockProps {
  result: ChecklistResult;
  findings: ChecklistFinding[];
  groups: ChecklistGroup[];
  /** The last 全部打码, while it can be undone. */
  masked: { count: number } | null;
  pinError: PinError | null;
  fields: FieldReadings;
  catalogue: { id: string; name: string }[];
  roster: RosterEntry[];
  confirmations: Confirmations;
  markedImportant: boolean;
  editor: string | null;
  signoffs: Signoff[];
  /** The draft changed after it was signed: the sign-offs are void. */
  voided: boolean;
  /** A request to the background is running: actions wait. */
  busy: boolean;
  message: { kind: 'error' | 'info'; text: string } | null;
  actions: ChecklistActions;
  /** Refused uploads (absent or empty: the section is not shown). */
  uploads?: ChecklistUploads;
  dock: DockControls;
}
