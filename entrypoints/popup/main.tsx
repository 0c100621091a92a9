import { createRoot } from 'react-dom/client';
import { EditorIdentity } from '@/components/popup/EditorIdentity';
import { PageScan } from '@/components/popup/PageScan';
import { popupApis } from '@/components/popup/popup-api';
import { PopupHeader } from '@/components/popup/PopupHeader';
import { TabStateView } from '@/components/popup/TabStateView';
import { TeachButton } from '@/components/popup/TeachButton';
import { t } from '@/components/options/i18n';
import { TryScan } from '@/components/TryScan';

const apis = popupApis(location.search, () => window.close());

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <div style={{ width: 360, font: '13px/1.5 system-ui, sans-serif' }}>
      <PopupHeader api={apis.header} />
      <TabStateView api={apis.tabState} />
      <PageScan api={apis.pageScan} />
      <EditorIdentity api={apis.identity} />
      <TeachButton api={apis.teach} />
      {/* The paste-and-check box stays, folded: the page scan above is what the popup is for now. */}
      <details style={{ padding: '8px 0' }}>
        <summary style={{ padding: '0 12px' }}>{t('popup_try')}</summary>
        <TryScan />
      </details>
    </div>,
  );
