import type { Severity } from '../scan/types';
import { lineCol } from './line-col';
import type { ScannedFile } from './scan-files';

const SEVERITY_LABEL: Record<Severity, string> = {
  block: '阻止(block)',
  warn: '警告(warn)',
  info: '提示(info)',
};

/** Whitespace other than single spaces between words: what oneLine() changes. */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * A finding must stay on its own line, so grep and editors' "file:line:col" links keep working.
 * Most excerpts and messages have nothing to change: tested first, not rewritten (two per finding,
 * 13,000 findings in the bench's 5 MB).
 */
function oneLine(s: string): string {
  return LOOSE_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** For people: one line per finding, then a summary of the run. */
export function formatText(files: readonly ScannedFile[], unreadable = 0): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      const { line, col } = lineCol(file.lineStarts, f.start);
      count[f.severity]++;
      // An attachment's finding is found by its sheet and cell, part or page, not by a line; an HTML
      // page's keeps its line and adds its table place (表格第 3 行「身份证号」).
      const attachment = file.lineStarts.length === 0;
      const place = f.location ? `  ${oneLine(f.location.text)}` : '';
      const where = attachment ? `${file.path}${place}` : `${file.path}:${line}:${col}`;
      const after = attachment ? '' : place;
      lines.push(`${where}  ${SEVERITY_LABEL[f.severity]}  ${f.kind}${after}  ${oneLine(f.excerpt)}  ${oneLine(f.message)}`);
    }
  }
  const zhUnreadable = unreadable ? `；${unreadable} 个文件无法读取` : '';
  const enUnreadable = unreadable ? `; ${unreadable} unreadable` : '';
  lines.push(
    `共 ${files.length} 个文件：阻止 ${count.block}，警告 ${count.warn}，提示 ${count.info}${zhUnreadable}` +
      ` / ${files.length} files: ${count.block} block, ${count.warn} warn, ${count.info} info${enUnreadable}`,
  );
  return lines.join('\n') + '\n';
}
