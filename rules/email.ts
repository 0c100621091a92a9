import { inPeopleRow, lineAt } from '../lib/scan/context';
import { maskEmail } from '../lib/scan/mask';
import type { PatternRule } from '../lib/scan/types';

/** Labels that make an address one person's own rather than a unit's. */
export const PERSON_LABELS = ['联系人', '本人', '申请人'] as const;

/** Public-sector domains: a government, institution or school address is published on purpose. */
const OFFICE_DOMAIN = /(?:^|\.)(?:gov|org|edu)\.cn$|\.gov$/i;
/** Mailboxes of an office rather than a person (办公室 bgs, 政务公开 zwgk, 信息公开 xxgk ...). */
const OFFICE_MAILBOX = /^(?:bgs|zwgk|xxgk|info|service|office|contact|webmaster|postmaster|admin|support|kefu|jubao|tousu|xinfang)(?:[0-9]*|[._-].*)$/i;
/** County units often run a free mailbox named after the office: plxbgs@163.com, nxplzwgk@126.com. */
const OFFICE_SUFFIX = /(?:bgs|zwgk|xxgk)[0-9]*$/i;
/** "icon@2x.png" is a retina image name, not an address. */
const FILE_SUFFIX = /\.(?:png|jpe?g|gif|svg|webp|bmp|ico)$/i;

/**
 * The local part allows what real addresses use; the domain needs a dot and a letter TLD. Chinese
 * characters and full-width punctuation are outside both classes, so "邮箱zhangsan@163.com。"
 * yields the address alone.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;

export function isOfficeAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return OFFICE_DOMAIN.test(domain) || OFFICE_MAILBOX.test(local) || OFFICE_SUFFIX.test(local);
}

export default {
  id: 'email',
  kind: 'email',
  defaultSeverity: 'info',
  personal: true,
  mask: maskEmail,
  title: { zh: '个人电子邮箱', en: 'Personal email address' },
  description: {
    zh: '电子邮箱地址：出现在人员名单中，或标明为联系人、本人、申请人的邮箱时提示打码；政府、事业单位、学校域名（gov.cn、org.cn、edu.cn）和办公室公共邮箱（bgs@、zwgk@、info@ 等）不提示；其他邮箱仅作提示。',
    en: 'Email addresses: in a list of people or labelled as a contact person\'s, the applicant\'s or one\'s own → warning. Government, institution and school domains (gov.cn, org.cn, edu.cn, .gov) and office mailboxes (bgs@, zwgk@, info@ …) are not reported; any other address is informational.',
  },
  examples: {
    flagged: ['联系人：张三，邮箱：zhangsan1988@163.com', '申请人电子邮箱 li.si@qq.com'],
    quiet: ['投稿邮箱：bgs@pingluo.gov.cn', '监督邮箱 zwgk@163.com', '来信请寄 plxbgs@126.com', 'logo@2x.png'],
  },
  pattern: EMAIL,
  candidates: { words: ['@', '＠'] },
  check(m, ctx) {
    const address = m[0];
    const start = m.index;
    const end = start + address.length;
    if (FILE_SUFFIX.test(address) || isOfficeAddress(address)) return null;
    const line = lineAt(ctx.text, start);
    // The label sits before the address on its own line ("联系人：张三，邮箱：…"), or right after it.
    const around = ctx.text.slice(Math.max(line.start, start - 30), start) + ctx.text.slice(end, Math.min(line.end, end + 8));
    if (inPeopleRow(ctx.text, start, ctx.doc) || PERSON_LABELS.some((w) => around.includes(w))) {
      return {
        start,
        end,
        severity: 'warn',
        message: { zh: '个人电子邮箱未打码，公开前请隐去或删除', en: 'Personal email address: mask or remove it before publishing' },
      };
    }
    return {
      start,
      end,
      severity: 'info',
      message: { zh: '电子邮箱地址，请确认是单位公开邮箱', en: 'Email address: confirm it is a public office mailbox' },
    };
  },
} satisfies PatternRule;
