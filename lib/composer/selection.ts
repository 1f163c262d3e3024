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
  if (mode === 'replace') range.selectNodeContents(target);
  else {
    // Where a click after the agent's text would put it: at the end of the last text,
    // or inside the last (empty) block. A caret beside the paragraph elements, directly
    // in the editable, is outside the text model of Lexical and CKEditor.
    const last = lastTextNode(target);
    if (last) range.setStart(last, last.length);
    else range.setStart(lastBlock(target), 0);
    range.collapse(true);
  }
  if (sameRange(selection, range)) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * prepareSelection, and the editor told of it at once. CKEditor 5, Lexical and ProseMirror
 * copy the DOM selection into their own state when the document fires "selectionchange",
 * which Chromium queues until after the next frame; a paste before then goes to the
 * editor's old caret. Firing it now has them read, synchronously, the caret Pulso just
 * set (and CKEditor finish taking focus), so the insertion runs in the same task and the
 * draft paints one frame sooner. The browser's own event follows and finds nothing new.
 */
export function placeCaret(target: HTMLElement, mode: InsertMode): void {
  prepareSelection(target, mode);
  // A text field's selection is its own (selectionStart/End), read at insertion.
  if (!isTextField(target)) target.ownerDocument.dispatchEvent(new Event('selectionchange'));
}

function sameRange(selection: Selection, range: Range): boolean {
  if (selection.rangeCount !== 1) return false;
  const current = selection.getRangeAt(0);
  return current.compareBoundaryPoints(Range.START_TO_START, range) === 0 && current.compareBoundaryPoints(Range.END_TO_END, range) === 0;
}

function lastTextNode(root: Node): Text | undefined {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).length > 0) last = node as Text;
  return last;
}

const HOLDS_NO_CARET = new Set(['BR', 'WBR', 'IMG', 'HR', 'INPUT']);

/** The innermost last element that can hold a caret: an empty editor's <p><br></p> gives the <p>. */
function lastBlock(root: Element): Element {
  let block = root;
  while (block.lastElementChild && !HOLDS_NO_CARET.has(block.lastElementChild.tagName)) block = block.lastElementChild;
  return block;
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text');
}

/** The composer's text as the agent sees it, whitespace folded, for before/after checks. */
export function composerText(target: HTMLElement): string {
  const raw = isTextField(target) ? target.value : target.innerText;
  return raw.replace(/\s+/g, ' ').trim();
}
