/**
 * Which controls publish. CMS buttons say what they do; drafts and previews must keep working, so
 * they are excluded even when their label contains a publishing word (保存草稿, 预览发布效果).
 */
const PUBLISH = /发布|签发|上线|提交|送审|发稿|publish|release|submit/i;
const NOT_PUBLISH = /草稿|预览|暂存|取消|关闭|返回|撤回|撤销|删除|draft|preview|cancel/i;

export function isPublishLabel(label: string): boolean {
  const text = label.replace(/\s+/g, '');
  return text.length > 0 && text.length <= 12 && PUBLISH.test(text) && !NOT_PUBLISH.test(text);
}

/** A request that publishes: POST/PUT to an endpoint named for publishing, not for drafts. */
const PUBLISH_URL = /publish|release|fabu|issue|submit|audit|sign/i;
const NOT_PUBLISH_URL = /draft|caogao|preview|yulan|autosave|upload/i;

export function isPublishRequest(method: string, url: string): boolean {
  if (!/^(POST|PUT|PATCH)$/i.test(method)) return false;
  return PUBLISH_URL.test(url) && !NOT_PUBLISH_URL.test(url);
}

/** An endpoint named for drafts, previews, autosave or uploads: never a publish. */
export function isNonPublishUrl(url: string): boolean {
  return NOT_PUBLISH_URL.test(url);
}
