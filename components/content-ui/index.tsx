// The UI chunk: built apart from the content scripts as an ES module (modules/content-ui.ts)
// and imported by them at run time (./load.ts). Its own copy of zod runs jitless too.
import '@/lib/zod-jitless';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { insertDraft } from '@/lib/composer/insert-draft';
import { insertIntoComposer } from '@/lib/composer/insert-into-composer';
import type { Store } from '@/lib/content/store';
import type { UiLanguage } from '@/lib/i18n/translate';
import { mountReactShadowUi } from '../ui/shadow-ui';
import { UiLanguageContext } from '../ui/use-translate';
import { useStore } from '../ui/use-store';
import { loadView, type ViewName, type ViewProps } from './views';

/** The composer's insertion strategies: in this chunk, not in what runs at every page load (./load.ts composerInUi). */
export const composer = { insertDraft, insertIntoComposer };

/** Mounts a feature's view in its shadow-root host at the end of <body>; `remove()` takes it away. */
export async function mountFeatureView<N extends ViewName>(
  ctx: ContentScriptContext,
  hostName: string,
  view: N,
  props: ViewProps<N>,
  language: Store<UiLanguage>,
): Promise<{ remove(): void }> {
  const View = await loadView(view);
  // Committed synchronously: the feature's glance is taken away in the same task, so no frame shows both.
  const ui = await mountReactShadowUi(ctx, hostName, (root: Root) =>
    flushSync(() =>
      root.render(
        <LanguageRoot language={language}>
          <View {...(props as ViewProps<N> & object)} />
        </LanguageRoot>,
      ),
    ),
  );
  return { remove: () => ui.remove() };
}

/** Provides the current UI language to a feature's view, and re-renders it when the options change it. */
function LanguageRoot({ language, children }: { language: Store<UiLanguage>; children: ReactNode }) {
  return <UiLanguageContext.Provider value={useStore(language)}>{children}</UiLanguageContext.Provider>;
}
