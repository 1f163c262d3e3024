import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompanyProfileSchema } from '../../contracts';
import { DEMO_PROFILE } from '../../profile/demo-profile';
import { compileProfile, describeProfile } from './compile';

const SASNW = CompanyProfileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../eval/profiles/sasnw-demo.json'), 'utf8')));

describe('the profile compiler (issue 14, item 1)', () => {
  it('service name = the text before ":" or "—"; key terms from the name and the description', () => {
    const c = compileProfile(SASNW);
    expect(c.services.map((s) => s.name)).toEqual(['Respaldo de datos', 'Almacenamiento', 'Implementación de tecnologías', 'Consultoría estratégica']);
    const backup = c.services[0]!;
    expect(backup.keys.get('backup')).toBe(1);
    expect([...backup.keys.keys()].some((k) => k.startsWith('s:perdid'))).toBe(true);
    const em = compileProfile(CompanyProfileSchema.parse({ name: 'x', services: ['Fleet tracking — live GPS positions for every vehicle'] }));
    expect(em.services[0]!.name).toBe('Fleet tracking');
  });
  it('industries, sizes and places come from the audience prose when the fields are empty', () => {
    const c = compileProfile(SASNW);
    expect(c.industriesFrom).toBe('audience');
    expect(c.industriesAreExamples).toBe(true);
    expect(c.industries.map((i) => [...i.keys.keys()][0])).toEqual(expect.arrayContaining(['manufacturing', 'finance', 'retail', 'technology']));
    expect(c.sizeLabel).toBe('50+');
    const latam = compileProfile(CompanyProfileSchema.parse({ name: 'x', targetAudience: 'SMBs (50–5000 employees) in LATAM and México y Centroamérica' }));
    expect(latam.countries.has('MX')).toBe(true);
    expect(latam.countries.has('CR')).toBe(true);
    expect(latam.sizes).toEqual([{ unit: 'employees', min: 50, max: 5000 }]);
    const fleet = compileProfile(CompanyProfileSchema.parse({ name: 'x', targetAudience: 'Operators with 50 vehicles or more across the United States, Canada and the UK' }));
    expect(fleet.sizes).toEqual([{ unit: 'vehicles', min: 50, max: Infinity }]);
    expect([...fleet.countries].sort()).toEqual(['CA', 'GB', 'US']);
  });
  it('structured fields win over the prose and are a closed list', () => {
    const c = compileProfile(DEMO_PROFILE);
    expect(c.industriesFrom).toBe('field');
    expect(c.industriesAreExamples).toBe(false);
  });
  it('compiled once per version: the same object, or the same content in a new object', () => {
    expect(compileProfile(SASNW)).toBe(compileProfile(SASNW));
    expect(compileProfile(CompanyProfileSchema.parse(JSON.parse(JSON.stringify(SASNW))))).toBe(compileProfile(SASNW));
  });
  it('describeProfile says what was understood, for the options page', () => {
    const d = describeProfile(SASNW);
    expect(d.services[0]).toMatchObject({ name: 'Respaldo de datos' });
    expect(d.services[0]!.terms).toContain('backup');
    expect(d.sizes).toBe('50+ employees');
    expect(d.places).toBe('');
  });
});
