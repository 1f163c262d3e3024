import type { ContactProfile } from '../../contracts';
import { normalize } from '../../text/normalize';
import { compileAny, compileAnyGlobal } from '../../text/patterns';
import { execAll } from '../../text/regex';

export type Seniority = ContactProfile['seniority'];
export type RoleType = ContactProfile['roleType'];
export type DecisionPower = ContactProfile['decisionPower'];

export interface JobTitleProfile {
  seniority: Seniority;
  roleType: RoleType;
  decisionPower: DecisionPower;
  /** The words of the title that decided the seniority ('' when none). */
  matched: string;
}

/**
 * Seniority levels, highest first. Source: the lead-classification brief (title →
 * seniority); Spanish and English forms, both genders.
 * Decision (v3): "jefe / jefa / gerente / responsable de <función>" (sistemas, compras, personal,
 * planta) heads that function and is DIRECTOR, like "Head of IT"; a project, shift, team or crew
 * lead stays MANAGER; "country manager"
 * runs a country, so DIRECTOR; "partner/socio" alone is DIRECTOR, managing/founding partner C_LEVEL.
 */
const LEVELS: ReadonlyArray<{ seniority: Seniority; terms: string[] }> = [
  {
    seniority: 'C_LEVEL',
    terms: [
      'ceo', 'cto', 'cio', 'ciso', 'cfo', 'coo', 'cmo', 'cro', 'cpo', 'cso', 'cdo', 'cco', 'chro', 'cxo', 'cdao', 'caio',
      'chief * officer', 'chief * * officer', 'chief executive', 'chief technology', 'chief information*',
      'founder*', 'co-founder*', 'cofounder*', 'fundador*', 'co-fundador*', 'cofundador*',
      'owner*', 'co-owner*', 'dueno*', 'duena*', 'propietari*', 'president*', 'presidenta',
      'director* general*', 'directora* general*', 'director* ejecutiv*', 'directora* ejecutiv*', 'gerente* general*',
      'general manager*', 'managing director*', 'managing partner*', 'socio director*', 'socia directora',
      'socio fundador*', 'socia fundadora', 'consejer* delegad*', 'administrador* unic*', 'chairman', 'chairwoman',
      'chairperson', 'presidente ejecutivo', 'chief * * * officer',
    ],
  },
  {
    seniority: 'VP',
    terms: ['vp', 'svp', 'evp', 'avp', 'vice president*', 'vice-president*', 'vicepresident*', 'subdirector* general*'],
  },
  {
    seniority: 'DIRECTOR',
    terms: [
      'director*', 'directora*', 'directeur', 'head of', 'head', 'responsable de', 'responsable', 'jefe de area',
      'jefa de area', 'jefe de departamento', 'jefa de departamento', 'jefe de division', 'jefa de division',
      'subdirector*', 'country manager*', 'partner', 'socio', 'socia',
      // v3: the head of a function is its decision maker whatever the word: "Jefe de Sistemas" is
      // "Head of IT", "Gerente de Compras" heads purchasing. Not a project, shift, team, crew or
      // counter lead, nor a store or site foreman.
      '/(?:jefe|jefa|gerente|responsable|head) (?:del|de la|de los|de las|de|of|of the) (?!(?:proyecto|proyectos|turno|equipo|obra|grupo|tienda|seccion|cuadrilla|linea|mostrador|caja|sala|cocina|barra|cuentas|project|projects|shift|team|store|crew|section)(?![a-z]))[a-z]+/',
      '/^(?:gerente|gerenta)$/',
    ],
  },
  {
    seniority: 'MANAGER',
    terms: [
      'manager*', 'gerente*', 'jefe*', 'jefa*', 'coordinador*', 'coordinator*', 'supervisor*', 'team lead*',
      'tech lead*', 'lead', 'lider*', 'leader*', 'encargad*', 'chief of staff', 'product owner', 'scrum master',
      'mando intermedio',
    ],
  },
  {
    seniority: 'TECHNICAL',
    terms: [
      'engineer*', 'ingenier*', 'developer*', 'desarrollador*', 'programador*', 'programmer*', 'architect*',
      'arquitect*', 'devops', 'sysadmin*', 'sre', 'dba', 'administrador* de sistemas', 'administradora de sistemas',
      'system* administrator*', 'network administrator*', 'administrador* de redes', 'tecnic*', 'technician*',
      'data scientist*', 'cientifico* de datos', 'cientifica de datos', 'it specialist*', 'soporte tecnico',
    ],
  },
  {
    seniority: 'INDIVIDUAL',
    terms: [
      'assistant*', 'asistente*', 'intern*', 'becari*', 'practicante*', 'trainee*', 'student*', 'estudiante*',
      'analyst*', 'analista*', 'specialist*', 'especialista*', 'ejecutiv*', 'executive', 'account executive*',
      'consultant*', 'consultor*', 'representative*', 'representante*', 'agent*', 'agente*', 'sales rep*',
      'administrativ*', 'auxiliar*', 'recepcionista*', 'receptionist*', 'operari*', 'operator*', 'vendedor*',
      'comercial*', 'clerk*', 'secretari*', 'associate*', 'employee*', 'empleado*', 'staff', 'freelance*',
      'teacher*', 'profesor*', 'nurse*', 'enfermer*', 'doctor*', 'medico*', 'odontolog*', 'dentist*',
    ],
  },
];

const RANK: Record<Seniority, number> = { C_LEVEL: 6, VP: 5, DIRECTOR: 4, MANAGER: 3, TECHNICAL: 2, INDIVIDUAL: 1, UNKNOWN: 0 };
const COMPILED = LEVELS.map((level) => ({ seniority: level.seniority, regex: compileAnyGlobal(level.terms) }));

// Titles held in the past are not decision power today ("ex-CEO", "former CTO", "antiguo director").
const FORMER = compileAnyGlobal([
  'ex', 'former', 'formerly', 'antigu*', 'retired', 'jubilad*', 'previous*', 'anterior*', 'past', 'aspiring', 'futur*',
  'wannabe',
]);
const FORMER_TITLE = new RegExp(
  `${FORMER.source}[\\s-]+[a-z0-9]+(?:[\\s-]+(?:general|ejecutivo|ejecutiva|officer|of [a-z]+|de [a-z]+))?`,
  'g',
);
// Titles that contain a senior word but are not senior ones.
const NOT_SENIOR = /\b(?:product|process|service|account) owner\b/g;
const VICE_PRESIDENT = /\bvice[ -]?president[a-z]*\b/g;
const FORMER_PREFIX = /\bex(?=(ceo|cto|cio|cfo|coo|director|directora|gerente|presidente|presidenta|jefe|jefa|socio)\b)/g;
// "Assistant to the CEO", "asistente del director", "oficina del presidente": the senior word is the object, not the title.
const OBJECT_OF = /(?:\b(?:to|of|for|del|de|al|a|para|reporting to|reports to|reporta a)\s+(?:(?:the|la|el|los|las|our|nuestro|nuestra|su|his|her)\s+)?)$/;
const ASSISTANT_OF = compileAny([
  'assistant to', 'assistant of', 'executive assistant', 'personal assistant', 'pa to', 'asistente de', 'asistente del',
  'asistente de la', 'asistente a', 'asistente personal', 'asistente ejecutiv*', 'asistente de direccion',
  'secretari* de', 'secretari* del', 'secretari* de direccion', 'office of the', 'oficina del', 'oficina de la',
  'ayudante de', 'ayudante del', 'auxiliar de', 'auxiliar del',
]);
// A leading "assistant"/"adjunto" lowers a level by one: "Assistant Manager", "Director adjunto" stays director.
const ASSISTANT_LEAD = /^(?:assistant|asistente|auxiliar|ayudante|deputy|junior)\b/;

/** Areas that make a decision maker a technical one. Source: brief, rule 1. */
const TECH_AREA = compileAny([
  'it', 'ti', 'sistemas', 'systems', 'system', 'tecnolog*', 'technolog*', 'tech', 'engineering', 'ingenieria',
  'infraestructura*', 'infrastructure', 'seguridad', 'security', 'ciberseg*', 'cyber*', 'data', 'datos', 'cto', 'cio',
  'ciso', 'cdo', 'cdao', 'caio', 'informatica', 'informatics', 'software', 'platform*', 'plataforma*', 'devops',
  'cloud', 'nube', 'transformacion digital', 'innovacion tecnologica', 'it operations', 'operaciones ti',
  'redes', 'network*', 'desarrollo de software', 'software development', 'product engineering', 'sre',
]);

const POWER: Record<Seniority, DecisionPower> = {
  C_LEVEL: 'HIGH', VP: 'HIGH', DIRECTOR: 'HIGH', MANAGER: 'MEDIUM', TECHNICAL: 'LOW', INDIVIDUAL: 'LOW', UNKNOWN: 'LOW',
};

const DOWN: Record<Seniority, Seniority> = {
  C_LEVEL: 'DIRECTOR', VP: 'DIRECTOR', DIRECTOR: 'DIRECTOR', MANAGER: 'INDIVIDUAL', TECHNICAL: 'TECHNICAL',
  INDIVIDUAL: 'INDIVIDUAL', UNKNOWN: 'UNKNOWN',
};

/** Job title → seniority, role type and decision power (rule 1 of the brief). */
export function classifyJobTitle(jobTitle: string | undefined): JobTitleProfile {
  let title = normalize(jobTitle ?? '').slice(0, 300);
  if (!title) return { seniority: 'UNKNOWN', roleType: 'UNKNOWN', decisionPower: 'LOW', matched: '' };
  title = title.replace(/[^a-z0-9&/ -]+/g, ' ').replace(/\s+/g, ' ').trim();

  // Past or future titles are blanked out, with the word(s) that follow them.
  title = title.replace(FORMER_PREFIX, 'ex ');
  title = title.replace(FORMER_TITLE, ' ').replace(NOT_SENIOR, 'coordinator').replace(VICE_PRESIDENT, 'vp');

  const assistantOf = ASSISTANT_OF.test(title);
  let best: Seniority = 'UNKNOWN';
  let matched = '';
  for (const level of COMPILED) {
    if (RANK[level.seniority] <= RANK[best]) continue;
    level.regex.lastIndex = 0;
    for (const hit of execAll(level.regex, title)) {
      const before = title.slice(0, hit.index);
      if (OBJECT_OF.test(before) && before.trim().length > 0) continue;
      best = level.seniority;
      matched = hit[0];
      break;
    }
  }
  if (assistantOf) {
    best = 'INDIVIDUAL';
    matched = title.match(ASSISTANT_OF)?.[0] ?? matched;
  } else if (ASSISTANT_LEAD.test(title) && RANK[best] > RANK.INDIVIDUAL) {
    best = DOWN[best];
  }

  const decisionPower = POWER[best];
  const techArea = TECH_AREA.test(title);
  let roleType: RoleType;
  if (best === 'UNKNOWN') roleType = 'UNKNOWN';
  else if (decisionPower === 'HIGH') roleType = techArea ? 'TECH_DECISION_MAKER' : 'BUSINESS_DECISION_MAKER';
  else if (best === 'MANAGER' || best === 'TECHNICAL') roleType = 'INFLUENCER';
  else roleType = 'USER';
  return { seniority: best, roleType, decisionPower, matched };
}
