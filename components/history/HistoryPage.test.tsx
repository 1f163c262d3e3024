import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '@/lib/history/fixtures';
import type { HistoryEntry } from '@/lib/history';
import { UiLanguageContext } from '@/components/ui/use-translate';
import { generateCampaignByRules } from '@/lib/campaign/generate';
import { DEMO_PROFILE } from '@/lib/profile/demo-profile';
import { HistoryPage } from './HistoryPage';
import type { StoredCampaign } from './CampaignHistory';

const entries: HistoryEntry[] = [
  { ...sampleEntry({ createdAt: 2_000 }), id: 2 },
  {
    ...sampleEntry({ recordId: '7', url: 'javascript:alert(1)', kind: 'list', input: { fullName: '<img src=x onerror=alert(1)>', email: 'x@y.com' } }),
    id: 1,
  },
];
const source = { list: async () => entries, delete: async () => {}, clear: async () => {} };

function render(lang: 'es' | 'en', rows = entries) {
  return renderToStaticMarkup(
    <UiLanguageContext.Provider value={lang}>
      <HistoryPage source={source} download={() => {}} initialEntries={rows} />
    </UiLanguageContext.Provider>,
  );
}

describe('HistoryPage', () => {
  it('lists each result: when, where with a record link, input, stage, priority, SLA, source and latency', () => {
    const html = render('en');
    expect(html.match(/data-testid="history-row"/g)).toHaveLength(2);
    expect(html).toContain('href="https://app.hubspot.com/contacts/1/record/0-1/101"');
    expect(html).toContain('data-testid="history-stage">SQL<');
    expect(html).toContain('data-testid="history-priority">P1<');
    expect(html).toContain('SLA 1 h');
    expect(html).toContain('from the backend · 420 ms');
    expect(html).toContain('Showing 2 of 2 results');
  });

  it('renders page text as text, and never links a non-web URL', () => {
    const html = render('en');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('javascript:');
  });

  it('labels every control', () => {
    const html = render('en');
    for (const id of html.match(/<(input|select)[^>]*id="([^"]+)"/g)!.map((tag) => /id="([^"]+)"/.exec(tag)![1])) {
      expect(html).toContain(`for="${id}"`);
    }
    expect(html).toContain('aria-label="Delete the result for María González"');
    expect(html).toContain('<th scope="col"');
  });

  it('speaks Spanish, and says so when there is nothing yet', () => {
    expect(render('es')).toContain('Exportar CSV');
    expect(render('es', [])).toContain('Aún no hay resultados');
  });

  it('lists the campaigns beside the classifications: recipient, subject, source (model, rules, rescue), exports; page text stays text', () => {
    const lead = { fullName: '<b>Ana</b>', company: 'Talleres Ruiz', description: 'Necesitamos copias de seguridad urgentes para la fábrica.' };
    const campaigns: StoredCampaign[] = [
      { id: 2, createdAt: 3_000, crm: 'hubspot', recordType: 'contact', recordId: '303', url: '', input: lead, campaign: generateCampaignByRules({ lead }, DEMO_PROFILE), origin: 'backend', latencyMs: 12 },
      { id: 1, createdAt: 2_000, crm: 'salesforce', recordType: 'lead', recordId: '00Q', url: '', input: { company: 'Norte' }, campaign: generateCampaignByRules({ lead: { company: 'Norte' } }, DEMO_PROFILE, { rescue: { reason: 'timeout' } }), origin: 'backend' },
    ];
    const html = renderToStaticMarkup(
      <UiLanguageContext.Provider value="en">
        <HistoryPage source={source} download={() => {}} initialEntries={entries} initialCampaigns={campaigns} />
      </UiLanguageContext.Provider>,
    );
    expect(html.match(/data-testid="history-row"/g)).toHaveLength(2);
    expect(html.match(/data-testid="history-campaign-row"/g)).toHaveLength(2);
    expect(html).toContain('data-source="rules"');
    expect(html).toContain('data-source="rescue"');
    expect(html).toContain('&lt;b&gt;Ana&lt;/b&gt;');
    expect(html).not.toContain('<b>Ana</b>');
    for (const format of ['html', 'json', 'csv']) expect(html).toContain(`data-testid="history-campaigns-export-${format}"`);
    expect(html).toContain('<option value="campaign">Campaign</option>');
  });
});
