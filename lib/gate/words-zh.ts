/**
 * How a refusal reads in the panel and the audit log (Chinese; the review form and the county's
 * inspectors read Chinese). Route names match the README's route table.
 */
import type { RefuseReason, Route } from './types';

export const ROUTE_NAMES: Record<Route, string> = {
  form: '表单提交',
  'form.submit': '脚本提交表单',
  navigation: '页面跳转',
  link: '链接',
  'window.open': '打开新窗口',
  fetch: 'fetch 请求',
  xhr: 'XHR 请求',
  beacon: 'sendBeacon',
  websocket: 'WebSocket 连接',
  'websocket.send': 'WebSocket 消息',
  eventsource: 'EventSource',
  'element-url': '图片/脚本等资源地址',
  worker: '工作线程',
  'worker.fetch': '工作线程的请求',
  'worker.xhr': '工作线程的 XHR',
  'worker.websocket': '工作线程的 WebSocket',
  'worker.beacon': '工作线程的 sendBeacon',
  message: '消息',
};

export const REFUSAL_REASONS: Record<RefuseReason, string> = {
  'block-finding': '含有必须处理的敏感信息',
  'needs-signoff': '发布须先完成检查清单并由审核人签发',
  'draft-save-block': '草稿中含有必须处理的敏感信息，未保存',
  'unsigned-items': '以下稿件尚未签发',
  'no-item-ids': '读不出要发布的稿件编号，请管理员在站点适配中配置列表页发布',
  'file-pending': '附件尚在检查',
  'file-block': '附件中含有必须处理的敏感信息',
  'file-unreadable': '附件无法检查',
  'opaque-body': '请求内容无法读取检查',
  error: '检查出错',
};
