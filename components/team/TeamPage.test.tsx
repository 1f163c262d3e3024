// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedbackDayStats, TeamDataReply } from '@/lib/contracts';
import { parseCsv } from '@/lib/history/export';
import { UiLanguageContext } from '../ui/use-translate';
import { TeamPage } from './TeamPage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const today = new Date().toISOString().slice(0, 10);
const row = (over: Partial<FeedbackDayStats>): FeedbackDayStats => ({
  day: today, strategy: 'technical', events: 0, inserted: 0, edited: 0, copied: 0, regenerated: 0, discarded: 0, switched: 0,
  thumbsUp: 0, thumbsDown: 0, suggested: 0, judged: 0, npsExpected: null, engagementProb: null, churnProb: null, ...over,
});
const DATA: TeamDataReply = {
  pendingFeedback: 2,
  policy: {
    updatedAt: new Date().toISOString(),
    contexts: [
      {
        segment: 'retain', intent: 'complaint', best: 'empathetic',
        strategies: [
          { strategy: 'empathetic', mean: 0.8, pulls: 9, low: 0.6, high: 0.92 },
          { strategy: 'technical', mean: 0.35, pulls: 4, low: 0.15, high: 0.6 },
          { strategy: 'compensation', mean: 0.5, pulls: 0, low: 0.1, high: 0.9 },
          { strategy: 'escalate', mean: 0.5, pulls: 0, low: 0.1, high: 0.9 },
          { strategy: 'follow_up', mean: 0.5, pulls: 0, low: 0.1, high: 0.9 },
        ],
      },
    ],
  },
  stats: {
    days: 30,
    since: new Date(Date.now() - 29 * 86_400_000).toISOString(),
    generatedAt: new Date().toISOString(),
    drafts: [row({ strategy: 'empathetic', events: 9, inserted: 8, discarded: 1, judged: 9, npsExpected: 8, engagementProb: 0.6, churnProb: 0.1 }), row({ events: 4, discarded: 3, edited: 1 })],
    leads: [{ day: today, events: 1, stageCorrected: 1, priorityCorrected: 0, thumbsUp: 0, thumbsDown: 0 }],
  },
};

let root: ReturnType<typeof createRoot> | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function mount(load: (days: number) => Promise<TeamDataReply>, lang: 'en' | 'es' = 'en') {
  const downloads: { name: string; type: string; text: string }[] = [];
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <UiLanguageContext.Provider value={lang}>
        <TeamPage load={load} download={(name, type, text) => downloads.push({ name, type, text })} chartWidth={640} />
      </UiLanguageContext.Provider>,
    );
  });
  return { host, downloads };
}

describe('TeamPage', () => {
  it('draws every chart from the loaded data: bars with intervals, acceptance and judge lines, the best-strategy grid', async () => {
    const asked: number[] = [];
    const { host } = await mount(async (days) => (asked.push(days), DATA));
    expect(asked).toEqual([30]);
    expect(host.querySelector('[data-testid="team-page"]')!.getAttribute('data-state')).toBe('ready');
    expect(host.querySelector('[data-testid="team-best-grid"] td[data-segment="retain"][data-intent="complaint"]')!.getAttribute('data-best')).toBe('empathetic');
    expect(host.querySelectorAll('[data-testid="team-posterior-chart"] .recharts-bar-rectangle')).toHaveLength(5);
    expect(host.querySelectorAll('[data-testid="team-posterior-chart"] .recharts-errorBar').length).toBeGreaterThan(0);
    expect(host.querySelectorAll('[data-testid="team-acceptance"] .recharts-line')).toHaveLength(6);
    expect(host.querySelectorAll('[data-testid="team-judge"] .recharts-line')).toHaveLength(3);
    expect(host.querySelectorAll('[data-testid="team-corrections"] .recharts-bar-rectangle').length).toBeGreaterThan(0);
    expect(host.querySelector('[data-testid="team-pending"]')!.textContent).toContain('2');
  });

  it('exports the data behind each chart as CSV and JSON', async () => {
    const { host, downloads } = await mount(async () => DATA);
    await act(async () => (host.querySelector('[data-testid="team-posterior-csv"]') as HTMLButtonElement).click());
    await act(async () => (host.querySelector('[data-testid="team-acceptance-json"]') as HTMLButtonElement).click());
    expect(downloads.map((d) => [d.name, d.type])).toEqual([
      ['pulso-posterior.csv', 'text/csv'],
      ['pulso-acceptance.json', 'application/json'],
    ]);
    const csv = parseCsv(downloads[0]!.text);
    expect(csv[0]).toEqual(['segment', 'intent', 'strategy', 'mean', 'low', 'high', 'pulls']);
    expect(csv[1]).toEqual(['retain', 'complaint', 'empathetic', '0.8', '0.6', '0.92', '9']);
    const json = JSON.parse(downloads[1]!.text) as { day: string; rate: number | null }[];
    expect(json).toHaveLength(30);
    expect(json.at(-1)).toMatchObject({ day: today, rate: 9 / 13 });
  });

  it('says why when the backend cannot be reached, in the page language', async () => {
    const { host } = await mount(async () => {
      throw new Error('backend unreachable at http://127.0.0.1:8787');
    }, 'es');
    expect(host.querySelector('[data-testid="team-error"]')!.textContent).toContain('No se pudieron cargar los datos del equipo: backend unreachable');
  });

  it('asks again for another period', async () => {
    const asked: number[] = [];
    const { host } = await mount(async (days) => (asked.push(days), DATA));
    const select = host.querySelector('[data-testid="team-window"]') as HTMLSelectElement;
    await act(async () => {
      select.value = '90';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(asked).toEqual([30, 90]);
  });
});
