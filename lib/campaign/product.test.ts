import { describe, expect, it } from 'vitest';
import { CompanyProfileSchema } from '../contracts';
import { gatherCampaignFacts } from './facts';
import { profileProduct, reconcileProduct, suggestProduct } from './product';
import { EN_EVALUATING, IT_PROFILE, RICH_ES, SHOP_PROFILE } from './test-fixtures';

const facts = (input: Parameters<typeof gatherCampaignFacts>[0], profile = IT_PROFILE) => gatherCampaignFacts(input, profile);

describe('product choice', () => {
  it("takes the classification's matched service first", () => {
    const f = facts(RICH_ES);
    expect(f.classification.matchedServices[0]).toBe('Managed cybersecurity');
    expect(suggestProduct(f, IT_PROFILE)).toMatchObject({ name: 'Managed cybersecurity', kind: 'service', basis: 'classification' });
  });

  it('else matches the needs, the description, then the timeline against services and catalog items', () => {
    expect(suggestProduct(facts({ lead: { company: 'Lee Builders', description: 'Looking for a pressure washer for the yard.' } }, SHOP_PROFILE), SHOP_PROFILE)).toMatchObject({
      name: 'Pressure washer',
      kind: 'catalog',
      basis: 'description',
    });
    const timelineOnly = facts({ lead: { company: 'Lee Builders' }, context: { timeline: [{ kind: 'call', date: '2025-01-02', text: 'Asked about an aluminium ladder.' }] } }, SHOP_PROFILE);
    expect(suggestProduct(timelineOnly, SHOP_PROFILE)).toMatchObject({ name: 'Aluminium ladder 6 steps', basis: 'timeline' });
  });

  it('else the first product the profile lists, said plainly; nothing when it lists none', () => {
    expect(suggestProduct(facts({ lead: { email: 'a@b.com' } }), IT_PROFILE)).toMatchObject({ name: 'Cloud migration', basis: 'first_listed' });
  });
});

describe('services the profile describes ("Name: what it includes")', () => {
  const described = CompanyProfileSchema.parse({
    name: 'Datos Seguros',
    services: ['Respaldo de datos: copias cifradas diarias y restauración en horas', 'Auditoría de seguridad — pentest y plan de mejora'],
  });
  it('the product is the service name, found from the words of its description too', () => {
    const f = gatherCampaignFacts({ lead: { company: 'Clínica Sur', description: 'Perdimos datos el mes pasado; queremos copias cifradas y poder restaurar rápido.' } }, described);
    expect(suggestProduct(f, described).name).toBe('Respaldo de datos');
    expect(profileProduct('Auditoría de seguridad — pentest y plan de mejora', described)).toEqual({ name: 'Auditoría de seguridad', kind: 'service' });
    expect(suggestProduct(gatherCampaignFacts({ lead: { email: 'a@b.es' } }, described), described)).toMatchObject({ name: 'Respaldo de datos', basis: 'first_listed' });
  });
});

describe("reconciling the model's product with the profile", () => {
  const f = facts(EN_EVALUATING);

  it("keeps a product the profile has, in the profile's spelling (name or SKU)", () => {
    expect(reconcileProduct('cloud MIGRATION', f, IT_PROFILE)).toEqual({ choice: { name: 'Cloud migration', kind: 'service', basis: 'model', evidence: '' }, replaced: false });
    expect(profileProduct('dr-18v', SHOP_PROFILE)).toEqual({ name: 'Cordless drill 18V', kind: 'catalog' });
  });

  it('replaces an invented product by the best profile match, and says so', () => {
    expect(reconcileProduct('Cloud migration premium package', f, IT_PROFILE)).toMatchObject({ choice: { name: 'Cloud migration' }, replaced: true });
    expect(reconcileProduct('Ransomware protection and cybersecurity plan', f, IT_PROFILE)).toMatchObject({ choice: { name: 'Managed cybersecurity' }, replaced: true });
  });

  it("falls back to the rules' suggestion when the invented product matches nothing", () => {
    const out = reconcileProduct('Quantum blockchain consulting', f, IT_PROFILE);
    expect(out.replaced).toBe(true);
    expect(out.choice.name).toBe(suggestProduct(f, IT_PROFILE).name);
    expect(IT_PROFILE.services).toContain(out.choice.name);
  });
});
