import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pageLang } from './locale-browser';
import { d } from './terms';
import './style.css';

document.documentElement.lang = pageLang === 'en' ? 'en' : 'zh-CN';
document.title = d('title');
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
