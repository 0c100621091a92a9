/**
 * Writes the sample deployment files in lib/policy/samples/ from one policy for 示例县, so the
 * Chrome/Chromium JSON, the Firefox policies.json and the Windows .reg can never drift apart.
 * PIN records are kept from the existing Chrome file (salts are random; rewriting them on every run
 * would churn the files); pass --new-pins to hash the demo PIN 246810 afresh.
 *
 * Run: npx tsx lib/policy/gen-samples.ts [--new-pins]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTICLE_7_CATALOGUE } from './catalogue';
import { hashPin } from './pin';
import type { PinRecord, PolicyInput } from './schema';
import { EXTENSION_ID } from '../../wxt.config';

/** Fixed by the manifest `key` in wxt.config.ts, so deployment files can name it. */
export const CHROME_EXTENSION_ID = EXTENSION_ID;
export const FIREFOX_EXTENSION_ID = 'precheck@pingluo.gov.example';
export const SAMPLE_PIN = '246810';

const dir = (name: string) => fileURLToPath(new URL(`./samples/${name}`, import.meta.url));

type Payload = Omit<PolicyInput, 'version'>;

const REVIEWERS = [
  { id: 'wangli', name: '王丽', unit: '示例县人民政府办公室', role: 'reviewer' as const },
  { id: 'liqiang', name: '李强', unit: '示例县财政局', role: 'reviewer' as const },
  { id: 'zhaomin', name: '赵敏', unit: '示例县人民政府办公室', role: 'principal' as const },
];

function payload(pins: ReadonlyMap<string, PinRecord>): Payload {
  return {
    origins: ['https://zwgk.shixian.example.gov.cn/*', 'http://10.12.3.4:8080/*'],
    adapters: [
      {
        id: 'shixian-wcm',
        name: '示例县政府网站群内容管理系统',
        match: ['https://zwgk.shixian.example.gov.cn/wcm/*', 'http://10.12.3.4:8080/wcm/*'],
        editor: { kind: 'ueditor', framePath: ['iframe#main'], selector: '#ueditor_0' },
        fields: {
          framePath: ['iframe#main'],
          title: '#DocTitle',
          channel: 'select[name="ChannelId"]',
          category: 'select[name="InfoCategory"]',
          disclosure: 'select[name="OpenType"]',
          reviewer: 'input[name="Auditor"]',
          publisher: 'input[name="Publisher"]',
          attachments: '#attachList .file-item',
        },
        publishButtons: ['#btnPublish', 'a.toolbar-publish'],
        publishRequests: [{ method: 'POST', urlPattern: '/wcm/center\\.do\\?.*methodname=(publish|saveAndPublish)' }],
        // 保存 and the timed autosave go to the same center.do; methodname (read in the body or the query) tells them apart.
        draftRequests: [{ method: 'POST', urlPattern: '/wcm/center\\.do', field: { name: 'methodname', pattern: '^(?:save|autoSave)$' } }],
      },
    ],
    rules: { email: { severity: 'warn' }, 'word-artifact': { enabled: false } },
    allowList: { phones: ['09526012345', '09526012346'], emails: ['zwgk@shixian.example.gov.cn'] },
    customWords: [
      { word: '内部讨论稿', severity: 'block', note: '未定稿不得上网' },
      { word: '征求意见稿', severity: 'warn', note: '确认已到公开征求意见阶段' },
    ],
    requiredFields: ['title', 'channel', 'category', 'disclosure', 'reviewer'],
    catalogue: ARTICLE_7_CATALOGUE.map((c) => ({ ...c })),
    importantCategories: ['02', '04', '06'],
    reviewers: REVIEWERS.map((r) => {
      const pin = pins.get(r.id);
      if (!pin) throw new Error(`no PIN record for ${r.id}`);
      return { ...r, pin };
    }),
    gate: { draftSaves: 'scan' },
    signoff: { validMinutes: 30 },
    audit: {
      retentionDays: 1095,
      collectorUrl: 'https://audit.shixian.example.gov.cn/api/v1/records',
      // Each unit's own token from `npm run collector -- add-unit 单位名`; this placeholder is refused by the collector.
      collectorToken: 'pcu_REPLACE-WITH-THE-UNITS-TOKEN',
    },
    unit: { name: '示例县人民政府办公室' },
    attachments: { maxMB: 50 },
    meta: {
      name: '示例县政务公开信息网上发布预检策略',
      note: '示例文件：三名审核人的演示 PIN 均为 246810，部署前必须为每人重新生成 PIN 记录。',
      updatedAt: '2025-06-01T09:00:00+08:00',
      updatedBy: '示例县人民政府办公室信息中心',
    },
  };
}

function chromeFile(p: Payload) {
  return { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: p } } };
}

async function pinRecords(fresh: boolean): Promise<Map<string, PinRecord>> {
  const pins = new Map<string, PinRecord>();
  const chromePath = dir('chrome-managed-policy.json');
  if (!fresh && existsSync(chromePath)) {
    const old = JSON.parse(readFileSync(chromePath, 'utf8')) as ReturnType<typeof chromeFile>;
    for (const r of old['3rdparty'].extensions[CHROME_EXTENSION_ID]?.reviewers ?? []) pins.set(r.id, r.pin);
  }
  for (const r of REVIEWERS) if (!pins.has(r.id)) pins.set(r.id, await hashPin(SAMPLE_PIN));
  return pins;
}

/** JSON with every non-ASCII character as \uXXXX, so the .reg file is plain ASCII whatever regedit assumes. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Each top-level key as a REG_SZ holding JSON: Chrome and Edge parse a string as JSON where the
 * schema expects an object or a list (chromium.org, "Complex policies on Windows").
 */
function registryFile(p: Payload): string {
  const values = Object.entries(p).map(([k, v]) => `"${k}"="${asciiJson(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  const section = (vendor: string) => [`[HKEY_LOCAL_MACHINE\\Software\\Policies\\${vendor}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy]`, ...values, ''];
  return [
    'Windows Registry Editor Version 5.00',
    '',
    '; Precheck sample policy for the sample county (generated by lib/policy/gen-samples.ts; do not edit by hand).',
    '; Demo PIN of all three reviewers: 246810. Replace the PIN records before deploying.',
    `; Replace ${CHROME_EXTENSION_ID} with the extension id shown in chrome://extensions.`,
    '',
    ...section('Google\\Chrome'),
    ...section('Microsoft\\Edge'),
  ].join('\r\n');
}

async function main(): Promise<void> {
  const p = payload(await pinRecords(process.argv.includes('--new-pins')));
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  writeFileSync(dir('chrome-managed-policy.json'), json(chromeFile(p)));
  writeFileSync(dir('firefox-policies.json'), json({ policies: { '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: p } } } }));
  writeFileSync(dir('windows-registry.reg'), registryFile(p));
  console.warn('wrote lib/policy/samples/{chrome-managed-policy.json,firefox-policies.json,windows-registry.reg}');
}

await main();
