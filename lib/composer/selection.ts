import type { InsertMode } from './types';

/**
 * Puts the caret where the draft goes: at the end of the agent's text, or over all of
 * it when replacing (confirmed by the agent). Editors read the DOM selection when a
 * paste or beforeinput arrives, so it must be inside the editable first.
 */
export function prepareSelection(target: HTMLElement, mode: InsertMode): void {
  target.focus();
  if (isTextField(target)) {
    const end = target.value.length;
    if (mode === 'replace') target.setSelectionRange(0, end);
    else target.setSelectionRange(end, end);
    return;
  }
  const selection = target.ownerDocument.getSelection();
  if (!selection) return;
  const range = target.ownerDocument.createRange();
  range.selectNodeContents(target);
  if (mode === 'append') {
    // At the end of the last text, as a click there would put it: a caret after the
    // last paragraph element is outside the text model of Lexical and CKEditor.
    const last = lastTextNode(target);
    if (last) range.setStart(last, last.length);
    range.collapse(mode !== 'append' || !last);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

function lastTextNode(root: Node): Text | undefined {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).length > 0) last = node as Text;
  return last;
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text');
}

/** The composer's text as the agent sees it, whitespace folded, for before/after checks. */
export function composerText(target: HTMLElement): string {
  const raw = isTextField(target) ? target.value : target.innerText;
  return raw.replace(/\s+/g, ' ').trim();
}
