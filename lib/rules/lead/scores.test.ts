import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../../profile/demo-profile';
import { scoreDataQuality, isJunk, isPlausiblePhone } from './data-quality';
import { fitGrade, scoreFit } from './fit';
import { scoreOpportunity } from './opportunity';
import { DENTAL_PROFILE } from './test-profiles';
import { scoreUrgency } from './urgency';

describe('rule 3: fit against the profile', () => {
  const factory = {
    industry: 'Fabricación', location: 'Valencia, España', companySize: '201-500',
    description: 'Queremos migrar nuestros servidores a la nube y mejorar la ciberseguridad.',
  };
  it('bilingual industry, service and audience matching', () => {
    const fit = scoreFit(factory, DEMO_PROFILE);
    expect(fit.matchedIndustry).toBe('Manufacturing');
    expect(fit.matchedServices).toEqual(expect.arrayContaining(['Cloud migration', 'Managed cybersecurity']));
    expect(fit.score).toBeGreaterThanOrEqual(75);
    expect(fit.grade).toBe('A');
  });
  it('LATAM audiences include México, Colombia, Perú', () => {
    for (const location of ['Ciudad de México', 'Bogotá, Colombia', 'Lima, Perú']) {
      expect(scoreFit({ ...factory, location }, DEMO_PROFILE).contributions.find((c) => c.key === 'location_in')).toBeTruthy();
    }
    expect(scoreFit({ ...factory, location: 'Berlin, Germany' }, DEMO_PROFILE).contributions.find((c) => c.key === 'location_off')).toBeTruthy();
  });
  it('fit depends on the profile: the dental vendor does not want a factory', () => {
    expect(scoreFit(factory, DENTAL_PROFILE).score).toBeLessThan(35);
    const clinic = { industry: 'Odontología', location: 'Sevilla', companySize: 8, description: 'Buscamos un software para la agenda de citas y la facturación de la clínica dental.' };
    const dental = scoreFit(clinic, DENTAL_PROFILE);
    expect(dental.grade).toBe('A');
    expect(dental.matchedServices).toEqual(expect.arrayContaining(['Agenda online de citas', 'Facturación y cobros']));
    expect(scoreFit(clinic, DEMO_PROFILE).score).toBeLessThan(dental.score);
  });
  it('v5: a category service is met by its items, in both languages (chairs and desks are office furniture)', () => {
    const seller = { ...DEMO_PROFILE, services: ['Office furniture: chairs, desks and storage for offices', 'Design software'] };
    expect(scoreFit({ description: 'Quote for 40 ergonomic chairs' }, seller).matchedServices).toContain('Office furniture');
    expect(scoreFit({ description: 'Necesitamos 12 escritorios y dos armarios' }, seller).matchedServices).toContain('Office furniture');
    // a help desk or a remote desktop is not furniture
    expect(scoreFit({ description: 'We need a help desk for our users' }, seller).matchedServices).not.toContain('Office furniture');
    expect(scoreFit({ description: 'Problemas con el escritorio remoto' }, seller).matchedServices).not.toContain('Office furniture');
  });
  it('grades A ≥ 75, B ≥ 55, C ≥ 35, D below', () => {
    expect([fitGrade(75), fitGrade(74), fitGrade(55), fitGrade(35), fitGrade(34)]).toEqual(['A', 'B', 'B', 'C', 'D']);
  });
});

describe('rule 4: urgency from the description', () => {
  it('v5: encrypted as a verb is an incident ("the file server got encrypted", "nos encriptaron los discos")', () => {
    for (const description of ['Our file server got encrypted an hour ago and nobody can open anything.', 'Anoche nos encriptaron los discos del servidor de ficheros.']) {
      const u = scoreUrgency({ description });
      expect(u.incident).toBe(true);
      expect(u.score).toBeGreaterThanOrEqual(60);
    }
    expect(scoreUrgency({ description: 'We want encrypted backups for our branch offices.' }).incident).toBe(false);
  });
  it('v5: "nothing decided, I\'ll let you know" is calm, even with "right now" in it', () => {
    expect(scoreUrgency({ description: 'Right now there is nothing decided; I will let you know if anything moves.' }).score).toBeLessThan(30);
    expect(scoreUrgency({ description: 'Ahora mismo no tenemos nada en marcha, ya os diré.' }).score).toBeLessThan(30);
  });
  it('v5: a far start does not erase a near, dated buying step: medium, not high', () => {
    for (const description of [
      'The migration starts next year; the RFP goes out next month and we would like a first meeting.',
      'El proyecto arranca el próximo año, pero la licitación se publica el mes que viene.',
    ]) {
      const u = scoreUrgency({ description });
      expect(u.score).toBeGreaterThanOrEqual(30);
      expect(u.score).toBeLessThan(60);
    }
    expect(scoreUrgency({ description: 'Maybe next year we will look at a tender, no dates yet.' }).score).toBeLessThan(30);
  });

  it.each([
    'Urgente: pérdida de datos en el servidor',
    'We had data loss yesterday, urgently need help',
    'La producción está detenida desde esta mañana',
    'Production is down, critical',
    'Nos atacó un ransomware, todo cifrado',
    'Our ERP is not working and we need it fixed ASAP',
    'El sistema no funciona, lo necesitamos cuanto antes',
    'Tenemos un fallo crítico en los backups esta semana',
  ])('high urgency: %s', (text) => {
    expect(scoreUrgency({ description: text }).score).toBeGreaterThanOrEqual(60);
  });
  it.each(['No es urgente, lo veremos el próximo trimestre', 'Not urgent, no rush', 'Sin prisa, solo explorando opciones', 'There is no deadline.'])(
    'negations cancel: %s',
    (text) => expect(scoreUrgency({ description: text }).score).toBe(0),
  );
  it('an incident still counts when only the time pressure is negated', () => {
    // v3: an outage in progress is high urgency whatever the writer says about haste (was "> 0").
    expect(scoreUrgency({ description: 'No es urgente, pero el servidor está caído' }).score).toBeGreaterThanOrEqual(60);
    expect(scoreUrgency({ description: 'We have no data loss so far' }).score).toBe(0);
  });
  it('a hot CRM status adds urgency', () => {
    expect(scoreUrgency({ description: '', status: 'Hot' }).score).toBe(15);
  });
});

describe('rule 5: opportunity', () => {
  it('grows with size, revenue, scope and complexity', () => {
    const small = scoreOpportunity({ companySize: 5, description: 'Una web sencilla' }).score;
    const big = scoreOpportunity({ companySize: '5k', annualRevenue: '$800M', description: 'Migración completa en todas las sedes, 12 países, integración con SAP y cumplimiento ISO 27001' }).score;
    expect(small).toBeLessThan(30);
    expect(big).toBeGreaterThanOrEqual(85);
  });
});

describe('rule 6: data quality', () => {
  it('complete corporate records score high; coherence adds', () => {
    const r = scoreDataQuality({ fullName: 'Ana Ruiz', email: 'ana@acme.es', company: 'Acme S.A.', phone: '+34 600 123 456', jobTitle: 'CTO', description: 'Necesitamos soporte 24/7 para 300 puestos', industry: 'Retail', location: 'Madrid', companySize: 300 });
    expect(r.score).toBe(100);
    expect(r.poor).toBe(false);
  });
  it('junk names and invalid emails are poor data', () => {
    expect(isJunk('Test Test')).toBe(true);
    expect(isJunk('asdf')).toBe(true);
    expect(isJunk('xxx')).toBe(true);
    expect(isJunk('Testa Industrial')).toBe(false);
    expect(scoreDataQuality({ fullName: 'asdf', email: 'x@x.com' }).poor).toBe(true);
    expect(scoreDataQuality({ fullName: 'Juan Pérez', email: 'juan@mailinator.com' }).poor).toBe(true);
    expect(scoreDataQuality({ fullName: 'Juan Pérez', email: 'juan@' }).poor).toBe(true);
  });
  it('plausible phones', () => {
    expect(isPlausiblePhone('+34 600 123 456')).toBe(true);
    expect(isPlausiblePhone('1111111')).toBe(false);
    expect(isPlausiblePhone('call me')).toBe(false);
  });
});
