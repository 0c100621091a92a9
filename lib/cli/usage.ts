/** Usage text, Chinese first for the editors who run it, English for everyone else. */
export const USAGE = `用法：precheck scan [--format json|text] 路径...
  扫描 .txt、.md、.html/.htm 文件（HTML 取正文，表格按行、按单元格读取）以及附件 .xlsx .xlsm .xls .et .csv .docx .docm .doc .wps .pdf（注明工作表和单元格、页码），
  目录会递归扫描其中的这些文件。
  --format json   输出 JSON（默认）：{ "files": [ { "path", "findings": [...] } ] }
                  （在终端中缩进显示；写入文件或管道时为紧凑的一行）
  --format text   每条发现一行：文件:行:列  严重程度  类型  [位置]  摘录  说明
                  （HTML 表格中的发现注明位置，如“表格第 3 行「身份证号」”）
  --help          显示本帮助
  退出码：0 无阻止项；1 至少一个阻止项；2 用法错误或有文件无法读取

Usage: precheck scan [--format json|text] PATH...
  Scans .txt, .md and .html/.htm files (main content of HTML, tables read row by row and cell by cell) and
  attachments .xlsx .xlsm .xls .et .csv .docx .docm .doc .wps .pdf (findings name their sheet and cell, or page);
  directories are scanned recursively.
  --format json   JSON output (default): { "files": [ { "path", "findings": [...] } ] }
                  (indented at a terminal; one compact line into a file or a pipe)
  --format text   one line per finding: file:line:col  severity  kind  [place]  excerpt  message
                  (a finding in an HTML table names its place, e.g. 表格第 3 行「身份证号」)
  --help          show this help
  Exit status: 0 no block finding; 1 at least one block finding; 2 usage error or unreadable input
`;
