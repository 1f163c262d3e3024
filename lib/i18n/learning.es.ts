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
  'outreach.title': 'Contactar primero',
  'outreach.draft': 'Redactar mensaje',
  'outreach.drafting': 'Redactando…',
  'outreach.failed': 'No se pudo redactar: {message}',
  'outreach.strategy': '{strategy} · {segment}',
  'outreach.noPolicy': 'no se pudo consultar la política del equipo',
  'outreach.neverSent': 'Pulso nunca lo envía: cópialo en tu mensaje.',
};
