import { createRoot } from 'react-dom/client';
import { messagingClient } from '@/components/options/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/components/options/strings';
import { htmlLang, uiLang } from '@/lib/i18n';
import './style.css';

document.documentElement.lang = htmlLang(uiLang());
document.title = t('options_title');
const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsApp client={messagingClient()} />);
