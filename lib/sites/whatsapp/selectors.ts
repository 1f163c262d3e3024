/**
 * Every selector the WhatsApp Web adapter reads, each a fallback chain tried
 * in order. WhatsApp renames its hashed classes (`_ak8l`, `x1n2onr6`) on most
 * deploys, so only the hooks that have stayed put for years are used: the
 * `#main` chat panel, `[data-id]` message rows (whose id carries the chat's
 * jid), the `message-in` / `message-out` classes, `[data-pre-plain-text]` (the
 * "[10:32, 21/11/2026] María: " prefix WhatsApp puts on copied text),
 * `selectable-text`, `data-testid` / `data-icon` hooks and ARIA labels. The
 * fixture tests in chat.test.ts run these against e2e/fixtures/whatsapp/.
 */

export type SelectorChain = readonly string[];

/** The open chat's panel. Nothing outside it is read: the chat list (#pane-side) previews other chats. */
export const CHAT_PANEL: SelectorChain = ['#main', '[data-testid="conversation-panel-wrapper"]'];

/** The open chat's header (contact or group name, then a status / participants subtitle that is not read). */
export const CHAT_HEADER: SelectorChain = ['header [data-testid="conversation-info-header"]', 'header'];

/** The chat's title inside the header: the saved contact name, the group name, or the number. */
export const CHAT_TITLE: SelectorChain = [
  '[data-testid="conversation-info-header-chat-title"]',
  'span[dir="auto"][title]',
  'span[dir="auto"]',
];

/** A message row: the element carrying the message id "{fromMe}_{chat jid}_{message id}[_{author jid}]". */
export const MESSAGE_ROW = '[data-id]';

/** Bubble direction classes. */
export const MESSAGE_IN_CLASS = 'message-in';
export const MESSAGE_OUT_CLASS = 'message-out';

/** The copyable container carrying "[time, date] Author: " for the message. */
export const PRE_PLAIN_TEXT_ATTRIBUTE = 'data-pre-plain-text';

/*
 * Inside a row (found in one walk, chat.ts readRowHooks): the message's own text is the first
 * span.selectable-text.copyable-text outside the quoted block (else any .selectable-text or
 * [data-testid="msg-text"]); the group author label is [data-testid="author"]; the time under the
 * bubble is [data-testid="msg-meta"] span[dir="auto"] — the last two only when the prefix is absent.
 */

/** Labels WhatsApp gives the quoted message block of a reply (its own UI languages). */
export const QUOTE_LABELS = new Set(['quoted message', 'mensaje citado', 'mensagem citada', 'message cité']);
export const QUOTE_TEST_IDS = new Set(['quoted-message', 'quoted-msg']);
export const QUOTE_CLASS = 'quoted-mention';

/** A deleted message's icon. */
export const RECALLED_ICONS = new Set(['recalled', 'recalled-in', 'recalled-out']);

/** What a deleted message says instead of its text (English and Spanish UI). */
export const DELETED_TEXTS = new Set([
  'this message was deleted',
  'you deleted this message',
  'se eliminó este mensaje',
  'eliminaste este mensaje',
  'este mensaje fue eliminado',
  'waiting for this message. this may take a while.',
  'esperando el mensaje. esto puede tomar tiempo.',
]);

/** The composer (the agent's unsent draft) and the bar around it: never messages. */
export const COMPOSER_TAGS = new Set(['FOOTER']);

/** The QR / login landing: a QR canvas carrying the pairing ref. */
export const LOGIN_SCREEN: SelectorChain = ['[data-ref]', 'canvas[aria-label="Scan me!"]', 'canvas[aria-label="Escanéame"]', '[data-testid="qrcode"]'];

/** The open chat's composer (a Lexical editor), where a draft is inserted. */
export const COMPOSER_EDITABLE = [
  '#main footer [contenteditable="true"][data-lexical-editor="true"]',
  '#main footer [contenteditable="true"][role="textbox"]',
  '#main footer [contenteditable="true"]',
] as const;
