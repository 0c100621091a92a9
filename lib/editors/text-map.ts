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

/**
 * Walks the tree without recursion so the walk can pause: the generator yields every `slice` nodes
 * and the async variant gives the page its main thread back there (a 1 MB draft is ~60k nodes).
 */
function* walk(root: Node, slice: number): Generator<void, TextMap> {
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
  const leave = (el: Node) => {
    const tag = (el as Element).tagName.toUpperCase();
    if (CELL.has(tag)) push('\t');
    else if (BLOCK.has(tag)) breakLine();
  };

  let count = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (++count % slice === 0) yield;
    let enter = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        starts.push(length);
        push(data);
      }
    } else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'BR') push('\n');
      else if (!SKIP.has(tag)) {
        if (BLOCK.has(tag)) breakLine();
        if (node.firstChild) enter = true;
        else leave(node);
      }
    }
    if (enter) {
      node = node.firstChild;
      continue;
    }
    // Next sibling, or climb, closing each element on the way up.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) leave(node);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { text: parts.join(''), nodes, starts };
}

export function extractText(root: Node): TextMap {
  const steps = walk(root, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same text map, built in slices with `pause()` between them. */
export async function extractTextInSlices(root: Node, pause: () => Promise<void>, slice = 4000): Promise<TextMap> {
  const steps = walk(root, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
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
