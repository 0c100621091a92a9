import { createRoot } from 'react-dom/client';
import { ReviewFormPage } from '@/components/audit/ReviewFormPage';
import { messagingAuditClient, openAuditReader } from '@/components/audit/wiring';
import { t } from '@/components/options/i18n';
import './style.css';

document.documentElement.lang = t('locale_code') === 'en' ? 'en' : 'zh-CN';
document.title = t('form_title');
const seq = new URLSearchParams(location.search).get('seq');
const root = document.getElementById('root');
if (root) createRoot(root).render(<ReviewFormPage reader={openAuditReader} seq={seq} client={messagingAuditClient()} />);
