import { describe, expect, it } from 'vitest';
import { nodeCampaignHtmlSanitizer } from './html-sanitizer';

describe('campaign HTML sanitiser in the backend (jsdom)', () => {
  it('runs in Node and strips what it must; one instance is shared', async () => {
    const sanitize = await nodeCampaignHtmlSanitizer();
    const out = sanitize('<p onclick="x()">Hola <img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">aquí</a></p><script>alert(1)</script><form><input></form>');
    expect(out.html).toBe('<p>Hola <a>aquí</a></p>');
    expect(out.removed).toEqual(expect.arrayContaining(['onclick', 'script', 'form', 'input', 'img:remote', 'href']));
    expect(await nodeCampaignHtmlSanitizer()).toBe(sanitize);
  });
});
