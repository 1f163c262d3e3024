/**
 * Which Salesforce field feeds which Lead field, per object. A field is found
 * by its API name (the layout item's data-target-selection-name,
 * "sfdc:RecordField.Lead.Email") and else by its label as the UI shows it, in
 * English or Spanish, lower-cased. The first field of a spec that shows a
 * value wins.
 */
import type { SalesforceObject } from './match';

export interface FieldSpec {
  api: readonly string[];
  labels: readonly string[];
}

const spec = (api: readonly string[], labels: readonly string[]): FieldSpec => ({ api, labels });

const NAME = spec(['Name'], ['name', 'nombre', 'full name', 'nombre completo']);
const TITLE = spec(['Title'], ['title', 'cargo', 'puesto', 'título']);
const EMAIL = spec(['Email'], ['email', 'correo electrónico', 'correo', 'e-mail']);
const PHONE = spec(['Phone'], ['phone', 'teléfono']);
const MOBILE = spec(['MobilePhone'], ['mobile', 'mobile phone', 'móvil', 'teléfono móvil']);
const INDUSTRY = spec(['Industry'], ['industry', 'sector', 'industria']);
const DESCRIPTION = spec(['Description'], ['description', 'descripción']);
const EMPLOYEES = spec(['NumberOfEmployees'], [
  'no. of employees', 'employees', 'number of employees',
  'nº de empleados', 'n.º de empleados', 'núm. de empleados', 'número de empleados', 'empleados',
]);
const REVENUE = spec(['AnnualRevenue'], ['annual revenue', 'ingresos anuales']);
const LEAD_SOURCE = spec(['LeadSource'], ['lead source', 'origen del candidato', 'origen del prospecto', 'origen del lead']);
const ACCOUNT_NAME = spec(['AccountId'], ['account name', 'account', 'nombre de la cuenta', 'cuenta']);
const GENERIC_OWNER = ['owner', 'propietario'];
/** An opportunity's stage (its status, and a campaign's deal stage). */
export const STAGE = spec(['StageName'], ['stage', 'etapa', 'fase']);

/**
 * A related record's field shown on the page (a "Contact Details" / "Account Details" card on a
 * Case or an Opportunity): its API name qualified by the related object, and its labels — matched
 * only among fields known to belong to that object (by API name, or by the card's object icon).
 */
const related = (api: string, labels: readonly string[] = []): FieldSpec => spec([api], labels);

/** The Salesforce fields read for each Lead field (and the parts of status / description), by object. */
export interface ObjectFields {
  fullName?: readonly FieldSpec[];
  jobTitle?: readonly FieldSpec[];
  company?: readonly FieldSpec[];
  email?: readonly FieldSpec[];
  phone?: readonly FieldSpec[];
  industry?: readonly FieldSpec[];
  location?: readonly FieldSpec[];
  description?: readonly FieldSpec[];
  companySize?: readonly FieldSpec[];
  annualRevenue?: readonly FieldSpec[];
  source?: readonly FieldSpec[];
  owner?: readonly FieldSpec[];
  /** Status parts, each with its fixed English prefix. */
  status?: readonly (readonly [prefix: string, spec: FieldSpec])[];
  /** A title that leads the description (opportunity name, case subject). */
  headline?: FieldSpec;
  /** A money amount shown in the description ("Amount: $250,000.00") — never annualRevenue. */
  amount?: FieldSpec;
  /** The highlights panel's primary field fills this Lead field when the layout does not show it. */
  primaryField?: 'fullName' | 'company' | 'headline';
}

export const OBJECT_FIELDS: Record<SalesforceObject, ObjectFields> = {
  Lead: {
    fullName: [NAME],
    jobTitle: [TITLE],
    company: [spec(['Company'], ['company', 'compañía', 'empresa'])],
    email: [EMAIL],
    phone: [PHONE, MOBILE],
    industry: [INDUSTRY],
    location: [spec(['Address'], ['address', 'dirección'])],
    description: [DESCRIPTION],
    companySize: [EMPLOYEES],
    annualRevenue: [REVENUE],
    source: [LEAD_SOURCE],
    owner: [spec(['OwnerId'], ['lead owner', 'propietario del candidato', 'propietario del prospecto', 'propietario del lead', ...GENERIC_OWNER])],
    status: [
      ['Lead status', spec(['Status'], ['lead status', 'estado del candidato', 'estado del prospecto', 'estado del lead', 'status', 'estado'])],
      ['Rating', spec(['Rating'], ['rating', 'calificación', 'valoración'])],
    ],
    primaryField: 'fullName',
  },
  Contact: {
    fullName: [NAME],
    jobTitle: [TITLE],
    company: [ACCOUNT_NAME],
    email: [EMAIL],
    phone: [PHONE, MOBILE],
    location: [spec(['MailingAddress'], ['mailing address', 'dirección postal', 'dirección de correo', 'address', 'dirección'])],
    description: [DESCRIPTION],
    source: [LEAD_SOURCE],
    owner: [spec(['OwnerId'], ['contact owner', 'propietario del contacto', ...GENERIC_OWNER])],
    primaryField: 'fullName',
  },
  Opportunity: {
    fullName: [spec(['ContactId'], ['primary contact', 'contact', 'contacto principal', 'contacto'])],
    jobTitle: [related('Contact.Title', TITLE.labels)],
    company: [ACCOUNT_NAME],
    email: [related('Contact.Email', EMAIL.labels)],
    phone: [related('Contact.Phone', PHONE.labels), related('Contact.MobilePhone', MOBILE.labels)],
    industry: [related('Account.Industry', INDUSTRY.labels)],
    companySize: [related('Account.NumberOfEmployees', EMPLOYEES.labels)],
    description: [DESCRIPTION],
    source: [LEAD_SOURCE],
    owner: [spec(['OwnerId'], ['opportunity owner', 'propietario de la oportunidad', ...GENERIC_OWNER])],
    status: [['Stage', STAGE]],
    headline: spec(['Name'], ['opportunity name', 'nombre de la oportunidad']),
    amount: spec(['Amount'], ['amount', 'importe', 'monto']),
    primaryField: 'headline',
  },
  Case: {
    fullName: [spec(['ContactId'], ['contact name', 'nombre del contacto', 'contact', 'contacto'])],
    jobTitle: [related('Contact.Title', TITLE.labels)],
    company: [ACCOUNT_NAME],
    email: [
      spec(['ContactEmail'], ['contact email', 'correo electrónico del contacto']),
      related('Contact.Email', EMAIL.labels),
      spec(['SuppliedEmail'], ['web email', 'correo electrónico web']),
    ],
    phone: [
      spec(['ContactPhone'], ['contact phone', 'teléfono del contacto']),
      related('Contact.Phone', PHONE.labels),
      related('Contact.MobilePhone', MOBILE.labels),
      spec(['SuppliedPhone'], ['web phone', 'teléfono web']),
    ],
    industry: [related('Account.Industry', INDUSTRY.labels)],
    companySize: [related('Account.NumberOfEmployees', EMPLOYEES.labels)],
    description: [DESCRIPTION],
    source: [spec(['Origin'], ['case origin', 'origen del caso'])],
    owner: [spec(['OwnerId'], ['case owner', 'propietario del caso', ...GENERIC_OWNER])],
    status: [
      ['Status', spec(['Status'], ['status', 'estado'])],
      ['Priority', spec(['Priority'], ['priority', 'prioridad'])],
    ],
    headline: spec(['Subject'], ['subject', 'asunto']),
  },
  Account: {
    company: [spec(['Name'], ['account name', 'nombre de la cuenta'])],
    phone: [PHONE],
    industry: [INDUSTRY],
    location: [
      spec(['BillingAddress'], ['billing address', 'dirección de facturación']),
      spec(['ShippingAddress'], ['shipping address', 'dirección de envío']),
    ],
    description: [DESCRIPTION],
    companySize: [EMPLOYEES],
    annualRevenue: [REVENUE],
    source: [spec(['AccountSource'], ['account source', 'origen de la cuenta'])],
    owner: [spec(['OwnerId'], ['account owner', 'propietario de la cuenta', ...GENERIC_OWNER])],
    status: [['Type', spec(['Type'], ['type', 'tipo'])]],
    primaryField: 'company',
  },
};

/** What the highlights panel's entity label says, per object (English, Spanish). */
export const ENTITY_LABELS: Record<SalesforceObject, readonly string[]> = {
  Lead: ['lead', 'candidato', 'prospecto'],
  Contact: ['contact', 'contacto'],
  Opportunity: ['opportunity', 'oportunidad'],
  Account: ['account', 'cuenta'],
  Case: ['case', 'caso'],
};
