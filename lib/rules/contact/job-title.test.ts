import { describe, expect, it } from 'vitest';
import { classifyJobTitle } from './job-title';

const seniority = (t: string) => classifyJobTitle(t).seniority;

describe('rule 1: job title → seniority, role type, decision power', () => {
  it.each([
    ['CEO', 'C_LEVEL'], ['CTO', 'C_LEVEL'], ['CISO', 'C_LEVEL'], ['Chief Information Officer', 'C_LEVEL'],
    ['Fundador', 'C_LEVEL'], ['Co-founder & CEO', 'C_LEVEL'], ['Dueño', 'C_LEVEL'], ['Propietaria', 'C_LEVEL'],
    ['Presidente', 'C_LEVEL'], ['Director General', 'C_LEVEL'], ['Gerente General', 'C_LEVEL'], ['Managing Director', 'C_LEVEL'],
    ['VP of Engineering', 'VP'], ['Vice President, Sales', 'VP'], ['Vicepresidenta de Operaciones', 'VP'],
    ['Director de Sistemas', 'DIRECTOR'], ['Directora Financiera', 'DIRECTOR'], ['Head of IT', 'DIRECTOR'],
    ['Responsable de Infraestructura', 'DIRECTOR'], ['Jefe de área comercial', 'DIRECTOR'],
    // v3: the head of a function decides like a director: "Jefe de Sistemas" is "Head of IT" (was MANAGER, which
    // made the same outage lead MQL/P2 in Spanish and SQL/P1 in English).
    ['IT Manager', 'MANAGER'], ['Gerente de Compras', 'DIRECTOR'], ['Jefe de Sistemas', 'DIRECTOR'], ['Jefa de Personal', 'DIRECTOR'],
    ['Jefe de proyecto', 'MANAGER'], ['Jefe de turno', 'MANAGER'], ['Gerente', 'DIRECTOR'],
    ['Coordinadora de logística', 'MANAGER'], ['Team Lead', 'MANAGER'], ['Product Owner', 'MANAGER'],
    ['Senior Software Engineer', 'TECHNICAL'], ['Ingeniera de redes', 'TECHNICAL'], ['Desarrollador backend', 'TECHNICAL'],
    ['Administrador de sistemas', 'TECHNICAL'], ['DevOps', 'TECHNICAL'], ['Técnico de soporte', 'TECHNICAL'],
    ['Analista de datos', 'INDIVIDUAL'], ['Becario', 'INDIVIDUAL'], ['Student', 'INDIVIDUAL'], ['Ejecutivo de cuentas', 'INDIVIDUAL'],
    ['', 'UNKNOWN'], ['Lorem', 'UNKNOWN'],
  ])('%s → %s', (title, expected) => {
    expect(seniority(title)).toBe(expected);
  });

  it('traps: assistants of executives are not C-level', () => {
    expect(seniority('Assistant to the CEO')).toBe('INDIVIDUAL');
    expect(seniority('Asistente del director general')).toBe('INDIVIDUAL');
    expect(seniority('Executive Assistant to the CTO')).toBe('INDIVIDUAL');
    expect(classifyJobTitle('Secretaria de dirección').decisionPower).toBe('LOW');
  });
  it('traps: former titles carry no decision power', () => {
    expect(seniority('ex-CEO')).toBe('UNKNOWN');
    expect(seniority('Former CTO, now consultant')).toBe('INDIVIDUAL');
    expect(classifyJobTitle('Antiguo director comercial').decisionPower).toBe('LOW');
  });
  it('tech area words make a technical decision maker', () => {
    expect(classifyJobTitle('CTO')).toMatchObject({ roleType: 'TECH_DECISION_MAKER', decisionPower: 'HIGH' });
    expect(classifyJobTitle('Director de TI')).toMatchObject({ roleType: 'TECH_DECISION_MAKER' });
    expect(classifyJobTitle('Directora de Seguridad')).toMatchObject({ roleType: 'TECH_DECISION_MAKER' });
    expect(classifyJobTitle('Director Comercial')).toMatchObject({ roleType: 'BUSINESS_DECISION_MAKER' });
    expect(classifyJobTitle('CEO')).toMatchObject({ roleType: 'BUSINESS_DECISION_MAKER' });
    expect(classifyJobTitle('Business Development Director')).toMatchObject({ roleType: 'BUSINESS_DECISION_MAKER' });
  });
  it('managers influence, individuals use', () => {
    expect(classifyJobTitle('IT Manager')).toMatchObject({ roleType: 'INFLUENCER', decisionPower: 'MEDIUM' });
    expect(classifyJobTitle('Analyst')).toMatchObject({ roleType: 'USER', decisionPower: 'LOW' });
  });
});
