import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupHeader, type PopupApi } from '@/components/popup/PopupHeader';
import { TryScan } from '@/components/TryScan';
import { sendMessage } from '@/lib/messaging/protocol';

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

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <>
      <PopupHeader api={api} />
      <TryScan />
    </>,
  );
