/**
 * Lines of a PDF page from its positioned text items: items on one baseline form a line, and a wide
 * gap between items splits the line into fragments (table cells), joined by tabs. A number that a
 * table cell wrapped onto the next line is joined back when the pieces line up in one column and
 * only together make an ID or card length — a whole column of complete IDs is never glued together.
 */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  y: number;
  height: number;
  fragments: Fragment[];
}

function toLines(items: readonly TextItem[]): Line[] {
  // pdf.js adds whitespace items across gaps; the gaps themselves tell cells apart.
  const sorted = items.filter((i) => i.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let current: TextItem[] = [];
  const flush = () => {
    if (current.length === 0) return;
    current.sort((a, b) => a.x - b.x);
    const height = Math.max(...current.map((i) => i.height), 1);
    lines.push({ y: current[0]!.y, height, fragments: fragmentsOf(current, height) });
    current = [];
  };
  for (const item of sorted) {
    const head = current[0];
    if (head && Math.abs(head.y - item.y) > Math.max(head.height, item.height, 1) * 0.5) flush();
    current.push(item);
  }
  flush();
  return lines;
}

function fragmentsOf(items: readonly TextItem[], height: number): Fragment[] {
  const out: Fragment[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    if (last && gap < height * 1.5) {
      last.text += (gap > height * 0.25 && !/\s$/.test(last.text) ? ' ' : '') + item.str;
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else {
      out.push({ text: item.str, x0: item.x, x1: item.x + item.width });
    }
  }
  return out;
}

const TRAILING_DIGITS = /\d+$/;
const LEADING_DIGITS = /^[\dXx]+/;

/** The ID-like lengths a wrapped number may make: 15 and 18 (IDs), 16–19 (cards). */
function wrappedNumber(upper: string, lower: string): boolean {
  const a = TRAILING_DIGITS.exec(upper)?.[0].length ?? 0;
  const b = LEADING_DIGITS.exec(lower)?.[0].length ?? 0;
  if (a === 0 || b === 0 || a >= 15 || b >= 15) return false;
  return a + b >= 15 && a + b <= 19;
}

function joinWrapped(lines: Line[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const upper = lines[i]!;
    const lower = lines[i + 1]!;
    if (upper.y - lower.y > Math.max(upper.height, lower.height) * 2) continue;
    const tolerance = Math.max(2, upper.height * 0.5);
    lower.fragments = lower.fragments.filter((g) => {
      const f = upper.fragments.find((f) => Math.abs(f.x0 - g.x0) <= tolerance && wrappedNumber(f.text, g.text));
      if (!f) return true;
      f.text += g.text;
      f.x1 = Math.max(f.x1, g.x1);
      return false;
    });
  }
}

/** The page as lines of tab-separated fragments, wrapped numbers joined. */
export function pageLines(items: readonly TextItem[]): string[] {
  const lines = toLines(items);
  joinWrapped(lines);
  return lines.filter((l) => l.fragments.length > 0).map((l) => l.fragments.map((f) => f.text).join('\t'));
}
