import { CompanyProfileSchema, type CompanyProfile } from '../contracts';

/**
 * The profile Pulso uses until an admin sets one (options page, or the backend's
 * PULSO_PROFILE file): a managed IT services company selling to mid-size firms.
 */
export const DEMO_PROFILE: CompanyProfile = CompanyProfileSchema.parse({
  name: 'Nube Segura IT',
  description:
    'Servicios gestionados de TI para empresas medianas: migración a la nube, ciberseguridad, copias de seguridad y soporte 24/7.',
  services: [
    'Cloud migration',
    'Managed cybersecurity',
    'Backup and disaster recovery',
    '24/7 IT support',
    'Data analytics and BI',
  ],
  targetAudience: 'Empresas medianas y grandes (50 a 5000 empleados) en España y Latinoamérica',
  targetIndustries: ['Manufacturing', 'Retail', 'Logistics', 'Healthcare', 'Financial services'],
  hours: 'Lunes a viernes de 9:00 a 18:00 (CET); soporte crítico 24/7',
  location: 'Madrid, España',
  slaHours: { P1: 1, P2: 4, P3: 24, P4: 72 },
  replyPolicy: { tone: 'friendly', signature: 'Equipo Nube Segura IT', maxWords: 180, maxCompensation: 50, language: 'auto' },
});
