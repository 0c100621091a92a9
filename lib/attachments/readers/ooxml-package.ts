import { unzipSync } from 'fflate';
import { corruptError } from '../container';
import { decodePart, elements, parseXml } from '../xml';

/** The XML parts of an Office package by path (no leading slash), inflated. */
export type PackageParts = Record<string, Uint8Array>;

/**
 * Inflates the package's XML parts only: pictures and embedded objects (xl/media, OLE packages) can be
 * most of a file's bytes and hold nothing a text check reads. A zip that breaks here is corrupt.
 */
export function unzipXmlParts(bytes: Uint8Array): PackageParts {
  try {
    return unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
  } catch {
    throw corruptError();
  }
}

export function partText(parts: PackageParts, path: string): string | null {
  const bytes = parts[path];
  return bytes ? decodePart(bytes) : null;
}

/** Where a part's relationships are: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
function relsPath(partPath: string): string {
  const dir = partPath.slice(0, partPath.lastIndexOf('/') + 1);
  return `${dir}_rels/${partPath.slice(dir.length)}.rels`;
}

export interface Relationship {
  id: string;
  /** The relationship type's last segment: worksheet, sharedStrings, comments, drawing… */
  type: string;
  /** Package path of the target, resolved against the source part's folder. */
  target: string;
}

/** A part's relationships in the order its .rels lists them. */
export function relationships(parts: PackageParts, partPath: string): Relationship[] {
  const xml = partText(parts, relsPath(partPath));
  if (!xml) return [];
  const dir = partPath.slice(0, partPath.lastIndexOf('/') + 1);
  return elements(parseXml(xml), 'Relationship')
    .filter((rel) => rel.getAttribute('TargetMode') !== 'External')
    .map((rel) => {
      const target = rel.getAttribute('Target') ?? '';
      const type = rel.getAttribute('Type') ?? '';
      return {
        id: rel.getAttribute('Id') ?? '',
        type: type.slice(type.lastIndexOf('/') + 1),
        target: target.startsWith('/') ? target.slice(1) : normalise(dir + target),
      };
    });
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.') out.push(s);
  }
  return out.join('/');
}
