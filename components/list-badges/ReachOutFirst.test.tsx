// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutreachCandidate, OutreachDraftReply } from '@/lib/contracts';
import type { ListRow } from '@/lib/sites/types';
import { UiLanguageContext } from '../ui/use-translate';
import { ReachOutFirst } from './ReachOutFirst';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 11, 1, 12);
const row = (recordId: string, fullName: string, columns: Record<string, string>): ListRow => ({
  recordId,
  recordType: 'contact',
  fields: { fullName },
  columns,
  rowElement: document.createElement('tr'),
  badgeAnchor: document.createElement('span'),
});
const ROWS = [
  row('1', 'Calm Customer', { 'last contacted': 'Nov 28, 2026', 'open tickets': '0', plan: 'Basic', nps: '9' }),
  row('2', 'Silent Risk', { 'last contacted': 'Aug 1, 2026', 'open tickets': '2', plan: 'Enterprise', nps: '3' }),
];

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(rows: ListRow[], draftOutreach: (c: OutreachCandidate) => Promise<OutreachDraftReply>) {
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() =>
    root!.render(
      <UiLanguageContext.Provider value="en">
        <ReachOutFirst rows={rows} draftOutreach={draftOutreach} onShowRow={() => {}} now={NOW} />
      </UiLanguageContext.Provider>,
    ),
  );
  return host;
}

describe('Reach out first', () => {
  it('ranks the silent, unhappy, high-billing customer with open issues first, with the reasons', () => {
    const el = render(ROWS, () => new Promise(() => {}));
    const items = [...el.querySelectorAll('[data-testid="pulso-reach-out"] li')];
    expect(items.map((li) => li.getAttribute('data-record-id'))).toEqual(['2', '1']);
    expect(items[0]!.textContent).toContain('122 days since the last contact');
    expect(items[0]!.textContent).toContain('Open issues: 2');
    expect(items[0]!.textContent).toContain('High billing level');
  });

  it('drafts the picked customer with what the page shows, and shows the message to copy, never sent', async () => {
    const asked: OutreachCandidate[] = [];
    const reply: OutreachDraftReply = {
      strategy: 'empathetic',
      segment: 'retain',
      policy: 'team',
      draft: { strategy: 'empathetic', language: 'en', text: 'Hello, we noticed two open issues.', safety: { ok: true, issues: [] }, source: 'rules' },
    };
    const el = render(ROWS, async (candidate) => {
      asked.push(candidate);
      return reply;
    });
    await act(async () => (el.querySelector('[data-testid="pulso-reach-out-draft"]') as HTMLButtonElement).click());
    expect(asked).toEqual([{ id: '2', name: 'Silent Risk', billingLevel: 'high', daysSinceContact: 122, openIssues: 2, conformity: 'low' }]);
    expect(el.querySelector('[data-testid="pulso-outreach-draft"]')?.getAttribute('data-strategy')).toBe('empathetic');
    expect(el.querySelector('[data-testid="pulso-outreach-text"]')?.textContent).toBe(reply.draft.text);
    expect(el.querySelector('[data-testid="pulso-outreach-copy"]')).not.toBeNull();
  });

  it('says why when the message could not be drafted', async () => {
    const el = render(ROWS, async () => {
      throw new Error('backend unreachable');
    });
    await act(async () => (el.querySelector('[data-testid="pulso-reach-out-draft"]') as HTMLButtonElement).click());
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('backend unreachable');
  });

  it('is absent when the list shows none of the signals', () => {
    const el = render([row('3', 'Plain', { email: 'a@b.example', 'lead status': 'Open' })], () => new Promise(() => {}));
    expect(el.querySelector('[data-testid="pulso-reach-out"]')).toBeNull();
  });
});
