import { CompanyProfileSchema, type CompanyProfile } from '../../contracts';

/**
 * A hardware shop as issue 14 met it: a Spanish catalog (a ladder, a roll of cable), a refund
 * policy in the FAQ, hours and address in Spanish. For the triage and draft tests of the issue's
 * cases (not part of the blind set).
 */
export const HARDWARE_SHOP: CompanyProfile = CompanyProfileSchema.parse({
  name: 'Ferretería Central',
  description: 'Ferretería de barrio en Sevilla. Precios en euros, IVA incluido.',
  hours: 'Lunes a viernes de 9:00 a 14:00 y de 17:00 a 20:00; sábados de 9:00 a 14:00',
  location: 'Calle Feria 12, Sevilla',
  faq: [
    { q: '¿Puedo devolver un producto?', a: 'Tienes 30 días para devolver cualquier producto con el ticket; te devolvemos el importe completo.' },
    { q: '¿Hacéis envíos a domicilio?', a: 'Enviamos en 24-48 h dentro de Sevilla por 4,95 €.' },
  ],
  catalog: [
    { sku: 'ESC-5', name: 'Escalera de aluminio 5 peldaños', price: 34.5, stock: 4 },
    { sku: 'CAB-25', name: 'Rollo de cable eléctrico 2,5 mm 100 m', price: 48, stock: 0 },
    { sku: 'TAL-18', name: 'Taladro inalámbrico 18V', price: 79.9, stock: 6 },
  ],
  slaHours: { P1: 1, P2: 4, P3: 24, P4: 72 },
  replyPolicy: { tone: 'friendly', signature: 'Ferretería Central', maxWords: 140, maxCompensation: 10, language: 'auto' },
});
