import '@/lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { PageLanguage, readPageLanguage } from '@/components/ui/PageLanguage';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import { tabStatusFor } from '@/components/popup/tab-status';
import { requestBackendStatus, requestLocalCounts } from '@/lib/messaging';
import { adapterForUrl } from '@/lib/sites';
import '@/components/ui/pages.css';

const load: PopupProps['load'] = {
  backend: requestBackendStatus,
  // activeTab (granted by opening the popup) or the CRM host permissions reveal the URL; otherwise it is undefined.
  tab: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tabStatusFor(tab?.url, adapterForUrl);
  },
  counts: requestLocalCounts,
  shortcut: async () => (await browser.commands.getAll()).find((command) => command.name === 'toggle-panel')?.shortcut ?? '',
};

void readPageLanguage().then((lang) =>
  createRoot(document.getElementById('root')!).render(
    <PageLanguage initial={lang} titleKey="popup.title">
      <Popup load={load} historyUrl={browser.runtime.getURL('/result-history.html')} teamUrl={browser.runtime.getURL('/team.html')} openOptions={() => void browser.runtime.openOptionsPage()} />
    </PageLanguage>,
  ),
);
