/**
 * Keeps a fault in the audit UI inside its own box: a record of an unexpected shape (an older or newer
 * version wrote it) must not blank the whole options page, where the policy settings live too.
 */
import { Component, type ReactNode } from 'react';
import { t } from './strings';
import { errorText } from './useReader';

interface Props {
  children: ReactNode;
  /** What to say (the review form says it in Chinese whatever the browser's language). */
  message?: (error: string) => string;
}

interface State {
  error: unknown;
}

export class AuditErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error('audit log view failed', error);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const say = this.props.message ?? ((e: string) => t('audit_view_failed', e));
    return (
      <p className="error" role="alert" data-audit-error="">
        {say(errorText(this.state.error))}
      </p>
    );
  }
}
