import { describe, expect, it } from 'vitest';
import { isPublishLabel, isPublishRequest } from '../../lib/intercept/publish-words';

describe('publish controls by label', () => {
  it.each(['发布', '保存并发布', '提交', '签发', '直接发布', '上线', ' 发 布 ', '确定发布', 'Publish'])('%s publishes', (label) =>
    expect(isPublishLabel(label)).toBe(true),
  );
  it.each(['保存草稿', '预览', '存草稿', '预览发布效果', '取消发布', '撤回', '', '关于发布2024年度政府信息公开工作年度报告的通知', '上传附件'])(
    '%s does not publish',
    (label) => expect(isPublishLabel(label)).toBe(false),
  );
});

describe('publish requests', () => {
  it.each([
    ['POST', '/api/publish'],
    ['POST', '/cms/article/release.do'],
    ['PUT', 'http://cms.local/fabu?id=3'],
    ['POST', '/wcm/submit.jsp'],
  ])('%s %s publishes', (method, url) => expect(isPublishRequest(method, url)).toBe(true));
  it.each([
    ['GET', '/api/publish'],
    ['POST', '/api/draft'],
    ['POST', '/api/publish/preview'],
    ['POST', '/upload/image'],
    ['POST', '/api/autosave'],
  ])('%s %s does not', (method, url) => expect(isPublishRequest(method, url)).toBe(false));
});
