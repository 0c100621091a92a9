import { childElements, elements, paragraphText, parseXml } from '../xml';
import { partText, relationships, type PackageParts } from './ooxml-package';

/**
 * Headers, footers and text boxes of an .xlsx: printed or shown to every reader of the file. An .xls
 * has no such parts here: its headers and text boxes are not read (README).
 */

/** Excel's header codes (&L &C &R section marks, &P page, &"font,style", &12 size) are not text. */
export function headerFooterText(code: string): string {
  return code
    .replace(/&"[^"]*"/g, '')
    .replace(/&\d+/g, '')
    .split('&&')
    .map((piece) => piece.replace(/&[LCR]/g, '\n').replace(/&[A-Za-z]/g, ''))
    .join('&')
    .trim();
}

/** Each shape's text (a:p paragraphs joined by line breaks) in a drawing part. */
function textBoxes(drawingXml: string): string[] {
  return elements(parseXml(drawingXml), 'txBody')
    .map((body) => childElements(body, 'p').map(paragraphText).join('\n').trim())
    .filter(Boolean);
}

/** The text boxes and shapes drawn on a sheet (its drawing parts, through the sheet's relationships). */
export function sheetTextBoxes(parts: PackageParts, sheetPath: string): string[] {
  return relationships(parts, sheetPath)
    .filter((rel) => rel.type === 'drawing')
    .flatMap((rel) => {
      const xml = partText(parts, rel.target);
      return xml ? textBoxes(xml) : [];
    });
}
