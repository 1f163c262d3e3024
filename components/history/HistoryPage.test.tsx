import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '@/lib/history/fixtures';
import type { HistoryEntry } from '@/lib/history';
import { UiLanguageContext } from '@/components/ui/use-translate';
import { HistoryPage } from './HistoryPage';

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
});
