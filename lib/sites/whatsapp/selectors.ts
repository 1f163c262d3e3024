/**
 * What the WhatsApp Web reader looks for, as data: the built-in part of the selector pack
 * (lib/selector-pack; a signed pack from the backend can replace any chain or list by name).
 * WhatsApp renames its hashed classes (`_ak8l`, `x1n2onr6`) on most deploys, so only hooks that
 * outlived several builds are used: the `#main` chat panel, `[data-id]` rows, `data-pre-plain-text`
 * (the "[10:32, 21/11/2026] María: " prefix WhatsApp puts on copied text), `selectable-text` and
 * `data-testid` / `data-icon` hooks, and ARIA labels. Late-2026 builds dropped the
 * `message-in` / `message-out` classes and the `true_`/`false_` id prefix: direction then comes
 * from the icons and labels listed here (chat.ts states the order). Fixture pages in
 * e2e/fixtures/whatsapp/ exercise every selector (lib/sites/selector-health.test.ts).
 */
export const WHATSAPP_SELECTORS = {
  chains: {
    /** The open chat's panel. Nothing outside it is read: the chat list (#pane-side) previews other chats. */
    CHAT_PANEL: ['#main'],
    /** The open chat's header (contact or group name, then a status / participants subtitle that is not read). */
    CHAT_HEADER: ['header [data-testid="conversation-info-header"]', 'header'],
    /** The chat's title inside the header: the saved contact name, the group name, or the number. */
    CHAT_TITLE: ['[data-testid="conversation-info-header-chat-title"]', 'span[dir="auto"]'],
    /** A message row: the element carrying the message id. */
    MESSAGE_ROW: ['[data-id]'],
    /** The drawn bubble inside a row (its side of the panel is a direction signal in a real browser). */
    MESSAGE_BUBBLE: ['[data-testid="msg-container"]', '.message-in', '.message-out'],
    /** The copyable container carrying "[time, date] Author: ". */
    MESSAGE_PREFIX: ['[data-pre-plain-text]'],
    /** The message's own text inside a row (a reply's quoted block is left out first). */
    MESSAGE_TEXT: ['span.selectable-text.copyable-text', '[data-testid="selectable-text"]'],
    /** The quoted text inside a reply's quote block: the block is the button around it (its aria-label, per UI language, is in QUOTE_LABELS). */
    QUOTE: ['.quoted-mention'],
    /** The open chat's composer (a Lexical editor), where a draft is inserted. */
    COMPOSER_EDITABLE: ['#main footer [contenteditable="true"][data-lexical-editor="true"]'],
  },
  labels: {
    /** Bubble classes of the builds that had them (2019 – mid 2026). */
    IN_CLASSES: ['message-in'],
    OUT_CLASSES: ['message-out'],
    /** Tail icons (data-icon / data-testid): drawn on the FIRST bubble of a run only. */
    TAIL_IN_ICONS: ['tail-in'],
    TAIL_OUT_ICONS: ['tail-out'],
    /** Delivery-status icons: only our own messages carry them. */
    OWN_STATUS_ICONS: [
      'msg-time', 'msg-check', 'msg-dblcheck', 'msg-dblcheck-ack', 'status-time', 'status-check', 'status-dblcheck',
      'wds-ic-pending', 'wds-ic-sent', 'wds-ic-delivered', 'wds-ic-read',
    ],
    /** The delivery status as an aria-label (English, Spanish, Portuguese UI). */
    OWN_STATUS_LABELS: ['pending', 'sent', 'delivered', 'read', 'pendiente', 'enviado', 'entregado', 'leído', 'pendente', 'enviada', 'entregue', 'lida'],
    /** The sender label only our own bubbles carry (aria-label, trailing colon optional). */
    OWN_SENDER_LABELS: ['you', 'tú', 'tu', 'você', 'vous'],
    /** aria-label of a reply's quoted block. */
    QUOTE_LABELS: ['quoted message', 'mensaje citado', 'mensagem citada', 'message cité'],
    /** A deleted message's icon. */
    RECALLED_ICONS: ['recalled', 'recalled-in', 'recalled-out'],
    /** What a deleted or not-yet-decrypted message says instead of its text. */
    DELETED_TEXTS: [
      'this message was deleted', 'you deleted this message', 'se eliminó este mensaje', 'eliminaste este mensaje',
      'este mensaje fue eliminado', 'esta mensagem foi apagada', 'você apagou esta mensagem',
      'waiting for this message. this may take a while.', 'esperando el mensaje. esto puede tomar tiempo.',
    ],
  },
} as const;
