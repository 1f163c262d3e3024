import { CompanyProfileSchema, type CompanyProfile } from '../../contracts';

/** A second profile, unlike the demo one: a Spanish dental-clinic software vendor. */
export const DENTAL_PROFILE: CompanyProfile = CompanyProfileSchema.parse({
  name: 'DentiSoft',
  description: 'Software de gestión para clínicas dentales.',
  services: ['Software de gestión para clínicas dentales', 'Agenda online de citas', 'Historia clínica digital', 'Facturación y cobros'],
  targetAudience: 'Clínicas dentales pequeñas (1 a 50 empleados) en España',
  targetIndustries: ['Clínicas dentales', 'Odontología'],
  slaHours: { P1: 2, P2: 8, P3: 48, P4: 120 },
});
