import { createRoot } from 'react-dom/client';
import { EditorIdentity } from '@/components/popup/EditorIdentity';
import { PageScan } from '@/components/popup/PageScan';
import { popupApis } from '@/components/popup/popup-api';
import { PopupHeader } from '@/components/popup/PopupHeader';
import { t } from '@/components/popup/strings';
import { TabStateView } from '@/components/popup/TabStateView';
import { TeachButton } from '@/components/popup/TeachButton';
import { TryScan } from '@/components/TryScan';
import { htmlLang, terms, uiLang } from '@/lib/i18n';
import './style.css';

document.documentElement.lang = htmlLang(uiLang());
document.title = terms().product;
const apis = popupApis(location.search, () => window.close());

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <main className="popup">
      <PopupHeader api={apis.header} />
      <TabStateView api={apis.tabState} />
      <PageScan api={apis.pageScan} />
      <EditorIdentity api={apis.identity} />
      <TeachButton api={apis.teach} />
      {/* The paste-and-check box stays, folded: the page scan above is what the popup is for now. */}
      <details className="try-fold">
        <summary>{t('popup_try')}</summary>
        <TryScan />
      </details>
    </main>,
  );
