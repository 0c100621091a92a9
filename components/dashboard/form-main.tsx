import { createRoot } from 'react-dom/client';
import { FormPage } from './FormPage';
import { pageLang } from './locale-browser';
import '../../entrypoints/review-form/style.css';

document.documentElement.lang = pageLang === 'en' ? 'en' : 'zh-CN';
const rid = Number(new URLSearchParams(location.search).get('rid'));
const root = document.getElementById('root');
if (root) createRoot(root).render(<FormPage rid={rid} />);
