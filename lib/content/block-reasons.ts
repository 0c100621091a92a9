import type { Finding } from '../scan/types';

/** Why a publish attempt was stopped, in the words an editor reads (Chinese, then English). */
export function blockReasons(findings: readonly Finding[], scanError: string | null): string[] {
  const reasons: string[] = [];
  if (scanError) reasons.push(`检查未能完成，发布已阻止（${scanError}） / The check failed, so publishing is blocked`);
  const blocking = findings.filter((f) => f.severity === 'block').length;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  if (blocking > 0) reasons.push(`有 ${blocking} 项必须处理的敏感信息 / ${blocking} finding(s) must be fixed`);
  if (warnings > 0) reasons.push(`有 ${warnings} 项需要核实的内容 / ${warnings} warning(s) to check`);
  reasons.push('发布前须经审核人签发（保密审查） / Needs the reviewer\'s sign-off before publishing');
  return reasons;
}
