import type { Lead } from '../../contracts';
import { normalize } from '../../text/normalize';
import { compileAny } from '../../text/patterns';

/**
 * v2, rule 6b "not a buyer": the source disqualifies leads that cannot become
 * customers. Three kinds a CRM inbox collects: students doing coursework, job
 * seekers, and vendors pitching their own services to us. Each needs an explicit
 * cue; a title like "Analyst" or a sentence like "we offer retail services" alone
 * does not make a lead a non-buyer.
 */
const STUDENT_TITLE = compileAny(['student*', 'estudiante*', 'alumn*', 'becari* de investigacion']);
const ACADEMIC = compileAny([
  'tfg', 'tfm', 'trabajo de fin de grado', 'trabajo fin de grado', 'trabajo de fin de master', 'mi tesis', 'my thesis',
  'my dissertation', 'mi tarea', 'my homework', 'class project', 'proyecto de clase', 'school project', 'university project',
]);
const JOB_SEEKER = compileAny([
  'busco empleo', 'busco trabajo', 'buscando empleo', 'buscando trabajo', 'mi cv', 'mi curriculum', 'adjunto mi cv',
  'vacante*', 'oferta de empleo', 'ofertas de empleo', 'job opening*', 'looking for a job', 'looking for work',
  'my resume', 'my cv', 'attached my cv', 'job application', 'apply for the position', 'postularme', 'candidatura',
]);
const VENDOR_PITCH = compileAny([
  '/we (?:offer|provide|sell) (?:[a-z]+ ){0,2}services? to (?:boost|improve|grow|increase|help) your/',
  '/(?:le |les )?ofrecemos (?:nuestros )?servicios (?:de [a-z]+ )?para (?:mejorar|impulsar|aumentar|hacer crecer) (?:su|tu|sus)/',
  'boost your ranking*', 'free audit', 'auditoria gratuita', 'your website ranking*', 'guest post*', 'link building',
  'reply for a free', 'responda para', 'we can help your company grow', 'outsourcing offer', 'partnership proposal for your',
]);

export interface BuyerCheck {
  notABuyer: boolean;
  /** 'student' | 'job_seeker' | 'vendor' | '' — for the rationale. */
  reason: '' | 'student' | 'job_seeker' | 'vendor';
  evidence: string;
}

export function checkBuyer(lead: Pick<Lead, 'jobTitle' | 'description'>): BuyerCheck {
  const title = normalize(lead.jobTitle);
  const text = normalize((lead.description ?? '').slice(0, 3_000));
  const hit = (re: RegExp, s: string) => re.exec(s)?.[0] ?? '';
  let evidence = hit(STUDENT_TITLE, title) || hit(ACADEMIC, text);
  if (evidence) return { notABuyer: true, reason: 'student', evidence };
  evidence = hit(JOB_SEEKER, text);
  if (evidence) return { notABuyer: true, reason: 'job_seeker', evidence };
  evidence = hit(VENDOR_PITCH, text);
  if (evidence) return { notABuyer: true, reason: 'vendor', evidence };
  return { notABuyer: false, reason: '', evidence: '' };
}
