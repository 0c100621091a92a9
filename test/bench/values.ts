import { idCheckChar } from '../../lib/scan/checksums';
import type { Rand } from './prng';

// Real region codes (Ningxia first, where the corpus is set), so generated IDs pass the region check.
const REGIONS = '640221 640202 640205 640104 640105 640106 640121 640122 640181 640302 640323 640324 640381 640402 640422 640502 640521 110105 110108 150702 150925 610402 620826 210102 340104 440106 510104 130102 370102 410105 420106 430102'.split(' ');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚'.split('');
const GIVEN = '秀兰 玉梅 海燕 志强 建国 永福 晓东 子涵 静 敏 斌 伟 芳 娜 磊 军 洋 勇 艳 杰 涛 明 超 霞 平 刚 桂英 文博 思雨 浩然 德明 春花'.split(' ');
const TOWNS = '城关镇 黄渠桥镇 宝丰镇 头闸镇 姚伏镇 崇岗镇 陶乐镇 高庄乡 灵沙乡 渠口乡 通伏乡 高仁乡 红崖子乡'.split(' ');
const VILLAGES = '和平村 永丰村 星火村 东风村 五星村 新胜村 红旗村 联丰村 前进村 富强村 光明村 团结村'.split(' ');
const BANKS = '中国农业银行 中国邮政储蓄银行 黄河农商银行 中国工商银行 中国建设银行 宁夏银行'.split(' ');
const MOBILE_HEADS = '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 177 180 181 182 183 185 186 187 188 189 191 199'.split(' ');

export const name = (r: Rand) => r.pick(SURNAMES) + r.pick(GIVEN);
export const address = (r: Rand) => r.pick(TOWNS) + r.pick(VILLAGES);
export const bank = (r: Rand) => r.pick(BANKS);

function birth(r: Rand): string {
  const y = r.int(1935, 2008);
  const m = r.int(1, 12);
  const d = r.int(1, 28);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

export function residentId(r: Rand): string {
  const first17 = r.pick(REGIONS) + birth(r) + r.digits(3);
  return first17 + idCheckChar(first17);
}

/** Compliant masking: birth month and day hidden. */
export function maskedId(r: Rand): string {
  const id = residentId(r);
  return r.chance(0.5) ? `${id.slice(0, 6)}********${id.slice(14)}` : `${id.slice(0, 4)}**********${id.slice(14)}`;
}

export const mobile = (r: Rand) => r.pick(MOBILE_HEADS) + r.digits(8);
export const maskedMobile = (r: Rand) => `${r.pick(MOBILE_HEADS)}****${r.digits(4)}`;
export const officePhone = (r: Rand) => `0952-${r.pick(['69', '60', '56'])}${r.digits(5)}`;

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** UnionPay (62…) debit card, 16 or 19 digits, Luhn valid. */
export function bankCard(r: Rand): string {
  const body = r.pick(['622848', '621226', '621700', '622700', '621483', '623058']) + r.digits(r.chance(0.6) ? 9 : 12);
  return body + luhnCheckDigit(body);
}

export const amount = (r: Rand) => `${r.int(100, 9999)}.${r.digits(2)}`;
export const date = (r: Rand) => `${r.int(2019, 2025)}年${r.int(1, 12)}月${r.int(1, 28)}日`;
/** Organisation credit code shape (91 + region + …): must stay quiet. */
export const orgCode = (r: Rand) => `91${r.pick(REGIONS)}${r.pick(['MA', '73', '68'])}${r.digits(7)}${r.pick(['X', '1', '5', 'K'])}`;
export const projectNo = (r: Rand) => `PLX-${r.int(2019, 2025)}-${r.digits(6)}`;
