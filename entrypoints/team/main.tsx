import '@/lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { downloadText } from '@/components/history/download';
import { TeamPage } from '@/components/team/TeamPage';
import { PageLanguage, readPageLanguage } from '@/components/ui/PageLanguage';
import { requestTeamData } from '@/lib/messaging';
import '@/components/ui/pages.css';

// The team's data comes from the backend through the background (the page holds no token).
void readPageLanguage().then((lang) =>
  createRoot(document.getElementById('root')!).render(
    <PageLanguage initial={lang} titleKey="team.title">
      <TeamPage load={(days) => requestTeamData({ days })} download={downloadText} />
    </PageLanguage>,
  ),
);
