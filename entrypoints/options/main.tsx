import { createRoot } from 'react-dom/client';
import { messagingClient } from '@/components/options/client';
import { t } from '@/components/options/i18n';
import { OptionsApp } from '@/components/options/OptionsApp';
import './style.css';

document.documentElement.lang = t('locale_code') === 'en' ? 'en' : 'zh-CN';
document.title = t('options_title');
const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsApp client={messagingClient()} />);
