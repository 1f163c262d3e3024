import { createRoot } from 'react-dom/client';
import { HistoryPage } from '@/components/history/HistoryPage';
import { PageLanguage, readPageLanguage } from '@/components/history/PageLanguage';
import { downloadText } from '@/components/history/download';
import { PulsoDb } from '@/lib/db';
import { HistoryStore } from '@/lib/history';
import '@/components/history/pages.css';

// The page opens the extension's IndexedDB directly: same origin as the background, same schema.
const store = new HistoryStore(new PulsoDb());

void readPageLanguage().then((lang) =>
  createRoot(document.getElementById('root')!).render(
    <PageLanguage initial={lang} titleKey="history.title">
      <HistoryPage source={store} download={downloadText} />
    </PageLanguage>,
  ),
);
