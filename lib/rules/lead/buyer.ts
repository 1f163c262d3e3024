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
  '/(?:my|mi) (?:[^ ]+ ){0,2}(?:thesis|tesis|dissertation|tfg|tfm)/', "i'm a student", 'i am a student', '/(?:i am|i.m) an? (?:[a-z]+ ){0,2}student/', 'soy estudiante',
  '/soy (?:un |una )?estudiante/', 'for my class', 'para mi clase', 'para la universidad', 'for university', 'trabajo universitario', 'research project',
]);
const JOB_SEEKER = compileAny([
  'busco empleo', 'busco trabajo', 'buscando empleo', 'buscando trabajo', 'mi cv', 'mi curriculum', 'adjunto mi cv',
  'vacante*', 'oferta de empleo', 'ofertas de empleo', 'job opening*', 'looking for a job', 'looking for work',
  'my resume', 'my cv', 'attached my cv', 'job application', 'apply for the position', 'postularme', 'candidatura',
  'busco empleo', 'adjunto mi cv', 'les adjunto mi cv', 'send my cv', 'send my resume', 'subcontracting opportunit*', 'freelance opportunit*',
  'oportunidades de subcontratacion', 'work for you', 'trabajar con ustedes', 'trabajar en alguna', 'trabajar en sus',
]);
/** v3: a person asking about their own job or pay, not their company's need ("¿me están pagando bien las horas extra?"). */
const CONSUMER = compileAny([
  'me estan pagando', 'me pagan', 'mi nomina', 'revisar mi nomina', 'en mi trabajo', 'mi jefe no me', 'my paycheck', 'my payslip', 'my employer',
  'my boss won', "i'm being paid", 'am i being paid', 'mi contrato de trabajo', 'mi despido', 'me despidieron', 'i was fired', 'i got fired',
]);
const VENDOR_PITCH = compileAny([
  '/we (?:offer|provide|sell) (?:[a-z]+ ){0,2}services? to (?:boost|improve|grow|increase|help) your/',
  '/(?:le |les )?ofrecemos (?:nuestros )?servicios (?:de [a-z]+ )?para (?:mejorar|impulsar|aumentar|hacer crecer) (?:su|tu|sus)/',
  'boost your ranking*', 'free audit', 'auditoria gratuita', 'your website ranking*', 'guest post*', 'link building',
  'reply for a free', 'responda para', 'we can help your company grow', 'outsourcing offer', 'partnership proposal for your',
  '/we help (?:[a-z]+ ){0,3}(?:companies|firms|businesses|agencies) like yours/', '/(?:ayudamos|ayudamos a) (?:[a-z]+ ){0,3}(?:empresas|asesorias|agencias) como la (?:suya|tuya|vuestra)/',
  '/(?:ofrecemos|we offer|we provide|proveemos) (?:[a-z0-9]+ ){0,6}(?:para|for|to) (?:[a-z]+ ){0,2}(?:asesorias|empresas|agencias|companies|firms|partners|resellers|your customers|your clients|sus clientes|vuestros clientes) como (?:la suya|la vuestra|la tuya|usted|ustedes)/',
  'marca blanca', 'white label', 'white-label', 'to your customers', 'a sus clientes', 'a vuestros clientes', 'partnership call', 'open to a partnership',
  'reseller program*', 'programa de distribuidores', 'book a free audit', 'free seo', 'rank first on google', 'guest posting',
  '/(?:agendamos|agendemos|podemos agendar) una llamada (?:[a-z0-9]+ ){0,4}para (?:ensenar|mostrar|presentar)/',
]);

export interface BuyerCheck {
  notABuyer: boolean;
  /** 'student' | 'job_seeker' | 'vendor' | '' — for the rationale. */
  reason: '' | 'student' | 'job_seeker' | 'vendor' | 'consumer';
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
  evidence = hit(CONSUMER, text);
  if (evidence) return { notABuyer: true, reason: 'consumer', evidence };
  return { notABuyer: false, reason: '', evidence: '' };
}
