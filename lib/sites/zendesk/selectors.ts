/**
 * What the Zendesk readers look for, as data: the built-in part of the selector pack (a signed pack
 * from the backend can replace any chain or label list by name). The agent workspace's
 * styled-components classes (`sc-1oduqug-0 kbXqzH`) change on every deploy; its `data-test-id`
 * hooks (kept for Zendesk's own end-to-end tests) and Garden's `data-garden-id` are what stays.
 * Fixture pages in e2e/fixtures/zendesk/ exercise every selector (lib/sites/selector-health.test.ts).
 */
export const ZENDESK_SELECTORS = {
  chains: {
    /** The global chrome (the signed-in agent's profile menu, the product tray, the tab bar): never read. */
    GLOBAL_CHROME: ['[data-garden-id="chrome.header"]', '[data-garden-id="chrome.nav"]', '[data-test-id="header-toolbar"]'],
    /** One open ticket's workspace; every open tab keeps its own, the inactive ones hidden. */
    TICKET_PANE: ['[data-ticket-id]'],
    /** The header tab of an open ticket (carries the ticket id and whether it is selected). */
    HEADER_TAB: ['[data-test-id="header-tab"]'],
    /** Ticket properties: the field (its wrapper may also hold its label, an avatar, a hint). */
    SUBJECT: ['[data-test-id="ticket-pane-subject"]', '[data-test-id="omni-header-subject"]'],
    STATUS: ['[data-test-id="ticket-system-field-status-select"]', '[data-test-id="ticket-fields-status-view"]'],
    PRIORITY: ['[data-test-id="ticket-system-field-priority-select"]', '[data-test-id="ticket-fields-priority-select"]'],
    REQUESTER: ['[data-test-id="ticket-system-field-requester-select"]'],
    /** A field's value node inside the field (Garden v9 comboboxes, the status tag). */
    FIELD_VALUE: ['[data-garden-id="dropdowns.combobox.value"]', '[data-garden-id="tags.tag"]'],
    /** The requester's email and phone in the customer-context panel. */
    USER_EMAIL: ['[data-test-id="customer-context-user-email"]', '[data-test-id="customer-context-pane"] a[href^="mailto:"]'],
    USER_PHONE: ['[data-test-id="customer-context-user-phone"]', '[data-test-id="customer-context-pane"] a[href^="tel:"]'],
    /** The conversation log. */
    LOG: ['[data-test-id="omni-log-container"]'],
    /** A log entry's marker that it is an internal note. */
    NOTE_TAG: ['[data-test-id="omni-log-internal-note-tag"]'],
    /** A message body in an entry: its `type` says who wrote it ("end-user", "agent", "internal"). */
    ITEM_MESSAGE: ['[data-test-id="omni-log-item-message"]'],
    /** The message's text inside the body (email HTML or a chat bubble). */
    MESSAGE_CONTENT: ['[data-test-id="omni-log-message-content"]'],
    SENDER: ['[data-test-id="omni-log-item-sender"]'],
    TIME: ['time[datetime]'],
    /** Views (ticket tables). */
    VIEW_TABLE: ['[data-test-id="generic-table"]'],
    VIEW_ROW: ['tr'],
    VIEW_HEADER_CELL: ['thead th'],
    VIEW_TICKET_LINK: ['a[href*="/agent/tickets/"]'],
    /** The active ticket's composer: CKEditor's editable for rich text, else the plain textarea. */
    COMPOSER_EDITABLE: ['[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable[contenteditable="true"]'],
  },
  labels: {
    /** Attributes of a workspace pane and of a header tab naming its ticket. */
    TICKET_ID_ATTRIBUTES: ['data-ticket-id'],
    TAB_ID_ATTRIBUTES: ['data-entity-id'],
    TAB_SELECTED_ATTRIBUTES: ['data-entity-is-selected', 'aria-selected', 'data-selected'],
    /** data-test-id of one log entry (an email comment, a messaging turn, an internal note). */
    LOG_ITEMS: ['omni-log-comment-item', 'omni-log-message-item', 'omni-log-internal-note'],
    LOG_NOTE_ITEMS: ['omni-log-internal-note'],
    /** Inside a message: quoted email history, the channel footer, read receipts — not what this message says. */
    NOT_MESSAGE_TEST_IDS: ['omni-log-quoted-text', 'omni-log-comment-via', 'omni-log-item-via', 'convo-log-item-read-indicator', 'convo-log-item-delivered-indicator'],
    NOT_MESSAGE_CLASSES: ['zd-quoted-text', 'signature', 'gmail_quote'],
    /** A ticket field's own label (English, Spanish UI), when its test hook is not there. */
    LABEL_REQUESTER: ['requester', 'solicitante'],
    LABEL_STATUS: ['status', 'ticket status', 'estado', 'estado del ticket'],
    LABEL_PRIORITY: ['priority', 'prioridad'],
    /** What an empty field shows instead of a value. */
    PLACEHOLDERS: ['-', 'unassigned', 'sin asignar', 'select', 'seleccionar', 'none'],
    /** View columns → Lead fields (English, Spanish headers). */
    COL_FULLNAME: ['requester', 'solicitante', 'requester name', 'nombre del solicitante'],
    COL_EMAIL: ['requester email', 'correo electrónico del solicitante', 'email del solicitante'],
    COL_DESCRIPTION: ['subject', 'asunto'],
    COL_STATUS: ['status', 'ticket status', 'estado', 'estado del ticket'],
    COL_PRIORITY: ['priority', 'prioridad'],
    COL_OWNER: ['assignee', 'asignado', 'agente asignado'],
  },
} as const;
