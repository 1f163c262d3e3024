import { useEffect, useState } from 'react';
import type { CompanyProfile, Connection } from '@/lib/contracts';
import { resolveUiLanguage } from '@/lib/i18n';
import { requestConnection } from '@/lib/messaging';
import { readLocalProfile, readProfile, readTeamProfile, type TeamProfileCache } from '@/lib/profile/stored';
import { readSettings, watchSettings, type Settings } from '@/lib/settings';
import { UiLanguageContext } from '../ui/use-translate';
import { usePageTranslate } from '../ui/use-page-translate';
import { ConnectionSection } from './ConnectionSection';
import { ProfileSection } from './ProfileSection';
import { SelectorPackSection } from './SelectorPackSection';
import { LanguageSection, PrivacySection, SitesSection } from './SettingsSections';

interface Loaded {
  settings: Settings;
  connection: Connection;
  profile: CompanyProfile;
  team?: TeamProfileCache;
}

/** The admin's options page: profile, team sharing, connection, sites, privacy, language. */
export function OptionsApp() {
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    void (async () => {
      const [settings, connection, local, team] = await Promise.all([readSettings(), requestConnection(), readLocalProfile(), readTeamProfile()]);
      // The editor starts from this browser's saved profile, else the one the team uses.
      setLoaded({ settings, connection, profile: local ?? (await readProfile()), team });
    })();
    return watchSettings((settings) => setLoaded((prev) => prev && { ...prev, settings }));
  }, []);

  const lang = resolveUiLanguage(loaded?.settings.language, navigator.language);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <UiLanguageContext.Provider value={lang}>
      <OptionsPage loaded={loaded} />
    </UiLanguageContext.Provider>
  );
}

/** The team page's address (an extension page; '' where there is no extension runtime, e.g. tests). */
const teamPageUrl = () => (typeof browser !== 'undefined' && browser.runtime?.getURL ? browser.runtime.getURL('/team.html') : '/team.html');

function OptionsPage({ loaded }: { loaded?: Loaded }) {
  const t = usePageTranslate();
  useEffect(() => {
    document.title = t('options.pageTitle');
  });
  return (
    <div className="min-h-screen bg-slate-50 font-sans text-slate-900">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-3xl px-4 py-3">
          <h1 className="text-xl font-bold text-indigo-700" data-testid="options-title">
            {t('options.pageTitle')}
          </h1>
          <p className="text-sm text-slate-600">{t('options.intro')}</p>
          <a
            href={teamPageUrl()}
            target="_blank"
            rel="noopener"
            data-testid="options-open-team"
            title={t('team.openHint')}
            className="text-sm text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {t('team.open')}
          </a>
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-4 px-4 py-4" data-testid="options-main" data-ready={loaded ? 'true' : 'false'}>
        {!loaded ? (
          <p role="status" className="text-sm text-slate-600">
            {t('options.loading')}
          </p>
        ) : (
          <>
            <ConnectionSection connection={loaded.connection} />
            <ProfileSection initial={loaded.profile} team={loaded.team} />
            <SitesSection settings={loaded.settings} />
            <SelectorPackSection />
            <PrivacySection settings={loaded.settings} />
            <LanguageSection settings={loaded.settings} />
          </>
        )}
      </main>
    </div>
  );
}
