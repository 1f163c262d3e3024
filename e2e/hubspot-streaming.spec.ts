import { expect, test } from '@playwright/test';
import { startFakeVllm, type FakeVllm } from '../backend/testing/fake-vllm';
import { hubspotRoutes } from './support/fixture-server';
import { useExtensionHarness } from './support/harness';

// The model disagrees with the rules preview (SQL/P1) so each phase is visible, and it
// writes a long answer slowly, so its priority arrives well before the whole result.
const MODEL_ANSWER = {
  stage: 'MQL',
  priority: 'P2',
  slaHours: 4,
  scores: { fit: 70, urgency: 55, opportunity: 50, dataQuality: 90 },
  contact: { seniority: 'C_LEVEL', roleType: 'TECH_DECISION_MAKER', decisionPower: 'HIGH', emailType: 'CORPORATE' },
  summary: 'Resumen del modelo: '.padEnd(400, 'detalle '),
  detectedNeeds: ['Copias de seguridad'],
  matchedServices: ['Backup and disaster recovery'],
  nextSteps: ['Llamar hoy', 'Enviar propuesta'],
  recommendedOwner: 'Preventa técnica',
  rationale: 'Razonamiento del modelo: '.padEnd(1_200, 'motivo '),
};

// gpt-oss analyses before it answers, and its analysis drafts verdicts it then drops: this one
// drafts Disqualified/P4. The rep must never see the draft, only the answer once the analysis ends.
const ANALYSIS = `${JSON.stringify({ ...MODEL_ANSWER, stage: 'Disqualified', priority: 'P4', slaHours: 72, summary: '', rationale: '' })} is a first draft. No — the budget is approved and the need is urgent. Settle on MQL/P2.`;

let llm: FakeVllm;
test.beforeAll(async () => {
  llm = await startFakeVllm({ answer: MODEL_ANSWER, reasoning: ANALYSIS, ttftMs: 80, perTokenMs: 8 });
});
const h = useExtensionHarness([hubspotRoutes], () => ({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: llm.model }));
test.afterAll(async () => {
  await llm?.close();
});

test('the panel shows the model’s priority as soon as it is streamed, before the full answer', async () => {
  const page = await h.browser.context.newPage();
  await page.goto('https://app.hubspot.com/contacts/12345678/record/0-1/101');
  const panel = page.getByTestId('pulso-panel');
  const origin = panel.getByTestId('pulso-origin');

  // While the model analyses, the panel keeps the rules preview (P1); then the model's priority,
  // ahead of its full answer — P2, never the P4 it drafted during its analysis.
  await expect(origin).toHaveAttribute('data-origin', 'partial');
  await expect(panel.getByTestId('pulso-priority')).toHaveText('P2');
  expect(llm.chatRequests[0]!.reasoning).toContain('"priority":"P4"');
  await expect(panel.getByTestId('pulso-source')).toHaveAttribute('data-source', 'rules');

  // Then the whole answer, from the LLM.
  await expect(origin).toHaveAttribute('data-origin', 'backend');
  await expect(panel.getByTestId('pulso-source')).toHaveAttribute('data-source', 'llm');
  await expect(panel.getByTestId('pulso-stage')).toHaveText('MQL');
  await expect(panel.getByTestId('pulso-summary-text')).toContainText('Resumen del modelo');
  expect(llm.chatRequests.length).toBeGreaterThanOrEqual(1);
});
