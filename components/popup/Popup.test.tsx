import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UiLanguageContext } from '@/components/ui/use-translate';
import { Popup, type PopupInfo, type PopupProps } from './Popup';
import { tabStatusFor } from './tab-status';

const never = () => new Promise<never>(() => {});
const load: PopupProps['load'] = { backend: never, tab: never, counts: never, shortcut: never };

function render(initial: PopupInfo, lang: 'es' | 'en' = 'en') {
  return renderToStaticMarkup(
    <UiLanguageContext.Provider value={lang}>
      <Popup load={load} initial={initial} historyUrl="chrome-extension://x/result-history.html" openOptions={() => {}} />
    </UiLanguageContext.Provider>,
  );
}

describe('Popup', () => {
  it('shows the backend, the tab, the counts and the shortcut as bound', () => {
    const html = render({
      backend: { backendUrl: 'http://127.0.0.1:8787', reachable: true, mode: 'llm', model: 'gpt-oss-20b', engine: 'llm:gpt-oss-20b' },
      tab: { status: 'supported', crm: 'hubspot', kind: 'record', recordType: 'contact' },
      counts: { cache: 3, history: 12 },
      shortcut: 'Alt+Shift+P',
    });
    expect(html).toContain('data-reachable="true"');
    expect(html).toContain('LLM: gpt-oss-20b');
    expect(html).toContain('HubSpot: record (contact)');
    expect(html).toContain('data-testid="popup-history-count">12<');
    expect(html).toContain('>Alt+Shift+P</kbd>');
    expect(html).toContain('href="chrome-extension://x/result-history.html"');
  });

  it('says plainly when the backend is down, rules-only, or the shortcut unset (in Spanish too)', () => {
    expect(render({ backend: { backendUrl: 'http://x', reachable: false, error: 'backend unreachable' } })).toContain('Not reachable');
    expect(render({ backend: { backendUrl: 'http://x', reachable: true, mode: 'rules', engine: 'rules:1' } })).toContain('Rules engine only');
    expect(render({ shortcut: '' }, 'es')).toContain('Sin atajo');
  });
});

describe('tabStatusFor', () => {
  const adapters = (url: string) =>
    url.includes('hubspot.com')
      ? { crm: 'hubspot' as const, pageKind: (u: string) => (u.includes('/record/') ? { kind: 'record' as const, recordType: 'contact' as const, recordId: '1' } : undefined) }
      : undefined;
  it('tells a supported page, another page of a CRM, another site, and a hidden URL apart', () => {
    expect(tabStatusFor('https://app.hubspot.com/contacts/1/record/0-1/1', adapters)).toEqual({ status: 'supported', crm: 'hubspot', kind: 'record', recordType: 'contact' });
    expect(tabStatusFor('https://app.hubspot.com/settings', adapters)).toEqual({ status: 'otherPage', crm: 'hubspot' });
    expect(tabStatusFor('https://example.com/', adapters)).toEqual({ status: 'unsupported' });
    expect(tabStatusFor(undefined, adapters)).toEqual({ status: 'unknown' });
  });
});
