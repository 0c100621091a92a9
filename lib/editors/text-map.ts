/**
 * The text of an editable area as the scanner sees it, with a map back to the DOM text nodes so a
 * finding's offsets become a Range. Blocks end with a newline and table cells with a tab, so a pasted
 * Word table still reads as rows and columns (the rules use that to recognise lists of people).
 */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i]: offset in `text` where nodes[i] begins. */
  starts: number[];
}

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD', 'FIGURE', 'HR',
]);
const CELL = new Set(['TD', 'TH']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export function extractText(root: Node): TextMap {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let last = '\n';
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
    last = s[s.length - 1] ?? last;
  };
  const breakLine = () => {
    if (last !== '\n') push('\n');
  };

  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        nodes.push(child as Text);
        starts.push(length);
        push(data);
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          push('\n');
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) breakLine();
        walk(child);
        if (CELL.has(tag)) push('\t');
        else if (block) breakLine();
      }
    }
  };
  walk(root);
  return { text: parts.join(''), nodes, starts };
}

/** Finds the text node holding `offset` (a boundary between nodes belongs to the later node). */
function locate(map: TextMap, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = map.starts.length - 1;
  if (hi < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = map.starts[mid]!;
    if (s < offset || (s === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  const node = map.nodes[lo]!;
  const inNode = Math.min(Math.max(offset - map.starts[lo]!, 0), node.data.length);
  return { node, offset: inNode };
}

/** A Range over [start, end) of the extracted text, created in the document that owns the nodes. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = locate(map, start, false);
  const b = locate(map, end, true);
  if (!a || !b) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
