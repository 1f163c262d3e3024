import type { Editor, ModelDocumentFragment, ModelPosition, ModelRange, ModelWriter } from 'ckeditor5';
import { ckeditorModelRequest } from './ckeditor-model-request';
import { CKEDITOR_BRIDGE_PING, CKEDITOR_MODEL_REQUEST, ckeditorBridgeAnswers } from './insert-with-ckeditor-model';
import type { InsertMode } from './types';

/**
 * Runs in the page's own world (entrypoints/ckeditor-bridge.ts, injected by the background the
 * first time a draft is shown on a CKEditor CRM), where CKEditor 5 hangs its editor on the
 * editable as `ckeditorInstance`: Pulso's content script cannot see that property from its
 * isolated world. Serves insertWithCkeditorModel's requests. Listens on the document, so it
 * serves whatever editor the SPA mounts later; installs once per document (a second injection
 * finds the first answering), and returns true once it listens.
 */
export function installCkeditorModelBridge(doc: Document): boolean {
  if (ckeditorBridgeAnswers(doc)) return true;
  const warmed = new WeakSet<Editor>();
  doc.addEventListener(
    CKEDITOR_BRIDGE_PING,
    (event) => {
      event.preventDefault();
      // Asked over a composer: a draft is shown there, and its first insertion should not run cold.
      const editor = editorOf(event.target);
      if (!editor || warmed.has(editor)) return;
      warmed.add(editor);
      whenIdle(doc, () => warmUp(editor));
    },
    true,
  );
  doc.addEventListener(
    CKEDITOR_MODEL_REQUEST,
    (event) => {
      if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
      const request = ckeditorModelRequest.safeParse(parseJson(event.detail));
      if (!request.success) return;
      const editor = editorOf(event.target);
      if (!editor) return;
      warmed.add(editor);
      if (insertIntoCkeditorModel(editor, request.data.text, request.data.where)) event.preventDefault();
    },
    true,
  );
  return true;
}

function whenIdle(doc: Document, work: () => void): void {
  const win = doc.defaultView;
  if (win?.requestIdleCallback) win.requestIdleCallback(work, { timeout: 1_000 });
  else setTimeout(work, 0);
}

/** Shaped like a draft: two paragraphs, one with a line break. */
const WARM_TEXT = 'Pulso\n\nPulso\nPulso';

/**
 * The first insertion's code run once beforehand, while the agent reads the draft, without
 * changing anything: the request's schema (zod builds its parser on the first parse), the
 * caret's place and checks (model reads), the draft's model content built detached (a change
 * block with no document change fires no change event and leaves nothing to undo, as
 * CKEditor's own clipboard does with pasted content), and the editor's conversion of such
 * content to its view and DOM, through its data pipeline (what getData runs). The editing
 * view's own rendering, the model insertion and taking focus cannot be rehearsed without
 * changing the editor: they stay the first insertion's (bench/composer.bench.ts).
 */
function warmUp(editor: Editor): void {
  try {
    ckeditorModelRequest.safeParse(parseJson(JSON.stringify({ text: WARM_TEXT, where: 'append' })));
    for (const where of ['append', 'replace'] as const) {
      const range = caretRange(editor, where);
      if (!range) continue;
      editor.model.canEditAt(range);
      formattedAt(range.start);
      formattedAt(range.end);
    }
    if (editor.model.schema.isRegistered('paragraph') && editor.model.schema.isRegistered('softBreak')) {
      editor.data.stringify(editor.model.change((writer) => fragmentOf(writer, WARM_TEXT)));
    }
  } catch {
    // Only a warm-up: the insertion itself decides what it can do.
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function editorOf(target: EventTarget | null): Editor | undefined {
  const editor = (target as { ckeditorInstance?: Partial<Editor> } | null)?.ckeditorInstance;
  return typeof editor?.model?.change === 'function' && typeof editor.editing?.view?.focus === 'function' ? (editor as Editor) : undefined;
}

/**
 * Text CKEditor's plain-text paste keeps exactly as written: spaces only single and inside a
 * line, no tabs or other whitespace. The paste turns the rest into non-breaking spaces or
 * drops it; such a draft goes the paste's way, so the composer ends the same either way.
 */
const REWRITTEN_BY_PASTE = /[^\S \n]| {2}|(?:^|\n) | (?:\n|$)/;

/**
 * What the editor's plain-text paste does with a draft, minus the clipboard pipeline's cold
 * work (text → HTML → DOM → view → model) and the DOM caret round trip: the caret set in the
 * model where insert-into-composer's placeCaret puts it, the same model content inserted
 * (a blank line starts a paragraph, a newline is a soft break: CKEditor's plainTextToHtml),
 * in one model change, so one undo step. Declines (false, nothing changed) whenever the
 * paste would differ: a read-only editor, formatted text at the caret, text the paste
 * rewrites, a caret beside an object (image, table) rather than in text.
 */
export function insertIntoCkeditorModel(editor: Editor, text: string, where: InsertMode): boolean {
  if (editor.isReadOnly || REWRITTEN_BY_PASTE.test(text)) return false;
  const model = editor.model;
  if (text.includes('\n') && !(model.schema.isRegistered('paragraph') && model.schema.isRegistered('softBreak'))) return false;
  const range = caretRange(editor, where);
  if (!range || !model.canEditAt(range) || formattedAt(range.start) || formattedAt(range.end)) return false;
  model.change((writer) => {
    writer.setSelection(range);
    model.insertContent(fragmentOf(writer, text));
  });
  focusAtCaret(editor);
  return true;
}

/**
 * Ends as the paste does: the editor focused, the caret after the draft, scrolled into view.
 * The editor draws its caret into the DOM only once it knows it has focus, and learns that from
 * the next selectionchange, where it reads the DOM caret: wherever the agent last left it. So
 * the DOM caret goes where the editor's is (as the editor would draw it) before the focus.
 */
function focusAtCaret(editor: Editor): void {
  const view = editor.editing.view;
  const caret = view.document.selection.getFirstRange();
  const domSelection = view.getDomRoot()?.ownerDocument.getSelection();
  try {
    if (caret && domSelection) {
      const domCaret = view.domConverter.viewRangeToDom(caret);
      domSelection.removeAllRanges();
      domSelection.addRange(domCaret);
    }
  } catch {
    // A caret the editor cannot map to the DOM (an older CKEditor, a widget): the focus below still draws it.
  }
  view.focus();
  view.scrollToTheSelection();
}

/**
 * placeCaret's choice, in the model: after the last text ("append"; an editor without text
 * takes it in its last block), or from the first to the last place a caret can be ("replace",
 * the DOM's selectNodeContents as the editor reads it).
 */
function caretRange(editor: Editor, where: InsertMode): ModelRange | null {
  const model = editor.model;
  const root = model.document.getRoot();
  if (!root) return null;
  const last = model.schema.getNearestSelectionRange(model.createPositionAt(root, 'end'), 'backward');
  if (!last?.isCollapsed) return null;
  if (where === 'append') {
    for (const step of model.createRangeIn(root).getWalker({ direction: 'backward' })) {
      if (step.type === 'text') return model.createRange(model.createPositionAfter(step.item));
    }
    return last;
  }
  const first = model.schema.getNearestSelectionRange(model.createPositionAt(root, 0), 'forward');
  return first?.isCollapsed ? model.createRange(first.start, last.end) : null;
}

/** Text attributes (bold, a link) or stored ones at a caret: the paste would carry them into the draft. */
function formattedAt(position: ModelPosition): boolean {
  const near = [position.textNode, position.nodeBefore, position.nodeAfter];
  if (near.some((node) => node?.is('$text') && !node.getAttributeKeys().next().done)) return true;
  const parent = position.parent;
  return parent.is('element') && [...parent.getAttributeKeys()].some((key) => key.startsWith('selection:'));
}

/** The model content CKEditor's plain-text paste makes of the text (clipboard's plainTextToHtml, upcast). */
function fragmentOf(writer: ModelWriter, text: string): ModelDocumentFragment {
  const fragment = writer.createDocumentFragment();
  if (!text.includes('\n')) {
    writer.appendText(text, fragment);
    return fragment;
  }
  for (const block of text.split('\n\n')) {
    const paragraph = writer.createElement('paragraph');
    block.split('\n').forEach((line, index) => {
      if (index > 0) writer.appendElement('softBreak', paragraph);
      if (line) writer.appendText(line, paragraph);
    });
    writer.append(paragraph, fragment);
  }
  return fragment;
}
