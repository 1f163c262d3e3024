import '@/lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { HistoryPage, type HistorySource } from '@/components/history/HistoryPage';
import { PageLanguage, readPageLanguage } from '@/components/ui/PageLanguage';
import { downloadText } from '@/components/history/download';
import { requestCampaignHistory, requestHistory, sendMessage } from '@/lib/messaging';
import '@/components/ui/pages.css';

// The history lives in the background's IndexedDB; the page asks for it.
const source: HistorySource = {
  list: requestHistory,
  delete: (id) => sendMessage('deleteHistory', { id }),
  clear: () => sendMessage('clearHistory', undefined),
  campaigns: {
    list: requestCampaignHistory,
    delete: (id) => sendMessage('deleteCampaignHistory', { id }),
  },
};

void readPageLanguage().then((lang) =>
  createRoot(document.getElementById('root')!).render(
    <PageLanguage initial={lang} titleKey="history.title">
      <HistoryPage source={source} download={downloadText} />
    </PageLanguage>,
  ),
);
