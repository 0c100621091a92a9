import { lineAt } from '../lib/scan/context';
import { linesOf } from '../lib/scan/lines';
import type { TextView } from '../lib/scan/text-view';
import type { Hit, PatternRule, RuleContext } from '../lib/scan/types';

// Editors space out a marking the way GB/T 9704 lays it out ("机  密"), so a gap between the two
// characters is allowed; the text is normalised, so ＊ and ： have already become * and :.
const LEVEL = '(?:绝[ \\t]*密|机[ \\t]*密|秘[ \\t]*密)';
// ★ is the marking's own separator; a plain * is typed for it too, but "**机密**" in pasted Markdown
// is emphasis, so * only counts with a period after it (checked in check()).
const STAR = '[★☆*✱✲⭐]';
const PERIOD =
  '(?:\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?前?' +
  '|\\d{1,3}[ \\t]*(?:个月|年|月|天|日)' +
  '|[一二三四五六七八九十两]{1,3}[ \\t]*(?:个月|年)' +
  '|长期|永久' +
  '|[\\u4e00-\\u9fa5]{1,8}?前)';
// A 密级 field or header cell; the label must be separated from the value (colon or blank), so the
// prose "密级分为绝密、机密、秘密三级" never reaches the field branch.
const LABEL = '(?:密[ \\t]*级|保密等级|秘密等级|保密级别)';

const PATTERN = new RegExp(
  `(?:(?<label>${LABEL})(?<sep>[ \\t]*:?[ \\t]*))?(?<level>${LEVEL})(?:[ \\t]*(?<star>${STAR})[ \\t]*(?<period>${PERIOD})?)?`,
  'g',
);

const MSG_STAR = {
  zh: '密级标志（密级★保密期限），涉密文件不得上网发布',
  en: 'Classification marking (level ★ period): classified documents must not be published online',
};
const MSG_FIELD = {
  zh: '密级栏标注为涉密，涉密文件不得上网发布',
  en: 'The classification field names a secret level: classified documents must not be published online',
};
const MSG_LINE = {
  zh: '单独标注的密级，涉密文件不得上网发布',
  en: 'A classification level standing alone as a marking: classified documents must not be published online',
};
const MSG_QUOTED = {
  zh: '引号中的密级标志，似为举例；请确认不是本文件的密级',
  en: 'A quoted classification marking, probably an example: confirm it is not this document’s own level',
};

// Another level right before or after (with 、 or a tab between): a list of the levels, as in a legend
// or an explainer, not a marking.
const LIST_SEP = '[ \\t]*[、,;/|\\t和或及与至][ \\t]*';
const LEVEL_AFTER = new RegExp(`^${LIST_SEP}${LEVEL}`);
const LEVEL_BEFORE = new RegExp(`${LEVEL}${LIST_SEP}$`);

function inLevelList(text: TextView, start: number, end: number): boolean {
  return LEVEL_AFTER.test(text.slice(end, end + 12)) || LEVEL_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

// A bare level line as GB/T 9704 sets it: optional 份号 before it, optional urgency after it.
const BARE_LINE = new RegExp(
  `^[ \\t\\r]*(?:\\d{6}[ \\t]+)?[【\\[(〔]?[ \\t]*${LEVEL}[ \\t]*[】\\])〕]?(?:[ \\t]+(?:特急|加急|特提|平急|急件))?[ \\t\\r]*$`,
);
const BARE_CELL = new RegExp(`^[ \\t\\r]*${LEVEL}[ \\t\\r]*$`);

/** The non-empty line before or after `line` is also a bare level: a vertical list of the levels. */
function neighbourIsBareLevel(text: TextView, line: { start: number; end: number }): boolean {
  // Walks the line index rather than splitting the whole text around the line, once per match.
  const lines = linesOf(text);
  const at = lines.lineOf(line.start);
  let prev: string | undefined;
  for (let i = at - 1; i >= 0 && prev === undefined; i--) if (lines.lineText(i).trim() !== '') prev = lines.lineText(i);
  let next: string | undefined;
  for (let i = at + 1; i < lines.count && next === undefined; i++) if (lines.lineText(i).trim() !== '') next = lines.lineText(i);
  return [prev, next].some((l) => l !== undefined && BARE_CELL.test(l));
}

const hasCells = (line: string) => line.includes('\t') || line.includes('|');

/** The table cell (tab- or pipe-separated) that holds `pos`, and the row's other cells. */
function cellAt(line: { start: number; text: string }, pos: number): { cell: string; others: string[] } | null {
  if (!hasCells(line.text)) return null;
  const cells = line.text.split(/[\t|]/);
  let offset = line.start;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (pos >= offset && pos < offset + c.length) return { cell: c, others: cells.filter((_, k) => k !== i) };
    offset += c.length + 1;
  }
  return null;
}

function quoted(text: TextView, start: number, end: number): boolean {
  return /["“「『‘'][ \t]*$/.test(text.slice(Math.max(0, start - 3), start)) && /^[ \t]*["”」』’']/.test(text.slice(end, end + 3));
}

/**
 * What check() reports needs a star, a table cell, a 密级 label right before a level, or a line with
 * little else on it. As typed: ＊ ｜ ： and the ideographic space are not folded yet.
 */
const STAR_OR_CELL = /[★☆*＊✱✲⭐\t|｜]/;
// Every label has 级 in it: a prose line without one is not searched for the label.
const LABEL_BEFORE_LEVEL = /(?:密[ \t\u3000]*级|保密等级|秘密等级|保密级别)[ \t\u3000]*[:：]?[ \t\u3000]*[绝机秘]/;
/** A bare level line's characters other than blanks: 份号, brackets, the level and an urgency. */
const BARE_LINE_MAX = 24;

/**
 * Can a line (as typed, not normalised) hold a marking check() reports? Most lines with 密 are prose
 * (国家秘密、商业秘密): long, without a star, a 级 or a cell. Generous on purpose: it only spares
 * the engine reading prose, check() decides.
 */
export function mayHoldMarking(line: string): boolean {
  if (line.length <= BARE_LINE_MAX || STAR_OR_CELL.test(line) || (line.includes('级') && LABEL_BEFORE_LEVEL.test(line))) return true;
  let solid = 0;
  for (let i = 0; i < line.length && solid <= BARE_LINE_MAX; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3000) solid++;
  }
  return solid <= BARE_LINE_MAX;
}

function check(m: RegExpExecArray, ctx: RuleContext): Hit | null {
  const { text } = ctx;
  const g = m.groups ?? {};
  const start = m.index;
  const end = start + m[0].length;
  const levelStart = g.label ? start + g.label.length + (g.sep?.length ?? 0) : start;

  if (g.star) {
    if (g.star === '*' && !g.period) return null;
    // Only the level, star and period; the trailing blanks the pattern may have eaten stay out.
    const markEnd = g.period ? end : levelStart + text.slice(levelStart, end).indexOf(g.star) + 1;
    if (quoted(text, levelStart, markEnd)) return { start: levelStart, end: markEnd, severity: 'info', message: MSG_QUOTED };
    return { start: g.label && g.sep ? start : levelStart, end: markEnd, severity: 'block', message: MSG_STAR };
  }

  const levelEnd = levelStart + g.level!.length;
  if (g.label) {
    if (!g.sep) return null;
    if (inLevelList(text, levelStart, levelEnd)) return null;
    return { start, end: levelEnd, severity: 'block', message: MSG_FIELD };
  }

  const line = lineAt(text, levelStart);
  const bare = BARE_LINE.test(line.text);
  // Most levels stand in prose (国家秘密、商业秘密), on a line that is neither bare nor a table row:
  // they are let go before the look either side for a list of the levels.
  if (!bare && !hasCells(line.text)) return null;
  if (inLevelList(text, levelStart, levelEnd)) return null;
  if (bare) {
    if (neighbourIsBareLevel(text, line)) return null;
    return { start: levelStart, end: levelEnd, severity: 'block', message: MSG_LINE };
  }
  const cell = cellAt(line, levelStart);
  if (cell && BARE_CELL.test(cell.cell) && !cell.others.some((c) => BARE_CELL.test(c))) {
    return { start: levelStart, end: levelEnd, severity: 'block', message: MSG_LINE };
  }
  return null;
}

export default {
  id: 'classification',
  kind: 'classification',
  defaultSeverity: 'block',
  personal: false,
  title: { zh: '密级标志', en: 'Classification marking' },
  description: {
    zh: '发现真实的密级标志：密级★保密期限（机密★1年、绝密★启用前）、单独成行或在表格中的密级、密级栏（密级：机密）。正文中的“国家秘密”“商业秘密”“密级分为绝密、机密、秘密三级”等不是标志，不报。涉密文件不得上网发布（办法第四条、第六条）。',
    en: 'Finds real classification markings: level ★ period (机密★1年, 绝密★启用前), a level alone on its line or in a table cell, a 密级 field (密级：机密). The same words in prose (国家秘密, 商业秘密, 密级分为绝密、机密、秘密三级) are not markings. Classified documents must not be published online (measures, art. 4 and 6).',
  },
  examples: {
    flagged: ['352622\n机密★1年\n加急\n\n平罗县人民政府', '绝密★启用前\n2025年度考试试题', '密级：秘密\n保密期限：6个月', '机  密\n\n关于有关情况的报告'],
    quiet: [
      '除涉及国家秘密、商业秘密和个人隐私以及危及国家安全的事项外，原则上都要公开。',
      '国家秘密的密级分为绝密、机密、秘密三级。',
      '加强工作秘密管理，依法保守国家秘密。',
      '密级：无',
    ],
  },
  pattern: PATTERN,
  // Every level (绝密, 机密, 秘密) has 密 in it, and the pattern never crosses a line.
  candidates: { words: ['密'], lineTest: mayHoldMarking },
  check,
} satisfies PatternRule;
