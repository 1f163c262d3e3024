/**
 * What the Salesforce Lightning readers look for, as data: the built-in part of the selector pack
 * (a signed pack from the backend can replace any chain or label list by name). Chains are tried
 * in order: the LWC element names and `test-id__` hooks Salesforce's own UI tests use first, then
 * SLDS structure. Aura's generated `data-aura-rendered-by` ids and `forcegenerated-*` element names
 * change with every layout and release and are never used. Which Salesforce field feeds which
 * Lead field (API names and English / Spanish labels) is in fields.ts. Fixture pages in
 * e2e/fixtures/salesforce/ exercise every selector (lib/sites/selector-health.test.ts).
 */
export const SALESFORCE_SELECTORS = {
  chains: {
    /** One record page, on Aura pages that carry no record id (LWC pages are found by their data-record-id). */
    RECORD_HOME: ['.recordHome'],
    /** The highlights panel at the top of a record page. */
    HIGHLIGHTS: ['records-highlights2', '.highlights.slds-page-header'],
    /** The record's primary field (its name) in the highlights panel. */
    PRIMARY_FIELD: ['[slot="primaryField"]', 'h1 .slds-page-header__title'],
    /** The object's label above the primary field ("Lead", "Candidato", "Account"). */
    ENTITY_LABEL: ['records-entity-label', '.entityNameTitle'],
    /** Secondary fields of the highlights panel (label + value pairs). */
    HIGHLIGHTS_ITEM: ['records-highlights-details-item', '.secondaryFields .slds-page-header__detail-block'],
    HIGHLIGHTS_ITEM_LABEL: ['.slds-text-title'],
    HIGHLIGHTS_ITEM_VALUE: ['.fieldComponent', 'p:not(.slds-text-title)'],
    /**
     * One field of the detail layout (or of a related-record card). LWC layouts carry the label as
     * an attribute and the API name in data-target-selection-name ("sfdc:RecordField.Lead.Email");
     * Aura layouts and custom pages only have the `test-id__` label and value spans.
     */
    LAYOUT_ITEM: ['records-record-layout-item', 'force-record-layout-item'],
    /** Custom pages: any SLDS form element, counted only when it has a test-id label. */
    FORM_ELEMENT: ['.slds-form-element'],
    FIELD_LABEL: ['.test-id__field-label'],
    FIELD_VALUE: ['.test-id__field-value'],
    /** A related-record card ("Contact Details" on a Case) and its object icon ("standard:contact"). */
    RELATED_CARD: ['article'],
    RELATED_CARD_ICON: ['[icon-name^="standard:"]'],
    /** Formatted addresses (one <div> per line). */
    FORMATTED_ADDRESS: ['lightning-formatted-address'],
    /**
     * The activity timeline (SLDS activity-timeline markup): one item per call, email, task or
     * event, its kind in its class (`slds-timeline__item_call`), its title, date and — when
     * expanded — its details (collapsed details are aria-hidden, as SLDS renders them).
     */
    TIMELINE_ITEM: ['.slds-timeline__item_expandable'],
    TIMELINE_ITEM_TITLE: ['.slds-timeline__trigger h3'],
    TIMELINE_ITEM_DATE: ['.slds-timeline__date'],
    /** The details' text (the call's comments, the email's body) — not the labelled fields beside it. */
    TIMELINE_ITEM_DETAILS: ['.slds-timeline__item_details p'],
    /** The docked email composer (SLDS docked composer), its subject field and its body editor (CKEditor 5). */
    EMAIL_COMPOSER: ['.slds-docked-composer.slds-is-open'],
    EMAIL_COMPOSER_SUBJECT: ['input[name="subject"]'],
    EMAIL_COMPOSER_BODY: ['.ck-editor__editable[contenteditable="true"]'],
    /** List views: the table and its parts (lightning-datatable and the older force-list-view-manager grid). */
    LIST_TABLE: ['lightning-datatable table'],
    LIST_HEADER_CELL: ['thead th'],
    LIST_ROW: ['tr[data-row-key-value], tbody tr'],
    LIST_CELL: ['th, td'],
    /** The link to the row's record: LWC datatables put the id on the anchor. */
    ROW_RECORD_LINK: ['a[data-recordid]'],
  },
  labels: {
    /**
     * Never read from inside these: the global header (search, the signed-in user's avatar and
     * profile card), the app's nav bar (its "recent items" list other records), the console tab bar
     * (tab titles name other open records), the utility bar, hover cards and tooltips.
     */
    CHROME_IDS: ['oneHeader'],
    CHROME_CLASSES: [
      'oneHeader', 'slds-global-header_container', 'oneAppNavContainer', 'oneUserProfileCard', 'userProfilePanel',
      'tabBarContainer', 'oneUtilityBar', 'forceHoverPanel',
    ],
    CHROME_TAGS: ['one-appnav', 'one-app-nav-bar', 'force-record-preview-card'],
    CHROME_ROLES: ['tooltip'],
    /**
     * Containers Lightning keeps one of per visited page or console tab: the current one is
     * `.active` (or `data-is-active="true"`); earlier ones stay in the DOM, hidden by a stylesheet
     * rule a saved page does not apply.
     */
    CACHED_VIEW_CLASSES: ['oneContent', 'windowViewMode-normal', 'windowViewMode-maximized', 'tabContent', 'oneConsoleTab'],
    CACHED_VIEW_ATTRIBUTES: ['data-is-active'],
    /** Classes SLDS hides with its stylesheet (tabs, toggled sections): hidden even without layout. */
    HIDDEN_CLASSES: ['slds-hide', 'slds-hidden', 'hideEl', 'forceOutOfView'],
    /** Attributes that carry the id of the record a container shows. */
    RECORD_ID_ATTRIBUTES: ['data-record-id', 'record-id', 'data-recordid'],
  },
} as const;
