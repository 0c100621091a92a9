import { createRoot } from 'react-dom/client';
import { TryScan } from '@/components/TryScan';

const root = document.getElementById('root');
if (root) createRoot(root).render(<TryScan />);
