import { resolve } from 'node:path';
import { build, type InlineConfig, type PluginOption } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** The UI chunk's entry (React, the views, the panel's CSS) and where it is written in the extension. */
export const CONTENT_UI_ENTRY = 'components/content-ui/index.tsx';
export const CONTENT_UI_DIR = 'content-ui';

// WXT bundles each content script into one classic script (an IIFE): a dynamic import inside
// is inlined, so React would run at every page load. This module builds the UI apart, as an ES
// module with its own chunks, into <output>/content-ui/; the content scripts import it at run
// time from its extension URL (components/content-ui/load.ts), web-accessible on the CRM hosts
// only (wxt.config.ts). Same plugins, aliases and defines as the content scripts' build.
export default defineWxtModule({
  name: 'pulso:content-ui',
  setup(wxt) {
    let contentScriptConfig: InlineConfig | undefined;
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!contentScriptConfig && entrypoints.some((entry) => entry.type === 'content-script')) contentScriptConfig = config;
    });

    wxt.hooks.hook('build:done', async (wxt, output) => {
      if (!contentScriptConfig) throw new Error('modules/content-ui.ts: no content script was built, nothing to take the build settings from');
      const { plugins = [], build: { rollupOptions: _iifeOutput, rolldownOptions: _iifeOutput2, ...contentBuild } = {}, ...shared } = contentScriptConfig;
      const outDir = resolve(wxt.config.outDir, CONTENT_UI_DIR);
      const result = await build({
        ...shared,
        // The content scripts' IIFE wrappers do not apply to an ES module.
        plugins: (plugins as PluginOption[]).flat(Infinity as 1).filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name.startsWith('wxt:iife'))),
        build: {
          ...contentBuild,
          lib: false,
          outDir,
          emptyOutDir: true,
          copyPublicDir: false,
          // No <link rel="modulepreload"> written into the CRM's page: chunks load by import only.
          modulePreload: false,
          rolldownOptions: {
            input: resolve(wxt.config.root, CONTENT_UI_ENTRY),
            preserveEntrySignatures: 'exports-only',
            // One file: Chrome resolves a module's own imports against the extension's fixed id,
            // which `use_dynamic_url` (wxt.config.ts) refuses, so the UI cannot be split further.
            output: { format: 'es', entryFileNames: 'index.js', inlineDynamicImports: true },
          },
        },
      });
      const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
      output.publicAssets.push(...chunks.map((chunk) => ({ type: 'asset' as const, fileName: `${CONTENT_UI_DIR}/${chunk.fileName}` })));
    });

    // Lets browser.runtime.getURL('/content-ui/index.js') type-check.
    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      paths.push(`${CONTENT_UI_DIR}/index.js`);
    });
  },
});
