import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, PREVIEW_CSP, previewDocument, renderCampaignHtml } from './html';
import { createCampaignHtmlSanitizer } from './sanitize-html';

const CAMPAIGN = {
  subject: 'S',
  preheader: 'Pre <b>header</b>',
  message: 'Hola <Ana> & "co",\n\nLínea uno\nlínea dos\n\nEquipo',
  callToAction: 'Reservar <ya>',
  language: 'es' as const,
};

describe('campaign HTML from text', () => {
  it('escapes every piece of text; paragraphs from blank lines, <br> inside one', () => {
    const html = renderCampaignHtml(CAMPAIGN);
    expect(html).toContain('<p style="margin:0 0 14px">Hola &lt;Ana&gt; &amp; &quot;co&quot;,</p>');
    expect(html).toContain('Línea uno<br>línea dos');
    expect(html).toContain('Pre &lt;b&gt;header&lt;/b&gt;');
    expect(html).toContain('Reservar &lt;ya&gt;');
    expect(html).not.toMatch(/<(?:a|img|script|link|form)\b/);
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });

  it("is already what the sanitiser allows: sanitising Pulso's own HTML changes nothing", () => {
    const sanitize = createCampaignHtmlSanitizer(new JSDOM('').window as never);
    const html = renderCampaignHtml(CAMPAIGN);
    const out = sanitize(html);
    expect(out.removed).toEqual([]);
    expect(new JSDOM(out.html).window.document.body.innerHTML).toBe(new JSDOM(html).window.document.body.innerHTML);
  });

  it('wraps a preview in a document whose policy forbids scripts, remote loads, forms and frames', () => {
    const doc = previewDocument('<p>x</p>', { title: 'T <1>', language: 'en' });
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`);
    expect(PREVIEW_CSP).toMatch(/default-src 'none'/);
    expect(PREVIEW_CSP).toMatch(/form-action 'none'/);
    expect(PREVIEW_CSP).not.toMatch(/script-src/);
    expect(doc).toContain('<title>T &lt;1&gt;</title>');
  });
});
