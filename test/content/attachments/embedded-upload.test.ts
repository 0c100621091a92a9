/**
 * A document posted inside the request's text (FileReader.readAsDataURL, then JSON or a form field):
 * the isolated world decodes it and judges it as the file it is (lib/gate/embedded-files.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AttachmentResult } from '../../../lib/attachments/types';
import { PageFiles } from '../../../lib/content/attachments/page-files';
import { FileVerdicts } from '../../../lib/content/gate/files';
import type { Outgoing } from '../../../lib/gate/types';
import type { Finding } from '../../../lib/scan/types';
import { filesGate } from './files-gate';

const ID = '11010519491231002X';
const ID_CELL = { ruleId: 'cn-id', kind: 'cn-id', severity: 'block', start: 0, end: 18, excerpt: '110105********002X', message: '身份证号' } as unknown as Finding;

/** A scanner that reads the bytes it is given: a zip header opens a workbook, an ID in it is a finding. */
async function scanner(blob: Blob, name: string): Promise<AttachmentResult> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { file: name, size: blob.size, status: 'unsupported', reason: { zh: '不支持', en: 'unsupported' }, findings: [] };
  return { file: name, size: blob.size, status: 'scanned', format: 'xlsx', findings: new TextDecoder().decode(bytes).includes(ID) ? [ID_CELL] : [] };
}

const workbook = (text: string) => Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from(text.padEnd(1500, ' '))]).toString('base64');
const dataUrl = (text: string) => `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${workbook(text)}`;
const post = (file: string): Outgoing => ({ route: 'fetch', method: 'POST', url: 'http://cms.test/api/upload', body: { kind: 'text', text: JSON.stringify({ name: '名单.xlsx', file }), contentType: 'application/json' } });

describe('a document in the request’s text', () => {
  it('a list with an ID as a data: URL in JSON is refused; its base64 alone shows no ID', async () => {
    const gate = filesGate(new FileVerdicts(new PageFiles(scanner)));
    expect(Buffer.from(JSON.stringify(post(dataUrl(`低保 ${ID}`)))).includes(ID)).toBe(false);
    expect(await gate.answerAsync(post(dataUrl(`低保 ${ID}`)), [])).toMatchObject({ pass: false });
  });

  it('a clean workbook so posted passes', async () => {
    const gate = filesGate(new FileVerdicts(new PageFiles(scanner)));
    expect(await gate.answerAsync(post(dataUrl('财政预算 1,234.00')), [])).toMatchObject({ pass: true });
  });

  it('judged without reading (the sync path: a beacon, a form), it is pending: refused, never clean', () => {
    const gate = filesGate(new FileVerdicts(new PageFiles(scanner)));
    expect(gate.answer(post(dataUrl('财政预算 1,234.00')))).toMatchObject({ pass: false });
  });

  it('a content key that came along with the question is not taken', async () => {
    const files = new FileVerdicts(new PageFiles(scanner));
    const gate = filesGate(files);
    const clean = dataUrl('财政预算 1,234.00');
    await gate.answerAsync(post(clean), []);
    const { key: cleanKey } = await files.learn({ name: 'f', filename: '', type: '', size: 0 }, new Blob([Buffer.from(workbook('财政预算 1,234.00'), 'base64')]));
    // the list's base64 claimed to be the clean workbook's content
    const forged: Outgoing = { ...post(dataUrl(`低保 ${ID}`)), embedded: new Map([[workbook(`低保 ${ID}`), cleanKey!]]) };
    expect(gate.answer(forged)).toMatchObject({ pass: false });
    expect(await gate.answerAsync(forged, [])).toMatchObject({ pass: false });
  });
});
