import { createRoot } from 'react-dom/client';
import { FORM } from '@/components/audit/form-strings';
import { ReviewFormPage } from '@/components/audit/ReviewFormPage';
import { messagingAuditClient, openAuditReader, policyUnitName } from '@/components/audit/wiring';
import './style.css';

// An official Chinese form: Chinese whatever the browser's language.
document.documentElement.lang = 'zh-CN';
document.title = FORM.title;
const seq = new URLSearchParams(location.search).get('seq');
const root = document.getElementById('root');
if (root) createRoot(root).render(<ReviewFormPage reader={openAuditReader} seq={seq} client={messagingAuditClient()} unitName={policyUnitName} />);
