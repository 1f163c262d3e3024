/**
 * Every selector the Zendesk adapter reads, each a fallback chain tried in
 * order. The agent workspace's styled-components classes (`sc-1oduqug-0 kbXqzH`)
 * change on every deploy; its `data-test-id` hooks (kept for Zendesk's own
 * end-to-end tests) and Garden's `data-garden-id` are what stays. The fixture
 * tests run these against e2e/fixtures/zendesk/.
 */

export type SelectorChain = readonly string[];

/** One open ticket's workspace; every open tab keeps its own, the inactive ones hidden. */
export const TICKET_WORKSPACE_ID_ATTRIBUTE = 'data-ticket-id';

/** The header tab of an open ticket (carries the ticket id and whether it is selected). */
export const HEADER_TAB = '[data-test-id="header-tab"]';
export const TAB_ENTITY_ID = 'data-entity-id';
export const TAB_SELECTED = ['data-entity-is-selected', 'aria-selected', 'data-selected'] as const;

/** Ticket properties. */
export const SUBJECT: SelectorChain = ['[data-test-id="ticket-pane-subject"]', '[data-test-id="omni-header-subject"]', 'input[name="subject"]'];
export const STATUS: SelectorChain = ['[data-test-id="ticket-system-field-status-select"]', '[data-test-id="ticket-fields-status-select"]'];
export const PRIORITY: SelectorChain = ['[data-test-id="ticket-system-field-priority-select"]', '[data-test-id="ticket-fields-priority-select"]'];
export const REQUESTER: SelectorChain = ['[data-test-id="ticket-system-field-requester-select"]', '[data-test-id="ticket-fields-requester-select"]'];

/** The requester's user panel (customer context / user tab). */
export const USER_NAME: SelectorChain = ['[data-test-id="customer-context-user-name"]', '[data-test-id="user-profile-name"]'];
export const USER_EMAIL: SelectorChain = ['[data-test-id="customer-context-user-email"]', '[data-test-id="user-profile-email"]'];
export const USER_PHONE: SelectorChain = ['[data-test-id="customer-context-user-phone"]', '[data-test-id="user-profile-phone"]'];

/** Parts of a select that are not its value (the chevron, the hidden native input, a badge letter). */
export const NOT_VALUE = 'svg, button[aria-label], [data-garden-id="tags.tag"] abbr, [aria-hidden="true"], .sr-only';

/** The conversation log. */
export const LOG: SelectorChain = ['[data-test-id="omni-log-container"]', '[data-test-id="conversation-log"]'];
/** One log entry: an email comment, a messaging turn, an internal note. */
export const LOG_ITEM = ['omni-log-comment-item', 'omni-log-message-item', 'omni-log-internal-note'] as const;
export const LOG_ITEM_NOTE = 'omni-log-internal-note';
/** A log entry's marker that it is an internal note. */
export const NOTE_TAG = '[data-test-id="omni-log-internal-note-tag"]';
/** A message body in an entry: its `type` says who wrote it ("end-user", "agent", "internal"). */
export const ITEM_MESSAGE: SelectorChain = ['[data-test-id="omni-log-item-message"]'];
/** The message's text inside the body (email HTML or a chat bubble). */
export const MESSAGE_CONTENT: SelectorChain = ['[data-test-id="omni-log-message-content"]', '.zd-comment'];
export const SENDER: SelectorChain = ['[data-test-id="omni-log-item-sender"]', '[data-test-id="omni-log-comment-user-link"]'];
export const TIME = 'time[datetime]';
/** Inside a message: quoted email history, the channel footer, read receipts — not what this message says. */
export const NOT_MESSAGE_TEST_IDS = new Set(['omni-log-quoted-text', 'omni-log-comment-via', 'convo-log-item-read-indicator', 'convo-log-item-delivered-indicator']);
export const NOT_MESSAGE_CLASSES = new Set(['zd-quoted-text', 'signature', 'gmail_quote']);

/** The views (ticket table). */
export const VIEW_TABLE: SelectorChain = ['[data-test-id="generic-table"]', 'table[data-garden-id="tables.table"]', 'table'];
export const VIEW_ROW = 'tr';
export const VIEW_HEADER_CELL = 'thead th';
export const VIEW_TICKET_LINK = 'a[href*="/agent/tickets/"]';

/** The global chrome (the signed-in agent's profile menu, the product tray, the tab bar): never read. */
export const GLOBAL_CHROME: SelectorChain = ['[data-garden-id="chrome.header"]', '[data-garden-id="chrome.nav"]', '[data-test-id="header-toolbar"]'];

/** The active ticket's composer: CKEditor's editable for rich text, else the plain textarea. */
export const COMPOSER_EDITABLE = [
  '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable[contenteditable="true"]',
  '[data-test-id="omnicomposer-rich-text-ckeditor"] [contenteditable="true"]',
  '[data-test-id="omnicomposer"] textarea',
] as const;
