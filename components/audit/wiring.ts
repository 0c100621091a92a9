/** The real data source of the audit pages: the log's IndexedDB and the background's messages. */
import { openAuditDb, createAuditReader } from '../../lib/audit/store';
import type { AuditReader } from '../../lib/audit/types';
import { sendMessage } from '../../lib/messaging/protocol';
import type { AuditClient } from './client';

export async function openAuditReader(): Promise<AuditReader> {
  return createAuditReader(await openAuditDb());
}

export function messagingAuditClient(): AuditClient {
  return {
    verify: () => sendMessage('auditVerify'),
    exported: (req) => sendMessage('auditExported', req),
  };
}

/** The unit's name as the policy in force gives it (the review form's heading). */
export async function policyUnitName(): Promise<string> {
  return (await sendMessage('getPolicyState')).policy.unit?.name ?? '';
}
