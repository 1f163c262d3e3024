import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from '@/lib/content/store';
import { LeadSchema } from '@/lib/contracts';
import { DEMO_PROFILE } from '@/lib/profile/demo-profile';
import { classifyLeadByRules } from '@/lib/rules';
import type { ListRow } from '@/lib/sites/types';
import { UiLanguageContext } from '../ui/use-translate';
import { ListToolbar, type ListSnapshot } from './ListToolbar';
import { createPriorityBadge, paintPriorityBadge } from './priority-badge';
import type { PriorityFilter } from './row-filter';

/**
 * Issue 14, item 3: on a list whose columns show a name, a company and an email only, the rules
 * say "limited evidence"; the badge is a neutral "?" with the reasons on hover, never P4, and the
 * toolbar counts those rows apart. A row that states a need still gets its priority.
 */
const thin = classifyLeadByRules(LeadSchema.parse({ fullName: 'Lucía Gómez', company: 'Grupo Norte', email: 'lucia@gruponorte.es' }), DEMO_PROFILE);
const hot = classifyLeadByRules(
  LeadSchema.parse({ fullName: 'Tom Reyes', jobTitle: 'Head of Operations', company: 'Acme Retail', email: 'tom@acmeretail.es', location: 'Madrid', description: 'Send proposal by Friday. We need pricing for 40 users.' }),
  DEMO_PROFILE,
);

describe('neutral badge for rows the rules cannot judge', () => {
  it('the rules mark a name-and-email row as limited evidence, and a row with a need as hot', () => {
    expect(thin.limitedEvidence?.reasons.length).toBeGreaterThan(0);
    expect(hot.limitedEvidence).toBeUndefined();
    expect(hot.stage).toBe('SQL');
  });
  it('the badge shows "?" with the reasons on hover and no priority', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const badge = createPriorityBadge(document as unknown as Document);
    paintPriorityBadge(badge, { recordId: '1', status: 'ready', result: thin, label: 'Not enough data. No need or timeline is stated.' });
    const pill = badge.shadowRoot!.querySelector('span')!;
    expect(pill.textContent).toBe('?');
    expect(pill.getAttribute('title')).toMatch(/Not enough data/);
    expect(badge.dataset.priority).toBeUndefined();
    expect(badge.dataset.status).toBe('ready');
    expect(badge.dataset.evidence).toBe('limited');
    paintPriorityBadge(badge, { recordId: '2', status: 'ready', result: hot, label: 'SQL' });
    expect(pill.textContent).toBe(hot.priority);
  });
  it('the toolbar counts limited rows apart and never as P4', () => {
    const row = (recordId: string): ListRow => ({ recordId, rowElement: {} as HTMLElement, anchor: {} as HTMLElement, fields: {} } as unknown as ListRow);
    const store = createStore<ListSnapshot>({ rows: [...['a', 'b', 'c', 'd'].map((id) => ({ row: row(id), result: thin })), { row: row('e'), result: hot }] });
    const html = renderToStaticMarkup(
      <UiLanguageContext.Provider value="en">
        <ListToolbar store={store} filter={createStore<PriorityFilter>('all')} onShowRow={() => {}} />
      </UiLanguageContext.Provider>,
    );
    expect(html).toContain('P4 0');
    expect(html).toContain('? 4');
    expect(html).toContain(`${hot.priority} 1`);
  });
});
