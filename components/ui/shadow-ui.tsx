import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import shadowCss from './shadow.css?inline';
import { cssForShadowRoot } from './shadow-css';

/**
 * Mounts a React tree in its own shadow root at the end of <body>, with Pulso's
 * Tailwind made shadow-safe. Keystrokes inside do not reach the CRM's shortcuts.
 */
export async function mountReactShadowUi(ctx: ContentScriptContext, name: string, render: (root: Root) => void) {
  // Never inject twice: a copy left by an earlier instance of the extension goes first.
  for (const stale of Array.from(document.querySelectorAll(name))) stale.remove();
  const ui = await createShadowRootUi<Root>(ctx, {
    name,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: cssForShadowRoot(shadowCss),
    isolateEvents: true,
    onMount(container) {
      const root = createRoot(container);
      render(root);
      return root;
    },
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();
  return ui;
}
