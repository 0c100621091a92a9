import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../lib/policy/validate';
import { fullPolicy } from './helpers';

describe('policy attachments.maxMB', () => {
  it('defaults to 50 MB when a policy leaves it out (older policies stay valid)', () => {
    const policy = fullPolicy() as Record<string, unknown>;
    delete policy.attachments;
    const r = parsePolicy(policy);
    expect(r.ok && r.policy.attachments).toEqual({ maxMB: 50 });
  });

  it.each([
    [{ maxMB: 10 }, true],
    [{ maxMB: 1024 }, true],
    [{ maxMB: 0 }, false],
    [{ maxMB: 2.5 }, false],
    [{ maxMB: 50, scanPdf: true }, false],
  ])('%j → valid %s', (attachments, ok) => {
    const r = parsePolicy({ ...fullPolicy(), attachments });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.problems.some((p) => p.path.startsWith('attachments'))).toBe(true);
  });
});
