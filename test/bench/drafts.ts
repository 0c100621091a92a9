import { Rand } from './prng';
import * as v from './values';

/**
 * Drafts in the style of a county portal: mostly prose and notices, with 公示 tables full of IDs,
 * mobiles and cards, masked lists, statistics and amounts, tender notices with organisation codes,
 * and the odd classification or internal marker. Enough variety that no rule is idle and no regex
 * meets only the easy case.
 */

const PROSE = [
  '为深入贯彻落实党中央、国务院决策部署，进一步加强和改进政务公开工作，结合我县实际，制定本方案。',
  '各乡镇、各部门要高度重视，切实加强组织领导，明确责任分工，确保各项工作落到实处。',
  '坚持以人民为中心的发展思想，聚焦群众关切，推进决策、执行、管理、服务、结果公开。',
  '除涉及国家秘密、商业秘密、个人隐私以及法律法规规定不予公开的内容外，均应主动公开。',
  '严格落实“先审查、后公开”和“一事一审”制度，未经审查的信息不得上网发布。',
  '本办法所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。',
  '要加强对公开内容的保密审查，防止泄露国家秘密和工作秘密，防止侵犯个人隐私。',
  '全面推行权责清单制度，动态调整行政权力事项，及时向社会公布调整结果。',
  '强化政策解读，对涉及群众切身利益的重要政策，要通过图解、问答等方式进行解读。',
  '加强政务新媒体管理，规范开设整合，提升服务能力，杜绝“僵尸”“睡眠”账号。',
  '建立健全政务舆情收集、研判、处置和回应机制，及时回应社会关切。',
  '各单位要于每季度末将工作进展情况报送县政务公开办公室，逾期未报的予以通报。',
  '推进基层政务公开标准化规范化建设，编制完善基层政务公开事项标准目录。',
  '加大农业农村领域信息公开力度，重点公开惠农补贴、村级财务、土地征收等信息。',
  '本通知自印发之日起施行，由县人民政府办公室负责解释。',
  '各级财政部门要加强资金监管，确保补助资金及时足额发放到户，严禁截留、挤占、挪用。',
  '对工作推进不力、群众反映强烈的单位，将按照有关规定严肃追责问责。',
  '密级分为绝密、机密、秘密三级，工作秘密管理按照有关规定执行。',
];

const TITLES = ['关于做好2025年度政务公开工作的通知', '关于印发《平罗县政府信息公开工作考核办法》的通知', '关于开展安全生产大检查的通知', '关于进一步规范惠农补贴发放工作的通知', '平罗县2024年政府信息公开工作年度报告'];

function paragraphs(r: Rand, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let p = '　　';
    const k = r.int(2, 6);
    for (let j = 0; j < k; j++) p += r.pick(PROSE);
    out.push(p);
  }
  return out.join('\n');
}

function notice(r: Rand): string {
  const nums = ['一', '二', '三', '四', '五', '六'];
  const parts = [r.pick(TITLES), '', '各乡镇人民政府，县直各部门：'];
  for (let i = 0; i < r.int(3, 6); i++) parts.push(`${nums[i]}、${paragraphs(r, 1).trim()}`);
  parts.push(`联系人：县政府办公室，联系电话：${v.officePhone(r)}，监督举报电话：12345。`, '', '平罗县人民政府办公室', v.date(r), '（此件公开发布）');
  return parts.join('\n');
}

function publicityTable(r: Rand): string {
  const rows = ['序号\t姓名\t住址\t身份证号\t联系电话\t开户银行\t银行卡号\t补助金额（元）'];
  const n = r.int(10, 60);
  for (let i = 1; i <= n; i++) {
    // Most rows of a real list are already masked; the unmasked ones are what Precheck is for.
    const raw = r.chance(0.3);
    rows.push(
      [i, v.name(r), v.address(r), raw ? v.residentId(r) : v.maskedId(r), raw ? v.mobile(r) : v.maskedMobile(r), v.bank(r), raw ? v.bankCard(r) : `6228****${r.digits(4)}`, v.amount(r)].join('\t'),
    );
  }
  return [`平罗县${r.int(2019, 2025)}年城乡最低生活保障对象公示`, '', paragraphs(r, 1), '', ...rows, '', `公示期：7个工作日。监督电话：${v.officePhone(r)}\u3000政务服务便民热线：12345`].join('\n');
}

function maskedList(r: Rand): string {
  const rows = ['序号 姓名 性别 身份证号 联系方式'];
  for (let i = 1; i <= r.int(10, 40); i++) rows.push(`${i}  ${v.name(r)}  ${r.pick(['男', '女'])}  ${v.maskedId(r)}  ${v.maskedMobile(r)}`);
  return ['公益性岗位拟聘用人员名单', ...rows, `公示时间：5个工作日。`].join('\n');
}

function statistics(r: Rand): string {
  const lines: string[] = [];
  for (let i = 0; i < r.int(6, 14); i++) {
    lines.push(
      r.pick([
        `全年实现地区生产总值${r.int(100, 400)}.${r.digits(1)}亿元，同比增长${r.int(1, 9)}.${r.digits(1)}%。`,
        `发放耕地地力保护补贴${r.int(1000, 9999)}.${r.digits(2)}万元，惠及农户${r.int(10000, 60000)}户。`,
        `受理政府信息公开申请${r.int(10, 200)}件，办结率100%，主动公开政府信息${r.int(1000, 9000)}条。`,
        `全县共有低保对象${r.int(1000, 9000)}户${r.int(2000, 20000)}人，累计发放低保金${r.int(1000, 9999)}万元。`,
        `合同编号：${v.projectNo(r)}，合同金额${v.amount(r)}万元，统计编号${r.digits(18)}。`,
      ]),
    );
  }
  return lines.join('\n');
}

function tender(r: Rand): string {
  return [
    '平罗县农村人居环境整治项目中标结果公告',
    `项目编号：${v.projectNo(r)}`,
    `预算金额：${v.amount(r)}万元`,
    `中标单位：宁夏某某建设工程有限公司（统一社会信用代码：${v.orgCode(r)}）`,
    `中标金额：${v.amount(r)}万元`,
    `采购人联系方式：${v.officePhone(r)}；项目联系人：${v.name(r)}，${v.mobile(r)}`,
    paragraphs(r, 2),
  ].join('\n');
}

function classifiedHeader(r: Rand): string {
  return [r.digits(6), r.pick(['机密★1年', '秘密★6个月', '内部资料（注意保存）', '此件不予公开']), '', r.pick(TITLES), paragraphs(r, 2)].join('\n');
}

const SECTIONS: readonly [number, (r: Rand) => string][] = [
  [30, (r) => paragraphs(r, r.int(3, 10))],
  [20, notice],
  [16, publicityTable],
  [10, maskedList],
  [12, statistics],
  [8, tender],
  [1, classifiedHeader],
];
const TOTAL_WEIGHT = SECTIONS.reduce((n, [w]) => n + w, 0);

function section(r: Rand): string {
  let x = r.float() * TOTAL_WEIGHT;
  for (const [w, make] of SECTIONS) if ((x -= w) < 0) return make(r);
  return SECTIONS[0]![1](r);
}

/** One draft of about `bytes` bytes of UTF-8. */
export function draft(r: Rand, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = section(r);
    parts.push(s);
    size += Buffer.byteLength(s) + 2;
  }
  return parts.join('\n\n');
}

/** Drafts of 50–200 KB, one at a time, until `totalBytes` have been produced: callers may stream. */
export function* drafts(seed: number, totalBytes: number): Generator<string> {
  const r = new Rand(seed);
  for (let made = 0; made < totalBytes; ) {
    const d = draft(r, r.int(50_000, 200_000));
    made += Buffer.byteLength(d);
    yield d;
  }
}
