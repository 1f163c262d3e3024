/**
 * Every selector the HubSpot adapter reads, in one place, each a fallback
 * chain tried in order: HubSpot's own test hooks first (`data-selenium-test`,
 * `data-test-id`, `data-profile-property`), then structural / ARIA hooks, then
 * the visible labels (English and Spanish UI). The styled-components class
 * names (`Box__StyledBox-sc-1xg6b2r-0 kHqZPa`) change on every deploy and are
 * never used. The fixture tests in record.test.ts run these chains against
 * saved pages in e2e/fixtures/hubspot/.
 */

export type SelectorChain = readonly string[];

/**
 * Never read from inside these: the global nav and the signed-in user's
 * account menu (they show the *rep's* own name and email), and floating
 * tooltips / popovers (they repeat labels and names out of context).
 */
export const GLOBAL_CHROME: SelectorChain = [
  '#hs-nav-v4',
  '[data-test-id="global-navigation"]',
  '[data-test-id="navigation"]',
  '[data-test-id="account-menu"]',
  '[data-selenium-test="account-menu"]',
  'nav[aria-label="Global"]',
  '[role="tooltip"]',
];

/** The whole record page (all three columns). Last resort: the body. */
export const RECORD_PAGE: SelectorChain = [
  '[data-test-id="record-page"]',
  '[data-selenium-test="record-page"]',
  '[data-selenium-component="ProfileView"]',
  'main',
];

/** Left column: highlight card and "About this contact" properties. */
export const LEFT_SIDEBAR: SelectorChain = [
  '[data-test-id="left-sidebar"]',
  '[data-selenium-test="profile-sidebar"]',
  '[data-selenium-test="sidebar"]',
];

/** Middle column: overview / activities tabs and the timeline. */
export const MIDDLE_PANE: SelectorChain = ['[data-test-id="middle-pane"]', '[data-selenium-test="timeline"]'];

/** Right column: associations (company, deals, tickets). */
export const RIGHT_SIDEBAR: SelectorChain = [
  '[data-test-id="records-right-sidebar"]',
  '[data-test-id="right-sidebar"]',
  '[data-selenium-test="association-sidebar"]',
];

/** The contact's name in the highlight card at the top of the left column. */
export const HIGHLIGHT_NAME: SelectorChain = [
  '[data-selenium-test="highlightTitle"]',
  '[data-test-id="highlight-record-label"]',
  '[data-selenium-component="ProfileHighlightContainer"] h1',
  '[data-selenium-component="ProfileHighlightContainer"] h2',
];

/** The contact's email link in the highlight card (fallback when the email property row is absent). */
export const HIGHLIGHT_EMAIL: SelectorChain = [
  '[data-selenium-test="highlight-email"]',
  '[data-selenium-component="ProfileHighlightContainer"] a[href^="mailto:"]',
];

/** Internal names of the contact properties the adapter reads. */
export type ContactProperty =
  | 'firstname'
  | 'lastname'
  | 'jobtitle'
  | 'company'
  | 'email'
  | 'phone'
  | 'mobilephone'
  | 'industry'
  | 'city'
  | 'state'
  | 'country'
  | 'hubspot_owner_id'
  | 'lifecyclestage'
  | 'hs_lead_status'
  | 'hs_analytics_source'
  | 'message'
  | 'description';

/** Hooks of one property's value (or its row) in the left column, by internal property name. */
export function propertyValueChain(property: string): SelectorChain {
  return [
    `[data-selenium-test="property-input-${property}"]`,
    `[data-profile-property="${property}"]`,
    `[data-test-id="property-input-${property}"]`,
    `[data-field="${property}"]`,
    `[data-property-name="${property}"]`,
  ];
}

/** Elements that label a property row, for the label fallback. */
export const PROPERTY_LABEL: SelectorChain = [
  '[data-selenium-test$="property-label"]',
  '[data-test-id$="property-label"]',
  'label',
  'dt',
];

/** The label part of a row (any of PROPERTY_LABEL), left out when a row's text is read as its value. */
export const PROPERTY_LABEL_PART = PROPERTY_LABEL.join(', ');

/** What HubSpot's UI calls each property (English and Spanish UI), lower-cased, for the label fallback. */
export const PROPERTY_LABELS: Record<ContactProperty, readonly string[]> = {
  firstname: ['first name', 'nombre'],
  lastname: ['last name', 'apellidos', 'apellido'],
  jobtitle: ['job title', 'cargo', 'puesto de trabajo'],
  company: ['company name', 'nombre de la empresa'],
  email: ['email', 'correo', 'correo electrónico'],
  phone: ['phone number', 'número de teléfono', 'teléfono'],
  mobilephone: ['mobile phone number', 'número de teléfono móvil'],
  industry: ['industry', 'sector'],
  city: ['city', 'ciudad'],
  state: ['state/region', 'estado/región'],
  country: ['country/region', 'país/región', 'país'],
  hubspot_owner_id: ['contact owner', 'propietario del contacto'],
  lifecyclestage: ['lifecycle stage', 'etapa del ciclo de vida'],
  hs_lead_status: ['lead status', 'estado del lead'],
  hs_analytics_source: ['original source', 'fuente original'],
  message: ['message', 'mensaje'],
  description: ['description', 'descripción'],
};

/** Rendered values that mean "no value" for an owner dropdown. */
export const NO_OWNER_VALUES: readonly string[] = ['no owner', 'unassigned', 'sin propietario', 'sin asignar'];

/** One activity in the timeline (notes, emails, calls, meetings), newest first — except pinned ones. */
export const TIMELINE_CARD: SelectorChain = [
  '[data-selenium-test="timeline-card"]',
  '[data-test-id="timeline-card"]',
  '[data-test-id^="timeline-card-"]',
];

/** The body of a timeline card: the note text, the email body, the call notes. */
export const TIMELINE_CARD_BODY: SelectorChain = [
  '[data-selenium-test="timeline-editable-section"]',
  '[data-selenium-test="timeline-card-body"]',
  '[data-test-id="timeline-card-body"]',
];

/** When the activity happened (machine-readable). */
export const TIMELINE_CARD_TIME: SelectorChain = ['time[datetime]', '[data-test-id="timeline-timestamp"][datetime]'];

/** Attribute naming the engagement type of a timeline card (NOTE, EMAIL, CALL, MEETING, TASK …). */
export const TIMELINE_TYPE_ATTRIBUTES: readonly string[] = ['data-engagement-type', 'data-timeline-item-type'];

/** Engagement types whose body says what the lead needs. Tasks and system events do not. */
export const DESCRIBING_ENGAGEMENT_TYPES: ReadonlySet<string> = new Set(['NOTE', 'EMAIL', 'INCOMING_EMAIL', 'CALL', 'MEETING', 'CONVERSATION']);

/**
 * Engagement types by the timeline item kind a campaign reads them as. Any other type is not
 * read: stage changes and other system events, and tasks (the rep's own to-dos, not something
 * the contact said or did).
 */
export const TIMELINE_KINDS: Readonly<Record<string, 'note' | 'email' | 'call' | 'meeting' | 'task' | 'other'>> = {
  NOTE: 'note',
  EMAIL: 'email',
  INCOMING_EMAIL: 'email',
  FORWARDED_EMAIL: 'email',
  CALL: 'call',
  MEETING: 'meeting',
  CONVERSATION: 'other',
};

/** The associated-deals card in the right column of a contact or company (the deal's stage is on its chicklet). */
export const DEAL_CARD: SelectorChain = [
  '[data-test-id="card-wrapper-ASSOCIATION_V3/0-3"]',
  '[data-selenium-test="association-card-0-3"]',
  '[data-test-id="deal-association-card"]',
];

/** One associated deal inside the card (the most recent first). */
export const DEAL_CHICKLET: SelectorChain = ['[data-selenium-test="association-chicklet"]', '[data-test-id="association-chicklet"]'];

/** The email composer the record's "Email" action opens (the communicator window), when it is open. */
export const EMAIL_COMPOSER: SelectorChain = ['[data-test-id="communicator-window"]', '[data-selenium-test="communicator-window"]', '[role="dialog"][aria-label="Email" i]'];

/** Its subject field. */
export const EMAIL_COMPOSER_SUBJECT: SelectorChain = [
  'input[data-selenium-test="email-subject-input"]',
  'input[data-test-id="email-subject-input"]',
  'input[name="subject"]',
  'input[placeholder="Subject" i]',
  'input[placeholder="Asunto" i]',
];

/** Its body editor (a rich-text contenteditable). */
export const EMAIL_COMPOSER_BODY: SelectorChain = ['[data-test-id="email-editor"] [contenteditable="true"]', '.ProseMirror[contenteditable="true"]', '[contenteditable="true"][role="textbox"]', '[contenteditable="true"]'];

/** The associated-companies card in the right column. */
export const COMPANY_CARD: SelectorChain = [
  '[data-test-id="card-wrapper-ASSOCIATION_V3/0-2"]',
  '[data-selenium-test="association-card-0-2"]',
  '[data-test-id="company-association-card"]',
];

/** One associated company inside the card (the primary one comes first). */
export const COMPANY_CHICKLET: SelectorChain = [
  '[data-selenium-test="association-chicklet"]',
  '[data-test-id="association-chicklet"]',
];

/** The company's name inside a chicklet. */
export const COMPANY_NAME: SelectorChain = [
  '[data-selenium-test="association-chicklet-title"]',
  '[data-test-id="association-record-name"]',
  'a[href*="/record/0-2/"]',
  'a[href*="/company/"]',
];

/** Company properties shown on the chicklet, by internal name. */
export type CompanyProperty = 'numberofemployees' | 'annualrevenue';

export function companyPropertyChain(property: CompanyProperty): SelectorChain {
  return [
    `[data-selenium-test="property-value-${property}"]`,
    `[data-test-id="property-value-${property}"]`,
    `[data-property-name="${property}"]`,
  ];
}

export const COMPANY_PROPERTY_LABELS: Record<CompanyProperty, readonly string[]> = {
  numberofemployees: ['number of employees', 'número de empleados'],
  annualrevenue: ['annual revenue', 'ingresos anuales'],
};

/** What HubSpot's UI calls the company, deal and ticket properties the adapter reads (English and Spanish UI). */
export const OBJECT_PROPERTY_LABELS = {
  name: ['company name', 'name', 'nombre de la empresa', 'nombre'],
  domain: ['company domain name', 'domain', 'nombre de dominio de la empresa', 'dominio'],
  industry: ['industry', 'sector'],
  numberofemployees: ['number of employees', 'número de empleados'],
  annualrevenue: ['annual revenue', 'ingresos anuales'],
  phone: ['phone number', 'número de teléfono', 'teléfono'],
  city: ['city', 'ciudad'],
  state: ['state/region', 'estado/región'],
  country: ['country/region', 'país/región', 'país'],
  description: ['description', 'descripción'],
  lifecyclestage: ['lifecycle stage', 'etapa del ciclo de vida'],
  hs_lead_status: ['lead status', 'estado del lead'],
  hs_analytics_source: ['original source', 'fuente original'],
  company_owner: ['company owner', 'propietario de la empresa'],
  dealname: ['deal name', 'nombre del negocio'],
  amount: ['amount', 'importe', 'monto'],
  dealstage: ['deal stage', 'etapa del negocio'],
  deal_owner: ['deal owner', 'propietario del negocio'],
  subject: ['ticket name', 'subject', 'nombre del ticket', 'asunto'],
  content: ['ticket description', 'descripción del ticket', 'description', 'descripción'],
  hs_pipeline_stage: ['ticket status', 'estado del ticket', 'status', 'estado'],
  hs_ticket_priority: ['priority', 'prioridad'],
  ticket_owner: ['ticket owner', 'propietario del ticket'],
  source_type: ['source', 'origen', 'fuente'],
} as const satisfies Record<string, readonly string[]>;

/** The associated-contacts card in the right column of a company, deal or ticket. */
export const CONTACT_CARD: SelectorChain = [
  '[data-test-id="card-wrapper-ASSOCIATION_V3/0-1"]',
  '[data-selenium-test="association-card-0-1"]',
];

/** One associated contact inside the card (the primary one first). */
export const CONTACT_CHICKLET: SelectorChain = [
  '[data-selenium-test="association-chicklet-contact"]',
  '[data-selenium-test="association-chicklet"]',
  '[data-test-id="association-chicklet"]',
];

/** The contact's name inside a chicklet. */
export const CONTACT_NAME: SelectorChain = [
  '[data-test-id="associated-contact-link"]',
  '[data-selenium-test="association-chicklet-title"]',
  'a[href*="/record/0-1/"]',
];

/** Property values shown on an association chicklet, by internal name. */
export function chickletPropertyChain(property: string): SelectorChain {
  return [`[data-selenium-test="property-value-${property}"]`, `[data-test-id="property-value-${property}"]`];
}

/** Object index (list) pages: the table, its header cells, its rows and cells. */
export const INDEX_TABLE: SelectorChain = [
  '[data-test-id="index-page-table"] table',
  'table[data-test-id="crm-object-table"]',
  '[data-selenium-test="object-table"] table',
  'table[role="grid"]',
  'main table',
];
export const INDEX_HEADER_CELL = 'thead th, thead [role="columnheader"]';
export const INDEX_ROW = 'tbody tr, [role="rowgroup"] [role="row"]';
export const INDEX_CELL = 'td, th, [role="gridcell"], [role="rowheader"]';
