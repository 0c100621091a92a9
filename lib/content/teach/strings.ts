/** Teach mode's sentences (the banner over the CMS page): one language, the browser's. */
import { translator } from '../../i18n/translator';

const zh = {
  step_title: '标题',
  step_channel: '栏目',
  step_category: '信息类别',
  step_disclosure: '公开方式',
  step_reviewer: '审核人',
  step_publish: '发布按钮',
  step_listPublish: '列表页的发布按钮（如 审核通过 / 发布）',
  step_draftSave: '保存草稿',
  draft_demonstrate: (n: number, of: number) =>
    `教 Precheck 认识此页面（${n}/${of}）：如有「保存草稿」按钮，请点击它一次，再点击「发布」一次。两次请求都会被拦下，不会发出；没有此按钮请点「跳过」`,
  draft_then_publish: '已拦下「保存草稿」的请求。现在请点击「发布」一次（同样不会发出）',
  ask: (n: number, of: number, what: string) => `教 Precheck 认识此页面（${n}/${of}）：请点击「${what}」`,
  skip: '跳过',
  cancel: '取消',
  close: '关闭',
  cancelled: '已取消',
  saving: '正在保存…',
  saved_list: '已记住此列表页的发布按钮',
  saved_page: '已记住此页面的字段和发布按钮',
  saved_page_drafts: '已记住此页面的字段、发布按钮和「保存草稿」：没有敏感信息的草稿可直接保存，发布仍须签发',
  saved_page_apart: '已记住此页面的字段和发布按钮；「保存草稿」与「发布」发出的请求无法区分，保存草稿仍须签发',
  not_saved: (problems: string) => `保存失败：${problems}`,
  separator: '；',
  not_described: '无法识别这个元素，请点另一个位置',
  other_frame: '各字段须在同一个框架内，请重新点击',
  script_built: '看不出此按钮的请求发往哪里（由脚本生成）：请在 选项 → 站点 以 JSON 填写 listPublish',
  demonstrate: '此按钮的请求由脚本生成：请勾选两条稿件，再点击该按钮一次。Precheck 会拦下这次请求（不会发出），从中读出规则',
  no_ids: '拦下的请求中没有勾选的稿件编号：请勾选稿件后再点击一次（请求仍不会发出）',
};

const en: typeof zh = {
  step_title: 'title field',
  step_channel: 'section field',
  step_category: 'category field',
  step_disclosure: 'disclosure mode field',
  step_reviewer: 'reviewer field',
  step_publish: 'publish button',
  step_listPublish: "list page's publish control",
  step_draftSave: 'save draft',
  draft_demonstrate: (n: number, of: number) =>
    `Teach Precheck this page (${n}/${of}): if it has a Save draft button, press it once, then press Publish once. Both requests are held (nothing is sent); without such a button, click Skip`,
  draft_then_publish: 'The Save draft request was held. Now press Publish once (nothing is sent either)',
  ask: (n: number, of: number, what: string) => `Teach Precheck this page (${n}/${of}): click the ${what}`,
  skip: 'Skip',
  cancel: 'Cancel',
  close: 'Close',
  cancelled: 'Cancelled',
  saving: 'Saving…',
  saved_list: 'Precheck now knows this list page',
  saved_page: 'Precheck now knows this page',
  saved_page_drafts: 'Precheck now knows this page and its Save draft: a clean draft is saved at once, a publish still needs a sign-off',
  saved_page_apart: 'Precheck now knows this page; its Save draft and Publish send requests that cannot be told apart, so saving a draft still needs a sign-off',
  not_saved: (problems: string) => `Not saved: ${problems}`,
  separator: '; ',
  not_described: 'This element cannot be described; click another spot',
  other_frame: 'All fields must be in the same frame; click again',
  script_built: 'This control builds its request in a script: write listPublish in Options → Sites',
  demonstrate: 'This control builds its request in a script: tick two items, then press it once. Precheck holds the request (nothing is sent) and reads the rule from it',
  no_ids: 'The held request does not name the ticked items: tick items and press the control again (nothing is sent)',
};

export const TEACH_STRINGS = { zh, en };
export const teachText = translator(TEACH_STRINGS);
