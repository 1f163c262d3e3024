import { describe, expect, it } from 'vitest';
import type { Lead } from '../../contracts';
import { DEMO_PROFILE } from '../../profile/demo-profile';
import { classifyLeadStrict } from './classify';

/**
 * Issue 14's cases, as a new user met them (Nube Segura IT demo profile). Each names the rule
 * that decides it; none of them is in the blind set.
 */
const classify = (lead: Lead) => classifyLeadStrict(lead, DEMO_PROFILE);

describe('buying signals with time expressions make a lead hot', () => {
  it('approved budget + proposal and demo next week + migrate before quarter end, by a CIO: SQL', () => {
    const r = classify({ fullName: 'Iván Mora', jobTitle: 'CIO', company: 'TransIbérica Logística', email: 'imora@transiberica.es', industry: 'Logística', companySize: 800, location: 'Zaragoza, España', description: 'Tenemos presupuesto aprobado (120.000 €). Queremos una propuesta y una demo la semana que viene para migrar a la nube antes de fin de trimestre.' });
    expect(r.stage).toBe('SQL');
    expect(r.scores.urgency).toBeGreaterThanOrEqual(60);
    expect(r.rationale).toMatch(/señales de compra 'Tenemos presupuesto/);
    expect(r.rationale).toMatch(/la semana que viene/);
    expect(r.rationale).not.toMatch(/Urgencia 0: sin señales/);
  });
  it('a healthcare IT manager asking pricing for 12 clinics while evaluating vendors: MQL (not a decision maker), never Nurture/P4', () => {
    const r = classify({ fullName: 'Karen Holt', jobTitle: 'IT Manager', company: 'Andes Health Clinics', email: 'kholt@andeshealth.cl', industry: 'Healthcare', location: 'Santiago, Chile', description: 'Could you send pricing for backup and disaster recovery across our 12 clinics? We are evaluating vendors.' });
    expect(r.stage).toBe('MQL');
    expect(r.priority).not.toBe('P4');
  });
  it('a Head of Operations: "send proposal by Friday, pricing for 40 users" is hot', () => {
    const r = classify({ fullName: 'Tom Reyes', jobTitle: 'Head of Operations', company: 'Acme Retail', email: 'tom@acmeretail.es', location: 'Madrid', description: 'Send proposal by Friday. We need pricing for 40 users.' });
    expect(r.stage).toBe('SQL');
  });
});

describe('the same lead reads the same in Spanish and English', () => {
  it('"Jefe de Sistemas" and "Head of IT" with the same outage get the same stage and priority (SQL P1)', () => {
    const base: Lead = { fullName: 'Ane Goikoetxea', company: 'Forjas Bizkaia', email: 'ane@forjasbizkaia.es', industry: 'Manufacturing', companySize: 300, location: 'Bilbao, España' };
    const es = classify({ ...base, jobTitle: 'Jefe de Sistemas', description: 'Se nos cayó el servidor y la producción está parada.' });
    const en = classify({ ...base, jobTitle: 'Head of IT', description: 'Our server went down and production is stopped.' });
    expect([es.stage, es.priority]).toEqual(['SQL', 'P1']);
    expect([en.stage, en.priority]).toEqual(['SQL', 'P1']);
  });
});

describe('thin evidence is said, never a confident Nurture P4', () => {
  it('a list row with a name, a company and an email only: Review with limited evidence and how to score it', () => {
    const r = classify({ fullName: 'Lucía Gómez', company: 'Grupo Norte', email: 'lucia@gruponorte.es' });
    expect(r.stage).toBe('Review');
    expect(r.priority).not.toBe('P4');
    expect(r.flags).toContain('limited_evidence');
    expect(r.limitedEvidence?.reasons.join(' ')).toMatch(/registro|record/);
  });
  it('a CEO row without any stated need is limited evidence too (who, not whether they are buying)', () => {
    expect(classify({ fullName: 'Jon Hale', jobTitle: 'CEO', company: 'Hale Freight', email: 'jon@halefreight.com' }).flags).toContain('limited_evidence');
  });
});
