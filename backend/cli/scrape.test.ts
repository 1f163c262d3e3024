import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../lib/contracts';
import { runCliInProcess as run } from '../testing/cli-in-process';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pulso-scrape-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const PAGES: [string, string][] = [
  ['hubspot/contact-2026.html', 'https://app.hubspot.com/contacts/12345678/record/0-1/7301'],
  ['hubspot/contacts-list-2026.html', 'https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list'],
  ['salesforce/case-console-5005g00000Wq8ZbAAJ.html', 'https://nubeandina.lightning.force.com/lightning/r/Case/5005g00000Wq8ZbAAJ/view'],
  ['zendesk/ticket-2026.html', 'https://nubeandina.zendesk.com/agent/tickets/5230'],
  ['whatsapp/chat-individual-2026.html', 'https://web.whatsapp.com/'],
];

describe('pulso scrape', () => {
  it('says what a file is when it is no saved web page, instead of failing inside the parser', async () => {
    const url = 'https://app.hubspot.com/contacts/1/record/0-1/2';
    const cases: [string | Buffer, RegExp][] = [
      ['', /is empty — save the page from the browser/],
      ['   \n', /is empty/],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
      ['%PDF-1.7\n1 0 obj', /a PDF/],
      ['just some words, no tags at all', /no HTML tags/],
    ];
    for (const [content, message] of cases) {
      const r = await run(['scrape', '--url', url, file('page.html', content)]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/firstElementChild|TypeError/);
    }
  });

  it('a page with none of the app\'s structure is a ScrapeResult saying "not a record page"', async () => {
    const r = await run(['scrape', '--url', 'https://app.hubspot.com/contacts/1/record/0-1/2', file('login.html', '<html><body><h1>Log in</h1><form><input name="email"></form></body></html>')]);
    expect(r.code).toBe(0);
    const result = ScrapeResultSchema.parse(r.lines[0]);
    expect(result.fields).toEqual({});
    expect(result.missing).toHaveLength(13);
    expect(result.unrecognised).toMatch(/^not a record page: /);
  });

  it('--explain says which selector or label found each field, for every app', async () => {
    for (const [page, url] of PAGES) {
      const r = await run(['scrape', '--explain', '--url', url, `${FIXTURES}${page}`]);
      expect(r.code, page).toBe(0);
      expect(r.out, page).toMatch(/^selectors: built-in \d/m);
      expect(r.out, page).toMatch(/← [A-Z_]+\[\d\] /);
    }
    const record = await run(['scrape', '--explain', '--url', PAGES[0]![1], `${FIXTURES}${PAGES[0]![0]}`]);
    expect(record.out).toMatch(/^owner {9}Hannah Kowalski\n {14}← label "contact owner"/m);
    expect(record.out).toMatch(/^jobTitle {6}Procurement Lead\n {14}← PROPERTY_VALUE\[0\] \[data-selenium-test="property-input-jobtitle"\]/m);
    const chat = await run(['scrape', '--explain', '--url', PAGES[4]![1], `${FIXTURES}${PAGES[4]![0]}`]);
    expect(chat.out).toMatch(/#3 out ← tail-out icon/);
  });

  it('--pack reads with a selector pack: a chain it replaces is used, a bad pack is refused with the reason', async () => {
    const url = PAGES[0]![1];
    const pack = file('pack.json', JSON.stringify({ version: '2026.12.20', signature: '', sites: { hubspot: { chains: { HIGHLIGHT_NAME: ['h1'] } } } }));
    const r = await run(['scrape', '--explain', '--pack', pack, '--url', url, `${FIXTURES}${PAGES[0]![0]}`]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^selectors: pack 2026\.12\.20/m);
    expect(r.out).toMatch(/← HIGHLIGHT_NAME\[0\] h1/);
    expect(r.err).toMatch(/not signed; the extension would refuse it/);
    const bad = file('bad.json', JSON.stringify({ version: '1', signature: '', sites: { hubspot: { chains: { HIGHLIGHT_NAME: ['<script>x</script>'] } } } }));
    const refused = await run(['scrape', '--pack', bad, '--url', url, `${FIXTURES}${PAGES[0]![0]}`]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not a valid selector pack — sites\.hubspot\.chains\.HIGHLIGHT_NAME\.0: script-like selector/);
  });
});

describe('pulso selectors', () => {
  it('keygen → export → sign → verify: the signed built-in pack verifies with the printed public key', async () => {
    const key = join(dir, 'key.pem');
    const keygen = await run(['selectors', 'keygen', '--out', key]);
    expect(keygen.code).toBe(0);
    const publicKey = keygen.out.trim();
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await run(['selectors', 'keygen', '--out', key])).err).toMatch(/exists; not overwriting/);

    const exported = await run(['selectors', 'export']);
    const packFile = file('builtin.json', exported.out);
    const signed = await run(['selectors', 'sign', '--key', key, packFile]);
    expect(signed.code).toBe(0);
    expect(signed.err).toContain(publicKey);
    const signedFile = file('signed.json', signed.out);
    const verified = await run(['selectors', 'verify', '--public-key', publicKey, signedFile]);
    expect(verified.out).toMatch(/^ok: selector pack \d/);

    const unsigned = await run(['selectors', 'verify', '--public-key', publicKey, packFile]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toMatch(/refused \(unsigned\)/);
    const tampered = file('tampered.json', signed.out.replace('"#main"', '"#other"'));
    expect((await run(['selectors', 'verify', '--public-key', publicKey, tampered])).err).toMatch(/refused \(bad_signature\)/);
  });

  it('sign refuses a pack with a script-like value and signs nothing', async () => {
    const key = join(dir, 'key2.pem');
    await run(['selectors', 'keygen', '--out', key]);
    const pack = file('evil.json', JSON.stringify({ version: '1', signature: '', sites: { zendesk: { labels: { PLACEHOLDERS: ['javascript:alert(1)'] } } } }));
    const r = await run(['selectors', 'sign', '--key', key, pack]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/not a valid selector pack, nothing signed:\n {2}sites\.zendesk\.labels\.PLACEHOLDERS\.0: script-like label/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['selectors'])).code).toBe(2);
    expect((await run(['selectors', 'sign', 'pack.json'])).code).toBe(2);
  });
});
