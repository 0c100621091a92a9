/**
 * Reads the .reg files regedit imports (Windows Registry Editor Version 5.00): sections and their
 * REG_SZ / REG_DWORD values. Written independently of the sample generator, so a test through it
 * checks what regedit would see, not the generator's own idea of it.
 */
export type RegValue = string | number;

function unescapeRegString(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => c);
}

export function parseRegFile(text: string): Map<string, Record<string, RegValue>> {
  const lines = text.split('\r\n');
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error('missing the regedit header');
  const sections = new Map<string, Record<string, RegValue>>();
  let current: Record<string, RegValue> | null = null;
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = {};
      sections.set(section[1] ?? '', current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`cannot read line: ${line.slice(0, 60)}`);
    const name = unescapeRegString(value[1] ?? '');
    current[name] = value[3] !== undefined ? parseInt(value[3], 16) : unescapeRegString(value[2] ?? '');
  }
  return sections;
}
