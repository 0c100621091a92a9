/**
 * The one table of Precheck's words, in Chinese and in English: what a severity, a kind of finding,
 * an action, a sign-off state, a form field, an audit event and its details are called. Every screen
 * (options, popup, audit log, review form, the in-page panel and checklist) takes its words from
 * here, so the same thing has the same name everywhere. Pure data: runs in Node, pages and workers.
 */
import type { AuditEvent } from '../audit/types';
import type { RefuseReason, Route } from '../gate/types';
import type { TabState } from '../messaging/protocol';
import type { RequiredField } from '../policy/schema';
import { KIND_LABELS } from '../scan/kind-labels';
import type { Kind, Severity } from '../scan/types';
import type { SectionId, SignoffRole } from '../signoff/types';
import type { Lang } from './lang';

/**
 * Why the checklist stopped a publish (ChecklistProblem.code in lib/signoff/checklist.ts, joined into
 * the publish-blocked record's `reasons`). test/i18n/terms.test.ts fails when the checklist writes a
 * code that is not listed here.
 */
export const REASON_CODES = [
  'scan-incomplete',
  'finding-block',
  'finding-warn',
  'finding-needs-override',
  'field-missing',
  'category-invalid',
  'disclosure-not-public',
  'disclosure-invalid',
  'reviewer-unknown',
  'self-review',
  'confirm-missing',
  'other-unit-missing',
  'other-unit-unconfirmed',
  'no-reviewers',
  'signer-not-named-reviewer',
  'needs-reviewer',
  'needs-principal',
] as const;
/** Why the gate refused a request (lib/gate/verdict.ts), next to the checklist's own codes. */
export type ReasonCode = (typeof REASON_CODES)[number] | RefuseReason;

/**
 * How data left (or tried to leave) the page: the gate's routes, a click the early checklist stopped,
 * and the names older log records used for the same things.
 */
export type Via = Route | 'click' | 'submit' | 'key' | 'requestSubmit';

export interface Terms {
  product: string;
  severity: Record<Severity, string>;
  kind: Record<Kind, string>;
  action: {
    publish: string;
    signOff: string;
    override: string;
    locate: string;
    goToField: string;
    maskAll: string;
    undo: string;
    save: string;
    cancel: string;
    close: string;
    collapse: string;
    add: string;
    remove: string;
    change: string;
    print: string;
    exportFile: string;
    importFile: string;
    verify: string;
    refresh: string;
    resetPin: string;
    setPin: string;
    scanPage: string;
    grant: string;
  };
  /** What became of a finding. */
  findingState: { open: string; overridden: string; fixed: string };
  signoff: Record<TabState['signoff'], string>;
  field: Record<RequiredField, string>;
  role: Record<SignoffRole | 'editor', string>;
  event: Record<AuditEvent, string>;
  /** A publish-outcome record's `result`. */
  outcome: { ok: string; failed: string; submitted: string };
  via: Record<Via, string>;
  reason: Record<ReasonCode, string>;
  /** What a reviewer was doing when a PIN was wrong (pin-failed's `action`). */
  pinAction: { signoff: string; override: string; 'pin-reset': string };
  /** Why the integrity check failed (log-verified's `problem`). */
  verifyProblem: { 'hash-mismatch': string; missing: string; 'prev-mismatch': string };
  exportFormat: { csv: string; jsonl: string; form: string };
  /** The post-publication check: the page online against what was signed off. */
  postCheck: { matches: string; differs: string; unchecked: string };
  /** The reviewer's confirmations (article 14(2)) and article 5's other unit. */
  confirm: { accuracy: string; completeness: string; timeliness: string; secrecy: string; otherUnit: string };
  yes: string;
  no: string;
  importantItem: string;
  noFindings: string;
  /** The checklist and its sections, named alike in the panel, the checklist and the popup. */
  checklist: string;
  section: Record<SectionId, string>;
  /** The one status of a draft: said the same in the panel, the checklist and the popup. */
  status: { ready: string; blocked: string; scanFailed: string; checking: string; working: string; voided: string };
  /** Where the policy in force came from (a policy-changed record names it when no person is known). */
  policySource: { default: string; local: string; managed: string };
  /** Between a label and its value: 「签发状态：已签发」, "Sign-off: Signed off". */
  colon: string;
  /** Between items of a list: 「甲、乙」, "a, b". */
  listSep: string;
  /** Before a file's name where a finding was made: 「附件 低保名单.xlsx · 隐藏工作表「原始」C7」. */
  attachment: string;
  /** Where in the draft a finding stands: the CMS's title field or the editor's text. */
  place: { title: string; body: string };
}

function kinds(lang: Lang): Record<Kind, string> {
  return Object.fromEntries(Object.entries(KIND_LABELS).map(([kind, label]) => [kind, label[lang]])) as Record<Kind, string>;
}

const zh: Terms = {
  product: '发布前预检',
  severity: { block: '阻止', warn: '警告', info: '提示' },
  kind: kinds('zh'),
  action: {
    publish: '发布',
    signOff: '签发',
    override: '豁免',
    locate: '定位',
    goToField: '转到该项',
    maskAll: '全部打码',
    undo: '撤销',
    save: '保存',
    cancel: '取消',
    close: '关闭',
    collapse: '收起',
    add: '添加',
    remove: '删除',
    change: '更改',
    print: '打印',
    exportFile: '导出',
    importFile: '导入',
    verify: '校验完整性',
    refresh: '刷新',
    resetPin: '重设 PIN',
    setPin: '设定 PIN',
    scanPage: '扫描此页面',
    grant: '授权访问',
  },
  findingState: { open: '待处理', overridden: '已豁免', fixed: '已修改' },
  signoff: { none: '未签发', partial: '部分签发', signed: '已签发', void: '内容已修改，需重新签发' },
  field: { title: '标题', channel: '栏目', category: '信息类别', disclosure: '公开方式', reviewer: '审核人' },
  role: { reviewer: '审核人', principal: '主要负责人', editor: '编辑' },
  event: {
    'publish-blocked': '发布被拦截',
    'finding-overridden': '豁免警告',
    'signoff-given': '签发',
    'attachment-signed': '附件签发',
    'signoff-voided': '签发作废',
    'pin-failed': 'PIN 错误',
    'publish-allowed': '准予发布',
    'publish-outcome': '发布结果',
    'policy-changed': '策略变更',
    'log-exported': '导出日志',
    'log-verified': '校验日志',
    'post-publish-check': '发布后核对',
  },
  outcome: { ok: '发布成功', failed: '发布失败', submitted: '已提交' },
  via: {
    click: '点击发布按钮',
    submit: '提交表单',
    key: '键盘快捷键',
    requestSubmit: '页面脚本提交表单',
    form: '表单提交',
    'form.submit': '页面脚本提交表单',
    navigation: '页面跳转',
    link: '链接',
    'window.open': '打开新窗口',
    fetch: '页面脚本发送请求',
    xhr: '页面脚本发送请求（XMLHttpRequest）',
    beacon: '页面脚本发送信标（sendBeacon）',
    websocket: 'WebSocket 连接',
    'websocket.send': 'WebSocket 消息',
    eventsource: 'EventSource 连接',
    'element-url': '图片、脚本等资源地址',
    worker: '工作线程',
    'worker.fetch': '工作线程的请求',
    'worker.xhr': '工作线程的 XHR 请求',
    'worker.websocket': '工作线程的 WebSocket',
    'worker.beacon': '工作线程的信标',
    message: '消息',
    history: '改写页面地址（随后请求的 Referer）',
    cookie: '写入 Cookie',
    'window.name': '窗口名称（window.name）',
    webrtc: '点对点连接（WebRTC）',
    encrypt: '页面脚本加密的内容（Web Crypto）',
    'worker.encrypt': '工作线程加密的内容（Web Crypto）',
  },
  reason: {
    'scan-incomplete': '检查未完成',
    'finding-block': '有必须删除的敏感信息',
    'finding-warn': '有必须修改的警告项',
    'finding-needs-override': '有待核实或豁免的警告项',
    'field-missing': '必填项未填写',
    'category-invalid': '信息类别不在目录中',
    'disclosure-not-public': '公开方式为不予公开',
    'disclosure-invalid': '公开方式无效',
    'reviewer-unknown': '审核人不在名单中',
    'self-review': '编辑不能审核自己的稿件',
    'confirm-missing': '审核确认未完成',
    'other-unit-missing': '未填写涉及的其他单位',
    'other-unit-unconfirmed': '其他单位尚未确认',
    'no-reviewers': '尚未设置审核人',
    'signer-not-named-reviewer': '签发人与表单中的审核人不符',
    'needs-reviewer': '待审核人签发',
    'needs-principal': '待主要负责人签发',
    'block-finding': '含有必须处理的敏感信息',
    'needs-signoff': '发布须先完成检查清单并由审核人签发',
    'draft-save-block': '草稿中含有必须处理的敏感信息，未保存',
    'draft-save-unsigned': '草稿未保存：本站适配未声明这个草稿保存接口，带正文的请求须先完成检查清单并由审核人签发（可请管理员在站点适配中声明草稿保存）',
    'unsigned-items': '以下稿件尚未签发',
    'no-item-ids': '读不出要发布的稿件编号，请管理员在站点适配中配置列表页发布',
    'file-pending': '附件尚在检查',
    'file-block': '附件中含有必须处理的敏感信息',
    'file-unreadable': '附件无法检查',
    'opaque-body': '请求内容无法读取检查',
    'sealed-body': '页面脚本加密的内容无法检查，可能含有稿件：须先完成检查清单并由审核人签发',
    teaching: '正在教 Precheck 认识此页面：这次请求已被拦下，没有发出',
    error: '检查出错',
  },
  pinAction: { signoff: '签发', override: '豁免', 'pin-reset': '重设 PIN' },
  verifyProblem: { 'hash-mismatch': '记录内容被改动', missing: '记录缺失', 'prev-mismatch': '记录之间的链接断开' },
  exportFormat: { csv: 'CSV 文件', jsonl: 'JSON Lines 文件', form: '审核登记表' },
  postCheck: { matches: '与签发内容一致', differs: '与签发内容不一致', unchecked: '未核对' },
  confirm: { accuracy: '准确性', completeness: '完整性', timeliness: '时效性', secrecy: '保密审查', otherUnit: '涉及其他单位' },
  yes: '是',
  no: '否',
  importantItem: '重要信息',
  noFindings: '未发现敏感信息',
  checklist: '发布前检查',
  section: { findings: '敏感信息检查', fields: '必填项', confirm: '审核确认', signoff: '签发' },
  status: { ready: '全部完成，可以发布', blocked: '已拦截发布', scanFailed: '检查出错，暂不能发布', checking: '正在检查…', working: '处理中…', voided: '内容已修改，需重新签发' },
  policySource: { default: '内置默认策略', local: '本机设置', managed: '管理员托管策略' },
  colon: '：',
  listSep: '、',
  attachment: '附件',
  place: { title: '标题', body: '正文' },
};

const en: Terms = {
  product: 'Precheck',
  severity: { block: 'Block', warn: 'Warning', info: 'Info' },
  kind: kinds('en'),
  action: {
    publish: 'Publish',
    signOff: 'Sign off',
    override: 'Override',
    locate: 'Go to',
    goToField: 'Go to field',
    maskAll: 'Mask all',
    undo: 'Undo',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    collapse: 'Collapse',
    add: 'Add',
    remove: 'Remove',
    change: 'Change',
    print: 'Print',
    exportFile: 'Export',
    importFile: 'Import',
    verify: 'Check integrity',
    refresh: 'Refresh',
    resetPin: 'Reset PIN',
    setPin: 'Set PIN',
    scanPage: 'Scan this page',
    grant: 'Grant access',
  },
  findingState: { open: 'To do', overridden: 'Overridden', fixed: 'Fixed' },
  signoff: { none: 'Not signed off', partial: 'Partly signed off', signed: 'Signed off', void: 'Changed since sign-off: sign off again' },
  field: { title: 'Title', channel: 'Channel', category: 'Category', disclosure: 'Disclosure mode', reviewer: 'Reviewer' },
  role: { reviewer: 'Reviewer', principal: 'Unit head', editor: 'Editor' },
  event: {
    'publish-blocked': 'Publish stopped',
    'finding-overridden': 'Warning overridden',
    'signoff-given': 'Signed off',
    'attachment-signed': 'Attachment signed off',
    'signoff-voided': 'Sign-off voided',
    'pin-failed': 'Wrong PIN',
    'publish-allowed': 'Publish allowed',
    'publish-outcome': 'Publish result',
    'policy-changed': 'Policy changed',
    'log-exported': 'Log exported',
    'log-verified': 'Log checked',
    'post-publish-check': 'Post-publication check',
  },
  outcome: { ok: 'Published', failed: 'Publish failed', submitted: 'Submitted' },
  via: {
    click: 'publish button clicked',
    submit: 'form submitted',
    key: 'keyboard shortcut',
    requestSubmit: 'form submitted by the page script',
    form: 'form submission',
    'form.submit': 'form submitted by the page script',
    navigation: 'page navigation',
    link: 'link',
    'window.open': 'new window',
    fetch: 'request sent by the page script',
    xhr: 'request sent by the page script (XHR)',
    beacon: 'beacon sent by the page script (sendBeacon)',
    websocket: 'WebSocket connection',
    'websocket.send': 'WebSocket message',
    eventsource: 'EventSource connection',
    'element-url': 'image, script or other resource address',
    worker: 'worker',
    'worker.fetch': "a worker's request",
    'worker.xhr': "a worker's XHR request",
    'worker.websocket': "a worker's WebSocket",
    'worker.beacon': "a worker's beacon",
    message: 'message',
    history: 'page address rewritten (the Referer of later requests)',
    cookie: 'cookie',
    'window.name': 'window name (window.name)',
    webrtc: 'peer-to-peer connection (WebRTC)',
    encrypt: 'content the page script encrypts (Web Crypto)',
    'worker.encrypt': 'content a worker encrypts (Web Crypto)',
  },
  reason: {
    'scan-incomplete': 'the check did not finish',
    'finding-block': 'findings that must be removed',
    'finding-warn': 'warnings that must be changed',
    'finding-needs-override': 'warnings to check or override',
    'field-missing': 'required fields are empty',
    'category-invalid': 'the category is not in the catalogue',
    'disclosure-not-public': 'the disclosure mode is "not to be disclosed"',
    'disclosure-invalid': 'the disclosure mode is not valid',
    'reviewer-unknown': 'the reviewer is not on the roster',
    'self-review': 'editors cannot review their own drafts',
    'confirm-missing': "the reviewer's confirmations are missing",
    'other-unit-missing': 'the other unit concerned is not named',
    'other-unit-unconfirmed': 'the other unit has not confirmed',
    'no-reviewers': 'no reviewers are set up',
    'signer-not-named-reviewer': 'the signer is not the reviewer named in the form',
    'needs-reviewer': "waiting for the reviewer's sign-off",
    'needs-principal': "waiting for the unit head's sign-off",
    'block-finding': 'holds findings that must be handled',
    'needs-signoff': 'publishing needs the checklist and a reviewer’s sign-off',
    'draft-save-block': 'the draft holds findings that must be handled, so it was not saved',
    'draft-save-unsigned': 'the draft was not saved: the site adapter declares no such draft save, so a request carrying the draft needs the checklist and a reviewer’s sign-off (an administrator can declare the draft save in the site adapter)',
    'unsigned-items': 'these items have not been signed off',
    'no-item-ids': 'cannot tell which items this publishes; an administrator configures list-page publishing in the site adapter',
    'file-pending': 'the attachment is still being checked',
    'file-block': 'the attachment holds findings that must be handled',
    'file-unreadable': 'the attachment cannot be checked',
    'opaque-body': 'the request body cannot be read for checking',
    'sealed-body': 'content the page script encrypted cannot be checked and may hold the draft: complete the checklist and have a reviewer sign off first',
    teaching: 'teaching Precheck this page: the request was held and not sent',
    error: 'the check failed',
  },
  pinAction: { signoff: 'signing off', override: 'overriding', 'pin-reset': 'resetting a PIN' },
  verifyProblem: { 'hash-mismatch': 'a record was altered', missing: 'a record is missing', 'prev-mismatch': 'the link between records is broken' },
  exportFormat: { csv: 'CSV file', jsonl: 'JSON Lines file', form: 'review form' },
  postCheck: { matches: 'matches what was signed off', differs: 'differs from what was signed off', unchecked: 'not checked' },
  confirm: { accuracy: 'Accuracy', completeness: 'Completeness', timeliness: 'Timeliness', secrecy: 'Secrecy review', otherUnit: 'Concerns another unit' },
  yes: 'Yes',
  no: 'No',
  importantItem: 'Important item',
  noFindings: 'Nothing found',
  checklist: 'Pre-publish checklist',
  section: { findings: 'Sensitive information', fields: 'Required fields', confirm: "Reviewer's confirmations", signoff: 'Sign-off' },
  status: { ready: 'All done: ready to publish', blocked: 'Publish stopped', scanFailed: 'The check failed: publishing is blocked', checking: 'Checking…', working: 'Working…', voided: 'The draft changed after sign-off: it must be signed again' },
  policySource: { default: 'built-in defaults', local: 'set on this computer', managed: 'managed by the administrator' },
  colon: ': ',
  listSep: ', ',
  attachment: 'attachment',
  place: { title: 'Title', body: 'Body' },
};

export const TERMS: Readonly<Record<Lang, Terms>> = { zh, en };
