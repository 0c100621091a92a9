import { FOCUS_CSS } from '../../components/checklist/styles';
import { htmlLang, uiLang } from '../i18n/lang';
import { translator } from '../i18n/translator';

const t = translator({
  zh: {
    title: '发布前预检已更新',
    body: '本页是在更新前打开的，仍由旧版本把关：含敏感信息的内容和未经签发的发布照样会被阻止，但已无法完成检查清单和签发。请先保存草稿，再刷新本页，然后重新检查、签发和发布。',
    reload: '刷新本页',
  },
  en: {
    title: 'Precheck was updated',
    body: 'This page was opened before the update and is still guarded by the previous version: sensitive content and unsigned publishing are still held, but the checklist and sign-off no longer work. Save your draft, reload this page, then check, sign off and publish again.',
    reload: 'Reload this page',
  },
});

const CSS = `${FOCUS_CSS}
.notice { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px; padding: 12px 14px;
  background: #fff8e1; color: #3e2c00; border: 1px solid #c98a00; border-radius: 6px; font: 14px/1.6 system-ui, sans-serif;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.notice h2 { margin: 0 0 6px; font-size: 15px; }
.notice p { margin: 0 0 10px; }
.notice button { font: inherit; padding: 4px 12px; cursor: pointer; }`;

/**
 * The one screen Precheck shows on a page its previous version still guards (lib/content/previous-version.ts).
 * The reload is the editor's to press: the CMS asks first when the draft is not saved.
 */
export function showUpdateNotice(doc: Document): HTMLElement {
  const host = doc.createElement('precheck-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'alert');
  box.lang = htmlLang(uiLang());
  const title = doc.createElement('h2');
  title.textContent = t('title');
  const body = doc.createElement('p');
  body.textContent = t('body');
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = t('reload');
  reload.addEventListener('click', () => doc.defaultView?.location.reload());
  box.append(title, body, reload);
  shadow.append(style, box);
  (doc.body ?? doc.documentElement).after(host);
  return host;
}
