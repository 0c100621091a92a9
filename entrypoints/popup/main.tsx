import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupHeader, type PopupApi } from '@/components/popup/PopupHeader';
import { TeachButton, type TeachApi } from '@/components/popup/TeachButton';
import { TryScan } from '@/components/TryScan';
import { sendMessage, TEACH } from '@/lib/messaging/protocol';

const api: PopupApi = {
  async activeTabUrl() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url;
  },
  async isCovered(url) {
    return (await sendMessage('getPolicyForPage', url)).covered;
  },
  openOptions: () => browser.runtime.openOptionsPage(),
};

const teach: TeachApi = {
  async startTeach() {
    // No tabs permission: the tab's id is enough, and the user's click on the action grants activeTab.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return false;
    try {
      await browser.tabs.sendMessage(tab.id, { type: TEACH }, { frameId: 0 });
      return true;
    } catch {
      return false;
    }
  },
  close: () => window.close(),
};

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <>
      <PopupHeader api={api} />
      <TeachButton api={teach} />
      <TryScan />
    </>,
  );
