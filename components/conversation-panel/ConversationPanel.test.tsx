import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '@/lib/contracts';
import { createStore } from '@/lib/content/store';
import { UiLanguageContext } from '../ui/use-translate';
import { ConversationPanel } from './ConversationPanel';
import { createConversationStore, type ConversationState } from './session';

const conversation = ConversationSchema.parse({ contact: { name: 'María' }, messages: [{ direction: 'in', text: 'quiero hablar con una persona' }] });
const ready: ConversationState = {
  status: 'ready',
  recordId: '34600111222@c.us',
  scrape: { crm: 'whatsapp', kind: 'conversation', url: 'https://web.whatsapp.com/', recordType: 'chat', recordId: '34600111222@c.us', fields: {}, rows: [], missing: [], conversation },
  conversation,
  triagePending: false,
  draftPending: false,
  triage: {
    origin: 'backend',
    latencyMs: 300,
    triage: {
      intent: 'human', confidence: 0.93, escalate: true, escalationReason: 'The customer asks for a person', department: 'Soporte',
      clarifyingQuestion: '', sentiment: -0.4, conformity: 'low', handoffSummary: '<b>María</b> wants a person', source: 'llm', flags: ['possible_injection'],
    },
  },
  draft: { origin: 'backend', latencyMs: 200, draft: { strategy: 'escalate', language: 'es', text: 'Hola María, te paso con una persona.', safety: { ok: false, issues: ['No clear next step'] }, source: 'llm' } },
};

function render(state: ConversationState, lang: 'es' | 'en' = 'en', onRate?: (rating: 1 | -1) => void) {
  const store = createConversationStore();
  store.set(state);
  const noop = () => {};
  return renderToStaticMarkup(
    <UiLanguageContext.Provider value={lang}>
      <ConversationPanel store={store} collapsed={createStore(false)} onRefresh={noop} onBillingLevel={noop} onStrategy={noop} onTone={noop} onInsert={async () => ({ ok: true })} onRate={onRate} reportStructure={() => ''} />
    </UiLanguageContext.Provider>,
  );
}

describe('ConversationPanel', () => {
  it('shows intent, the escalation banner with its hand-off summary, the flags and the draft with its safety notes', () => {
    const html = render(ready);
    expect(html).toContain('data-intent="human"');
    expect(html).toContain('93 % sure');
    expect(html).toContain('data-testid="pulso-escalation"');
    expect(html).toContain('Department: Soporte');
    expect(html).toContain('tries to give the assistant orders');
    expect(html).toContain('Hola María, te paso con una persona.');
    expect(html).toContain('No clear next step');
    expect(html).toContain('data-testid="pulso-insert"');
  });

  it('renders customer text as text, never as markup', () => {
    const html = render(ready);
    expect(html).not.toContain('<b>María</b>');
    expect(html).toContain('&lt;b&gt;María&lt;/b&gt;');
  });

  it('asks the agent for the billing level when the CRM does not say, and speaks Spanish', () => {
    const html = render(ready, 'es');
    expect(html).toContain('data-testid="pulso-billing"');
    expect(html).toContain('Pasar a una persona');
    expect(html).toContain('Insertar en la respuesta');
  });

  it('renders nothing off conversation pages', () => {
    expect(render({ status: 'idle' })).toBe('');
  });

  it('labels the policy\'s pick "suggested" and shows the judge with who judged', () => {
    const judged: ConversationState = {
      ...ready,
      draft: {
        ...ready.draft!,
        draft: { ...ready.draft!.draft, suggested: true, judge: { npsExpected: 7.5, engagementProb: 0.62, churnProb: 0.18, rationale: 'Escalate fits a request for a person', source: 'rules' } },
      },
    } as ConversationState;
    const html = render(judged);
    expect(html).toContain('data-testid="pulso-suggested"');
    expect(html).toContain('>Suggested<');
    expect(html).toMatch(/data-testid="pulso-judge" data-source="rules"/);
    expect(html).toContain('Expected NPS 7.5/10');
    expect(html).toContain('Engagement 62%');
    expect(html).toContain('Churn risk 18%');
    expect(html).toContain('Judge: Rules');
    expect(render(judged, 'es')).toContain('>Sugerida<');
  });

  it('no "suggested" label on a strategy the agent picked; thumbs only when feedback is wired', () => {
    const html = render(ready);
    expect(html).not.toContain('pulso-suggested');
    expect(html).not.toContain('pulso-thumbs-up');
    expect(render(ready, 'en', () => {})).toContain('data-testid="pulso-thumbs-up"');
  });
});
