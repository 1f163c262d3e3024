import type { learningEn } from './learning.en';

/** Aprendizaje (segmentos de la política, ranking de contacto proactivo), español. */
export const learningEs: Record<keyof typeof learningEn, string> = {
  'segment.let_go': 'Dejar ir',
  'segment.retain': 'Retener',
  'segment.care': 'Cuidar',
  'segment.monitor': 'Monitorear',
  'segment.unhappy': 'Insatisfecho (facturación desconocida)',
  'segment.satisfied': 'Satisfecho (facturación desconocida)',
  'segment.unknown': 'Desconocido',
  'outreach.reason.silence': '{days} días desde el último contacto',
  'outreach.reason.silence_unknown': 'Sin fecha del último contacto',
  'outreach.reason.open_issues': 'Incidencias abiertas: {count}',
  'outreach.reason.segment': 'Segmento: {segment}',
  'outreach.reason.billing_high': 'Nivel de facturación alto',
};
