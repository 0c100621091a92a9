import { beforeAll, describe, expect, it } from 'vitest';
import { scanAttachment } from '../../lib/attachments/scan-attachment';
import type { AttachmentResult } from '../../lib/attachments/types';
import { rules } from '../../rules/index';
import { CASES, type Case } from './corpus';
import { IDS } from './labelled';

const results = new Map<string, AttachmentResult>();

beforeAll(async () => {
  // Written once, in order: LibreOffice conversions must not run side by side on two cores.
  for (const c of CASES) results.set(c.name, await scanAttachment(await c.bytes(), c.name, { rules }));
}, 600_000);

function serious(r: AttachmentResult) {
  return r.findings.filter((f) => f.severity !== 'info');
}

describe('generated attachment corpus', () => {
  it.each(CASES.filter((c) => c.expect).map((c) => [c.name, c] as [string, Case]))('%s: found where it stands, nothing else', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.status, r.status !== 'scanned' ? JSON.stringify(r.reason) : '').toBe('scanned');
    const found = serious(r);
    for (const e of c.expect!) {
      const hit = found.find((f) => f.kind === e.kind && f.severity === e.severity && f.location?.text.includes(e.where));
      expect(hit, `${e.kind}/${e.severity} at ${e.where} in ${JSON.stringify(found.map((f) => [f.kind, f.severity, f.location?.text]))}`).toBeDefined();
      expect(hit!.location).toMatchObject({ file: c.name, ...e.location });
    }
    expect(found).toHaveLength(c.expect!.length);
  });

  it.each(CASES.filter((c) => c.status).map((c) => [c.name, c] as [string, Case]))('%s: reported, never clean', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.status).toBe(c.status);
    expect(r.status === 'scanned' ? '' : r.reason.zh).toMatch(/加密|损坏|不支持|专有/);
    // The cause a reviewer confirms by name: only an encrypted or a corrupt file has one.
    const cause = c.name.startsWith('加密') ? 'encrypted' : c.name.startsWith('损坏') ? 'corrupt' : undefined;
    expect(r.status === 'scanned' ? undefined : r.cause).toBe(cause);
  });

  it('never puts a raw ID into an excerpt, message or location', () => {
    const all = JSON.stringify([...results.values()]);
    for (const id of IDS) expect(all).not.toContain(id);
  });
});
