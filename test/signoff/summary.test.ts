import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/scan/types';
import { summarizeFindings } from '../../lib/signoff/summary';

function finding(kind: Finding['kind'], severity: Finding['severity'], excerpt: string): Finding {
  return { ruleId: kind, kind, severity, start: 0, end: 1, excerpt, message: '' };
}

describe('summarizeFindings', () => {
  it('counts by kind and severity and keeps the masked excerpts', () => {
    const summary = summarizeFindings([
      finding('phone', 'warn', '139****5678'),
      finding('cn-id', 'block', '110105********002X'),
      finding('phone', 'block', '138****0000'),
      finding('phone', 'warn', '139****5678'),
    ]);
    expect(summary).toEqual({
      total: 4,
      counts: { phone: { warn: 2, block: 1 }, 'cn-id': { block: 1 } },
      excerpts: ['110105********002X', '138****0000', '139****5678'],
    });
  });

  it('keeps at most 20 excerpts, the blocking ones first', () => {
    const warns = Array.from({ length: 30 }, (_, i) => finding('phone', 'warn', `139****${String(i).padStart(4, '0')}`));
    const summary = summarizeFindings([...warns, finding('cn-id', 'block', '110105********002X')]);
    expect(summary.total).toBe(31);
    expect(summary.excerpts).toHaveLength(20);
    expect(summary.excerpts[0]).toBe('110105********002X');
  });

  it('is empty for a clean draft', () => {
    expect(summarizeFindings([])).toEqual({ total: 0, counts: {}, excerpts: [] });
  });
});
