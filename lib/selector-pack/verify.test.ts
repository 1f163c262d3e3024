import { describe, expect, it } from 'vitest';
import { SelectorPackSchema, compareSelectorPackVersions, scriptLikeReason, type SelectorPack } from '../contracts';
import { canonicalSelectorPack } from './canonical';
import { applySelectorPack, type SiteSelectorSets } from './merge';
import { generateSelectorPackKeys, importSelectorPackPrivateKey, selectorPackPublicKeyOf, signSelectorPack } from './signature';
import { checkSelectorPack } from './verify';

const PACK: SelectorPack = {
  version: '2026.12.14.1',
  signature: '',
  sites: {
    hubspot: { chains: { HIGHLIGHT_NAME: ['[data-test-id="highlight-property-display-hs_full_name_or_email"]'] }, labels: { NO_OWNER: ['Sin propietario'] } },
    whatsapp: { chains: { MESSAGE_TEXT: ['[data-testid="selectable-text"]', 'span.selectable-text'] }, labels: {} },
  },
};

async function keys() {
  const { privateKeyPem, publicKey } = await generateSelectorPackKeys();
  return { privateKey: await importSelectorPackPrivateKey(privateKeyPem), publicKey, privateKeyPem };
}

describe('checkSelectorPack', () => {
  it('accepts a pack signed by a trusted key', async () => {
    const { privateKey, publicKey } = await keys();
    const signed = await signSelectorPack(PACK, privateKey);
    expect(signed.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(await checkSelectorPack(signed, [publicKey])).toEqual({ ok: true, pack: signed });
  });

  it('verifies after the JSON was re-serialised with other key order and whitespace', async () => {
    const { privateKey, publicKey } = await keys();
    const signed = await signSelectorPack(PACK, privateKey);
    const reordered = JSON.parse(JSON.stringify({ sites: { whatsapp: signed.sites.whatsapp, hubspot: signed.sites.hubspot }, signature: signed.signature, version: signed.version }, null, 2));
    expect((await checkSelectorPack(reordered, [publicKey])).ok).toBe(true);
    expect(canonicalSelectorPack(reordered)).toBe(canonicalSelectorPack(signed));
  });

  it('refuses an unsigned pack, saying so', async () => {
    const { publicKey } = await keys();
    expect(await checkSelectorPack(PACK, [publicKey])).toMatchObject({ ok: false, reason: 'unsigned', message: expect.stringContaining('not signed') });
  });

  it('refuses a pack changed after signing, and one signed by another key', async () => {
    const { privateKey, publicKey } = await keys();
    const signed = await signSelectorPack(PACK, privateKey);
    const tampered = { ...signed, sites: { ...signed.sites, hubspot: { chains: { HIGHLIGHT_NAME: ['h1'] }, labels: {} } } };
    expect(await checkSelectorPack(tampered, [publicKey])).toMatchObject({ ok: false, reason: 'bad_signature' });
    const other = await keys();
    expect(await checkSelectorPack(signed, [other.publicKey])).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(await checkSelectorPack({ ...signed, signature: 'AAAA' }, [publicKey])).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(await checkSelectorPack(signed, ['not-a-key'])).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses every pack when the build pins no key', async () => {
    const { privateKey } = await keys();
    expect(await checkSelectorPack(await signSelectorPack(PACK, privateKey), [])).toMatchObject({ ok: false, reason: 'no_trusted_key' });
  });

  it('refuses the wrong schema with the path of the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [null, /pack/],
      [{ version: '1', signature: '' }, /sites/],
      [{ ...PACK, version: 'latest' }, /version/],
      [{ ...PACK, sites: { ...PACK.sites, pipedrive: { chains: {} } } }, /sites/],
      [{ ...PACK, sites: { hubspot: { chains: { HIGHLIGHT_NAME: 'h1' } } } }, /sites\.hubspot\.chains\.HIGHLIGHT_NAME/],
      [{ ...PACK, sites: { hubspot: { chains: { HIGHLIGHT_NAME: [] } } } }, /empty chain/],
      [{ ...PACK, sites: { hubspot: { chains: { 'lower-case': ['h1'] } } } }, /sites\.hubspot\.chains\.lower-case: Invalid key/],
      [{ ...PACK, sites: { hubspot: { chains: {}, code: 'alert(1)' } } }, /sites\.hubspot/],
      [{ ...PACK, extra: true }, /pack/],
    ];
    for (const [input, message] of cases) {
      const check = await checkSelectorPack(input, ['x']);
      expect(check, JSON.stringify(input)).toMatchObject({ ok: false, reason: 'invalid' });
      expect(check.ok ? '' : check.message).toMatch(message);
    }
  });

  it('refuses script-like values in selectors and labels, naming them', async () => {
    const selectors = [
      '<script>alert(1)</script>',
      'a[href^="javascript:alert(1)"]',
      'div { background: url(https://evil.example/x) }',
      'div[style*="x"]:is(expression(alert(1)))',
      '@import url(https://evil.example/a.css)',
      'img[onerror=alert(1)]',
      '${document.cookie}',
      'a\\3c script',
      'span\u2028div',
    ];
    for (const selector of selectors) {
      const pack = { ...PACK, sites: { hubspot: { chains: { HIGHLIGHT_NAME: ['h1', selector] }, labels: {} } } };
      const check = await checkSelectorPack(pack, ['x']);
      expect(check, selector).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('script-like selector') });
    }
    for (const label of ['<img src=x onerror=alert(1)>', 'javascript:void(0)', '() => fetch(x)', 'eval(atob("x"))']) {
      const pack = { ...PACK, sites: { zendesk: { chains: {}, labels: { STATUS: ['Open', label] } } } };
      const check = await checkSelectorPack(pack, ['x']);
      expect(check, label).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('script-like label') });
    }
  });

  it('lets real selectors and labels through', () => {
    for (const text of [
      '#main footer [contenteditable="true"][data-lexical-editor="true"]',
      'ul[data-selenium-test="profile-properties-list"] > span[data-test-id="%property%"]',
      'a[href^="mailto:"]',
      'records-record-layout-item:not([field-label=""])',
      'Propietario del contacto',
      'Job function',
      'País/región',
      ' Leído ',
    ]) {
      expect(scriptLikeReason(text), text).toBeUndefined();
    }
  });
});

describe('signing keys', () => {
  it('round-trips a PEM private key and derives its public key', async () => {
    const { privateKeyPem, publicKey } = await generateSelectorPackKeys();
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(await selectorPackPublicKeyOf(await importSelectorPackPrivateKey(privateKeyPem))).toBe(publicKey);
    await expect(importSelectorPackPrivateKey('not a key')).rejects.toThrow(/PEM private key/);
  });
});

describe('applySelectorPack', () => {
  const builtIn = {
    hubspot: { chains: { HIGHLIGHT_NAME: ['[data-selenium-test="highlightTitle"]'], RECORD_PAGE: ['main'] }, labels: { NO_OWNER: ['no owner'] } },
    salesforce: { chains: {}, labels: {} },
    zendesk: { chains: {}, labels: {} },
    whatsapp: { chains: { MESSAGE_TEXT: ['span.selectable-text'] }, labels: {} },
  } satisfies SiteSelectorSets;

  it('replaces only the chains the pack names and ignores names the readers do not know', () => {
    const pack = SelectorPackSchema.parse({ ...PACK, sites: { ...PACK.sites, hubspot: { chains: { HIGHLIGHT_NAME: ['h1.name'], NEW_THING: ['x'] }, labels: {} } } });
    const active = applySelectorPack(builtIn, '0', pack);
    expect(active.sites.hubspot.chains).toEqual({ HIGHLIGHT_NAME: ['h1.name'], RECORD_PAGE: ['main'] });
    expect(active.sites.hubspot.labels).toEqual({ NO_OWNER: ['no owner'] });
    expect(active.sites.whatsapp.chains.MESSAGE_TEXT).toEqual(['[data-testid="selectable-text"]', 'span.selectable-text']);
    expect(active.sites.salesforce).toBe(builtIn.salesforce);
    expect(active).toMatchObject({ version: '2026.12.14.1', builtIn: false, ignored: ['hubspot.chains.NEW_THING'] });
    expect(applySelectorPack(builtIn, '0')).toEqual({ sites: builtIn, version: '0', builtIn: true, ignored: [] });
  });
});

describe('compareSelectorPackVersions', () => {
  it('orders dotted numbers numerically', () => {
    expect(compareSelectorPackVersions('2026.12.14', '2026.12.14.0')).toBe(0);
    expect(compareSelectorPackVersions('2026.12.9', '2026.12.14')).toBe(-1);
    expect(compareSelectorPackVersions('2027.1', '2026.12.31.9')).toBe(1);
  });
});
