import { CompanyProfileSchema, type CompanyProfile } from '../contracts';
import { DEMO_PROFILE } from '../profile/demo-profile';

/** For campaign tests: the demo profile (IT services, Spanish), and a shop whose offer is a catalog. */
export const IT_PROFILE: CompanyProfile = DEMO_PROFILE;

export const SHOP_PROFILE: CompanyProfile = CompanyProfileSchema.parse({
  name: 'Ferretería Norte',
  description: 'Hardware store for professionals.',
  services: [],
  catalog: [
    { sku: 'DR-18V', name: 'Cordless drill 18V', price: 129, stock: 4 },
    { sku: 'LD-6', name: 'Aluminium ladder 6 steps', price: 89 },
    { sku: 'PW-1', name: 'Pressure washer', price: 210 },
  ],
  replyPolicy: { tone: 'friendly', signature: 'Ferretería Norte', maxWords: 150, language: 'auto' },
});

export const RICH_ES = {
  lead: {
    fullName: 'Lucía Gómez',
    jobTitle: 'Directora de sistemas',
    company: 'Norte Logística SA',
    email: 'lucia@nortelogistica.es',
    industry: 'Logistics',
    companySize: 350,
    description: 'Tuvimos un ataque de ransomware y necesitamos reforzar la ciberseguridad urgentemente, esta semana si es posible.',
  },
  context: {
    timeline: [
      { kind: 'call' as const, date: '2025-03-04', text: 'Llamada con Lucía: quiere una auditoría de seguridad y un plan de copias de seguridad.' },
      { kind: 'email' as const, date: '2025-02-20', text: 'Nos escribió pidiendo información sobre ciberseguridad gestionada.' },
    ],
    dealStage: 'Propuesta enviada',
  },
};

export const EN_EVALUATING = {
  lead: {
    fullName: 'John Carter',
    jobTitle: 'IT Manager',
    company: 'Northwind Retail',
    email: 'john@northwind.com',
    industry: 'Retail',
    description: 'We are comparing providers to migrate our servers to the cloud; we need to decide this month.',
  },
};
