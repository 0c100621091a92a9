/** Each documented invalid case: rejected, at the exact path, with a Chinese and an English message. */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   the cases write values the Policy type forbids into plain JSON on purpose. */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../lib/policy/validate';
import { FAKE_PIN, fullPolicy, problemAt, problemsAfter, reviewer } from './helpers';

describe('origins', () => {
  it.each([
    ['<all_urls>', '<all_urls>'],
    ['a scheme other than http(s)', 'ftp://cms.example.gov.cn/*'],
    ['a path other than /*', 'http://cms.example.gov.cn/admin/*'],
    ['a bare * host', 'https://*/*'],
    ['no scheme', 'cms.example.gov.cn/*'],
    ['no path', 'https://cms.example.gov.cn'],
    ['a bad port', 'http://10.1.2.3:99999/*'],
    ['a wildcard over a top-level domain', 'https://*.cn/*'],
    ['a host with an underscore', 'https://cms_1.example.gov.cn/*'],
  ])('rejects %s', (_, origin) => {
    const problem = problemAt(problemsAfter((p) => (p.origins[1] = origin)), 'origins[1]');
    expect(problem.zh).toMatch(/^适用网址第 2 项：/);
  });

  it.each(['http://cms.example.gov.cn/*', 'https://*.example.gov.cn/*', 'http://10.1.2.3:8080/*', '*://cms.example.gov.cn/*', 'http://[::1]:3000/*', 'http://localhost/*'])(
    'accepts %s',
    (origin) => {
      const p = fullPolicy();
      p.origins = [origin, 'https://cms.example.gov.cn/*'];
      if (origin === 'https://cms.example.gov.cn/*') p.origins = [origin];
      expect(parsePolicy(p)).toMatchObject({ ok: true });
    },
  );

  it('rejects an empty list and duplicates', () => {
    expect(problemAt(problemsAfter((p) => (p.origins = [])), 'origins').zh).toContain('至少需要 1 项');
    problemAt(problemsAfter((p) => p.origins.push(p.origins[0])), 'origins[2]');
  });
});

describe('site adapters', () => {
  it('rejects an empty selector', () => {
    const problem = problemAt(problemsAfter((p) => (p.adapters[0].fields.title = '')), 'adapters[0].fields.title');
    expect(problem.zh).toBe('站点适配第 1 项：表单字段标题不能为空');
  });

  it.each([
    ['a dangling combinator', 'div >'],
    ['unbalanced brackets', 'input[name="a"'],
    ['an unclosed quote', 'input[name="a]'],
    ['style rule text', '#publish { color: red }'],
    ['an empty part of a list', '#a,,#b'],
  ])('rejects a selector with %s', (_, selector) => {
    problemAt(problemsAfter((p) => (p.adapters[0].publishButtons = ['#ok', selector])), 'adapters[0].publishButtons[1]');
  });

  it('accepts real-world selectors', () => {
    const p = fullPolicy();
    p.adapters[0]!.publishButtons = ['input[type="button"][value="发布"]', 'a.btn:not(.disabled) > span', '#toolbar .publish, #toolbar .submit', 'button[onclick*="doPublish(\'1\')"]'];
    p.adapters[0]!.editor.framePath = ['iframe#main', 'iframe[name="editFrame"]'];
    expect(parsePolicy(p)).toMatchObject({ ok: true });
  });

  it('rejects a frame path with an empty selector', () => {
    problemAt(problemsAfter((p) => (p.adapters[0].editor.framePath = ['iframe#main', ' '])), 'adapters[0].editor.framePath[1]');
  });

  it('rejects a publish request pattern that is not a RegExp', () => {
    const problem = problemAt(problemsAfter((p) => (p.adapters[0].publishRequests[0].urlPattern = '/publish(')), 'adapters[0].publishRequests[0].urlPattern');
    expect(problem.zh).toBe('站点适配第 1 项的发布请求第 1 项：地址正则不是有效的正则表达式');
  });

  it.each<[string, unknown]>([
    ['a field pattern that is not a RegExp', { name: 'enews', pattern: '^(AddNews' }],
    ['a blank field name', { name: ' ', pattern: '^AddNews$' }],
    ['a misspelt key', { name: 'enews', value: 'AddNews' }],
    ['a field that is not an object', 'enews=AddNews'],
  ])('rejects a publish request body field condition with %s', (_what, field) => {
    const problems = problemsAfter((p) => (p.adapters[0].publishRequests[0].field = field));
    expect(problems.map((x) => x.path).every((path) => path.startsWith('adapters[0].publishRequests[0].field'))).toBe(true);
  });

  it('names a bad field pattern in plain Chinese', () => {
    const problem = problemAt(problemsAfter((p) => (p.adapters[0].publishRequests[0].field = { name: 'enews', pattern: '(' })), 'adapters[0].publishRequests[0].field.pattern');
    expect(problem.zh).toBe('站点适配第 1 项的发布请求第 1 项：请求字段值正则不是有效的正则表达式');
  });

  it('accepts body field conditions on publish, draft and list rules (a field without a pattern: any non-blank value)', () => {
    const p = fullPolicy();
    p.adapters[0]!.publishRequests = [{ method: 'POST', urlPattern: '/e/admin/ecmsinfo\\.php', field: { name: 'enews', pattern: '^(?:AddNews|EditNews)$' } }];
    p.adapters[0]!.draftRequests = [{ method: 'POST', urlPattern: '/wp-admin/post\\.php', field: { name: 'save' } }];
    p.adapters[0]!.listPublish = [{ method: 'POST', urlPattern: '/e/admin/ecmsinfo\\.php', field: { name: 'enews', pattern: '^CheckNews_all$' }, ids: { from: 'body', name: 'id[]' } }];
    expect(parsePolicy(p)).toMatchObject({ ok: true });
  });

  it('rejects a publish request pattern that matches every request', () => {
    problemAt(problemsAfter((p) => (p.adapters[0].publishRequests[0].urlPattern = '.*')), 'adapters[0].publishRequests[0].urlPattern');
  });

  it('rejects a method other than POST, PUT, PATCH', () => {
    problemAt(problemsAfter((p) => (p.adapters[0].publishRequests[0].method = 'GET')), 'adapters[0].publishRequests[0].method');
  });

  it('rejects an unknown editor kind', () => {
    const problem = problemAt(problemsAfter((p) => (p.adapters[0].editor.kind = 'word')), 'adapters[0].editor.kind');
    expect(problem.zh).toContain('ueditor');
  });

  it('rejects an adapter page outside every origin', () => {
    const problem = problemAt(problemsAfter((p) => (p.adapters[0].match = ['https://other.example.gov.cn/*'])), 'adapters[0].match[0]');
    expect(problem.en).toContain('outside every origin');
  });

  it('accepts an adapter page under a wildcard origin', () => {
    const p = fullPolicy();
    p.origins = ['https://*.example.gov.cn/*'];
    p.adapters[0]!.match = ['https://cms.example.gov.cn/wcm/*', 'https://*.a.example.gov.cn/*'];
    expect(parsePolicy(p)).toMatchObject({ ok: true });
  });

  it('rejects duplicate adapter ids', () => {
    problemAt(problemsAfter((p) => p.adapters.push(structuredClone(p.adapters[0]))), 'adapters[1].id');
  });
});

describe('rules, allow-lists and words', () => {
  it('rejects an unknown rule id', () => {
    const problem = problemAt(problemsAfter((p) => (p.rules['no-such-rule'] = { enabled: true })), 'rules.no-such-rule');
    expect(problem.zh).toBe('规则设置「no-such-rule」：不是已知的规则编号');
  });

  it('rejects an unknown severity, naming the rule in Chinese', () => {
    const problem = problemAt(problemsAfter((p) => (p.rules['cn-id'].severity = 'high')), 'rules.cn-id.severity');
    expect(problem.zh).toContain('block、warn、info');
  });

  it('rejects phone numbers and emails that are not in normal form', () => {
    const phones = problemsAfter((p) => (p.allowList.phones = ['0952-6012345', '12345', '09526012345']));
    expect(problemAt(phones, 'allowList.phones[0]').zh).toContain('只写数字');
    problemAt(phones, 'allowList.phones[1]');
    expect(phones.some((x) => x.path === 'allowList.phones[2]')).toBe(false);
    const emails = problemsAfter((p) => (p.allowList.emails = ['ZWGK@Example.gov.cn', 'not-an-email']));
    problemAt(emails, 'allowList.emails[0]');
    problemAt(emails, 'allowList.emails[1]');
  });

  it('rejects a blank or duplicate custom word', () => {
    const problems = problemsAfter((p) => (p.customWords = [{ word: '内部讨论稿', severity: 'block' }, { word: '  ', severity: 'warn' }, { word: '内部讨论稿', severity: 'warn' }]));
    problemAt(problems, 'customWords[1].word');
    problemAt(problems, 'customWords[2].word');
  });

  it('rejects an unknown required field', () => {
    problemAt(problemsAfter((p) => (p.requiredFields = ['title', 'summary'])), 'requiredFields[1]');
  });
});

describe('catalogue and important categories', () => {
  it('rejects an important category that is not in the catalogue', () => {
    const problem = problemAt(problemsAfter((p) => (p.importantCategories = ['02', '99'])), 'importantCategories[1]');
    expect(problem.zh).toBe('重要信息类别第 2 项：不在信息类别目录中');
  });

  it('rejects duplicate catalogue ids and an empty catalogue', () => {
    problemAt(problemsAfter((p) => (p.catalogue[1].id = '01')), 'catalogue[1].id');
    problemAt(problemsAfter((p) => ((p.catalogue = []), (p.importantCategories = []))), 'catalogue');
  });
});

describe('reviewers', () => {
  it('rejects duplicate reviewer ids', () => {
    const problem = problemAt(problemsAfter((p) => (p.reviewers[2].id = 'a')), 'reviewers[2].id');
    expect(problem.zh).toBe('审核人列表第 3 项：编号与第 1 项重复');
  });

  it('rejects a roster without a principal when there are important categories', () => {
    const problem = problemAt(problemsAfter((p) => (p.reviewers[2].role = 'reviewer')), 'reviewers');
    expect(problem.zh).toContain('主要负责人');
  });

  it('accepts a roster without a principal when no category is important, and an empty roster', () => {
    const p = fullPolicy();
    p.reviewers = [reviewer('a')];
    p.importantCategories = [];
    expect(parsePolicy(p)).toMatchObject({ ok: true });
    const q = fullPolicy();
    q.reviewers = [];
    expect(parsePolicy(q)).toMatchObject({ ok: true });
  });

  it('rejects weak PIN iterations', () => {
    const problem = problemAt(problemsAfter((p) => (p.reviewers[2].pin.iterations = 1000)), 'reviewers[2].pin.iterations');
    expect(problem.zh).toBe('审核人列表第 3 项：PIN 迭代次数至少为 100000 次');
    expect(problem.en).toBe('reviewers[2].pin.iterations: at least 100000 iterations');
  });

  it('rejects a short salt and a wrong-size hash without echoing them', () => {
    const shortSalt = 'c2hvcnRzYWx0'; // "shortsalt", 9 bytes
    const longHash = btoa('x'.repeat(40));
    const problems = problemsAfter((p) => ((p.reviewers[0].pin.salt = shortSalt), (p.reviewers[0].pin.hash = longHash)));
    const salt = problemAt(problems, 'reviewers[0].pin.salt');
    const hash = problemAt(problems, 'reviewers[0].pin.hash');
    for (const text of [salt.zh, salt.en, hash.zh, hash.en]) {
      expect(text).not.toContain(shortSalt);
      expect(text).not.toContain(longHash);
    }
  });

  it('rejects a hash that is not base64 and an unknown algorithm', () => {
    const problems = problemsAfter((p) => ((p.reviewers[1].pin.hash = 'not base64!'), (p.reviewers[1].pin.algorithm = 'MD5')));
    expect(problemAt(problems, 'reviewers[1].pin.hash').zh).toContain('Base64');
    problemAt(problems, 'reviewers[1].pin.algorithm');
  });

  it('rejects a missing unit and an unknown role', () => {
    const problems = problemsAfter((p) => {
      delete p.reviewers[0].unit;
      p.reviewers[0].role = 'admin';
    });
    expect(problemAt(problems, 'reviewers[0].unit').zh).toBe('审核人列表第 1 项：单位为必填项');
    problemAt(problems, 'reviewers[0].role');
  });
});

describe('sign-off, audit and meta', () => {
  it('rejects a non-https collector; allows http only on this machine', () => {
    const problem = problemAt(problemsAfter((p) => (p.audit.collectorUrl = 'http://audit.example.gov.cn/collect')), 'audit.collectorUrl');
    expect(problem.zh).toContain('https');
    problemAt(problemsAfter((p) => (p.audit.collectorUrl = 'https://user:pw@audit.example.gov.cn/')), 'audit.collectorUrl');
    problemAt(problemsAfter((p) => (p.audit.collectorUrl = 'not a url')), 'audit.collectorUrl');
    for (const url of ['https://audit.example.gov.cn/collect', 'http://localhost:8787/collect', 'http://127.0.0.1/c']) {
      const p = fullPolicy();
      p.audit.collectorUrl = url;
      expect(parsePolicy(p)).toMatchObject({ ok: true });
    }
  });

  it('takes a collector token of the shape add-unit prints, and nothing else', () => {
    for (const bad of ['short', 'pcu_has space in it 12345', 'pcu_令牌令牌令牌令牌令牌令牌令牌令牌', 'x'.repeat(201)]) {
      expect(problemAt(problemsAfter((p) => (p.audit.collectorToken = bad)), 'audit.collectorToken').zh).toContain('add-unit');
    }
    const p = fullPolicy();
    p.audit.collectorToken = 'pcu_Abc-123_' + 'x'.repeat(40);
    expect(parsePolicy(p)).toMatchObject({ ok: true });
  });

  it('rejects a retention shorter than 30 days and a fractional one', () => {
    expect(problemAt(problemsAfter((p) => (p.audit.retentionDays = 7)), 'audit.retentionDays').zh).toBe('审计设置：保留天数至少为 30 天');
    expect(problemAt(problemsAfter((p) => (p.audit.retentionDays = 45.5)), 'audit.retentionDays').zh).toContain('整数');
  });

  it('rejects a sign-off window of zero minutes', () => {
    problemAt(problemsAfter((p) => (p.signoff.validMinutes = 0)), 'signoff.validMinutes');
  });

  it('rejects an updatedAt that is not an ISO time', () => {
    problemAt(problemsAfter((p) => (p.meta = { updatedAt: '2025年6月1日' })), 'meta.updatedAt');
  });
});

describe('the policy as a whole', () => {
  it('reports a missing key, an unknown key and a wrong type by path', () => {
    const problems = problemsAfter((p) => {
      delete p.signoff;
      p.sites = [];
      p.adapters = {};
    });
    expect(problemAt(problems, 'signoff').zh).toBe('策略：签发设置为必填项');
    expect(problemAt(problems, 'sites').en).toContain('not a known field');
    expect(problemAt(problems, 'adapters').zh).toContain('列表');
  });

  it('reports a misspelt nested key', () => {
    problemAt(problemsAfter((p) => (p.reviewers[0].pinn = FAKE_PIN)), 'reviewers[0].pinn');
  });

  it('rejects what is not an object', () => {
    for (const input of [null, 'policy', 42, []]) {
      const result = parsePolicy(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems).toEqual([{ path: '', zh: '策略：应为对象（{…}）', en: 'policy: must be an object ({…})' }]);
    }
  });

  it('lists every problem at once, not just the first', () => {
    const problems = problemsAfter((p) => {
      p.origins[0] = '<all_urls>';
      p.adapters[0].publishRequests[0].urlPattern = '[';
      p.rules.bogus = {};
      p.importantCategories = ['02', '77'];
      p.reviewers[1].id = 'a';
      p.reviewers[0].pin.iterations = 10;
      p.audit.collectorUrl = 'ftp://x.example.gov.cn/';
      p.signoff.validMinutes = -1;
    });
    expect(problems.map((x) => x.path).sort()).toEqual(
      [
        'origins[0]',
        'adapters[0].publishRequests[0].urlPattern',
        'rules.bogus',
        'importantCategories[1]',
        'reviewers[1].id',
        'reviewers[0].pin.iterations',
        'audit.collectorUrl',
        'signoff.validMinutes',
      ].sort(),
    );
    for (const p of problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
