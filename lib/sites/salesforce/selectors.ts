/**
 * Every selector the Salesforce Lightning adapter reads, in one place, each a
 * fallback chain tried in order: the LWC element names and `test-id__` hooks
 * Salesforce's own UI tests use first, then SLDS structure. Aura's generated
 * `data-aura-rendered-by` ids and `forcegenerated-*` element names change with
 * every layout and release and are never used. Labels are matched in English
 * and Spanish (fields.ts). The fixture tests run these chains against saved
 * pages in e2e/fixtures/salesforce/.
 */

export type SelectorChain = readonly string[];

/**
 * Never read from inside these: the global header (search, the signed-in
 * user's avatar and profile card with their name and email), the app's nav bar
 * (its "recent items" menus list other records), the console tab bar (tab
 * titles name other open records), the utility bar, and hover cards / tooltips.
 */
export const GLOBAL_CHROME = {
  ids: ['oneHeader'],
  classes: [
    'oneHeader',
    'slds-global-header_container',
    'oneAppNavContainer',
    'oneUserProfileCard',
    'userProfilePanel',
    'tabBarContainer',
    'oneUtilityBar',
    'forceHoverPanel',
  ],
  tags: ['one-appnav', 'one-app-nav-bar', 'force-record-preview-card'],
  roles: ['tooltip'],
} as const;

/**
 * Containers Lightning keeps one of per visited page or console tab: the
 * current one is `.active` (or `data-is-active="true"`); earlier ones stay in
 * the DOM, hidden by a stylesheet rule a saved page does not apply.
 */
export const CACHED_VIEW = {
  classes: ['oneContent', 'windowViewMode-normal', 'windowViewMode-maximized', 'tabContent', 'oneConsoleTab'],
  attribute: 'data-is-active',
} as const;

/** Classes SLDS hides with its stylesheet (tabs, toggled sections): hidden even without layout. */
export const SLDS_HIDDEN_CLASSES: readonly string[] = ['slds-hide', 'slds-hidden', 'hideEl', 'forceOutOfView'];

/** Text that is for screen readers only ("Edit Name", "Open Laura Méndez Preview", "Sort by:"). */
export const ASSISTIVE_TEXT = '.slds-assistive-text, .assistiveText, .slds-sr-only';

/** Controls inside field values (inline-edit pencils, "Change Owner", help icons): never values. */
export const NOT_VALUE = `button, lightning-helptext, lightning-button-icon, ${ASSISTIVE_TEXT}, [role="tooltip"]`;

/** Attributes that carry the id of the record a container shows. */
export const RECORD_ID_ATTRIBUTES: readonly string[] = ['data-record-id', 'record-id', 'data-recordid'];

/** One record page: the flexipage around highlights, tabs and layout. */
export const RECORD_HOME: SelectorChain = [
  'one-record-home-flexipage2',
  'records-lwc-record-layout',
  '.recordHome',
  'force-record-layout-block',
];

/** The highlights panel at the top of a record page. */
export const HIGHLIGHTS: SelectorChain = [
  'records-highlights2',
  'records-lwc-highlights-panel',
  '.highlights.slds-page-header',
  'force-highlights-panel',
];

/** The record's primary field (its name) in the highlights panel. */
export const PRIMARY_FIELD: SelectorChain = [
  '[slot="primaryField"]',
  '.slds-page-header__title lightning-formatted-name',
  '.slds-page-header__title lightning-formatted-text',
  'h1 .slds-page-header__title',
  '.slds-page-header__title',
];

/** The object's label above the primary field ("Lead", "Candidato", "Account"). */
export const ENTITY_LABEL: SelectorChain = ['records-entity-label', '.entityNameTitle'];

/** Secondary fields of the highlights panel (label + value pairs). */
export const HIGHLIGHTS_ITEM: SelectorChain = ['records-highlights-details-item', '.secondaryFields .slds-page-header__detail-block'];
export const HIGHLIGHTS_ITEM_LABEL: SelectorChain = ['.slds-text-title', 'p[title]'];
export const HIGHLIGHTS_ITEM_VALUE: SelectorChain = ['.fieldComponent', 'p:not(.slds-text-title)'];

/**
 * One field of the detail layout. LWC layouts (records-record-layout-item)
 * carry the label as an attribute and the API name in data-target-selection-name
 * ("sfdc:RecordField.Lead.Email"); Aura layouts (force-record-layout-item) and
 * custom pages only have the `test-id__` label and value spans.
 */
export const LAYOUT_ITEM: SelectorChain = [
  'records-record-layout-item',
  'force-record-layout-item',
  // Custom pages: any SLDS form element that carries a test-id label (checked in code; no :has in every engine).
  '.slds-form-element',
];

export const FIELD_LABEL: SelectorChain = ['.test-id__field-label', '.slds-form-element__label'];
export const FIELD_VALUE: SelectorChain = ['.test-id__field-value', '.slds-form-element__static', '.slds-form-element__control'];

/** Formatted values whose element text is the value (inside an <a> for emails, phones and urls). */
export const FORMATTED_ADDRESS = 'lightning-formatted-address';

/** List views: the table and its parts (lightning-datatable and the older force-list-view-manager grid). */
export const LIST_TABLE: SelectorChain = [
  'lightning-datatable table',
  'table[data-aura-class*="uiVirtualDataTable"]',
  '.forceListViewManagerGrid table',
  'table.slds-table',
];
export const LIST_HEADER_CELL = 'thead th';
export const LIST_ROW = 'tr[data-row-key-value], tbody tr';
export const LIST_CELL = 'th, td';
/** The link to the row's record: LWC datatables put the id on the anchor. */
export const ROW_RECORD_LINK = 'a[data-recordid], a[href*="/lightning/r/"]';

/**
 * The activity timeline (SLDS activity-timeline markup): one item per call, email, task or event,
 * its kind in its class (`slds-timeline__item_call`), its title, date and — when expanded — its
 * details (collapsed details are aria-hidden, as SLDS renders them).
 */
export const TIMELINE_ITEM: SelectorChain = ['.slds-timeline__item_expandable', '[class*="slds-timeline__item_"]:not(.slds-timeline__item_details)'];
export const TIMELINE_ITEM_TITLE: SelectorChain = ['.slds-timeline__trigger h3', 'h3'];
export const TIMELINE_ITEM_DATE: SelectorChain = ['.slds-timeline__date'];
/** The details' text (the call's comments, the email's body) — not the labelled fields beside it. */
export const TIMELINE_ITEM_DETAILS: SelectorChain = ['.slds-timeline__item_details p', '.slds-timeline__item_details .slds-text-longform', '.slds-timeline__item_details'];
/** Timeline item kinds by their class suffix; a task (the rep's own to-do) is not read. */
export const TIMELINE_KINDS: Readonly<Record<string, 'email' | 'call' | 'meeting'>> = { call: 'call', email: 'email', event: 'meeting' };

/** The opportunity's path (the stage chevrons): the current stage. */
export const PATH_CURRENT_STAGE: SelectorChain = ['.slds-path__item.slds-is-current .slds-path__title', '.slds-path__item.slds-is-active .slds-path__title'];

/** The docked email composer (SLDS docked composer), its subject field and its body editor. */
export const EMAIL_COMPOSER: SelectorChain = ['.slds-docked-composer.slds-is-open', '.forceDockingPanel', '[role="dialog"][aria-label^="Email" i]', '[role="dialog"][aria-label^="Correo" i]'];
export const EMAIL_COMPOSER_SUBJECT: SelectorChain = ['input[name="subject"]', 'input[placeholder="Subject" i]', 'input[placeholder="Asunto" i]'];
export const EMAIL_COMPOSER_BODY: SelectorChain = ['.ck-editor__editable[contenteditable="true"]', '[contenteditable="true"][role="textbox"]', '[contenteditable="true"]'];
