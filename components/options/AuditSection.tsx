/** 审计日志: placeholder until the audit-log issue lands. */
import { t } from './i18n';

export function AuditSection() {
  return (
    <section id="audit">
      <h2>{t('section_audit')}</h2>
      <p className="hint">{t('audit_placeholder')}</p>
    </section>
  );
}
