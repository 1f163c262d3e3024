import { describe, expect, it } from 'vitest';
import { LeadSchema } from '../contracts';
import { classifyLeadByRules } from '../rules';
import { DEMO_PROFILE } from '../profile/demo-profile';
import { maskContactsInText, maskEmail, maskLead, maskPhone } from './mask';

describe('privacy masking', () => {
  it('keeps only the first letter of an email and its whole domain', () => {
    expect(maskEmail('maria.gonzalez@metalurgicaandina.cl')).toBe('m***@metalurgicaandina.cl');
    expect(maskEmail('juan@gmail.com')).toBe('j***@gmail.com');
  });

  it('keeps only the last two digits of a phone', () => {
    expect(maskPhone('+56 2 2345 6789')).toBe('***89');
    expect(maskPhone('(555) 010-4477')).toBe('***77');
    expect(maskPhone('n/a')).toBe('n/a');
  });

  it('masks emails and phones inside free text but leaves sizes, dates and amounts', () => {
    const text = 'Escribir a ana@acme.com o llamar al +34 612 345 678; 850 empleados, 42.000.000 CLP, 2024-05-01.';
    const masked = maskContactsInText(text);
    expect(masked).toContain('a***@acme.com');
    expect(masked).toContain('***78');
    expect(masked).not.toContain('612 345');
    expect(masked).toContain('850 empleados');
    expect(masked).toContain('42.000.000');
    expect(masked).toContain('2024-05-01');
  });

  it('masks a lead without changing its email type', () => {
    const lead = LeadSchema.parse({
      fullName: 'María González',
      jobTitle: 'CTO',
      company: 'Metalúrgica Andina S.A.',
      email: 'maria.gonzalez@metalurgicaandina.cl',
      phone: '+56 2 2345 6789',
      description: 'Su móvil es +56 9 8765 4321',
    });
    const masked = maskLead(lead);
    expect(masked.email).toBe('m***@metalurgicaandina.cl');
    expect(masked.phone).toBe('***89');
    expect(masked.description).toBe('Su móvil es ***21');
    expect(masked.fullName).toBe('María González');
    expect(lead.email).toBe('maria.gonzalez@metalurgicaandina.cl'); // the original is untouched
    expect(classifyLeadByRules(masked, DEMO_PROFILE).contact.emailType).toBe('CORPORATE');
    expect(classifyLeadByRules(maskLead({ fullName: 'Ana', email: 'ana.perez@gmail.com' }), DEMO_PROFILE).contact.emailType).toBe('FREE');
  });
});
