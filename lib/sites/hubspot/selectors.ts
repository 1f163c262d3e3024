/**
 * What the HubSpot readers look for, as data: the built-in part of the selector pack (a signed
 * pack from the backend can replace any chain or label list by name). Chains are tried in order:
 * HubSpot's own test hooks first (`data-selenium-test`, `data-test-id`, `data-card-type`), then
 * structural / ARIA hooks; labels (English and Spanish UI) are the last resort. The
 * styled-components class names (`Box__StyledBox-sc-1xg6b2r-0 kHqZPa`) change on every deploy and
 * are never used. `%property%` is a property's internal name. Fixture pages in
 * e2e/fixtures/hubspot/ exercise every selector (lib/sites/selector-health.test.ts).
 */
export const HUBSPOT_SELECTORS = {
  chains: {
    /**
     * Never read from inside these: the global nav and the account menu (they show the *rep's* own
     * name and email), and floating tooltips / popovers (they repeat labels out of context).
     */
    GLOBAL_CHROME: ['#hs-nav-v4', '[data-test-id="global-navigation"]', '[data-test-id="account-menu"]', 'nav[aria-label="Global"]', '[role="tooltip"]'],
    /** The whole record page (all three columns). Last resort: the body. */
    RECORD_PAGE: ['[data-test-id="record-page"]'],
    /** Left column: highlight card and the property cards. */
    LEFT_SIDEBAR: ['[data-test-id="left-sidebar"]'],
    /** Middle column: overview / activities tabs and the timeline. */
    MIDDLE_PANE: ['[data-test-id="middle-pane"]'],
    /** Right column: associations (company, deals, tickets). */
    RIGHT_SIDEBAR: ['[data-test-id="records-right-sidebar"]'],
    /** The record's name in the highlight card (a contact's full name, a company's or deal's name). */
    HIGHLIGHT_NAME: ['[data-selenium-test="highlightTitle"]', '[data-test-id="highlight-property-display-hs_full_name_or_email"]'],
    /** One property's value (or its row) by internal name: property cards, the highlight strip, the all-properties panel. */
    PROPERTY_VALUE: ['[data-selenium-test="property-input-%property%"]'],
    /** Elements that label a property row, for the label fallback. */
    PROPERTY_LABEL: ['label', 'dt'],
    /** A property row of a card that names no property in the DOM (label + value only). */
    PROPERTY_ROW: ['[data-test-id="crm-property-list-item"]'],
    /** One activity in the timeline (notes, emails, calls, meetings), newest first — except pinned ones. */
    TIMELINE_CARD: ['[data-selenium-test="timeline-card"]', '[data-test-id^="timeline-card-"]'],
    /** The body of a timeline card: the note text, the email body, the call notes. */
    TIMELINE_CARD_BODY: ['[data-selenium-test="timeline-editable-section"]', '[data-test-id="timeline-card-body"]'],
    /** When the activity happened (machine-readable). */
    TIMELINE_CARD_TIME: ['time[datetime]'],
    /** The associated-deals card in the right column of a contact or company (a campaign reads the deal stage on its chicklet). */
    DEAL_CARD: ['[data-test-id="card-wrapper-ASSOCIATION_V3/0-3"]'],
    /** One associated deal inside the card (the most recent first). */
    DEAL_CHICKLET: ['[data-selenium-test="association-chicklet"]'],
    /** The email composer the record's "Email" action opens (the communicator window), when it is open. */
    EMAIL_COMPOSER: ['[data-test-id="communicator-window"]'],
    /** Its subject field. */
    EMAIL_COMPOSER_SUBJECT: ['input[data-selenium-test="email-subject-input"]'],
    /** Its body editor (a ProseMirror contenteditable). */
    EMAIL_COMPOSER_BODY: ['[data-test-id="email-editor"] [contenteditable="true"]'],
    /** The associated-companies card in the right column. */
    COMPANY_CARD: ['[data-test-id="card-wrapper-ASSOCIATION_V3/0-2"]'],
    /** One associated company inside the card (the primary one comes first). */
    COMPANY_CHICKLET: ['[data-selenium-test="association-chicklet"]'],
    /** The company's name inside a chicklet. */
    COMPANY_NAME: ['[data-selenium-test="association-chicklet-title"]'],
    /** A company property shown on the chicklet, by internal name. */
    COMPANY_PROPERTY: ['[data-selenium-test="property-value-%property%"]'],
    /** The associated-contacts card in the right column of a company, deal or ticket. */
    CONTACT_CARD: ['[data-test-id="card-wrapper-ASSOCIATION_V3/0-1"]'],
    /** One associated contact inside the card (the primary one first). */
    CONTACT_CHICKLET: ['[data-selenium-test="association-chicklet-contact"]'],
    /** The contact's name inside a chicklet. */
    CONTACT_NAME: ['[data-test-id="associated-contact-link"]'],
    /** Property values shown on an association chicklet, by internal name. */
    CHICKLET_PROPERTY: ['[data-selenium-test="property-value-%property%"]'],
    /** Object index (list) pages: the table, its header cells, its rows and cells. */
    INDEX_TABLE: ['table[data-test-id="framework-data-table"]', '[data-test-id="index-page-table"] table'],
    INDEX_HEADER_CELL: ['thead th'],
    /** A header's own label (inside sort buttons and drag handles). */
    INDEX_HEADER_LABEL: ['[data-test-id="column-header-label"]', '[data-test-id="truncated-object-label"]'],
    INDEX_ROW: ['tbody tr'],
    INDEX_CELL: ['td', 'th'],
    /** A cell's value node (the rest of the cell is avatars, hover buttons and chips). */
    INDEX_CELL_VALUE: ['[data-test-id="label-cell-formatted-property-name"]', '[data-test-id="truncated-object-label"]'],
  },
  labels: {
    /** Attributes naming a list cell by property (and record): "cell-0-1-email-6602561637", "email". */
    CELL_KEY_ATTRIBUTES: ['data-table-external-id', 'data-column-key'],
    /** Attributes of a list row that may carry its record id ("row-6602561637"). */
    ROW_KEY_ATTRIBUTES: ['data-test-id'],
    /** Attribute naming the engagement type of a timeline card (NOTE, EMAIL, CALL, MEETING, TASK …). */
    TIMELINE_TYPE_ATTRIBUTES: ['data-engagement-type', 'data-timeline-item-type'],
    /** Engagement types whose body says what the lead needs. Tasks and system events do not. */
    DESCRIBING_ENGAGEMENT_TYPES: ['NOTE', 'EMAIL', 'INCOMING_EMAIL', 'CALL', 'MEETING', 'CONVERSATION'],
    /** What an empty dropdown or cell shows instead of a value (any UI language). */
    PLACEHOLDERS: ['no owner', 'unassigned', 'sin propietario', 'sin asignar', 'select', 'seleccionar', 'none', 'ninguno'],
    /** What HubSpot's UI calls each property (English and Spanish UI), lower-cased, for the label fallback. */
    PROP_FIRSTNAME: ['first name', 'nombre'],
    PROP_LASTNAME: ['last name', 'apellidos', 'apellido'],
    PROP_JOBTITLE: ['job title', 'cargo', 'puesto de trabajo'],
    PROP_COMPANY: ['company name', 'nombre de la empresa'],
    PROP_EMAIL: ['email', 'correo', 'correo electrónico'],
    PROP_PHONE: ['phone number', 'número de teléfono', 'teléfono'],
    PROP_MOBILEPHONE: ['mobile phone number', 'número de teléfono móvil'],
    PROP_INDUSTRY: ['industry', 'sector'],
    PROP_CITY: ['city', 'ciudad'],
    PROP_STATE: ['state/region', 'estado/región'],
    PROP_COUNTRY: ['country/region', 'país/región', 'país'],
    PROP_HUBSPOT_OWNER_ID: ['contact owner', 'propietario del contacto'],
    PROP_LIFECYCLESTAGE: ['lifecycle stage', 'etapa del ciclo de vida'],
    PROP_HS_LEAD_STATUS: ['lead status', 'estado del lead'],
    PROP_HS_ANALYTICS_SOURCE: ['original source', 'fuente original'],
    PROP_MESSAGE: ['message', 'mensaje'],
    PROP_DESCRIPTION: ['description', 'descripción'],
    PROP_NUMBEROFEMPLOYEES: ['number of employees', 'número de empleados'],
    PROP_ANNUALREVENUE: ['annual revenue', 'ingresos anuales'],
    /** Company, deal and ticket properties (their own labels where they differ from a contact's). */
    PROP_NAME: ['company name', 'name', 'nombre de la empresa', 'nombre'],
    PROP_DOMAIN: ['company domain name', 'domain', 'nombre de dominio de la empresa', 'dominio'],
    PROP_COMPANY_OWNER: ['company owner', 'propietario de la empresa'],
    PROP_DEALNAME: ['deal name', 'nombre del negocio'],
    PROP_AMOUNT: ['amount', 'importe', 'monto'],
    PROP_DEALSTAGE: ['deal stage', 'etapa del negocio'],
    PROP_DEAL_OWNER: ['deal owner', 'propietario del negocio'],
    PROP_SUBJECT: ['ticket name', 'subject', 'nombre del ticket', 'asunto'],
    PROP_CONTENT: ['ticket description', 'descripción del ticket', 'description', 'descripción'],
    PROP_HS_PIPELINE_STAGE: ['ticket status', 'estado del ticket', 'status', 'estado'],
    PROP_HS_TICKET_PRIORITY: ['priority', 'prioridad'],
    PROP_TICKET_OWNER: ['ticket owner', 'propietario del ticket'],
    PROP_SOURCE_TYPE: ['source', 'origen', 'fuente'],
    /** Index table columns → Lead fields, by header label (English, Spanish) or by the property a cell's key names. */
    COL_FULLNAME: ['name', 'nombre', 'contact name', 'nombre del contacto'],
    COL_EMAIL: ['email', 'correo', 'correo electrónico'],
    COL_PHONE: ['phone number', 'phone', 'mobilephone', 'número de teléfono', 'teléfono'],
    COL_JOBTITLE: ['job title', 'cargo', 'jobtitle'],
    COL_COMPANY: ['company name', 'primary company', 'associated company', 'company', 'nombre de la empresa', 'empresa principal', 'empresa', 'associatedcompanyid'],
    COL_INDUSTRY: ['industry', 'sector'],
    COL_LOCATION: ['city', 'ciudad', 'state/region', 'estado/región', 'country/region', 'país/región', 'state', 'country'],
    COL_COMPANYSIZE: ['number of employees', 'número de empleados', 'numberofemployees'],
    COL_ANNUALREVENUE: ['annual revenue', 'ingresos anuales', 'annualrevenue'],
    COL_OWNER: ['contact owner', 'company owner', 'deal owner', 'ticket owner', 'propietario del contacto', 'propietario de la empresa', 'propietario del negocio', 'propietario del ticket', 'hubspot_owner_id'],
    COL_SOURCE: ['original source', 'fuente original', 'source', 'origen', 'hs_analytics_source'],
    COL_STATUS_LIFECYCLE: ['lifecycle stage', 'etapa del ciclo de vida', 'lifecyclestage'],
    COL_STATUS_LEAD: ['lead status', 'estado del lead', 'hs_lead_status'],
    COL_STATUS_DEAL: ['deal stage', 'etapa del negocio', 'dealstage'],
    COL_STATUS_TICKET: ['ticket status', 'estado del ticket', 'hs_pipeline_stage'],
    COL_STATUS_PRIORITY: ['priority', 'prioridad', 'hs_ticket_priority'],
    COL_DESCRIPTION: ['deal name', 'ticket name', 'nombre del negocio', 'nombre del ticket', 'dealname', 'subject'],
  },
} as const;
