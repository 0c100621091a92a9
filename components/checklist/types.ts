/** The checklist dialog's contract: everything it shows comes in as props, everything it does goes out as a callback. */
import type { Finding } from '../../lib/scan/types';
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

export interface ChecklistActions {
  goToField: (name: FieldName) => void;
  /** Precheck's own field, for a CMS form without one (category, disclosure mode). */
  setOwnField: (name: 'category' | 'disclosure', value: string) => void;
  goToFinding: (key: string) => void;
  setConfirmations: (c: Confirmations) => void;
  setMarkedImportant: (v: boolean) => void;
  override: (key: string, reason: string, reviewerId: string, pin: string) => void;
  signOff: (role: SignoffRole, reviewerId: string, pin: string) => void;
  publish: () => void;
  close: () => void;
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
  dock: DockControls;
}
