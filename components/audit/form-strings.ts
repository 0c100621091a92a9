/**
 * The review register form's words. It is an official Chinese form (article 15), filed on paper: it
 * reads the same in every browser, so it has no English table and never asks for the UI language.
 */
export const FORM = {
  title: '政务公开信息网上发布审核登记表',
  unit: '单位',
  unitUnset: '（未设置单位名称）',
  number: '登记号',
  checkCode: '核对码',
  itemTitle: '标题',
  channel: '栏目',
  category: '信息类别',
  disclosure: '公开方式',
  allowedAt: '准予发布时间',
  publishedUrl: '发布网址',
  unchecked: '未核对',
  checkDiffers: '（发布后核对：与签发内容不一致）',
  editor: '拟稿人/编辑',
  reviewer: '审核人',
  principal: '主要负责人',
  signedAt: '签发时间',
  notSigned: '未签发',
  principalNotNeeded: '非重要信息，无需',
  confirmations: '审核确认',
  otherUnit: '涉及其他单位',
  otherUnitNo: '否',
  otherUnitYes: (unit: string) => (unit ? `是：${unit}` : '是'),
  findings: '敏感信息检查',
  noFindingsRecord: '无检查记录',
  opinion: '审核意见',
  signatures: '签字',
  reviewerSign: '审核人签字',
  principalSign: '主要负责人签字',
  date: '日期',
  foot: (seq: number) =>
    `本表由发布前预检根据审计日志第 ${seq} 条记录生成；核对码为所签发稿件内容摘要值的前 8 位，可在审计日志中核对。签字后存档备查（第十四条、第十五条）。`,
  print: '打印',
  loading: '正在读取记录…',
  noSeq: '未指定记录序号：请从设置页“审计日志”中的“打印审核登记表”打开本页。',
  badSeq: (seq: string) => `记录序号“${seq}”无效。`,
  notFound: (seq: number) => `审计日志中没有第 ${seq} 条记录。`,
  notPublish: (seq: number) => `第 ${seq} 条记录不是“准予发布”记录，没有审核登记表。`,
  openFailed: (error: string) => `无法打开审计日志：${error}（本浏览器可能禁用了 IndexedDB 存储，例如处于隐私浏览模式）`,
  readFailed: (error: string) => `读取审计日志失败：${error}`,
  viewFailed: (error: string) => `登记表显示出错：${error}。请刷新页面。`,
};

/**
 * The short code printed instead of the 64-character digest: its first 8 hex digits, in two groups
 * ("9F86-D081"). Enough to match the paper to its log record (found by 登记号) by eye; the full digest
 * stays in the log and its exports.
 */
export function checkCode(digest: string | undefined): string {
  if (!digest || !/^[0-9a-f]{8}/i.test(digest)) return '—';
  const head = digest.slice(0, 8).toUpperCase();
  return `${head.slice(0, 4)}-${head.slice(4)}`;
}
