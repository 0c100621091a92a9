import { ooxmlText } from './rich-text';
import { partText, relationships, type PackageParts } from './ooxml-package';
import { prefixedAttribute, saxPart } from './sax';
import { elements, parseXml } from '../xml';
import type { PropertyKey } from './sheet-segments';

export const WORKBOOK = 'xl/workbook.xml';

export interface WorkbookSheet {
  name: string;
  /** state="hidden" or "veryHidden" (the latter only VBA can show again). */
  hidden: boolean;
  /** The sheet's part; undefined when the package does not have it. */
  path: string | undefined;
}

/** The sheets in workbook order (workbook.xml) with their parts (its relationships). */
export function readSheetList(parts: PackageParts): WorkbookSheet[] {
  const targets = new Map(relationships(parts, WORKBOOK).map((r) => [r.id, r.target]));
  const sheets: WorkbookSheet[] = [];
  saxPart(parts[WORKBOOK]!, {
    open(name, attrs) {
      if (name !== 'sheet') return;
      const id = prefixedAttribute(attrs, 'id');
      // Without relationships, SheetJS (and Excel's own numbering) takes the n-th sheet part.
      const path = (id !== undefined && targets.get(id)) || `xl/worksheets/sheet${sheets.length + 1}.xml`;
      sheets.push({ name: ooxmlText(attrs.name ?? ''), hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden', path: parts[path] ? path : undefined });
    },
  });
  return sheets;
}

/** The workbook's part of a given relationship type (sharedStrings, styles), where the package puts it. */
export function workbookPart(parts: PackageParts, type: string, fallback: string): Uint8Array | undefined {
  const rel = relationships(parts, WORKBOOK).find((r) => r.type === type);
  return parts[rel?.target ?? fallback] ?? parts[fallback];
}

/** Core (docProps/core.xml) and extended (docProps/app.xml) properties, under SheetJS's names. */
const PROPERTY_ELEMENTS: [part: 'core' | 'app', element: string, key: PropertyKey][] = [
  ['core', 'title', 'Title'],
  ['core', 'subject', 'Subject'],
  ['core', 'creator', 'Author'],
  ['core', 'lastModifiedBy', 'LastAuthor'],
  ['core', 'category', 'Category'],
  ['core', 'keywords', 'Keywords'],
  ['core', 'description', 'Comments'],
  ['app', 'Manager', 'Manager'],
  ['app', 'Company', 'Company'],
];

/** The document properties a reader sees in 文件 → 属性: title, author, company… */
export function readProperties(parts: PackageParts): Partial<Record<PropertyKey, string>> {
  const rels = relationships(parts, '');
  const docs = {
    core: partText(parts, rels.find((r) => r.type === 'core-properties')?.target ?? 'docProps/core.xml'),
    app: partText(parts, rels.find((r) => r.type === 'extended-properties')?.target ?? 'docProps/app.xml'),
  };
  const parsed = { core: docs.core ? parseXml(docs.core) : null, app: docs.app ? parseXml(docs.app) : null };
  const out: Partial<Record<PropertyKey, string>> = {};
  for (const [part, element, key] of PROPERTY_ELEMENTS) {
    const doc = parsed[part];
    const value = doc && elements(doc, element)[0]?.textContent;
    if (value) out[key] = ooxmlText(value);
  }
  return out;
}
