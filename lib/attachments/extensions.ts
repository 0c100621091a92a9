/** File extensions Precheck reads as attachments; kept apart from the readers so asking is cheap. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ['xlsx', 'xlsm', 'xls', 'et', 'docx', 'docm', 'doc', 'wps', 'pdf', 'csv', 'txt'];

/** Lower-case extension without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && dot > Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) ? name.slice(dot + 1).toLowerCase() : '';
}

/** The file's own name, without the folders of a path. */
export function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}
