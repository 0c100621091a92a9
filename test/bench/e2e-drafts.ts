/**
 * HTML drafts for the browser bench (`npm run bench:e2e`): what a county portal editor pastes into a
 * rich-text editor — notices in <p>s and 公示 tables (<table>) full of names, IDs, mobiles and bank
 * cards, most of them masked, some not. Deterministic: the same seed gives the same bytes.
 */
import { Rand } from './prng';
import * as v from './values';

const PROSE = [
  '为深入贯彻落实党中央、国务院决策部署，进一步加强和改进政务公开工作，结合我县实际，制定本方案。',
  '各乡镇、各部门要高度重视，切实加强组织领导，明确责任分工，确保各项工作落到实处。',
  '除涉及国家秘密、商业秘密、个人隐私以及法律法规规定不予公开的内容外，均应主动公开。',
  '严格落实“先审查、后公开”和“一事一审”制度，未经审查的信息不得上网发布。',
  '各级财政部门要加强资金监管，确保补助资金及时足额发放到户，严禁截留、挤占、挪用。',
  '加大农业农村领域信息公开力度，重点公开惠农补贴、村级财务、土地征收等信息。',
  '对工作推进不力、群众反映强烈的单位，将按照有关规定严肃追责问责。',
];

function para(r: Rand): string {
  let p = '';
  for (let i = r.int(2, 5); i > 0; i--) p += r.pick(PROSE);
  return `<p style="text-indent:2em">${p}</p>`;
}

function table(r: Rand): string {
  const head = ['序号', '姓名', '住址', '身份证号', '联系电话', '开户银行', '银行卡号', '补助金额（元）'];
  const rows = [`<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`];
  for (let i = 1, n = r.int(20, 60); i <= n; i++) {
    const raw = r.chance(0.3);
    const cells = [
      String(i),
      v.name(r),
      v.address(r),
      raw ? v.residentId(r) : v.maskedId(r),
      raw ? v.mobile(r) : v.maskedMobile(r),
      v.bank(r),
      raw ? v.bankCard(r) : `6228****${r.digits(4)}`,
      v.amount(r),
    ];
    rows.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  }
  return [
    `<h2>平罗县${r.int(2019, 2025)}年城乡最低生活保障对象公示</h2>`,
    para(r),
    `<table border="1" cellspacing="0" cellpadding="4"><tbody>${rows.join('')}</tbody></table>`,
    `<p>公示期：7个工作日。监督电话：${v.officePhone(r)}\u3000政务服务便民热线：12345</p>`,
  ].join('');
}

function notice(r: Rand): string {
  const out = ['<h2>关于进一步规范惠农补贴发放工作的通知</h2>', '<p>各乡镇人民政府，县直各部门：</p>'];
  for (let i = r.int(3, 6); i > 0; i--) out.push(para(r));
  out.push(`<p>联系人：${v.name(r)}，联系电话：${v.officePhone(r)}，${v.mobile(r)}。</p>`, `<p style="text-align:right">${v.date(r)}</p>`);
  return out.join('');
}

/** An HTML draft of about `bytes` bytes of UTF-8: notices and 公示 tables, 1:1. */
export function htmlDraft(seed: number, bytes: number): string {
  const r = new Rand(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = r.chance(0.5) ? table(r) : notice(r);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

/**
 * What the typing test types: 300 characters of a 低保 notice — Chinese with an 18-digit ID, a
 * mobile and dates in it (digits arrive as key presses, Chinese as text input, as from an IME).
 */
export function typedDraft(chars = 300): string {
  const base =
    '城乡低保新增对象公示：张玉梅，女，住城关镇和平村，身份证号150702194104190630，联系电话18049344958，' +
    '经村民代表评议、乡镇审核、县民政局审批，自2025年3月起享受城乡最低生活保障，月补助金额620元。' +
    '公示期为7个工作日，如有异议请在公示期内向县民政局反映，监督电话0952-6012345。' +
    '李建国，男，住宝丰镇永丰村，身份证号64022119580312001X，联系电话13995012345，因病致贫，纳入低保。' +
    '特此公示。平罗县民政局2025年3月8日。';
  let s = base;
  while (s.length < chars) s += base;
  return s.slice(0, chars);
}
